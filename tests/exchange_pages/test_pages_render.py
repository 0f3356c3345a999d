"""Every exchange page renders for a role that may see it and is refused to one that may not."""

import pytest

from naober.exchange.models import HelpRequest
from tests.exchange_pages.builders import make_offer, make_request, matched

pytestmark = pytest.mark.django_db


def test_resident_pages_render(community, resident, as_person, volunteer):
    client = as_person(resident)
    help_request = make_request(community, resident)
    offer = make_offer(community, volunteer)
    for path in [
        "ask/",
        "requests/",
        f"requests/{help_request.pk}/",
        f"requests/{help_request.pk}/sent/",
        "offers/",
        "offers/new/",
        f"offers/{offer.pk}/",
        "my-help/",
    ]:
        response = client.get(f"/c/wijk/{path}")
        assert response.status_code == 200, path


def test_coordinator_pages_render(community, resident, volunteer, coordinator, as_person):
    client = as_person(coordinator)
    match = matched(community, resident, volunteer, state="active", coordinator=coordinator)
    area = community.areas.get(name="Krakeel")
    followup = match.followups.get()
    for path in [
        "workbench/",
        "requests/new/",
        f"requests/{match.request_id}/",
        f"matches/{match.pk}/",
        f"matches/{match.pk}/introduction/",
        f"workbench/follow-ups/{followup.pk}/",
        f"noticeboard/{area.pk}/",
        "summary/",
        "workbench/lookup/",
    ]:
        response = client.get(f"/c/wijk/{path}")
        assert response.status_code == 200, path


@pytest.mark.parametrize("path", ["workbench/", "requests/new/", "summary/", "workbench/lookup/"])
def test_staff_pages_refuse_residents(path, resident, as_person):
    assert as_person(resident).get(f"/c/wijk/{path}").status_code == 403


def test_core_group_sees_summary_but_not_the_workbench(community, person_factory, as_person):
    client = as_person(person_factory(community, "core_group"))
    assert client.get("/c/wijk/summary/").status_code == 200
    assert client.get("/c/wijk/workbench/").status_code == 403


def test_partner_cannot_ask_or_offer(community, person_factory, as_person):
    client = as_person(person_factory(community, "partner"))
    assert client.get("/c/wijk/ask/").status_code == 403
    assert client.get("/c/wijk/offers/new/").status_code == 403
    assert client.get("/c/wijk/requests/").status_code == 200


def test_anonymous_visitor_is_sent_to_login(client, community):
    response = client.get("/c/wijk/ask/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_of_another_community_gets_404(
    community, other_community, person_factory, as_person, resident
):
    help_request = make_request(community, resident)
    stranger = as_person(person_factory(other_community, "coordinator"))
    assert stranger.get("/c/wijk/workbench/").status_code == 404
    assert stranger.get(f"/c/elders/requests/{help_request.pk}/").status_code == 404
    area = community.areas.get(name="Krakeel")
    assert stranger.get(f"/c/elders/noticeboard/{area.pk}/").status_code == 404
    assert HelpRequest.objects.count() == 1


def test_the_coordinator_is_not_told_to_call_the_coordinator(
    community, resident, coordinator, as_person
):
    """A request a coordinator arranges told the coordinator 'call the coordinator if you would
    like to help', above the coordinator's own tools."""
    help_request = make_request(community, resident, needs_mediation=True)
    url = f"/c/wijk/requests/{help_request.pk}/"
    staff_page = as_person(coordinator).get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Bel de coördinator als u wilt helpen." not in staff_page
    assert "Wilt u helpen?" not in staff_page and "Voor de coördinator" in staff_page
