"""Tenant isolation of the reads the pages added to naober/exchange/selectors.py."""

import pytest

from naober.exchange import selectors
from tests.exchange.helpers import actor_of
from tests.exchange_pages.builders import make_offer, make_request, matched

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign(other_community, person_factory):
    """A complete exchange in the other community: request, offer and a completed match."""
    asker = person_factory(other_community, "resident")
    helper = person_factory(other_community, "volunteer")
    match = matched(other_community, asker, helper, state="completed")
    open_request = make_request(other_community, asker, title="Elders open")
    return {
        "asker": asker,
        "helper": helper,
        "match": match,
        "request": open_request,
        "offer": make_offer(other_community, helper),
    }


def test_board_and_sheet_never_return_another_communitys_rows(
    community, resident, volunteer, foreign
):
    mine = make_request(community, resident, publish=True)
    make_offer(community, volunteer)
    actor = actor_of(volunteer)
    assert list(selectors.board_requests(actor)) == [mine]
    area = community.areas.get(name="Krakeel")
    sheet = selectors.noticeboard(actor, area)
    assert sheet["requests"] == [mine]
    assert all(offer.community_id == community.pk for offer in sheet["offers"])
    assert foreign["request"] not in sheet["requests"]


def test_code_lookup_is_scoped(community, coordinator, foreign):
    actor = actor_of(coordinator)
    assert selectors.find_by_code(actor, foreign["request"].code) is None
    assert selectors.find_by_code(actor, selectors.offer_code(foreign["offer"])) is None
    assert not selectors.taken_from_board(actor, foreign["match"].request_id)


def test_earlier_helpers_and_my_matches_are_scoped(community, resident, volunteer, foreign):
    matched(community, resident, volunteer, state="completed")
    assert list(selectors.earlier_helpers(actor_of(resident), resident)) == [volunteer]
    # Asking about someone of another community through this community's actor finds nobody.
    assert list(selectors.earlier_helpers(actor_of(resident), foreign["asker"])) == []
    assert all(m.community_id == community.pk for m in selectors.my_matches(actor_of(volunteer)))
    assert list(selectors.my_matches(actor_of(foreign["helper"]))) == [foreign["match"]]


def test_area_and_below_stays_in_the_tree(community):
    krakeel = community.areas.get(name="Krakeel")
    names = set(
        community.areas.filter(pk__in=selectors.area_and_below(krakeel)).values_list(
            "name", flat=True
        )
    )
    assert names == {"Krakeel", "Dorpsstraat", "Kerkstraat"}
