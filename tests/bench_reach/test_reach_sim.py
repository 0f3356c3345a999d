"""The reach simulator (issue 15.5): reproducible, follows the app's rules, and shows what
call-outs and escalation add over several seeds (not one chosen draw)."""

import statistics

import pytest

from bench import reach_sim

SEEDS = (1, 2, 3)


@pytest.fixture(scope="module")
def runs():
    return {seed: {r["policy"]: r for r in reach_sim.simulate(seed)} for seed in SEEDS}


def median(runs, policy, key):
    return statistics.median(runs[seed][policy][key] for seed in SEEDS)


def test_same_seed_same_figures(runs):
    assert {r["policy"]: r for r in reach_sim.simulate(SEEDS[0])} == runs[SEEDS[0]]
    assert list(runs[SEEDS[0]]) == list(reach_sim.POLICIES)


def test_call_outs_answer_sooner_and_spread_the_asking(runs):
    within = "answered_within_promise"
    assert median(runs, "call-outs", within) > median(runs, "today", within) + 0.2
    assert median(runs, "both", within) >= median(runs, "call-outs", within)
    spread = "fitting_helpers_asked_per_quarter"
    assert median(runs, "call-outs", spread) > 2 * median(runs, "today", spread)
    for seed in SEEDS:
        assert runs[seed]["both"]["vulnerable_matched"] >= 0.95


def test_a_weekend_desk_answers_more_within_the_promise():
    weekdays = reach_sim.Run("both", 1).run()["answered_within_promise"]
    assert reach_sim.Run("both", 1, desk="every-day").run()["answered_within_promise"] > weekdays


def test_the_apps_rules_hold_in_the_run():
    run = reach_sim.Run("both", 2)
    run.run()
    week = 7 * 24
    for helper in run.helpers:
        # a call-out cannot reach a phone at home; nobody is asked more than the weekly limit
        if helper.channel == reach_sim.HOME_PHONE:
            assert helper.asked_at == []
        for at in helper.asked_at:
            assert sum(at <= other < at + week for other in helper.asked_at) <= 2
    assert {r.stage for r in run.requests} <= {0, 1, 2}
    assert all(r.matched_at is None or r.matched_at >= r.arrives for r in run.requests)
    # an offline caller's request is entered in desk hours only (at once or at the call-back)
    assert all(reach_sim.desk_open(r.entered, "weekdays") for r in run.requests if r.vulnerable)


def test_a_proposal_ends_the_escalation_as_first_response_at_does():
    run = reach_sim.Run("escalation", 3)
    monday_noon = 12
    request = reach_sim.HelpRequest(0, monday_noon, 0, 0, vulnerable=False, entered=monday_noon)
    waiting = reach_sim.HelpRequest(1, monday_noon, 0, 0, vulnerable=False, entered=monday_noon)
    request.responded = True  # a proposal or the intake's call-back
    run.rng.random = lambda: 0.99  # the coordinator never gets to them by chance; nobody says yes
    for hour in range(monday_noon, monday_noon + 40):
        run.step(request, hour)
        run.step(waiting, hour)
    assert request.stage == 0
    # raised at half the promise (Tuesday noon), the desk proposes someone: no second stage
    assert waiting.stage == 1 and waiting.responded


def test_a_phone_request_is_sent_out_again_at_its_call_back():
    """Taken in on Monday 10:00 and sent out; without a yes, the call-back on Tuesday at the
    desk's opening sends it out to the next suggestions (the sweep does not: the call-back
    noted at the intake is its first answer)."""
    run = reach_sim.Run("both", 4)
    run.rng.random = lambda: 0.99  # nobody says yes, the coordinator never looks by chance
    run.rng.expovariate = lambda rate: 1.0  # every no comes within the hour
    call = reach_sim.HelpRequest(0, 10, 0, 0, vulnerable=True)
    for hour in range(10, 24 + reach_sim.DESK_FROM):
        run.step(call, hour)
    first = len(call.asked)
    assert first > 0 and call.responded and call.callback == 24 + reach_sim.DESK_FROM
    run.step(call, 24 + reach_sim.DESK_FROM)
    assert len(call.asked) > first and call.stage == 0
    assert call.callback == 48 + reach_sim.DESK_FROM
