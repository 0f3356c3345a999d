"""The pages of the social map and referrals: who may open them, and forms that refuse bad input."""

from django.core.files.uploadedfile import SimpleUploadedFile

from naober.directory import services
from naober.directory.models import Organisation, Referral
from naober.people.models import Person
from tests.directory.conftest import actor_of

URL = "/c/wijk/"


def login(client, person):
    client.force_login(person.user)
    return client


def test_resident_searches_the_map_and_sees_empty_state(client, resident, make_org):
    make_org("Groene Vingers", "Samen tuinieren", phone="0528 123456", opening_hours="za 10-12")
    login(client, resident)
    html = client.get(URL + "social-map/", {"q": "tuin"}).content.decode()
    assert "Groene Vingers" in html and "0528 123456" in html and "za 10-12" in html
    html = client.get(URL + "social-map/", {"q": "raketbouw"}).content.decode()
    assert "Niets gevonden" in html
    assert client.get(URL + "social-map/new/").status_code == 403
    assert client.get(URL + "social-map/export/").status_code == 403


def test_staff_creates_organisation_and_bad_input_stores_nothing(client, coordinator):
    login(client, coordinator)
    response = client.post(URL + "social-map/new/", {"name": "", "kind": "raket"})
    assert response.status_code == 200 and Organisation.objects.count() == 0
    response = client.post(
        URL + "social-map/new/",
        {
            "name": "Taalhuis",
            "kind": "welfare",
            "description": "Nederlands leren",
            "website": "taalhuis.nl",
            "life_domains": ["lifestyle"],
            "active": "on",
        },
    )
    assert response.status_code == 302
    org = Organisation.objects.get()
    assert org.website == "https://taalhuis.nl" and " leer " in org.search_stems


def test_import_page_shows_row_errors_then_imports(client, coordinator):
    login(client, coordinator)
    bad = SimpleUploadedFile("kaart.csv", b"naam;soort\nA;raket\n")
    html = client.post(URL + "social-map/import/", {"file": bad}).content.decode()
    assert "raket" in html and Organisation.objects.count() == 0
    good = SimpleUploadedFile("kaart.csv", "\ufeffnaam;soort\nA;welzijn\n".encode())
    assert client.post(URL + "social-map/import/", {"file": good}).status_code == 302
    assert Organisation.objects.get().name == "A"
    export = client.get(URL + "social-map/export/")
    assert export["Content-Type"].startswith("text/csv")
    assert export.content.decode().splitlines()[1].startswith("A;welzijn")


def test_partner_refers_in_through_the_form(client, partner):
    login(client, partner)
    people = Person.objects.count()
    response = client.post(URL + "referrals/in/", {"name": "Greet", "description": "x"})
    assert response.status_code == 200 and Person.objects.count() == people  # no consent/contact
    response = client.post(
        URL + "referrals/in/",
        {
            "name": "Greet Bakker",
            "phone": "06 11112222",
            "description": "Boodschappen",
            "category": "boodschappen",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    html = client.get(URL + "referrals/mine/").content.decode()
    assert "Greet Bakker" in html
    assert client.get(URL + "referrals/out/").status_code == 403
    assert client.get(URL + "people/").status_code == 403


def test_partner_sees_own_referral_without_notes_and_cannot_update(
    client, partner, coordinator, resident
):
    mine = services.refer_in(
        actor_of(partner),
        name="Greet",
        phone="06 11112222",
        description="Boodschappen",
        note="Geheime notitie",
    )
    other = services.refer_out(actor_of(coordinator), person=resident, note="Huisbezoek: somber")
    login(client, partner)
    html = client.get(f"{URL}referrals/{mine.pk}/").content.decode()
    assert "Greet" in html and "Geheime notitie" not in html
    assert client.get(f"{URL}referrals/{other.pk}/").status_code == 404
    assert client.post(f"{URL}referrals/{mine.pk}/", {"status": "declined"}).status_code == 403
    assert "Huisbezoek" not in client.get(URL + "referrals/").content.decode()


def test_coordinator_list_flags_missing_organisation_and_updates_status(
    client, coordinator, resident, make_org
):
    org = make_org("Schuldhulp", "Schulden")
    referral = services.refer_out(actor_of(coordinator), person=resident)
    login(client, coordinator)
    assert "Kies een organisatie" in client.get(URL + "referrals/").content.decode()
    path = f"{URL}referrals/{referral.pk}/"
    response = client.post(path, {"status": "completed"})
    assert response.status_code == 200
    referral.refresh_from_db()
    assert referral.status == "proposed"
    response = client.post(path, {"status": "sent", "organisation": org.pk, "outcome": "Gebeld"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "sent" and referral.outcome == "Gebeld"


def test_refer_out_form(client, coordinator, resident):
    login(client, coordinator)
    assert client.post(URL + "referrals/out/", {"person": "", "need": ""}).status_code == 200
    assert Referral.objects.count() == 0
    response = client.post(URL + "referrals/out/", {"person": resident.pk, "need": "Schulden"})
    assert response.status_code == 302 and Referral.objects.get().person == resident


def test_pages_of_another_community_are_404(client, make_org, other_community, person_factory):
    org = make_org("Groene Vingers", "tuinieren")
    login(client, person_factory(other_community, "coordinator"))
    assert client.get(f"/c/elders/social-map/{org.pk}/").status_code == 404
    assert client.get(f"{URL}social-map/{org.pk}/").status_code == 404
