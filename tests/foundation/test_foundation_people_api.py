"""The people API: who may list, create and change people, and which fields each role sees."""

import pytest

from naober.communities.models import Role
from naober.people.models import ContactChannel, Person
from tests.factories import street

PUBLIC_FIELDS = {"id", "name", "area", "area_name"}
MEMBER_FIELDS = PUBLIC_FIELDS | {"roles"}
CONTACT_FIELDS = {"phone", "email", "address"}

STAFF = [Role.COORDINATOR, Role.ADMIN]
NOT_LISTING = [Role.RESIDENT, Role.VOLUNTEER, Role.PARTNER, Role.FUNDER]


def valid_person(community, **overrides):
    data = {
        "name": "Truus Bakker",
        "phone": "06 11223344",
        "area": street(community).pk,
        "languages": ["nl", "tr"],
        "date_of_birth": "1941-03-02",
    }
    return data | overrides


# --- me --------------------------------------------------------------------------------------


def test_me_gives_the_callers_person_and_roles(api, community, person_factory):
    person = person_factory(community, Role.RESIDENT, Role.VOLUNTEER)
    response = api.login(person).get("c/wijk/me")
    assert response.status_code == 200
    assert response.json() == {
        "person": person.pk,
        "name": person.name,
        "community": "wijk",
        "roles": ["resident", "volunteer"],
    }


def test_account_lists_the_callers_communities(api, community, other_community, person_factory):
    person = person_factory(community, Role.COORDINATOR)
    Person.objects.create(
        community=other_community,
        user=person.user,
        name="Zelfde Mens",
        reachable_via_coordinator=True,
    )
    body = api.login(person).get("me").json()
    assert body["username"] == person.user.username
    assert sorted(c["slug"] for c in body["communities"]) == ["elders", "wijk"]


# --- list ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [*STAFF, Role.CORE_GROUP])
def test_staff_and_core_group_may_list_people(api, members, role):
    response = api.login(members[role]).get("c/wijk/people")
    assert response.status_code == 200
    assert response.json()["count"] == len(members)


@pytest.mark.parametrize("role", NOT_LISTING)
def test_others_may_not_list_people(api, members, role):
    response = api.login(members[role]).get("c/wijk/people")
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_list_search_by_name_and_street(api, community, person_factory):
    coordinator = person_factory(community, Role.COORDINATOR, name="Carla Hofstede")
    person_factory(community, name="Gerrit Kerkhof", area=street(community, "Kerkstraat"))
    api.login(coordinator)
    assert [p["name"] for p in api.get("c/wijk/people", q="gerrit").json()["items"]] == [
        "Gerrit Kerkhof"
    ]
    assert [p["name"] for p in api.get("c/wijk/people", q="Kerkstraat").json()["items"]] == [
        "Gerrit Kerkhof"
    ]


def test_list_leaves_out_erased_people(api, community, person_factory):
    from django.utils import timezone

    coordinator = person_factory(community, Role.COORDINATOR)
    person_factory(community, name="Weg Gegaan", erased_at=timezone.now())
    names = [p["name"] for p in api.login(coordinator).get("c/wijk/people").json()["items"]]
    assert "Weg Gegaan" not in names


# --- fields by role --------------------------------------------------------------------------


def open_request_of(community, person):
    """Put a request of `person` on the board every member sees: a join between them."""
    from naober.communities.context import Actor
    from naober.exchange.services import create_request

    create_request(
        Actor(community=community, person=person, roles=frozenset({Role.RESIDENT})),
        {"category": "boodschappen", "title": "Boodschappen"},
    )


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.VOLUNTEER, Role.PARTNER, Role.FUNDER])
def test_a_person_nothing_joins_one_to_is_not_found(api, members, person_factory, community, role):
    other = person_factory(community, name="Johanna de Vries")
    response = api.login(members[role]).get(f"c/wijk/people/{other.pk}")
    assert response.status_code == 404
    assert "Johanna" not in response.content.decode()


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.VOLUNTEER, Role.PARTNER])
def test_neighbours_see_only_first_name_and_street(api, members, person_factory, community, role):
    other = person_factory(community, name="Johanna de Vries")
    open_request_of(community, other)
    response = api.login(members[role]).get(f"c/wijk/people/{other.pk}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == PUBLIC_FIELDS
    assert body["name"] == "Johanna"
    assert body["area_name"] == "Dorpsstraat"
    for value in (other.phone, other.email, other.address, "de Vries"):
        assert value not in response.content.decode()


def test_core_group_sees_full_name_and_roles_but_no_contact(
    api, members, person_factory, community
):
    other = person_factory(community, Role.VOLUNTEER, name="Johanna de Vries")
    body = api.login(members[Role.CORE_GROUP]).get(f"c/wijk/people/{other.pk}").json()
    assert set(body) == MEMBER_FIELDS
    assert body["name"] == "Johanna de Vries"
    assert body["roles"] == ["volunteer"]


@pytest.mark.parametrize("role", STAFF)
def test_staff_see_everything(api, members, person_factory, community, role):
    other = person_factory(community, name="Johanna de Vries", languages=["nl"])
    body = api.login(members[role]).get(f"c/wijk/people/{other.pk}").json()
    assert CONTACT_FIELDS | {"vulnerable", "languages", "preferred_channel"} <= set(body)
    assert body["phone"] == other.phone and body["email"] == other.email


def test_a_person_sees_all_of_their_own_data(api, community, person_factory):
    me = person_factory(community)
    body = api.login(me).get(f"c/wijk/people/{me.pk}").json()
    assert body["phone"] == me.phone and body["address"] == me.address


def test_people_list_for_core_group_has_no_contact_details(api, members):
    response = api.login(members[Role.CORE_GROUP]).get("c/wijk/people")
    for item in response.json()["items"]:
        assert not CONTACT_FIELDS & set(item) or item["id"] == members[Role.CORE_GROUP].pk


# --- create ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", STAFF)
def test_staff_register_a_person_without_login(api, members, community, role):
    response = api.login(members[role]).post("c/wijk/people", valid_person(community))
    assert response.status_code == 201, response.json()
    person = Person.objects.get(pk=response.json()["id"])
    assert person.user is None and person.community == community
    assert person.languages == ["nl", "tr"]
    assert person.role_codes == ["resident"]


@pytest.mark.parametrize(
    "role", [Role.RESIDENT, Role.VOLUNTEER, Role.CORE_GROUP, Role.PARTNER, Role.FUNDER]
)
def test_others_may_not_register_people(api, members, community, role):
    before = Person.objects.count()
    response = api.login(members[role]).post("c/wijk/people", valid_person(community))
    assert response.status_code == 403
    assert Person.objects.count() == before


def test_only_a_name_and_the_coordinator_as_contact_is_enough(api, members):
    response = api.login(members[Role.COORDINATOR]).post(
        "c/wijk/people", {"name": "Bep Zonder Telefoon", "reachable_via_coordinator": True}
    )
    assert response.status_code == 201, response.json()
    person = Person.objects.get(pk=response.json()["id"])
    assert person.preferred_channel == ContactChannel.VIA_COORDINATOR


BAD_PEOPLE = {
    "missing name": {"name": ""},
    "blank name": {"name": "   "},
    "no way to reach": {"phone": "", "reachable_via_coordinator": False},
    "email channel without email": {"preferred_channel": "email"},
    "letter without address": {"preferred_channel": "letter"},
    "sms without phone": {"preferred_channel": "sms", "phone": "", "email": "a@b.nl"},
    "bad phone": {"phone": "bel me maar"},
    "bad email": {"email": "niet-een-adres"},
    "bad language code": {"languages": ["Nederlands"]},
    "too many languages": {"languages": [f"a{c}" for c in "bcdefghijkl"]},
    "future date of birth": {"date_of_birth": "2999-01-01"},
    "date of birth before 1900": {"date_of_birth": "1850-01-01"},
    "unknown channel": {"preferred_channel": "pigeon"},
    "unknown gender": {"gender": "robot"},
    "unknown area": {"area": 999999},
    "unknown role": {"roles": ["king"]},
    "coordinator grants coordinator": {"roles": ["coordinator"]},
    "coordinator grants admin": {"roles": ["resident", "admin"]},
    "name too long": {"name": "x" * 121},
}


@pytest.mark.parametrize("change", BAD_PEOPLE.values(), ids=BAD_PEOPLE.keys())
def test_bad_person_data_is_refused_and_nothing_stored(api, members, community, change):
    before = Person.objects.count()
    response = api.login(members[Role.COORDINATOR]).post(
        "c/wijk/people", valid_person(community, **change)
    )
    assert response.status_code == 422, response.json()
    assert response.json()["code"] == "invalid" and response.json()["detail"]
    assert Person.objects.count() == before


def test_area_of_another_community_is_refused(api, members, community, other_community):
    before = Person.objects.count()
    response = api.login(members[Role.COORDINATOR]).post(
        "c/wijk/people", valid_person(community, area=street(other_community).pk)
    )
    assert response.status_code == 422
    assert Person.objects.count() == before


def test_admin_may_grant_any_role(api, members, community):
    response = api.login(members[Role.ADMIN]).post(
        "c/wijk/people", valid_person(community, roles=["coordinator", "partner"])
    )
    assert response.status_code == 201
    assert Person.objects.get(pk=response.json()["id"]).role_codes == ["coordinator", "partner"]


def test_coordinator_may_grant_resident_and_volunteer(api, members, community):
    response = api.login(members[Role.COORDINATOR]).post(
        "c/wijk/people", valid_person(community, roles=["resident", "volunteer", "volunteer"])
    )
    assert response.status_code == 201
    assert Person.objects.get(pk=response.json()["id"]).role_codes == ["resident", "volunteer"]


def test_names_and_addresses_are_stored_without_extra_spaces(api, members, community):
    response = api.login(members[Role.COORDINATOR]).post(
        "c/wijk/people",
        valid_person(community, name="  Truus   Bakker ", address=" Dorpsstraat  4 "),
    )
    person = Person.objects.get(pk=response.json()["id"])
    assert (person.name, person.address) == ("Truus Bakker", "Dorpsstraat 4")


# --- change ----------------------------------------------------------------------------------


def test_a_person_corrects_their_own_contact_data(api, community, person_factory):
    me = person_factory(community)
    response = api.login(me).patch(
        f"c/wijk/people/{me.pk}", {"phone": "06 99887766", "public_name": "Riekje"}
    )
    assert response.status_code == 200, response.json()
    me.refresh_from_db()
    assert (me.phone, me.display_name) == ("06 99887766", "Riekje")


@pytest.mark.parametrize(
    "field,value",
    [
        ("vulnerable", True),
        ("name", "Iemand Anders"),
        ("area", None),
        ("date_of_birth", "1950-01-01"),
    ],
)
def test_a_person_may_not_change_staff_fields_of_themselves(
    api, community, person_factory, field, value
):
    me = person_factory(community)
    response = api.login(me).patch(f"c/wijk/people/{me.pk}", {field: value})
    assert response.status_code == 422
    me.refresh_from_db()
    assert not me.vulnerable and me.name.startswith("Persoon") and me.area is not None


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.VOLUNTEER, Role.CORE_GROUP, Role.PARTNER])
def test_others_may_not_change_a_person(api, members, community, person_factory, role):
    other = person_factory(community, phone="06 10101010")
    response = api.login(members[role]).patch(f"c/wijk/people/{other.pk}", {"phone": "06 20202020"})
    # Whoever cannot see the person at all is told "not found", like for an unknown id.
    assert response.status_code == (403 if role == Role.CORE_GROUP else 404)
    other.refresh_from_db()
    assert other.phone == "06 10101010"


@pytest.mark.parametrize("role", STAFF)
def test_staff_change_any_field(api, members, community, person_factory, role):
    other = person_factory(community)
    response = api.login(members[role]).patch(
        f"c/wijk/people/{other.pk}", {"vulnerable": True, "name": "Nieuwe Naam"}
    )
    assert response.status_code == 200
    other.refresh_from_db()
    assert other.vulnerable and other.name == "Nieuwe Naam"


def test_patch_may_not_leave_a_person_unreachable(api, members, community, person_factory):
    other = person_factory(community, email="", address="", preferred_channel="phone")
    response = api.login(members[Role.COORDINATOR]).patch(
        f"c/wijk/people/{other.pk}", {"phone": ""}
    )
    assert response.status_code == 422
    other.refresh_from_db()
    assert other.phone


@pytest.mark.parametrize(
    "field",
    [
        "name",
        "email",
        "address",
        "digital",
        "vulnerable",
        "gender",
        "reachable_via_coordinator",
        "preferred_channel",
        "public_name",
        "phone",
        "languages",
    ],
)
def test_patch_with_null_never_breaks(api, members, community, person_factory, field):
    other = person_factory(community)
    response = api.login(members[Role.COORDINATOR]).patch(
        f"c/wijk/people/{other.pk}", {field: None}
    )
    assert response.status_code in (200, 422)


def test_patch_null_name_is_refused(api, members, community, person_factory):
    other = person_factory(community)
    response = api.login(members[Role.COORDINATOR]).patch(
        f"c/wijk/people/{other.pk}", {"name": None}
    )
    assert response.status_code == 422
    other.refresh_from_db()
    assert other.name


def test_patch_of_unknown_person_is_404(api, members):
    response = api.login(members[Role.COORDINATOR]).patch(
        "c/wijk/people/987654", {"phone": "06 20202020"}
    )
    assert response.status_code == 404
    assert response.json() == {"detail": response.json()["detail"], "code": "not_found"}


def test_categories_are_seeded_per_community_with_kinds(api, members):
    response = api.login(members[Role.RESIDENT]).get("c/wijk/categories")
    assert response.status_code == 200
    categories = response.json()
    codes = {c["code"]: c for c in categories}
    assert len(categories) >= 10
    assert {c["kind"] for c in categories} == {"practical", "company", "coaching"}
    assert not codes["persoonlijke-verzorging"]["in_scope"]
    assert not codes["huishoudelijke-hulp"]["in_scope"]
    assert codes["boodschappen"]["in_scope"]
