"""The foundation's pages: landing, community home (privacy-safe), people pages, own profile."""

import io

import pytest

from naober.communities.models import Role
from naober.people.models import Consent, ContactChannel, Person, PersonTag, Tag
from tests.factories import street
from tests.foundation.test_foundation_tenancy import offer_of, request_of

# --- landing, language, errors ---------------------------------------------------------------


def test_landing_is_dutch_with_skip_link_and_landmarks(client, community):
    html = client.get("/").content.decode()
    assert '<html lang="nl">' in html
    assert "Buren helpen buren" in html
    assert '<a class="skip-link" href="#main">Naar de inhoud</a>' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'aria-label="Hoofdmenu"' in html
    assert "Buurthulp De Wijk" in html


def test_switch_to_english_and_back(client, db):
    english = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in english.content.decode()
    assert "Skip to the content" in english.content.decode()
    dutch = client.post("/i18n/setlang/", {"language": "nl", "next": "/"}, follow=True)
    assert '<html lang="nl">' in dutch.content.decode()
    assert "Buren helpen buren" in dutch.content.decode()


def test_the_language_switch_is_on_every_page(client, community):
    for path in ("/", "/c/wijk/", "/accounts/login/"):
        html = client.get(path).content.decode()
        assert 'name="language" value="en" lang="en"' in html


def test_unknown_community_page_is_a_dutch_404(client, db):
    response = client.get("/c/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_forbidden_page_is_a_dutch_403(browser_as, community, person_factory):
    response = browser_as(person_factory(community, Role.RESIDENT)).get("/c/wijk/people/")
    assert response.status_code == 403
    assert "Niet toegestaan" in response.content.decode()


# --- community home --------------------------------------------------------------------------


def test_community_home_is_open_to_anonymous_visitors(client, community):
    response = client.get("/c/wijk/")
    assert response.status_code == 200
    assert "Hulp in Buurthulp De Wijk" in response.content.decode()


def test_community_home_shows_first_name_and_street_only(client, community, person_factory):
    asker = person_factory(community, name="Johanna de Vries", address="Dorpsstraat 12")
    helper = person_factory(community, name="Gerrit Kerkhof", area=street(community, "Kerkstraat"))
    request_of(asker, "Hulp bij boodschappen", publish=True)
    offer_of(helper, "Ik help graag in de tuin")
    html = client.get("/c/wijk/").content.decode()
    assert "Hulp bij boodschappen" in html and "Ik help graag in de tuin" in html
    # A request shows the first name only (never with the street: issue 12.7), an offer both.
    assert "Johanna" in html and "Johanna, Dorpsstraat" not in html
    assert "Gerrit, Kerkstraat" in html
    for secret in ("de Vries", "Kerkhof", "Dorpsstraat 12", asker.phone, asker.email,
                   helper.phone, helper.email, helper.address):  # fmt: skip
        assert secret not in html


def test_seeded_community_home_never_shows_contact_details(client, browser_as, settings, db):
    """With 230 seeded residents: no phone, email or address reaches anonymous or members."""
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    people = Person.objects.filter(community__slug="demo")
    secrets = {s for row in people.values_list("phone", "email", "address") for s in row if s}
    assert len(secrets) > 400
    viewers = [client] + [
        browser_as(people.get(user__username=name)) for name in ("resident", "partner", "volunteer")
    ]
    for viewer in viewers:
        response = viewer.get("/c/demo/")
        html = response.content.decode()
        assert response.status_code == 200 and "card" in html
        leaked = [secret for secret in secrets if secret in html]
        assert not leaked, leaked[:5]


# --- people pages ----------------------------------------------------------------------------


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, Role.COORDINATOR, name="Carla Hofstede")


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN, Role.CORE_GROUP])
def test_people_list_for_staff_and_core_group(browser_as, members, role):
    response = browser_as(members[role]).get("/c/wijk/people/")
    assert response.status_code == 200
    assert members[Role.RESIDENT].name in response.content.decode()


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.VOLUNTEER, Role.PARTNER, Role.FUNDER])
def test_people_list_is_refused_to_others(browser_as, members, role):
    assert browser_as(members[role]).get("/c/wijk/people/").status_code == 403


def test_people_menu_link_only_for_who_may_see_the_list(browser_as, members):
    assert (
        'href="/c/wijk/people/"'
        in browser_as(members[Role.COORDINATOR]).get("/c/wijk/").content.decode()
    )
    assert (
        'href="/c/wijk/people/"'
        not in browser_as(members[Role.RESIDENT]).get("/c/wijk/").content.decode()
    )


def test_register_form_has_a_label_for_every_field(browser_as, coordinator):
    html = browser_as(coordinator).get("/c/wijk/people/new/").content.decode()
    for field in ("name", "phone", "email", "address", "area", "reachable_via_coordinator",
                  "preferred_channel", "date_of_birth", "languages_text"):  # fmt: skip
        assert f'for="id_{field}"' in html, field


def test_register_someone_without_login_through_the_coordinator(browser_as, coordinator):
    response = browser_as(coordinator).post(
        "/c/wijk/people/new/",
        {"name": "Bep Offline", "reachable_via_coordinator": "on", "preferred_channel": "phone"},
    )
    person = Person.objects.get(name="Bep Offline")
    assert response.status_code == 302
    assert response["Location"] == f"/c/wijk/people/{person.pk}/"
    assert person.user is None and person.preferred_channel == ContactChannel.VIA_COORDINATOR
    assert person.role_codes == ["resident"]


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"name": ""}, "name", "Dit veld is verplicht"),
        ({"name": "Bep"}, "phone", "vink"),
        ({"name": "Bep", "phone": "bel me"}, "phone", "alleen cijfers"),
        ({"name": "Bep", "email": "geen-adres", "preferred_channel": "email"}, "email", ""),
        ({"name": "Bep", "preferred_channel": "email", "phone": "06 12345678"}, "email",
         "e-mailadres in om per e-mail"),
        ({"name": "Bep", "phone": "06 12345678", "date_of_birth": "2999-01-01"},
         "date_of_birth", "tussen 1900 en vandaag"),
        ({"name": "Bep", "phone": "06 12345678", "languages_text": "Nederlands, Klingons"},
         "languages_text", "De taal &#x27;Klingons&#x27; kennen we niet"),
    ],
)  # fmt: skip
def test_register_form_errors_are_dutch_and_nothing_is_stored(
    browser_as, coordinator, data, field, message
):
    before = Person.objects.count()
    response = browser_as(coordinator).post(
        "/c/wijk/people/new/", {"preferred_channel": "phone"} | data
    )
    assert response.status_code == 200
    assert Person.objects.count() == before
    form = response.context["form"]
    errors = form.errors.get(field) or form.errors.get("languages") or []
    assert errors or field == "languages_text" and form.errors, form.errors
    assert message in response.content.decode()


def test_register_with_an_area_of_another_community_is_refused(
    browser_as, coordinator, other_community
):
    before = Person.objects.count()
    response = browser_as(coordinator).post(
        "/c/wijk/people/new/",
        {"name": "Bep", "phone": "06 12345678", "preferred_channel": "phone",
         "area": street(other_community).pk},
    )  # fmt: skip
    assert response.status_code == 200 and "area" in response.context["form"].errors
    assert Person.objects.count() == before


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.CORE_GROUP, Role.PARTNER])
def test_only_staff_may_register(browser_as, members, role):
    before = Person.objects.count()
    client = browser_as(members[role])
    assert client.get("/c/wijk/people/new/").status_code == 403
    client.post("/c/wijk/people/new/", {"name": "Bep", "reachable_via_coordinator": "on"})
    assert Person.objects.count() == before


def test_staff_change_a_person(browser_as, coordinator, community, person_factory):
    person = person_factory(community, name="Oude Naam")
    response = browser_as(coordinator).post(
        f"/c/wijk/people/{person.pk}/edit/",
        {"name": "Nieuwe Naam", "phone": "06 55555555", "preferred_channel": "phone",
         "languages_text": "nl, tr"},
    )  # fmt: skip
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.phone, person.languages) == ("Nieuwe Naam", "06 55555555",
                                                            ["nl", "tr"])  # fmt: skip


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.CORE_GROUP])
def test_others_may_not_change_a_person(browser_as, members, community, person_factory, role):
    person = person_factory(community, name="Oude Naam")
    response = browser_as(members[role]).post(
        f"/c/wijk/people/{person.pk}/edit/", {"name": "Nieuwe Naam"}
    )
    # Whoever cannot see the person at all is told "not found", like for an unknown id.
    assert response.status_code == (403 if role == Role.CORE_GROUP else 404)
    person.refresh_from_db()
    assert person.name == "Oude Naam"


def test_person_detail_shows_contact_details_to_staff(
    browser_as, coordinator, community, person_factory
):
    person = person_factory(community)
    html = browser_as(coordinator).get(f"/c/wijk/people/{person.pk}/").content.decode()
    assert person.phone in html and person.email in html and person.address in html


def test_person_detail_hides_contact_details_from_the_core_group(
    browser_as, members, community, person_factory
):
    person = person_factory(community)
    response = browser_as(members[Role.CORE_GROUP]).get(f"/c/wijk/people/{person.pk}/")
    html = response.content.decode()
    assert response.status_code == 200 and person.name in html
    assert person.phone not in html and person.email not in html and person.address not in html
    assert "Toestemming vastleggen" not in html


def test_staff_record_a_spoken_consent_and_the_history_is_kept(
    browser_as, coordinator, community, person_factory
):
    person = person_factory(community, login=False)
    client = browser_as(coordinator)
    for granted in ("yes", "no"):
        response = client.post(
            f"/c/wijk/people/{person.pk}/",
            {"purpose": "matching", "granted": granted, "method": "spoken", "note": "telefoon"},
        )
        assert response.status_code == 302
    consents = list(Consent.objects.filter(person=person).order_by("id"))
    assert [c.granted for c in consents] == [True, False]
    assert consents[-1].recorded_by == coordinator and consents[-1].method == "spoken"
    html = client.get(f"/c/wijk/people/{person.pk}/").content.decode()
    assert "Eerdere antwoorden over toestemming" in html
    assert html.count("mondeling gezegd") >= 2


def test_bad_consent_form_shows_errors_and_stores_nothing(
    browser_as, coordinator, community, person_factory
):
    person = person_factory(community)
    response = browser_as(coordinator).post(
        f"/c/wijk/people/{person.pk}/", {"purpose": "alles", "granted": "yes", "method": "duif"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"purpose", "method"}
    assert not Consent.objects.exists()


def test_core_group_may_not_record_consent(browser_as, members, community, person_factory):
    person = person_factory(community)
    response = browser_as(members[Role.CORE_GROUP]).post(
        f"/c/wijk/people/{person.pk}/", {"purpose": "contact", "granted": "yes", "method": "paper"}
    )
    assert response.status_code == 403
    assert not Consent.objects.exists()


def test_staff_add_and_remove_talents_and_needs(browser_as, coordinator, community, person_factory):
    person = person_factory(community)
    client = browser_as(coordinator)
    for kind, label, domain in [("talent", "Tuinieren", "activities"),
                                ("need", "Vervoer naar de dokter", "health")]:  # fmt: skip
        response = client.post(
            f"/c/wijk/people/{person.pk}/tags/",
            {"kind": kind, "label": label, "life_domain": domain},
        )
        assert response.status_code == 302
    html = client.get(f"/c/wijk/people/{person.pk}/").content.decode()
    assert "Tuinieren" in html and "Vervoer naar de dokter" in html
    assert "mijn gezondheid en de zorg die ik belangrijk vind" in html
    talent = PersonTag.objects.get(person=person, kind="talent")
    client.post(f"/c/wijk/people/{person.pk}/tags/{talent.pk}/remove/")
    assert list(PersonTag.objects.filter(person=person).values_list("tag__label", flat=True)) == [
        "Vervoer naar de dokter"
    ]


def test_the_same_tag_is_reused_within_a_community(
    browser_as, coordinator, community, person_factory
):
    client = browser_as(coordinator)
    for label in ("Tuinieren", "tuinieren"):
        person = person_factory(community)
        client.post(
            f"/c/wijk/people/{person.pk}/tags/",
            {"kind": "talent", "label": label, "life_domain": "activities"},
        )
    assert Tag.objects.filter(community=community).count() == 1
    assert PersonTag.objects.count() == 2


def test_bad_tag_input_shows_errors_and_stores_nothing(
    browser_as, coordinator, community, person_factory
):
    person = person_factory(community)
    response = browser_as(coordinator).post(
        f"/c/wijk/people/{person.pk}/tags/",
        {"kind": "wens", "label": "x" * 81, "life_domain": "werk"},
    )
    assert response.status_code == 200
    assert set(response.context["tag_form"].errors) == {"kind", "label", "life_domain"}
    assert not PersonTag.objects.exists() and not Tag.objects.exists()


@pytest.mark.parametrize("role", [Role.CORE_GROUP, Role.RESIDENT])
def test_only_staff_change_tags(browser_as, members, community, person_factory, role):
    person = person_factory(community)
    response = browser_as(members[role]).post(
        f"/c/wijk/people/{person.pk}/tags/",
        {"kind": "talent", "label": "Koken", "life_domain": "lifestyle"},
    )
    assert response.status_code == (403 if role == Role.CORE_GROUP else 404)
    assert not PersonTag.objects.exists()


def test_removing_a_tag_of_another_person_is_404(
    browser_as, coordinator, community, person_factory
):
    first, second = person_factory(community), person_factory(community)
    tag = Tag.objects.create(community=community, label="Koken", life_domain="lifestyle")
    item = PersonTag.objects.create(person=first, tag=tag, kind="talent")
    response = browser_as(coordinator).post(f"/c/wijk/people/{second.pk}/tags/{item.pk}/remove/")
    assert response.status_code == 404
    assert PersonTag.objects.filter(pk=item.pk).exists()


# --- own profile -----------------------------------------------------------------------------


def test_profile_shows_own_data_and_consents(browser_as, community, person_factory):
    me = person_factory(community, Role.RESIDENT, name="Rika Zuidema")
    Consent.objects.create(person=me, purpose="contact", granted=True, method="paper")
    html = browser_as(me).get("/c/wijk/profile/").content.decode()
    assert "Mijn gegevens" in html and "Rika Zuidema" in html and me.phone in html
    assert "contact met mij opnemen" in html and "op papier" in html
    assert "nog niet gevraagd" in html


def test_resident_records_own_consent_online_and_history_is_kept(
    browser_as, community, person_factory
):
    me = person_factory(community, Role.RESIDENT)
    client = browser_as(me)
    client.post("/c/wijk/profile/", {"purpose": "media", "granted": "yes"})
    response = client.post("/c/wijk/profile/", {"purpose": "media", "granted": "no"})
    assert response.status_code == 302
    consents = list(me.consents.order_by("id"))
    assert [(c.granted, c.method, c.recorded_by) for c in consents] == [
        (True, "online", me),
        (False, "online", me),
    ]


def test_resident_cannot_pretend_a_consent_was_given_on_paper(
    browser_as, community, person_factory
):
    me = person_factory(community, Role.RESIDENT)
    browser_as(me).post("/c/wijk/profile/", {"purpose": "media", "granted": "yes",
                                             "method": "paper"})  # fmt: skip
    assert me.consents.get().method == "online"


def test_bad_own_consent_stores_nothing(browser_as, community, person_factory):
    me = person_factory(community, Role.RESIDENT)
    response = browser_as(me).post("/c/wijk/profile/", {"purpose": "alles", "granted": "ja"})
    assert response.status_code == 200 and not me.consents.exists()
