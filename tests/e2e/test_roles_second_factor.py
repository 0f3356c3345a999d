"""Browser: staff set up two-step login with a setup code; an administrator gives roles and a
setup code; a coordinator may only give resident and volunteer, and not touch the administrator.
"""

import base64

import pytest
from django_otp.oath import totp

from naober.privacy import twofactor
from tests.factories import make_community, make_person


def set_up_code_app(page, axe_check, setup_code: str) -> None:
    """The two steps after the password: the administrator's setup code, then the app's code."""
    assert "/security/2fa/setup/" in page.url
    assert page.locator("code.secret").count() == 0  # no secret before the setup code
    axe_check(page)
    # .last: the desk's "ringing" widget may embed a copy of the page above the real form.
    form = page.locator("form:has(input[name=setup_code])").last
    form.get_by_label("Instelcode van uw beheerder").fill(setup_code)
    form.get_by_role("button", name="Verder").click()
    page.wait_for_load_state()
    axe_check(page)
    secret = page.locator("code.secret").last.inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    form = page.locator("form:has(input[name=code])").last
    form.get_by_label("De code van 6 cijfers uit uw app").fill(f"{totp(key):06d}")
    form.get_by_role("button", name="Aanzetten").click()
    page.wait_for_load_state()
    assert page.get_by_text("Inloggen in twee stappen staat aan").is_visible()


@pytest.mark.django_db(transaction=True)
def test_admin_and_coordinator_set_up_two_step_login_and_change_roles(
    browser, live_server, login, axe_check, settings
):
    settings.REQUIRE_2FA_FOR_STAFF = True
    community = make_community("wijk", "Buurthulp De Wijk")
    admin = make_person(community, "admin", name="Anke Beheer")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    volunteer = make_person(community, "volunteer", name="Vincent Vrijwilliger")
    _code, admin_setup = twofactor.issue_setup_code(admin.user)  # as manage.py would

    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    login(page, admin.user.username)
    set_up_code_app(page, axe_check, admin_setup)

    page.goto(f"/c/wijk/people/{volunteer.pk}/")
    page.get_by_role("link", name="Rollen en inloggen").click()
    page.wait_for_load_state()
    axe_check(page)
    page.get_by_label("lid van de bewonerskerngroep").check()
    page.get_by_role("button", name="Rollen opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("De rollen zijn opgeslagen.").is_visible()
    assert page.get_by_label("lid van de bewonerskerngroep").is_checked()

    page.goto(f"/c/wijk/people/{coordinator.pk}/access/")
    page.get_by_role("button", name="Instelcode maken").click()
    page.wait_for_load_state()
    axe_check(page)
    coordinator_setup = page.locator(".card strong").inner_text()
    context.close()

    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 360, "height": 800}
    )
    page = context.new_page()
    login(page, coordinator.user.username)
    set_up_code_app(page, axe_check, coordinator_setup.lower())

    page.goto(f"/c/wijk/people/{volunteer.pk}/access/")
    axe_check(page)
    for locked in ("core_group", "coordinator", "partner", "funder", "admin"):
        assert page.locator(f"#role_{locked}").is_disabled()
    page.locator("#role_resident").check()
    page.get_by_role("button", name="Rollen opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("De rollen zijn opgeslagen.").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the roles page is {width}px wide on a 360px screen"
    assert sorted(volunteer.memberships.values_list("role", flat=True)) == [
        "core_group",
        "resident",
        "volunteer",
    ]

    response = page.goto(f"/c/wijk/people/{admin.pk}/access/")
    assert response.status == 403
    context.close()
