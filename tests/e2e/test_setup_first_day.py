"""The first day of a real install, in Chromium, from an empty database (no demo seed):

`createsuperuser --noinput` → the platform administrator starts a community and invites its first
administrator by letter → she activates the letter's code → sets the help desk's phone number and
hours → imports the streets from CSV (a wrong file is refused and stores nothing). The footer of
every page of the community then shows the phone number, and so does the public contact API.
"""

import json

import pytest
from django.core.management import call_command

from naober.communities.models import Area, Community
from naober.people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)

STREETS = "district,neighbourhood,street\nZuidoost,Krakeel,Krakeelweg\nZuidoost,Krakeel,Zuiderweg\n"
WRONG = STREETS + "Zuidoost,,Losse straat\n"


def test_first_day_from_an_empty_database(page, axe_check, login, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "platform")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Platform-geheim-2026")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "platform@voorbeeld.nl")
    call_command("createsuperuser", interactive=False, verbosity=0)
    assert not Community.objects.exists()

    # The platform administrator starts the community; a bad short name gets a Dutch message.
    login(page, "platform", "Platform-geheim-2026")
    page.goto("/")
    # The start page calls a community what every page behind it does (not a "buurt": an area).
    assert "Er is nog geen buurthulpproject begonnen." in page.locator("main").inner_text()
    page.get_by_role("link", name="Nieuw buurthulpproject starten").click()
    axe_check(page)
    page.get_by_label("Korte naam in het webadres").fill("Zuid Oost")
    page.get_by_label("Naam", exact=True).fill("Buurthulp Zuidoost")
    page.get_by_label("Gemeente").fill("Hoogeveen")
    page.get_by_role("button", name="Buurthulpproject aanmaken").click()
    assert "kleine letters" in page.locator("main").inner_text()
    assert not Community.objects.exists()
    page.get_by_label("Korte naam in het webadres").fill("zuidoost")
    page.get_by_role("button", name="Buurthulpproject aanmaken").click()

    # ... and invites its first administrator with a printed letter.
    page.get_by_label("Naam", exact=True).fill("Bea Beheer")
    page.get_by_label("Postadres").fill("Stationsweg 1, Hoogeveen")
    axe_check(page)
    page.get_by_role("button", name="Uitnodigen").click()
    page.get_by_role("heading", name="Uitnodiging gemaakt").wait_for()
    axe_check(page)
    code = page.locator("strong.code").inner_text()
    # Not a member: inside the community the platform administrator finds nothing.
    assert page.goto("/c/zuidoost/settings/").status == 404
    page.get_by_role("button", name="Uitloggen").click()

    # The administrator activates the code from her letter.
    page.goto("/accounts/activate/")
    page.get_by_label("Uw code").fill(code)
    page.get_by_label("Kies een gebruikersnaam").fill("bea")
    page.get_by_label("Kies een wachtwoord").fill("Zuidoost-beheer-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/c/zuidoost/**")

    # She sets the help desk's phone number and hours.
    page.get_by_text("Mensen en instellingen").click()  # the menu group that holds it
    page.get_by_role("link", name="Instellingen", exact=True).click()
    axe_check(page)
    page.get_by_label("Telefoonnummer van de hulplijn").fill("bel me maar")
    page.get_by_role("button", name="Opslaan").click()
    assert "alleen cijfers" in page.locator("main").inner_text()
    page.get_by_label("Telefoonnummer van de hulplijn").fill("0528 99 88 77")
    page.get_by_label("Wanneer de telefoon wordt opgenomen").fill("ma-vr 10-12 uur")
    page.get_by_label("Buiten die tijden").fill("daarna de voicemail")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De instellingen zijn opgeslagen.").wait_for()
    footer = page.locator("footer")
    assert (
        footer.get_by_role("link", name="0528 99 88 77").get_attribute("href") == "tel:0528998877"
    )
    assert "daarna de voicemail" in footer.inner_text()

    # She imports the streets: a wrong file is refused as a whole, a right one after a check.
    page.get_by_role("link", name="Gebieden", exact=True).click()
    page.get_by_role("link", name="Straten inlezen uit een CSV-bestand").click()
    axe_check(page)
    page.get_by_label("Of plak de regels hier").fill(WRONG)
    page.get_by_role("button", name="Controleren (bewaart niets)").click()
    assert "Regel 4" in page.get_by_role("alert").inner_text()
    assert page.get_by_role("button", name="Deze gebieden inlezen").count() == 0
    page.get_by_label("Of plak de regels hier").fill(STREETS)
    page.get_by_role("button", name="Controleren (bewaart niets)").click()
    assert "voegt 4 gebieden toe" in page.locator("#result").inner_text()
    assert not Area.objects.filter(name="Krakeelweg").exists()
    axe_check(page)
    page.get_by_role("button", name="Deze gebieden inlezen").click()
    page.get_by_text("Ingelezen: 4 nieuwe gebieden.").wait_for()
    assert page.locator(".area-tree").get_by_text("Zuiderweg").count() == 1
    axe_check(page)

    # The phone number is on every page of the community, on the login page and in the API.
    page.goto("/c/zuidoost/")
    assert "0528 99 88 77" in page.locator("footer").inner_text()
    page.get_by_role("button", name="Uitloggen").click()
    page.goto("/accounts/login/?next=/c/zuidoost/")
    assert "0528 99 88 77" in page.locator("main").inner_text()
    contact = json.loads(page.goto("/api/v1/c/zuidoost/contact").text())
    assert contact["phone"] == "0528 99 88 77"
    assert contact["opening_hours"] == "ma-vr 10-12 uur"


def test_administrator_keeps_categories_and_areas_on_a_small_phone(page, axe_check, login):
    from tests.factories import make_community, make_person

    community = make_community("wijk", "Buurthulp De Wijk")
    admin = make_person(community, "admin")
    page.set_viewport_size({"width": 360, "height": 800})
    login(page, admin.user.username)
    page.goto("/c/wijk/settings/categories/")
    axe_check(page)
    page.get_by_label("Code").fill("Hond uitlaten")
    page.get_by_label("Naam in het Nederlands").fill("Hond uitlaten")
    page.get_by_role("button", name="Toevoegen").click()
    assert "kleine letters" in page.locator("main").inner_text()
    page.get_by_label("Code").fill("hond-uitlaten")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("De soort hulp is toegevoegd.").wait_for()
    # A name alone is enough: the code is made from it.
    page.get_by_label("Naam in het Nederlands").fill("Koffie drinken")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("De soort hulp is toegevoegd.").wait_for()
    assert page.get_by_role("row").filter(has_text="Koffie drinken").count() == 1
    page.get_by_role("button", name="Hond uitlaten omhoog zetten").click()
    page.get_by_role("link", name="Hond uitlaten").click()
    axe_check(page)
    page.get_by_label("In gebruik").uncheck()
    page.get_by_role("button", name="Opslaan").click()
    row = page.get_by_role("row").filter(has_text="Hond uitlaten")
    assert "nee" in row.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Gebieden", exact=True).click()
    page.get_by_label("Soort").select_option("street")
    page.get_by_label("Naam").fill("Molenweg")
    page.get_by_label("Ligt in").select_option(label="\u00a0\u00a0\u00a0\u00a0Krakeel (buurt)")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("Het gebied is toegevoegd.").wait_for()
    assert page.locator(".area-tree").get_by_text("Molenweg").count() == 1
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def _enrol_code_app(page):
    """Type the first code of a code app set up from the page's otpauth:// link."""
    import base64
    from urllib.parse import parse_qs, urlparse

    from django_otp.oath import totp

    link = page.locator("a[href^='otpauth://']").get_attribute("href")
    secret = parse_qs(urlparse(link).query)["secret"][0]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("De code van 6 cijfers uit uw app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Aanzetten").click()
    page.get_by_text("Inloggen in twee stappen staat aan.").wait_for()


def test_first_day_with_two_step_login_on(page, axe_check, login, settings, monkeypatch):
    """Production's two-step login: nobody but the platform administrator needs the server.

    The first administrator used to be stuck at "Instelcode van uw beheerder ... Vraag het uw
    beheerder" (nobody inside the new community could give her one), and her first coordinator,
    entered with a name and an e-mail address, was refused for lacking a phone number.
    """
    import io

    from django.core import mail

    from tests.accounts.helpers import code_from_mail

    settings.REQUIRE_2FA_FOR_STAFF = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "platform")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Platform-geheim-2026")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "platform@voorbeeld.nl")
    call_command("createsuperuser", interactive=False, verbosity=0)

    # The platform administrator is told which command makes his setup code.
    login(page, "platform", "Platform-geheim-2026")
    assert "manage.py twofactor_setup_code platform" in page.locator("main").inner_text()
    axe_check(page)
    out = io.StringIO()
    call_command("twofactor_setup_code", "platform", stdout=out)
    page.get_by_label("Instelcode van uw beheerder").fill(out.getvalue().split(": ")[1].split()[0])
    page.get_by_role("button", name="Verder").click()
    _enrol_code_app(page)

    page.get_by_role("link", name="Nieuw buurthulpproject starten").click()
    page.get_by_label("Korte naam in het webadres").fill("zuidwolde")
    page.get_by_label("Naam", exact=True).fill("Naoberhulp Zuidwolde")
    page.get_by_label("Gemeente").fill("De Wolden")
    page.get_by_role("button", name="Buurthulpproject aanmaken").click()
    page.get_by_label("Naam", exact=True).fill("Anke Admin")
    page.get_by_label("Postadres").fill("Hoofdstraat 1, Zuidwolde")
    page.get_by_role("button", name="Uitnodigen").click()
    code = page.locator("strong.code").inner_text()
    page.get_by_role("button", name="Uitloggen").click()

    # The first administrator activates her letter and goes straight to the code app.
    page.goto("/accounts/activate/")
    page.get_by_label("Uw code").fill(code)
    page.get_by_label("Kies een gebruikersnaam").fill("anke")
    page.get_by_label("Kies een wachtwoord").fill("Zuidwolde-beheer-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/c/zuidwolde/security/2fa/setup/**")
    assert page.get_by_label("Instelcode van uw beheerder").count() == 0
    axe_check(page)
    _enrol_code_app(page)
    # Her day starts at the help desk's settings, with what comes after them.
    page.wait_for_url("**/c/zuidwolde/settings/")
    assert "Begin hier" in page.locator("main").inner_text()
    page.get_by_label("Telefoonnummer van de hulplijn").fill("0528 37 12 34")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De instellingen zijn opgeslagen.").wait_for()

    # She invites her first coordinator in one step, from the settings she is on: a name, an
    # e-mail address, the role (coordinator is chosen already) and send: 4 actions, where
    # registering, giving the role and inviting on three pages took 12. On a small phone too.
    page.set_viewport_size({"width": 360, "height": 800})
    page.get_by_role("link", name="Iemand uitnodigen", exact=True).click()
    axe_check(page)
    page.get_by_role("button", name="Uitnodiging versturen").click()
    assert "Dit veld is verplicht." in page.locator("main").inner_text()
    assert not Person.objects.filter(name="Karin Kok").exists()
    page.get_by_label("Naam", exact=True).fill("Karin Kok")
    page.get_by_label("E-mailadres").fill("karin@voorbeeld.nl")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.get_by_text(
        "Karin Kok is ingeschreven als coördinator en de uitnodiging is verstuurd."
    ).wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Uitloggen").click()

    # The coordinator follows the link in her e-mail and lands on the workbench.
    assert mail.outbox[-1].to == ["karin@voorbeeld.nl"]
    page.goto(f"/accounts/activate/?code={code_from_mail()}")
    page.get_by_label("Kies een gebruikersnaam").fill("karin")
    page.get_by_label("Kies een wachtwoord").fill("Karin-coordineert-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/c/zuidwolde/security/2fa/setup/**")
    _enrol_code_app(page)
    page.wait_for_url("**/c/zuidwolde/workbench/")
    axe_check(page)
