"""Coordinator pages: message log, per-person history, letters, calls, send a message."""

import pytest
from django.core import mail

from naober.notify.models import Message, MessageStatus
from naober.notify.services import notify


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator")


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator.user)
    return client


def url(path: str, slug: str = "wijk") -> str:
    return f"/c/{slug}/messages/{path}"


def letter_for(community, person_factory, name, address="Kerkstraat 3, 7901 AB Hoogeveen"):
    person = person_factory(community, preferred_channel="letter", name=name, address=address)
    return notify(person, "custom", {"subject": f"Brief voor {name}", "body": "Tot ziens."})


# --- permissions: staff only -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "letters/", "calls/"])
def test_staff_may_open_the_message_pages(staff_client, path):
    assert staff_client.get(url(path)).status_code == 200


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner"])
@pytest.mark.parametrize("path", ["", "letters/", "calls/"])
def test_other_roles_may_not(client, community, person_factory, role, path):
    client.force_login(person_factory(community, role).user)
    assert client.get(url(path)).status_code == 403


def test_anonymous_visitors_are_asked_to_log_in(client, community):
    response = client.get(url("letters/"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_menu_shows_messages_only_to_staff(client, staff_client, community, person_factory):
    assert url("") in staff_client.get("/c/wijk/").content.decode()
    client.force_login(person_factory(community, "resident").user)
    assert url("") not in client.get("/c/wijk/").content.decode()


# --- letters ---------------------------------------------------------------------------------


def test_letters_page_shows_only_this_communitys_letters(
    staff_client, community, other_community, person_factory
):
    letter_for(community, person_factory, "Gerda Hier")
    letter_for(other_community, person_factory, "Henk Elders")
    html = staff_client.get(url("letters/")).content.decode()
    assert "Gerda Hier" in html and "Kerkstraat 3<br>7901 AB Hoogeveen" in html
    assert "Henk Elders" not in html and "Brief voor Henk" not in html


def test_marking_printed_touches_only_this_communitys_letters(
    staff_client, community, other_community, person_factory
):
    mine = letter_for(community, person_factory, "Gerda Hier")
    theirs = letter_for(other_community, person_factory, "Henk Elders")
    response = staff_client.post(url("letters/"), {"letter": [mine.pk, theirs.pk, "x", "-1"]})
    assert response.status_code == 302
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.status == MessageStatus.PRINTED and mine.sent_at
    assert theirs.status == MessageStatus.QUEUED
    assert "Gerda Hier" not in staff_client.get(url("letters/")).content.decode()


def test_residents_cannot_mark_letters_printed(client, community, person_factory):
    letter = letter_for(community, person_factory, "Gerda Hier")
    client.force_login(person_factory(community, "resident").user)
    assert client.post(url("letters/"), {"letter": [letter.pk]}).status_code == 403
    letter.refresh_from_db()
    assert letter.status == MessageStatus.QUEUED


# --- calls -----------------------------------------------------------------------------------


def test_calls_list_and_mark_done_with_a_note(staff_client, community, coordinator, person_factory):
    person = person_factory(community, preferred_channel="phone", name="Kees Bellen")
    message = notify(person, "custom", {"subject": "Bel Kees", "body": "Morgen komt Piet."})
    assert "Kees Bellen" in staff_client.get(url("calls/")).content.decode()
    response = staff_client.post(url(f"calls/{message.pk}/done/"), {"note": "Kees weet het."})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.handled_note == "Kees weet het."
    assert message.handled_by == coordinator
    assert "Kees Bellen" not in staff_client.get(url("calls/")).content.decode()


def test_call_of_another_community_is_not_found(staff_client, other_community, person_factory):
    person = person_factory(other_community, preferred_channel="phone")
    message = notify(person, "custom", {"subject": "x", "body": "y"})
    assert staff_client.post(url(f"calls/{message.pk}/done/"), {"note": ""}).status_code == 404
    message.refresh_from_db()
    assert message.status == MessageStatus.HANDED_TO_COORDINATOR


def test_over_long_call_note_changes_nothing(staff_client, community, person_factory):
    message = notify(
        person_factory(community, preferred_channel="phone"),
        "custom",
        {"subject": "x", "body": "y"},
    )
    staff_client.post(url(f"calls/{message.pk}/done/"), {"note": "x" * 501})
    message.refresh_from_db()
    assert message.status == MessageStatus.HANDED_TO_COORDINATOR


def test_calls_page_needs_post_to_mark_done(staff_client, community, person_factory):
    message = notify(
        person_factory(community, preferred_channel="phone"),
        "custom",
        {"subject": "x", "body": "y"},
    )
    assert staff_client.get(url(f"calls/{message.pk}/done/")).status_code == 405


# --- log -------------------------------------------------------------------------------------


def test_log_is_scoped_to_the_community_and_filters(
    staff_client, community, other_community, person_factory
):
    notify(
        person_factory(community, preferred_channel="letter"),
        "custom",
        {"subject": "Brief hier", "body": "b"},
    )
    notify(
        person_factory(community, preferred_channel="phone"),
        "custom",
        {"subject": "Bellen hier", "body": "b"},
    )
    notify(
        person_factory(other_community, preferred_channel="letter"),
        "custom",
        {"subject": "Brief elders", "body": "b"},
    )
    html = staff_client.get(url("")).content.decode()
    assert "Brief hier" in html and "Bellen hier" in html and "Brief elders" not in html
    html = staff_client.get(url(""), {"channel": "letter"}).content.decode()
    assert "Brief hier" in html and "Bellen hier" not in html
    html = staff_client.get(url(""), {"status": "handed_to_coordinator"}).content.decode()
    assert "Bellen hier" in html and "Brief hier" not in html


def test_log_ignores_bad_filter_values(staff_client):
    response = staff_client.get(url(""), {"channel": "pigeon", "status": "x" * 500, "page": "-9"})
    assert response.status_code == 200


def test_person_history_and_other_communitys_person(
    staff_client, community, other_community, person_factory
):
    person = person_factory(community, preferred_channel="letter")
    notify(person, "custom", {"subject": "Voor deze persoon", "body": "b"})
    notify(
        person_factory(community, preferred_channel="letter"),
        "custom",
        {"subject": "Voor een ander", "body": "b"},
    )
    html = staff_client.get(url(f"person/{person.pk}/")).content.decode()
    assert "Voor deze persoon" in html and "Voor een ander" not in html
    stranger = person_factory(other_community)
    assert staff_client.get(url(f"person/{stranger.pk}/")).status_code == 404


# --- send a message --------------------------------------------------------------------------


def test_send_a_message_goes_through_the_preferred_channel(
    staff_client, community, person_factory, settings, django_capture_on_commit_callbacks
):
    person = person_factory(community, preferred_channel="email")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url(f"person/{person.pk}/send/"),
            {"subject": "Koffie", "body": "Kom je donderdag koffie drinken?"},
        )
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.event == "custom" and message.channel == "email"
    assert message.status == MessageStatus.SENT
    assert mail.outbox[0].subject == "Koffie" and "donderdag" in mail.outbox[0].body


@pytest.mark.parametrize(
    "data",
    [
        {"subject": "Leeg", "body": ""},
        {"subject": "Spaties", "body": "   "},
        {"subject": "Te lang", "body": "x" * 2001},
        {"subject": "x" * 201, "body": "Goed"},
    ],
)
def test_bad_message_stores_nothing(staff_client, community, person_factory, data):
    person = person_factory(community, preferred_channel="letter")
    response = staff_client.post(url(f"person/{person.pk}/send/"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Message.objects.count() == 0


def test_sending_to_another_communitys_person_is_not_found(
    staff_client, other_community, person_factory
):
    stranger = person_factory(other_community, preferred_channel="letter")
    response = staff_client.post(url(f"person/{stranger.pk}/send/"), {"body": "Hallo"})
    assert response.status_code == 404
    assert Message.objects.count() == 0


def test_residents_cannot_send_messages(client, community, person_factory):
    person = person_factory(community, preferred_channel="letter")
    client.force_login(person_factory(community, "resident").user)
    # A page about one person answers "not found" to whoever may not use it (issue 12.3).
    assert client.post(url(f"person/{person.pk}/send/"), {"body": "Hallo"}).status_code == 404
    assert Message.objects.count() == 0
