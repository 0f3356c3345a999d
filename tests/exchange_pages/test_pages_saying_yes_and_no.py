"""A volunteer's yes and no, walked as an outsider would (issue 13.2): a no asks "are you sure?"
on a page of its own (no JavaScript needed) that says what happens next; the match page tells
what the request is about; a coordinator can propose a helper they know by name who is not among
the five suggestions."""

import pytest

from naober.exchange.models import MatchState
from tests.exchange_pages.builders import actor_of, make_offer, make_request, matched

pytestmark = pytest.mark.django_db


@pytest.fixture
def helper(community, person_factory):
    return person_factory(community, "volunteer", name="Bram Jansen")


@pytest.fixture
def asker(community, person_factory):
    return person_factory(community, "resident", name="Annie de Vries")


@pytest.fixture
def proposal(community, asker, helper, coordinator):
    return matched(
        community, asker, helper, state="proposed", mediated=True, coordinator=coordinator
    )


def nl(client, url, **data):
    return client.get(url, data, HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_the_no_button_asks_first_and_says_what_happens_next(proposal, helper, as_person):
    client = as_person(helper)
    page = nl(client, "/c/wijk/")
    assert f'action="/c/wijk/matches/{proposal.pk}/end/"' in page  # the no is a link-like GET
    confirm = nl(client, f"/c/wijk/matches/{proposal.pk}/end/", to="declined", next="/c/wijk/")
    proposal.refresh_from_db()
    assert proposal.state == MatchState.PROPOSED  # opening the question changes nothing
    assert "Wilt u nee zeggen?" in confirm
    assert "De coördinator zoekt dan iemand anders om Annie te helpen." in confirm
    assert "Ja, ik zeg nee" in confirm and 'href="/c/wijk/"' in confirm  # and a way back
    response = client.post(
        f"/c/wijk/matches/{proposal.pk}/step/",
        {"to": "declined", "next": "/c/wijk/"},
        HTTP_ACCEPT_LANGUAGE="nl",
        follow=True,
    )
    proposal.refresh_from_db()
    assert proposal.state == MatchState.DECLINED
    assert "U hoeft verder niets te doen." in response.content.decode()


def test_the_requester_and_the_coordinator_read_their_own_next_step(
    proposal, asker, coordinator, as_person
):
    asker_page = nl(as_person(asker), f"/c/wijk/matches/{proposal.pk}/end/", to="declined")
    assert "Uw vraag blijft staan" in asker_page
    staff_page = nl(as_person(coordinator), f"/c/wijk/matches/{proposal.pk}/end/", to="stopped")
    assert "Deze koppeling stoppen?" in staff_page
    assert "u kunt een andere helper voorstellen" in staff_page


def test_a_step_that_is_not_allowed_leads_back_to_the_match(proposal, helper, as_person):
    response = as_person(helper).get(f"/c/wijk/matches/{proposal.pk}/end/", {"to": "completed"})
    assert response.status_code == 302
    assert response["Location"] == f"/c/wijk/matches/{proposal.pk}/"


def test_the_match_page_says_what_the_request_is_about(community, asker, helper, as_person):
    help_request = make_request(community, asker, title="Lamp ophangen", code="klussen")
    help_request.description = "Het is een zware lamp in de gang, op twee meter hoogte."
    help_request.save()
    from naober.exchange import services

    offer = make_offer(community, helper, codes=("klussen",))
    match = services.respond(actor_of(helper), help_request, offer)
    page = nl(as_person(helper), f"/c/wijk/matches/{match.pk}/")
    assert "Het is een zware lamp in de gang" in page


def test_a_coordinator_finds_a_helper_by_name_who_is_not_suggested(
    community, asker, coordinator, person_factory, as_person
):
    vincent = person_factory(community, "volunteer", name="Vincent Dijkstra")
    offer = make_offer(community, vincent, codes=("tuin",))
    help_request = make_request(community, asker, title="Lamp ophangen", code="klussen")
    url = f"/c/wijk/workbench/requests/{help_request.pk}/suggestions/"
    page = nl(as_person(coordinator), url)
    assert 'name="helper"' in page
    page = nl(as_person(coordinator), url, helper="vincent dijk")
    found = page.split("Iemand anders")[1]
    assert f'name="offer" value="{offer.pk}"' in found and "Vincent voorstellen" in found
    own = make_offer(community, asker, codes=("tuin",))  # the asker cannot help herself
    found = nl(as_person(coordinator), url, helper="Annie").split("Iemand anders")[1]
    assert f'name="offer" value="{own.pk}"' not in found and "Niemand met de naam" in found
    detail = nl(as_person(coordinator), f"/c/wijk/requests/{help_request.pk}/")
    assert "zoek een helper op naam" in detail


def test_a_coordinator_proposes_a_helper_from_the_helpers_offer(
    community, asker, coordinator, person_factory, as_person
):
    """On a helper's offer a coordinator read 'Ja, ik wil graag hulp van Vincent', which made the
    coordinator the one who asks; now the page lists the open requests of the offer's kind, each
    with a button to propose the helper."""
    vincent = person_factory(community, "volunteer", name="Vincent Dijkstra")
    offer = make_offer(community, vincent, codes=("klussen",))
    fitting = make_request(community, asker, title="Lamp ophangen", code="klussen")
    other = make_request(community, asker, title="Heg knippen", code="tuin")
    own = make_request(community, vincent, title="Zijn eigen vraag", code="klussen")
    page = nl(as_person(coordinator), f"/c/wijk/offers/{offer.pk}/")
    assert "Ja, ik wil graag hulp van" not in page
    assert "Vincent voorstellen voor een vraag" in page
    assert f'name="request" value="{fitting.pk}"' in page
    assert f'name="request" value="{other.pk}"' not in page
    assert f'name="request" value="{own.pk}"' not in page
    as_person(coordinator).post(
        "/c/wijk/workbench/propose/", {"request": fitting.pk, "offer": offer.pk}
    )
    assert fitting.matches.get().helper == vincent
    resident_page = nl(as_person(asker), f"/c/wijk/offers/{offer.pk}/")
    assert "Ja, ik wil graag hulp van Vincent" in resident_page
    assert "voorstellen voor een vraag" not in resident_page
