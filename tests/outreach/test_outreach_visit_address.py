"""Recording a visit never reveals where someone lives (issue 12.8).

The visit takes over the resident's postal address only for the roles that see contact details
and for an address the visitor was given on a walk list. The core group, which may pick any name
from the people list, gets no address it did not type, on the page or in the API.
"""

from datetime import date

import pytest
from django.test import Client

from naober.api.models import ApiToken
from naober.outreach import services
from naober.outreach.models import VisitOutcome
from tests.outreach.conftest import actor_of

pytestmark = pytest.mark.django_db


def visit_by(person, resident, **extra):
    return services.record_visit(
        actor_of(person),
        person=resident,
        visited_on=date(2026, 3, 2),
        outcome=VisitOutcome.REFUSED,
        **extra,
    )


def test_the_core_group_gets_no_address_it_did_not_type(cast):
    visit = visit_by(cast.core, cast.resident)
    assert visit.address == ""
    client = Client()
    client.force_login(cast.core.user)
    page = client.get(f"/c/wijk/visits/{visit.pk}/").content.decode()
    assert "Dorpsstraat 12" not in page
    _token, raw = ApiToken.issue(cast.core.user)
    answer = Client().get("/api/v1/c/wijk/visits", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert answer.status_code == 200 and "Dorpsstraat 12" not in answer.content.decode()


def test_the_core_group_keeps_the_address_it_typed(cast):
    assert visit_by(cast.core, cast.resident, address="Dorpsstraat 12").address == "Dorpsstraat 12"


def test_a_coordinator_and_the_walk_list_visitor_get_the_address(cast, walk_list):
    assert visit_by(cast.coordinator, cast.resident).address == "Dorpsstraat 12"
    assert visit_by(cast.visitor, cast.resident).address == "Dorpsstraat 12"
