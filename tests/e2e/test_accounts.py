"""Letting people in, in a real browser: a letter invitation for a resident without e-mail who
then asks for help; a public sign-up approved by a coordinator; password reset; a login code.
Every page is checked with axe; the resident's pages at 360 px."""

import re

import pytest
from django.core import mail

from naober.accounts.models import JoinRequest
from naober.communities.models import SelfSignup
from naober.exchange.models import HelpRequest
from naober.people.models import Person
from tests.accounts.helpers import code_from_mail, code_from_sms
from tests.factories import make_community, make_person

STRONG = "Venus-straat-87!"
PHONE = {"width": 360, "height": 780}


def go(page, axe_check, path):
    page.goto(path)
    page.wait_for_load_state()
    axe_check(page)


def click(page, axe_check, role, name):
    page.get_by_role(role, name=name).first.click()
    page.wait_for_load_state()
    axe_check(page)


@pytest.mark.django_db(transaction=True)
def test_letter_invitation_then_the_resident_asks_for_help(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    community.phone = "0528 765432"
    community.save()
    coordinator = make_person(community, "coordinator")
    gerda = make_person(
        community, login=False, name="Gerda Brink", email="", phone="", address="Kerkstraat 3"
    )
    login(page, coordinator.user.username)
    assert page.url.endswith("/c/wijk/workbench/")  # a coordinator's day starts there
    go(page, axe_check, f"/c/wijk/people/{gerda.pk}/")
    click(page, axe_check, "link", "Uitnodigen om in te loggen")
    page.get_by_label(re.compile("brief om te printen")).check()
    click(page, axe_check, "button", "Uitnodiging versturen")
    letter = page.get_by_role("article", name="Brief aan Gerda Brink")
    assert "0528 765432" in letter.inner_text()
    code = page.locator(".code").inner_text()

    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    go(page, axe_check, "/accounts/login/")
    click(page, axe_check, "link", re.compile("Een brief of bericht met een code"))
    page.get_by_label("Uw code").fill(code.lower())
    page.get_by_label("Kies een gebruikersnaam").fill("gerda")
    page.get_by_label("Kies een wachtwoord").fill("1234")
    click(page, axe_check, "button", "Beginnen")
    assert "te kort" in page.content()
    page.get_by_label("Kies een wachtwoord").fill(STRONG)
    click(page, axe_check, "button", "Beginnen")
    assert page.url.endswith("/c/wijk/")
    assert Person.objects.get(pk=gerda.pk).user.username == "gerda"

    click(page, axe_check, "link", "Vraag hulp")
    page.get_by_label("Klussen in en om het huis").check()
    page.get_by_label("Waar heeft u hulp bij nodig?").fill("Lamp ophangen in de gang")
    click(page, axe_check, "button", "Verstuur mijn vraag")
    assert HelpRequest.objects.get().requester_id == gerda.pk
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.django_db(transaction=True)
def test_sign_up_is_approved_and_the_person_logs_in(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    community.self_signup = SelfSignup.APPROVAL
    community.house_rules = "We helpen elkaar zonder geld."
    community.save()
    coordinator = make_person(community, "coordinator")

    page.set_viewport_size(PHONE)
    go(page, axe_check, "/c/wijk/")
    click(page, axe_check, "link", "Nog geen inlog? Meld u aan")
    page.get_by_label("Uw naam").fill("Kees Jansen")
    page.get_by_label("E-mailadres").fill("kees@voorbeeld.nl")
    page.get_by_label("hulp vragen").check()
    page.get_by_label("Ik ga akkoord met de huisregels").check()
    click(page, axe_check, "button", "Aanmelden")
    assert "Kijk in uw e-mail" in page.content()
    go(page, axe_check, f"/c/wijk/join/verify/?code={code_from_mail()}")
    assert "Bedankt voor uw aanmelding" in page.content()

    page.set_viewport_size({"width": 1100, "height": 900})
    login(page, coordinator.user.username)
    page.locator("summary", has_text="Buurt").click()  # the menu group that holds it
    click(page, axe_check, "link", "Aanmeldingen")
    click(page, axe_check, "button", "Kees Jansen goedkeuren")
    assert JoinRequest.objects.get().status == "approved"

    page.context.clear_cookies()
    go(page, axe_check, f"/accounts/activate/?code={code_from_mail()}")
    page.get_by_label("Kies een gebruikersnaam").fill("kees")
    page.get_by_label("Kies een wachtwoord").fill(STRONG)
    click(page, axe_check, "button", "Beginnen")
    assert page.url.endswith("/c/wijk/")


@pytest.mark.django_db(transaction=True)
def test_password_reset_and_login_code(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    anna = make_person(community, email="anna@voorbeeld.nl")
    make_person(community, email="", phone="06 44445555")

    go(page, axe_check, "/accounts/login/")
    click(page, axe_check, "link", "Wachtwoord vergeten?")
    page.get_by_label("E-mailadres").fill("anna@voorbeeld.nl")
    click(page, axe_check, "button", "Stuur mij de link")
    link = re.search(r"http://\S+", mail.outbox[-1].body).group(0)
    go(page, axe_check, link)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("Nieuw-wachtwoord-42")
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill("Nieuw-wachtwoord-42")
    click(page, axe_check, "button", "Mijn nieuwe wachtwoord bewaren")
    login(page, anna.user.username, "Nieuw-wachtwoord-42")
    assert page.url.endswith("/c/wijk/")

    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    go(page, axe_check, "/accounts/login/")
    click(page, axe_check, "link", "Inloggen met een code per sms of e-mail")
    page.get_by_label("Uw gebruikersnaam, e-mailadres of mobiele nummer").fill("06 44445555")
    click(page, axe_check, "button", "Stuur mij een code")
    page.get_by_label("De code die we u stuurden").fill(code_from_sms("06 44445555"))
    click(page, axe_check, "button", "Inloggen")
    assert page.url.endswith("/c/wijk/")


@pytest.mark.django_db(transaction=True)
def test_a_member_elsewhere_gets_no_login_loop(page, login, axe_check):
    make_community("wijk", "Buurthulp De Wijk")
    other = make_community("elders", "Burenhulp Elders")
    stranger = make_person(other)
    login(page, stranger.user.username)
    go(page, axe_check, "/c/wijk/")
    assert "U bent ingelogd, maar u doet niet mee" in page.content()
    click(page, axe_check, "link", "Naar uw eigen buurt")
    assert page.url.endswith("/c/elders/")


@pytest.mark.django_db(transaction=True)
def test_closed_sign_up_and_the_chooser(page, login, axe_check):
    community = make_community("wijk", "Buurthulp De Wijk")
    community.phone = "0528 765432"
    community.save()
    other = make_community("elders", "Burenhulp Elders")
    page.set_viewport_size(PHONE)
    page.goto("/c/wijk/join/")
    axe_check(page)
    assert page.get_by_role("link", name="Bel 0528 765432").is_visible()
    person = make_person(community)
    Person.objects.filter(pk=make_person(other, login=False).pk).update(user=person.user)
    login(page, person.user.username)
    assert page.url.endswith("/accounts/after-login/")
    axe_check(page)
    click(page, axe_check, "link", "Burenhulp Elders")
    assert page.url.endswith("/c/elders/")
