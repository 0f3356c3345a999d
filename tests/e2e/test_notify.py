"""A coordinator opens the letters to print and the message log in a real browser."""

import pytest

from naober.notify.services import notify
from tests.factories import make_community, make_person


@pytest.mark.django_db(transaction=True)
def test_coordinator_prints_letters_and_reads_the_log(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", phone="0528 123456")
    resident = make_person(
        community,
        name="Gerda Brink",
        preferred_channel="letter",
        digital=False,
        address="Kerkstraat 3, 7901 AB Hoogeveen",
    )
    notify(resident, "custom", {"subject": "Koffieochtend", "body": "Donderdag is er koffie."})

    login(page, coordinator.user.username)
    page.goto("/c/wijk/messages/letters/")
    axe_check(page)
    letter = page.get_by_role("article", name="Brief aan Gerda Brink")
    assert "7901 AB Hoogeveen" in letter.inner_text()
    assert "Beste Gerda Brink," in letter.inner_text()
    page.get_by_role("button", name="Zet deze brieven op geprint").click()
    page.wait_for_load_state()
    assert "Er zijn geen brieven om te printen." in page.content()
    axe_check(page)

    page.get_by_role("link", name="Alle berichten").click()
    page.wait_for_load_state()
    axe_check(page)
    row = page.get_by_role("row", name="Gerda Brink")
    assert "geprint" in row.inner_text()


@pytest.mark.django_db(transaction=True)
def test_coordinator_sees_why_a_text_message_failed(page, login, axe_check, settings):
    """A gateway that never answers: after the retries the log says "mislukt" and why."""
    from naober.notify import delivery
    from naober.notify.models import Message

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.SMS_BACKEND, settings.SMS_GATEWAY_URL = "http", "http://127.0.0.1:9/send"
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator")
    resident = make_person(community, name="Henk Smit", preferred_channel="sms")
    message = notify(resident, "custom", {"subject": "Koffie", "body": "Donderdag koffie."})
    Message.objects.filter(pk=message.pk).update(attempts=delivery.MAX_ATTEMPTS - 1)
    assert delivery.deliver(message.pk) == "failed"

    login(page, coordinator.user.username)
    page.goto("/c/wijk/messages/?status=failed")
    axe_check(page)
    row = page.get_by_role("row", name="Henk Smit")
    assert "mislukt" in row.inner_text()
    assert "de sms-dienst was niet bereikbaar" in row.inner_text()
