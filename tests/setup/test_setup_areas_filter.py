"""The areas API's filters (issue 16): a city has about 1,600 streets, so a client can ask for the
children of one area, one kind, or names holding a text, a part at a time. Without them the
answer is the whole tree as before (the contract)."""

import pytest

from naober.communities.models import Area, AreaKind


@pytest.fixture
def streets(community):
    hood = community.areas.get(name="Krakeel")
    Area.objects.bulk_create(
        Area(community=community, parent=hood, kind=AreaKind.STREET, name=f"Laan {n:02d}")
        for n in range(30)
    )
    return hood


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [area["name"] for area in response.json()]


def test_without_filters_the_whole_tree_parents_first(members, api_as, community, streets):
    tree = api_as(members["resident"]).get(f"c/{community.slug}/areas").json()
    assert len(tree) == community.areas.count()
    position = {area["name"]: i for i, area in enumerate(tree)}
    assert position["Zuid"] < position["Krakeel"] < position["Laan 00"]
    assert set(tree[0]) == {"id", "name", "kind", "parent"}


def test_children_of_one_area_kind_and_text(members, api_as, community, streets):
    client = api_as(members["resident"])
    path = f"c/{community.slug}/areas"
    children = names(client.get(f"{path}?parent={streets.pk}"))
    assert len(children) == 32 and children[0] == "Dorpsstraat"
    assert names(client.get(f"{path}?kind=neighbourhood")) == ["Krakeel"]
    assert names(client.get(f"{path}?q=laan 0&limit=3")) == ["Laan 00", "Laan 01", "Laan 02"]
    assert names(client.get(f"{path}?q=laan&kind=street&limit=2&offset=28")) == [
        "Laan 28",
        "Laan 29",
    ]
    assert len(names(client.get(f"{path}?limit=5&offset=1"))) == 5  # a part of the tree


def test_another_communitys_area_as_parent_finds_nothing(
    members, api_as, community, other_community
):
    foreign = other_community.areas.get(name="Krakeel")
    response = api_as(members["resident"]).get(f"c/{community.slug}/areas?parent={foreign.pk}")
    assert names(response) == []


@pytest.mark.parametrize(
    "query",
    [
        "kind=castle",
        "parent=abc",
        "parent=0",
        "parent=99999999999999999999",
        "limit=0",
        "limit=201",
        "offset=-1",
        "q=" + "x" * 121,
    ],
)
def test_bad_filters_are_422(members, api_as, community, query):
    response = api_as(members["resident"]).get(f"c/{community.slug}/areas?{query}")
    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.parametrize("text", ["%", "_", "%00", "'; DROP TABLE communities_area; --"])
def test_odd_text_is_plain_text(members, api_as, community, streets, text):
    response = api_as(members["resident"]).get(f"c/{community.slug}/areas?q={text}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json() == []


def test_outsiders_get_404(api_as, community, other_community, person_factory):
    stranger = person_factory(other_community)
    assert api_as(stranger).get(f"c/{community.slug}/areas?kind=street").status_code == 404
