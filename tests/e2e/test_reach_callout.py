"""Browser walk of sending a request out (issue 15.1): a coordinator sends a request to five
helpers from the request page (the suggestions preselected); one helper opens the no-login link
from their e-mail and says yes; the coordinator sees who answered what. At 360 px, axe on each."""

import pytest

from naober.reach import links
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
