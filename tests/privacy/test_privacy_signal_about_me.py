"""The person a signal is about never learns from their own data who raised it (issue 13.5),
even when that person may triage signals themselves (a core-group member or a coordinator, whose
reading rights would otherwise carry the raiser, the assignee and the core group's notes)."""

import json

import pytest
from django.test import Client

from naober.communities.context import resolve_actor
from naober.outreach.models import Signal
from naober.privacy import subject
from tests.factories import make_person

pytestmark = pytest.mark.django_db

SECRET = "Gemeld door de buurvrouw van nummer 9"


@pytest.mark.parametrize("role", ["core_group", "coordinator"])
def test_a_signal_about_a_member_who_triages_hides_its_source(community, role):
    me = make_person(community, role, name="Gerda Kerngroep")
    raiser = make_person(community, "resident", name="Hendrik Melder")
    Signal.objects.create(
        community=community,
        raised_by=raiser,
        person_concerned=me,
        assignee=raiser,
        description="Gerda lijkt de laatste tijd erg moe",
        outcome=SECRET,
        public_outcome="Er wordt naar gekeken",
    )
    exported = subject.export(resolve_actor(me.user, "wijk"), me)
    about = exported["sections"]["outreach.signals_about"][0]
    assert {"raised_by", "assignee", "outcome", "organisation", "action"}.isdisjoint(about)
    assert SECRET not in json.dumps(exported)

    client = Client()
    client.force_login(me.user)
    page = client.get("/c/wijk/my-data/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Gerda lijkt de laatste tijd erg moe" in page
    assert "Hendrik" not in page and SECRET not in page
    assert "Wat er is opgevallen" in page and "Wat is u opgevallen?" not in page
