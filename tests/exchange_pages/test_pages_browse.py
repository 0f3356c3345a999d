"""The public board, the request page with the disclosure, responding, and the offer-first view."""

import pytest

from naober.exchange.models import HelpOffer, Match, MatchState
from tests.exchange_pages.builders import make_offer, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(community, person_factory):
    return person_factory(
        community,
        "resident",
        name="Annie Zonderland",
        phone="06 99887766",
        email="annie@voorbeeld.nl",
        address="Dorpsstraat 12",
    )


def test_board_never_shows_contact_details(community, asker, volunteer, as_person):
    help_request = make_request(community, asker, title="Heg knippen")
    for path in ["requests/", f"requests/{help_request.pk}/"]:
        html = as_person(volunteer).get(f"/c/wijk/{path}").content.decode()
        assert "Heg knippen" in html and "Annie, Dorpsstraat" in html
        for secret in ("06 99887766", "annie@voorbeeld.nl", "Dorpsstraat 12", "Zonderland"):
            assert secret not in html


def test_board_filters_by_category_and_neighbourhood(
    community, person_factory, volunteer, as_person
):
    from naober.communities.models import AreaKind
    from naober.communities.services import add_area

    root = community.areas.get(parent=None)
    elsewhere = add_area(
        community,
        add_area(community, root, AreaKind.NEIGHBOURHOOD, "Verweg"),
        AreaKind.STREET,
        "Verweglaan",
    )
    far = person_factory(community, "resident", area=elsewhere)
    make_request(community, title="Tuin hier")
    make_request(community, far, title="Tuin ver weg")
    make_request(community, title="Boodschappen hier", code="boodschappen")
    client = as_person(volunteer)
    krakeel = community.areas.get(name="Krakeel")
    tuin = community.categories.get(code="tuin")
    html = client.get("/c/wijk/requests/", {"category": tuin.pk}).content.decode()
    assert "Tuin hier" in html and "Tuin ver weg" in html and "Boodschappen hier" not in html
    html = client.get("/c/wijk/requests/", {"area": krakeel.pk}).content.decode()
    assert "Tuin hier" in html and "Boodschappen hier" in html and "Tuin ver weg" not in html
    bad = client.get("/c/wijk/requests/", {"area": "abc"})
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()


def test_board_hides_requests_that_need_a_coordinator_and_other_communities(
    community, other_community, volunteer, as_person, person_factory
):
    make_request(community, title="Via de coördinator", needs_mediation=True)
    make_request(other_community, person_factory(other_community, "resident"), title="Elders")
    html = as_person(volunteer).get("/c/wijk/requests/").content.decode()
    assert "Via de coördinator" not in html and "Elders" not in html


def test_helper_sees_the_disclosure_before_responding_and_responds(
    community, asker, volunteer, as_person
):
    help_request = make_request(community, asker, disclosure="Ik zit in een rolstoel.")
    offer = make_offer(community, volunteer)
    client = as_person(volunteer)
    html = client.get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "Goed om te weten voordat u ja zegt" in html and "Ik zit in een rolstoel." in html
    assert "Ik wil helpen" in html
    response = client.post(f"/c/wijk/requests/{help_request.pk}/", {"offer": offer.pk})
    match = Match.objects.get()
    assert (match.mode, match.state, match.helper) == ("self", "proposed", volunteer)
    assert response["Location"] == f"/c/wijk/matches/{match.pk}/"


def test_partner_does_not_see_the_disclosure_and_cannot_respond(
    community, asker, person_factory, as_person
):
    help_request = make_request(community, asker, disclosure="Ik zit in een rolstoel.")
    partner = as_person(person_factory(community, "partner"))
    html = partner.get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "rolstoel" not in html and "Ik wil helpen" not in html
    assert partner.post(f"/c/wijk/requests/{help_request.pk}/", {"offer": 1}).status_code == 404


def test_second_helper_gets_a_friendly_message_and_no_second_match(
    community, asker, volunteer, person_factory, as_person
):
    help_request = make_request(community, asker)
    first, second = volunteer, person_factory(community, "volunteer")
    offers = [make_offer(community, first), make_offer(community, second)]
    as_person(first).post(f"/c/wijk/requests/{help_request.pk}/", {"offer": offers[0].pk})
    # The second helper had the page open before the first one answered.
    from naober.exchange import services
    from tests.exchange.helpers import actor_of

    with pytest.raises(Exception) as refused:
        services.respond(actor_of(second), help_request, offers[1])
    assert getattr(refused.value, "code", "") == "request_taken"
    response = as_person(second).post(
        f"/c/wijk/requests/{help_request.pk}/", {"offer": offers[1].pk}, follow=True
    )
    html = response.content.decode()
    assert "Iemand anders helpt al met deze vraag" in html
    assert Match.objects.count() == 1


def test_respond_with_someone_elses_offer_is_refused(
    community, asker, volunteer, person_factory, as_person
):
    help_request = make_request(community, asker)
    make_offer(community, volunteer)
    other_offer = make_offer(community, person_factory(community, "volunteer"))
    response = as_person(volunteer).post(
        f"/c/wijk/requests/{help_request.pk}/", {"offer": other_offer.pk}
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Match.objects.count() == 0


def test_helper_without_an_offer_is_invited_to_offer_first(community, asker, volunteer, as_person):
    help_request = make_request(community, asker)
    html = as_person(volunteer).get(f"/c/wijk/requests/{help_request.pk}/").content.decode()
    assert "/c/wijk/offers/new/" in html and "Ik wil helpen" not in html


def test_offer_first_asks_the_helper_in_one_step(community, resident, volunteer, as_person):
    offer = make_offer(community, volunteer, codes=("tuin", "boodschappen"))
    client = as_person(resident)
    html = client.get("/c/wijk/offers/").content.decode()
    assert "Hulp die buren aanbieden" in html and "Bram, Dorpsstraat" in html
    assert "06 1234" not in html
    response = client.post(f"/c/wijk/offers/{offer.pk}/accept/", {"category": "boodschappen"})
    match = Match.objects.get()
    assert match.state == MatchState.PROPOSED and match.requester_yes_at  # the helper says yes next
    assert match.request.requester == resident
    assert match.request.category.code == "boodschappen"
    assert response["Location"] == f"/c/wijk/matches/{match.pk}/"


def test_offer_first_refuses_a_category_the_offer_does_not_have(
    community, resident, volunteer, as_person
):
    offer = make_offer(community, volunteer, codes=("tuin",))
    response = as_person(resident).post(
        f"/c/wijk/offers/{offer.pk}/accept/", {"category": "oppas"}, follow=True
    )
    assert "Kies een van de soorten hulp" in response.content.decode()
    assert Match.objects.count() == 0


def test_own_offer_is_not_listed_and_cannot_be_accepted(community, volunteer, as_person):
    offer = make_offer(community, volunteer, description="Mijn eigen aanbod hier")
    client = as_person(volunteer)
    assert "Mijn eigen aanbod hier" not in client.get("/c/wijk/offers/").content.decode()
    client.post(f"/c/wijk/offers/{offer.pk}/accept/", {})
    assert Match.objects.count() == 0


def test_offer_of_another_community_is_not_found(
    community, other_community, resident, person_factory, as_person
):
    offer = make_offer(other_community, person_factory(other_community, "volunteer"))
    client = as_person(resident)
    assert client.get(f"/c/wijk/offers/{offer.pk}/").status_code == 404
    assert client.post(f"/c/wijk/offers/{offer.pk}/accept/").status_code == 404
    assert HelpOffer.objects.count() == 1 and Match.objects.count() == 0


def test_offer_first_list_shows_twenty_a_page_with_a_way_to_the_next(
    community, resident, person_factory, as_person
):
    for number in range(25):
        helper = person_factory(community, "volunteer", name=f"Helper {number}")
        make_offer(community, helper, description=f"Aanbod nummer {number}.")
    client = as_person(resident)
    first = client.get("/c/wijk/offers/").content.decode()
    assert first.count("Aanbod nummer") == 20
    assert "Pagina 1 van 2" in first and "?page=2" in first
    second = client.get("/c/wijk/offers/?page=2").content.decode()
    assert second.count("Aanbod nummer") == 5 and "?page=1" in second
