"""The demo data shows every part of the exchange: matches in every state, follow-ups, logbook."""

import random

from naober.exchange.demo import seed_exchange
from naober.exchange.models import ContactLog, FollowUp, HelpRequest, Match, MatchEvent, MatchState
from naober.people.demo import seed_residents
from tests.factories import make_person


def test_demo_has_every_state_with_history(community):
    make_person(community, "coordinator")
    streets = list(community.areas.filter(kind="street"))
    people = seed_residents(community, streets, random.Random("demo"), 90)
    seed_exchange(community, people, random.Random("demo"))
    assert set(Match.objects.values_list("state", flat=True)) == set(MatchState.values)
    for match in Match.objects.all():
        steps = list(MatchEvent.objects.filter(match=match).order_by("at", "id"))
        assert steps[0].to_state == "proposed" and steps[-1].to_state == match.state
    assert FollowUp.objects.exists() and ContactLog.objects.exists()
    assert HelpRequest.objects.filter(status="waiting_list").exists()
    codes = list(HelpRequest.objects.values_list("code", flat=True))
    assert len(set(codes)) == len(codes) and all(codes)
    live = Match.objects.exclude(state__in=["declined", "stopped"])
    assert live.values("request").distinct().count() == live.count()
