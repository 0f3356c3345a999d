"""Setting-up pages: who may open them, bad input gets a Dutch message and changes nothing, and
the help desk's phone appears in the footer of the community's pages."""

import pytest
from django.test import Client

from naober.communities.models import Area, Community
from naober.exchange.models import Category

pytestmark = pytest.mark.django_db

PAGES = [
    "settings/",
    "settings/categories/",
    "settings/categories/tuin/",
    "settings/areas/",
    "settings/areas/import/",
    "settings/areas/export.csv",
]


@pytest.mark.parametrize("path", PAGES)
def test_administrators_open_setting_pages(members, page_as, community, path):
    assert page_as(members["admin"]).get(f"/c/{community.slug}/{path}").status_code == 200


@pytest.mark.parametrize("role", ["coordinator", "resident", "volunteer", "core_group"])
@pytest.mark.parametrize("path", PAGES)
def test_others_may_not(members, page_as, community, path, role):
    assert page_as(members[role]).get(f"/c/{community.slug}/{path}").status_code == 403


@pytest.mark.parametrize("path", PAGES)
def test_a_superuser_who_is_not_a_member_finds_nothing(superuser, page_as, community, path):
    assert page_as(superuser).get(f"/c/{community.slug}/{path}").status_code == 404


def test_anonymous_visitors_are_asked_to_log_in(community):
    response = Client().get(f"/c/{community.slug}/settings/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_platform_pages_are_for_superusers_only(members, superuser, page_as, community):
    for path in (
        "/platform/communities/new/",
        f"/platform/communities/{community.slug}/administrator/",
    ):
        assert page_as(superuser).get(path).status_code == 200
        assert page_as(members["admin"]).get(path).status_code == 403
        assert Client().get(path).status_code == 302
    assert page_as(superuser).get("/platform/communities/nope/administrator/").status_code == 404


def test_creating_a_community_with_a_taken_slug_says_so(superuser, page_as, community):
    response = page_as(superuser).post(
        "/platform/communities/new/",
        {"slug": community.slug, "name": "Ander", "municipality": "Aa"},
    )
    assert response.status_code == 200
    assert "al in gebruik" in response.content.decode()
    assert Community.objects.count() == 1


def test_bad_settings_show_a_dutch_message_and_change_nothing(members, page_as, community):
    response = page_as(members["admin"]).post(
        f"/c/{community.slug}/settings/",
        {
            "name": "Nieuw",
            "municipality": "Hoogeveen",
            "phone": "bel me",
            "response_deadline_hours": "48",
            "self_signup": "closed",
            "walk_in-TOTAL_FORMS": "0",
            "walk_in-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "alleen cijfers" in response.content.decode()
    community.refresh_from_db()
    assert community.name == "Buurthulp De Wijk" and community.phone == ""


def test_saved_settings_show_in_every_footer(members, page_as, community):
    client = page_as(members["admin"])
    response = client.post(
        f"/c/{community.slug}/settings/",
        {
            "name": "Buurthulp De Wijk",
            "municipality": "Hoogeveen",
            "phone": "0528 123 456",
            "opening_hours": "ma-vr 10-12 uur",
            "outside_hours": "daarna de voicemail",
            "response_deadline_hours": "24",
            "self_signup": "approval",
            "walk_in-TOTAL_FORMS": "2",
            "walk_in-INITIAL_FORMS": "0",
            "walk_in-0-name": "Buurthuis",
            "walk_in-0-address": "Kerkstraat 2",
            "walk_in-0-hours": "di 10-12",
        },
    )
    assert response.status_code == 302
    community.refresh_from_db()
    assert (community.phone, community.response_deadline_hours) == ("0528 123 456", 24)
    assert community.walk_in_points.get().address == "Kerkstraat 2"
    for page in (f"/c/{community.slug}/", f"/c/{community.slug}/ask/"):
        html = page_as(members["resident"]).get(page).content.decode()
        assert 'href="tel:0528123456"' in html and "daarna de voicemail" in html
    login = Client().get(f"/accounts/login/?next=/c/{community.slug}/").content.decode()
    assert "0528 123 456" in login


def test_categories_page_adds_moves_and_disables(members, page_as, community):
    client = page_as(members["admin"])
    base = f"/c/{community.slug}/settings/categories/"
    bad = client.post(base, {"code": "Met Spatie", "label": "Hond", "kind": "practical"})
    assert "kleine letters" in bad.content.decode()
    assert not Category.objects.filter(label="Hond").exists()
    client.post(base, {"code": "hond", "label": "Hond", "kind": "practical", "in_scope": "on"})
    client.post(f"{base}hond/move/", {"direction": "up"})
    ordered = list(Category.objects.filter(community=community).values_list("code", flat=True))
    assert ordered[-2] == "hond"
    client.post(f"{base}hond/", {"label": "Huisdieren", "kind": "practical"})
    category = Category.objects.get(community=community, code="hond")
    assert (category.label, category.active, category.in_scope) == ("Huisdieren", False, False)


def test_import_page_checks_first_and_stores_all_or_nothing(members, page_as, community):
    client = page_as(members["admin"])
    path = f"/c/{community.slug}/settings/areas/import/"
    good = "district,neighbourhood,street\nZuid,Krakeel,Molenweg\n"
    response = client.post(path, {"text": good, "action": "check"})
    assert "voegt 1 gebied toe" in response.content.decode()
    assert not Area.objects.filter(name="Molenweg").exists()
    response = client.post(path, {"text": good + "Zuid,,Los\n", "action": "import"})
    assert "Regel 3" in response.content.decode()
    assert not Area.objects.filter(name="Molenweg").exists()
    response = client.post(path, {"text": good, "action": "import"})
    assert response.status_code == 302
    assert Area.objects.get(community=community, name="Molenweg").parent.name == "Krakeel"


def test_export_lists_every_street(members, page_as, community):
    response = page_as(members["admin"]).get(f"/c/{community.slug}/settings/areas/export.csv")
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    lines = text.decode().splitlines()
    assert lines[0] == "district,neighbourhood,village,street"
    assert "Zuid,Krakeel,,Dorpsstraat" in lines


def test_printed_sheets_carry_the_desk_phone(members, page_as, community):
    from naober.outreach.services import create_walk_list

    community.phone, community.opening_hours = "0528 123 456", "ma-vr 10-12 uur"
    community.save()
    client = page_as(members["coordinator"])
    hood = community.areas.get(name="Krakeel")
    sheet = client.get(f"/c/{community.slug}/noticeboard/{hood.pk}/").content.decode()
    assert "0528 123 456" in sheet and "ma-vr 10-12 uur" in sheet
    walk_list = create_walk_list(
        client_actor(community, members["coordinator"]), name="Ronde", area=hood
    )
    printed = client.get(f"/c/{community.slug}/walk-lists/{walk_list.pk}/print/")
    assert "0528 123 456" in printed.content.decode()


def client_actor(community, person):
    from naober.communities.context import resolve_actor

    return resolve_actor(person.user, community.slug)
