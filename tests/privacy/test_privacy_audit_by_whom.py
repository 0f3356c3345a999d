"""'Wie de gegevens bekeek' says by whom, as a kind and never a name (issue 13.5): the section's
heading promised "who", but each entry told only when and what."""

import pytest
from django.test import Client

from naober.communities.context import resolve_actor
from naober.privacy import audit
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_the_log_on_my_data_says_by_whom_without_names(community):
    me = make_person(community, "resident", name="Rika Zuidema")
    coordinator = make_person(community, "coordinator", name="Carla Coördinator")
    helper = make_person(community, "volunteer", name="Bram Helper")
    for who in (coordinator, helper):
        audit.record_access(resolve_actor(who.user, "wijk"), me, "test", ["phone"])
    client = Client()
    client.force_login(me.user)
    client.get("/c/wijk/my-data/")
    page = client.get("/c/wijk/my-data/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    log = page.split("Wie de gegevens bekeek")[-1]
    assert "Door wie" in log
    for kind in (
        "zelf, met de eigen inlog",
        "een coördinator",
        "een buur die u helpt of bij u op bezoek komt",
    ):
        assert kind in log, kind
    assert "Carla" not in log and "Bram" not in log
