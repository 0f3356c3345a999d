"""Every message names the help desk: the community's own number and hours from its settings."""

import pytest

from naober.notify.render import render
from naober.notify.texts import EVENTS, SMS_LIMIT

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(community):
    community.phone, community.opening_hours = "0528 999 000", "ma-vr 10-12 uur"
    community.save()
    return community


# Messages that never go to residents, with the reason: they need not name the help desk.
NOT_TO_RESIDENTS = {
    "custom": "a coordinator's own text",
    "vog_expiring": "for coordinators: certificates of conduct to renew",
    "request_waiting": "for coordinators (escalation, issue 15.2): a request has no answer yet",
    "acute_signal": "for the core group and the coordinator on duty",
    "door_arrival": "for the coordinator on duty: a door of the public page was used",
    "callback_waiting": "for coordinators (escalation): a public call-back is still waiting",
}


@pytest.mark.parametrize("event", sorted(set(EVENTS) - set(NOT_TO_RESIDENTS)))
def test_messages_to_residents_name_the_desk_phone_and_hours(desk, person_factory, event):
    person = person_factory(desk, "resident")
    person_factory(desk, "coordinator", phone="06 55554444")
    for channel in ("email", "letter"):
        body = render(person, event, {}, channel).body
        assert "0528 999 000 (ma-vr 10-12 uur)" in body
        assert "06 55554444" not in body
    sms = render(person, event, {}, "sms").body
    assert len(sms) <= SMS_LIMIT
    assert "0528 999 000" in sms


def test_without_a_desk_number_the_coordinator_is_named(community, person_factory):
    person = person_factory(community, "resident")
    person_factory(community, "coordinator", phone="06 55554444")
    assert "06 55554444" in render(person, "match_proposed", {}, "email").body
