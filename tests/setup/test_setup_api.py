"""The setting-up API: communities, contact, settings, categories, areas and the CSV import."""

import pytest
from django.test import Client

from naober.communities.models import Area, Community, WalkInPoint
from naober.exchange.models import Category
from naober.people.models import Person

pytestmark = pytest.mark.django_db

STREETS = "district,neighbourhood,street\nZuid,Krakeel,Dorpsstraat\nZuid,Krakeel,Molenweg\n"


# --- communities ---------------------------------------------------------------------------------


def test_superuser_creates_a_community_with_its_root_area_and_categories(platform_api):
    response = platform_api.post(
        "communities", {"slug": "ons-dorp", "name": "Burenhulp Ons Dorp", "municipality": "Aa"}
    )
    assert response.status_code == 201, response.content
    assert response.json() == {
        "slug": "ons-dorp",
        "name": "Burenhulp Ons Dorp",
        "municipality": "Aa",
    }
    community = Community.objects.get(slug="ons-dorp")
    assert community.areas.get(parent=None).name == "Aa"
    assert Category.objects.filter(community=community).count() >= 10


def test_a_taken_slug_answers_409_and_changes_nothing(platform_api, community):
    response = platform_api.post(
        "communities", {"slug": community.slug, "name": "Ander", "municipality": "Aa"}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "slug_taken"
    assert Community.objects.get(slug=community.slug).name == community.name


@pytest.mark.parametrize(
    "body",
    [
        {"slug": "Met Spatie", "name": "X", "municipality": "Aa"},
        {"slug": "-rand", "name": "X", "municipality": "Aa"},
        {"slug": "goed", "name": "", "municipality": "Aa"},
        {"slug": "goed", "name": "X", "municipality": "   "},
        {"slug": "goed", "name": "X\x00", "municipality": "Aa"},
        {"slug": "goed"},
    ],
)
def test_bad_community_input_is_4xx_and_stores_nothing(platform_api, body):
    before = Community.objects.count()
    response = platform_api.post("communities", body)
    assert 400 <= response.status_code < 500
    assert set(response.json()) >= {"detail", "code"}
    assert Community.objects.count() == before


@pytest.mark.parametrize("role", ["admin", "coordinator", "resident"])
def test_only_a_superuser_creates_communities(members, api_as, role):
    response = api_as(members[role]).post(
        "communities", {"slug": "nieuw", "name": "Nieuw", "municipality": "Aa"}
    )
    assert response.status_code == 403
    assert not Community.objects.filter(slug="nieuw").exists()


def test_anonymous_cannot_create_a_community(api):
    response = api.post("communities", {"slug": "nieuw", "name": "Nieuw", "municipality": "Aa"})
    assert response.status_code == 401


def test_superuser_appoints_the_first_administrator_by_letter(platform_api, community):
    response = platform_api.post(
        f"communities/{community.slug}/administrators",
        {"name": "Anne Beheer", "address": "Dorpsstraat 1", "via": "letter"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["via"] == "letter" and body["code"]
    person = Person.objects.get(pk=body["person"], community=community)
    assert person.role_codes == ["admin"]
    assert person.user is None


def test_appointing_with_a_bad_channel_stores_no_person(platform_api, community):
    before = Person.objects.count()
    response = platform_api.post(
        f"communities/{community.slug}/administrators",
        {"name": "Anne Beheer", "address": "Dorpsstraat 1", "via": "email"},
    )
    assert response.status_code == 422
    assert Person.objects.count() == before


def test_only_a_superuser_appoints_administrators(members, api_as, community):
    response = api_as(members["admin"]).post(
        f"communities/{community.slug}/administrators",
        {"name": "X", "address": "Dorpsstraat 1", "via": "letter"},
    )
    assert response.status_code == 403


def test_a_superuser_who_is_not_a_member_gets_404_inside_a_community(platform_api, community):
    assert platform_api.get(f"c/{community.slug}/settings").status_code == 404
    assert platform_api.get(f"c/{community.slug}/areas").status_code == 404
    response = platform_api.patch(f"c/{community.slug}/settings", {"phone": "0528 123 456"})
    assert response.status_code == 404


# --- contact and settings ------------------------------------------------------------------------


def test_contact_is_public_without_a_token(community):
    community.phone, community.opening_hours = "0528 123 456", "ma-vr 10-12 uur"
    community.save()
    WalkInPoint.objects.create(
        community=community, name="Buurthuis", address="Kerkstraat 2", hours="di 10-12"
    )
    response = Client().get(f"/api/v1/c/{community.slug}/contact")
    assert response.status_code == 200
    body = response.json()
    assert body["phone"] == "0528 123 456"
    assert body["opening_hours"] == "ma-vr 10-12 uur"
    assert body["walk_in"] == [
        {"name": "Buurthuis", "address": "Kerkstraat 2", "hours": "di 10-12"}
    ]
    assert "house_rules" not in body
    assert Client().get("/api/v1/c/bestaat-niet/contact").status_code == 404


def test_admin_reads_and_changes_settings(members, api_as, community):
    client = api_as(members["admin"])
    response = client.patch(
        f"c/{community.slug}/settings",
        {
            "phone": "0528 123 456",
            "email": "balie@voorbeeld.nl",
            "opening_hours": "ma-vr 10-12 uur",
            "outside_hours": "daarna de voicemail",
            "response_deadline_hours": 24,
            "self_signup": "approval",
            "house_rules": "Wees aardig.",
            "walk_in": [{"name": "Buurthuis", "address": "Kerkstraat 2", "hours": "di 10-12"}],
        },
    )
    assert response.status_code == 200, response.content
    community.refresh_from_db()
    assert community.phone == "0528 123 456"
    assert community.response_deadline_hours == 24
    assert community.self_signup == "approval"
    assert community.walk_in_points.get().name == "Buurthuis"
    got = client.get(f"c/{community.slug}/settings").json()
    assert got["municipality"] == "Hoogeveen" and got["house_rules"] == "Wees aardig."


@pytest.mark.parametrize("role", ["coordinator", "resident", "volunteer", "funder"])
def test_settings_are_for_administrators_only(members, api_as, community, role):
    client = api_as(members[role])
    assert client.get(f"c/{community.slug}/settings").status_code == 403
    response = client.patch(f"c/{community.slug}/settings", {"phone": "0528 123 456"})
    assert response.status_code == 403
    community.refresh_from_db()
    assert community.phone == ""


@pytest.mark.parametrize(
    "body",
    [
        {"phone": "bel me"},
        {"email": "geen-adres"},
        {"response_deadline_hours": 0},
        {"response_deadline_hours": "veel"},
        {"self_signup": "soms"},
        {"name": ""},
        {"name": None},
        {"phone": "0528 123 456", "walk_in": [{"name": "", "address": "x", "hours": "y"}]},
        {"phone": "0528 123 456", "municipality": "x" * 121},
    ],
)
def test_bad_settings_are_422_and_change_nothing(members, api_as, community, body):
    response = api_as(members["admin"]).patch(f"c/{community.slug}/settings", body)
    assert response.status_code == 422, response.content
    assert set(response.json()) >= {"detail", "code"}
    community.refresh_from_db()
    assert community.phone == "" and community.response_deadline_hours == 48
    assert not community.walk_in_points.exists()


# --- categories ----------------------------------------------------------------------------------


def test_admin_adds_renames_disables_scopes_and_orders_categories(members, api_as, community):
    client = api_as(members["admin"])
    path = f"c/{community.slug}/categories"
    body = {"code": "hond", "label": "Hond uitlaten", "label_en": "Dog walks", "kind": "practical"}
    response = client.post(path, body)
    assert response.status_code == 201, response.content
    assert client.post(path, body).status_code == 409
    response = client.patch(
        f"{path}/hond", {"label": "Huisdieren", "active": False, "in_scope": False, "position": 1}
    )
    assert response.status_code == 200, response.content
    category = Category.objects.get(community=community, code="hond")
    assert (category.label, category.active, category.in_scope) == ("Huisdieren", False, False)
    first = Category.objects.filter(community=community).order_by("position").first()
    assert first.code == "hond"


@pytest.mark.parametrize(
    "body",
    [
        {"code": "Met Spatie", "label": "X", "kind": "practical"},
        {"code": "x", "label": "", "kind": "practical"},
        {"code": "x", "label": "X", "kind": "magie"},
    ],
)
def test_bad_category_input_is_422(members, api_as, community, body):
    before = Category.objects.count()
    response = api_as(members["admin"]).post(f"c/{community.slug}/categories", body)
    assert response.status_code == 422
    assert Category.objects.count() == before


def test_patching_an_unknown_category_is_404(members, api_as, community):
    response = api_as(members["admin"]).patch(f"c/{community.slug}/categories/nope", {"label": "X"})
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "resident"])
def test_categories_are_changed_by_administrators_only(members, api_as, community, role):
    client = api_as(members[role])
    body = {"code": "hond", "label": "Hond", "kind": "practical"}
    assert client.post(f"c/{community.slug}/categories", body).status_code == 403
    response = client.patch(f"c/{community.slug}/categories/tuin", {"active": False})
    assert response.status_code == 403
    assert Category.objects.get(community=community, code="tuin").active


# --- areas ---------------------------------------------------------------------------------------


def csv_post(client, path, text, content_type="text/csv"):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {client.token}"}
    return client.client.post(f"/api/v1/{path}", text, content_type=content_type, **headers)


def test_members_read_the_area_tree_admin_adds_an_area(members, api_as, community):
    tree = api_as(members["resident"]).get(f"c/{community.slug}/areas").json()
    hood = next(a for a in tree if a["name"] == "Krakeel")
    assert hood["kind"] == "neighbourhood"
    response = api_as(members["admin"]).post(
        f"c/{community.slug}/areas", {"name": "Molenweg", "kind": "street", "parent": hood["id"]}
    )
    assert response.status_code == 201
    assert Area.objects.get(community=community, name="Molenweg").parent_id == hood["id"]


def test_an_area_in_the_wrong_place_is_422(members, api_as, community):
    root = community.areas.get(parent=None)
    response = api_as(members["admin"]).post(
        f"c/{community.slug}/areas", {"name": "Molenweg", "kind": "street", "parent": root.pk}
    )
    assert response.status_code == 422
    assert not Area.objects.filter(name="Molenweg").exists()


def test_area_of_another_community_is_not_a_parent(members, api_as, community, other_community):
    foreign = other_community.areas.get(name="Krakeel")
    response = api_as(members["admin"]).post(
        f"c/{community.slug}/areas", {"name": "Molenweg", "kind": "street", "parent": foreign.pk}
    )
    assert response.status_code == 422


def test_import_dry_run_then_for_real_then_again(members, api_as, community):
    client = api_as(members["admin"])
    path = f"c/{community.slug}/areas/import"
    before = Area.objects.count()
    response = csv_post(client, path + "?dry_run=1", STREETS)
    assert response.status_code == 200
    assert response.json() == {"created": 1, "errors": []}
    assert Area.objects.count() == before
    response = csv_post(client, path, STREETS)
    assert response.status_code == 201
    assert response.json() == {"created": 1, "errors": []}
    assert Area.objects.get(community=community, name="Molenweg").kind == "street"
    assert csv_post(client, path, STREETS).json()["created"] == 0


def test_an_import_with_one_bad_row_stores_nothing(members, api_as, community):
    text = STREETS + "Zuid,,Losse straat\nNoord,Esch,Brink\n"
    before = Area.objects.count()
    response = csv_post(api_as(members["admin"]), f"c/{community.slug}/areas/import", text)
    assert response.status_code == 422
    body = response.json()
    assert body["errors"] == [{"row": 4, "detail": body["errors"][0]["detail"]}]
    assert body["created"] == 0 and body["code"] == "invalid_rows"
    assert Area.objects.count() == before


@pytest.mark.parametrize(
    "text",
    [
        "",
        "naam,adres\nA,B\n",
        "district,neighbourhood\nZuid,Krakeel\n",
        "district,neighbourhood,village,street\nZuid,Krakeel,Dorp,Straat\n",
        "district,neighbourhood,street\nZuid,Krakeel,Dorpsstraat,extra\n",
        "district,neighbourhood,street\n,Zuid,Straat\n",
        "street\nLosse straat\n",
        "district,neighbourhood,street\nZuid,Krakeel," + "x" * 200 + "\n",
    ],
)
def test_bad_csv_is_refused_row_by_row(members, api_as, community, text):
    before = Area.objects.count()
    response = csv_post(api_as(members["admin"]), f"c/{community.slug}/areas/import", text)
    assert response.status_code == 422, response.content
    assert response.json()["errors"]
    assert Area.objects.count() == before


def test_import_accepts_villages_dutch_headers_and_semicolons(members, api_as, community):
    text = "wijk;dorp;straat\r\nNoord;Esch;Brink\r\nNoord;Esch;Kerkpad\r\n;Zwiggelte;\r\n"
    response = csv_post(api_as(members["admin"]), f"c/{community.slug}/areas/import", text)
    assert response.status_code == 201, response.content
    assert response.json()["created"] == 5
    assert Area.objects.get(community=community, name="Esch").kind == "village"
    assert Area.objects.get(community=community, name="Zwiggelte").parent.parent_id is None


def test_import_wants_csv(members, api_as, community):
    response = api_as(members["admin"]).post(f"c/{community.slug}/areas/import", {"a": 1})
    assert response.status_code == 415


@pytest.mark.parametrize("role", ["coordinator", "resident"])
def test_areas_are_changed_by_administrators_only(members, api_as, community, role):
    client = api_as(members[role])
    hood = community.areas.get(name="Krakeel")
    body = {"name": "Molenweg", "kind": "street", "parent": hood.pk}
    assert client.post(f"c/{community.slug}/areas", body).status_code == 403
    assert csv_post(client, f"c/{community.slug}/areas/import", STREETS).status_code == 403
    assert not Area.objects.filter(name="Molenweg").exists()


def test_a_switched_off_category_cannot_be_chosen_for_something_new(members, api_as, community):
    admin = api_as(members["admin"])
    admin.patch(f"c/{community.slug}/categories/tuin", {"active": False})
    resident = api_as(members["resident"])
    request = {"category": "tuin", "title": "Heg knippen", "description": "De heg is te hoog."}
    response = resident.post(f"c/{community.slug}/requests", request)
    assert response.status_code == 422, response.content
    offer = {"categories": ["tuin"], "description": "Ik knip graag heggen."}
    assert resident.post(f"c/{community.slug}/offers", offer).status_code == 422
    admin.patch(f"c/{community.slug}/categories/tuin", {"active": True})
    assert resident.post(f"c/{community.slug}/requests", request).status_code == 201


def test_a_form_body_to_the_import_is_415_not_500(members, api_as, community):
    client = api_as(members["admin"])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {client.token}"}
    response = client.client.post(
        f"/api/v1/c/{community.slug}/areas/import?dry_run=1", {"file": "x"}, **headers
    )
    assert response.status_code == 415
