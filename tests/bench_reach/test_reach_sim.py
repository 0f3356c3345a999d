"""The reach simulator (issue 15.5): reproducible, and shows what call-outs and escalation add."""

from bench import reach_sim


def test_same_seed_same_figures_and_the_policies_rank_as_designed():
    rows = {r["policy"]: r for r in reach_sim.simulate(seed=15)}
    assert rows == {r["policy"]: r for r in reach_sim.simulate(seed=15)}
    assert list(rows) == list(reach_sim.POLICIES)
    today, escalation, callouts, both = (rows[p] for p in reach_sim.POLICIES)
    # escalation alone answers sooner; call-outs spread the asking over the willing helpers
    assert escalation["answered_within_promise"] > today["answered_within_promise"]
    assert callouts["fitting_helpers_asked_per_quarter"] > 0.9 > today["helpers_asked_per_quarter"]
    assert both["answered_within_promise"] >= 0.95
    assert both["vulnerable_matched"] >= both["others_matched"]


def test_escalation_stages_fire_once_per_request():
    run = reach_sim.Run("both", seed=15)
    run.run()
    assert {r.stage for r in run.requests} <= {0, 1, 2}
    assert all(r.matched_at is None or r.matched_at >= r.arrives for r in run.requests)
