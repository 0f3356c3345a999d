"""Browser walk of sending a request out (issue 15.1): a coordinator sends a request to five
helpers from the request page (the suggestions preselected); one helper opens the no-login link
from their e-mail and says yes; the coordinator sees who answered what. At 360 px, axe on each.
And from the intake screen to everyone in the caller's street, answered by SMS."""

import re

import pytest

from naober.exchange.models import HelpRequest, Match
from naober.reach import links, services
from naober.reach.models import Ask
from tests.exchange.helpers import make_offer, make_request
from tests.factories import make_community, make_person


@pytest.fixture
def wijk(db):
    community = make_community("wijk", "Buurthulp De Wijk")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    asker = make_person(community, "resident", name="Grietje Zwaantjes", address="Kerkstraat 7")
    for number in range(5):
        helper = make_person(
            community,
            "volunteer",
            name=f"Helper{number} Buur",
            preferred_channel="email" if number % 2 else "sms",
        )
        make_offer(community, helper)
    return community, coordinator, make_request(community, asker)


def test_coordinator_sends_out_to_five_and_a_helper_says_yes_without_login(
    page, login, axe_check, wijk
):
    community, coordinator, help_request = wijk
    page.set_viewport_size({"width": 360, "height": 800})
    login(page, coordinator.user.username)
    page.goto(f"/c/{community.slug}/requests/{help_request.pk}/")
    page.get_by_role("link", name="Uitzetten bij meer helpers tegelijk").click()
    page.wait_for_load_state()
    axe_check(page)
    assert page.locator("input[name=helpers]:checked").count() == 5
    page.get_by_role("button", name="Uitzetten").click()
    page.wait_for_load_state()
    assert "5 helpers gevraagd" in page.content()
    axe_check(page)

    ask = Ask.objects.filter(request=help_request, channel="email").first()
    helper_page = page.context.browser.new_context(
        base_url=page.url.split("/c/")[0], locale="nl-NL"
    ).new_page()
    helper_page.set_viewport_size({"width": 360, "height": 800})
    helper_page.goto("/c/" + links.answer_url(ask).split("/c/", 1)[1])
    axe_check(helper_page)
    body = helper_page.content()
    assert "Grietje" not in body and "Kerkstraat" not in body
    helper_page.get_by_role("button", name="Ja, ik kan helpen").click()
    helper_page.wait_for_load_state()
    assert "U helpt met deze vraag" in helper_page.content()
    axe_check(helper_page)

    page.reload()
    row = page.get_by_role("row", name=ask.person.name)
    assert "ja, helpt" in row.inner_text()
    assert page.get_by_role("button", name="Uitzetten").count() == 0
    axe_check(page)
    # no dead end once the request is taken: back to the request, which shows the match
    page.get_by_role("link", name="Terug naar de hulpvraag").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/requests/{help_request.pk}/")
    assert ask.person.name in page.content()


def test_intake_sends_out_to_the_street_and_an_sms_yes_becomes_the_proposal(
    page, login, axe_check, wijk
):
    """From the intake screen: the caller's request entered, sent out to everyone in her street
    who offers that kind of help, one helper answers "JA <code>" by text message, and that yes
    is the proposal (the helper's yes recorded) the coordinator sees on the send-out page."""
    community, coordinator, _request = wijk
    caller = make_person(community, "resident", name="Aaltje Hoekstra", login=False)
    login(page, coordinator.user.username)
    page.goto(f"/c/{community.slug}/desk/intake/?person={caller.pk}")
    axe_check(page)
    page.locator("#id_category").select_option("tuin")
    page.locator("#id_title").fill("Heg knippen")
    page.locator("#id_matching_consent").select_option("yes")
    page.get_by_role("button", name="Vraag opslaan").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=re.compile("Zet de vraag uit")).click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label(re.compile("Iedereen in Dorpsstraat die dit soort hulp aanbiedt")).check()
    page.get_by_role("button", name="Uitzetten").click()
    page.wait_for_load_state()
    assert "5 helpers gevraagd" in page.content()

    help_request = HelpRequest.objects.get(requester=caller)
    ask = Ask.objects.filter(request=help_request, channel="sms").first()
    assert services.answer_sms(ask.person.phone, f"JA {ask.reply_code}") == "won"
    match = Match.objects.get(request=help_request)
    assert match.helper == ask.person and match.helper_yes_at is not None

    page.reload()
    assert "ja, helpt" in page.get_by_role("row", name=ask.person.name).inner_text()
    page.get_by_role("link", name="Terug naar het intakescherm").click()
    page.wait_for_load_state()
    assert "Terug naar het intakescherm" not in page.content()  # back on the intake screen
    axe_check(page)
