"""Rules that were written twice and disagreed now have one home in the services: page and API
give the same answer."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from naober.exchange import services
from naober.exchange.models import HelpRequest
from tests.exchange.helpers import actor_of, make_request

C = "c/wijk"


def test_recurring_help_needs_a_rhythm_in_the_service_so_also_in_the_api(
    api, community, person_factory
):
    resident = person_factory(community, "resident")
    with pytest.raises(ValidationError) as info:
        make_request(community, resident, recurrence="recurring")
    assert "rhythm" in info.value.message_dict
    api.login(resident)
    payload = {"category": "tuin", "title": "Boodschappen", "recurrence": "recurring"}
    response = api.post(f"{C}/requests", payload)
    assert response.status_code == 422 and response.json()["code"] == "invalid"
    payload["rhythm"] = "weekly"
    assert api.post(f"{C}/requests", payload).status_code == 201
    assert HelpRequest.objects.count() == 1


def test_someone_elses_request_is_not_found_for_a_change_on_page_and_api(
    api, community, person_factory
):
    help_request = make_request(community, person_factory(community, "resident"))
    helper = person_factory(community, "volunteer")
    with pytest.raises(Http404):
        services.update_request(actor_of(helper), help_request, {"title": "Anders"})
    api.login(helper)
    assert api.patch(f"{C}/requests/{help_request.pk}", {"title": "x"}).status_code == 404
    help_request.refresh_from_db()
    assert help_request.title == "Heg knippen"
