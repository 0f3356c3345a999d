"""A year of reach in one neighbourhood: does sending requests out and escalating keep the promise?

Issue 15.5. The seeds' hardest problem is reach, not ranking: a coordinator proposes one helper at a
time, nobody is reminded before the answer promise breaks, and the same few trusted helpers are
asked again and again while others are never asked and drop out. This simulator runs one year in a
neighbourhood the size of Zuid voor Elkaar (6,400 residents) under four ways of working, with the
same residents, helpers and requests (one seed), side by side:

- ``today``: one proposal at a time to the coordinator's best-known fitting helper, looked at
  during office hours when the coordinator gets to it; nobody is reminded;
- ``escalation``: the same, plus the reminders of issue 15.2 (at half and three quarters of the
  promise the request is raised to the coordinator on duty, then to all coordinators, who act on
  it at once);
- ``call-outs``: the request is sent out to several fitting helpers at once (least recently asked
  first, at most one ask per helper a week), the first yes wins; no reminders;
- ``both``: call-outs and escalation (the stage at three quarters sends the request to every
  fitting helper not yet asked).

Assumptions (from the seeds where they give numbers, plain otherwise):
- a third of the residents is offline (BUUV: 35%); their requests come in by phone or walk-in and
  count as *vulnerable* (also most company and accompaniment requests of people living alone);
- demand far below supply: IJsselstein had 30 volunteers and 26 requests a year; here 160 willing
  helpers and about 7 requests a week;
- helpers offer one to three of the ten kinds of help, half only in their own buurt; a third of
  them is offline and is asked by phone during office hours;
- an asked helper answers after a few hours (exponential, mean 6 h online, by phone at once),
  says yes with probability 0.45, and one in five never answers (taken as "no" after 24 h);
- the coordinator works weekdays 9-17 and gets to a given open request with probability 0.25 an
  hour; the rota covers 8-20 every day, so an escalation is acted on within the hour then.

Measured: *answered within promise* (a helper said yes within the community's 48 hours),
*helpers asked per quarter* (share of willing helpers asked at least once in a quarter, averaged
over the four quarters; also of those helpers whose offer fitted at least one request of that
quarter, since no policy can ask a helper for help nobody needs), *vulnerable matched* and
*others matched* (a helper found at all).

Run: ``.venv/bin/python -m bench.reach_sim`` (``--json`` for machine-readable output,
``--seed`` to vary the draw). Pure Python, a second or two.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass, field

RESIDENTS = 6_400
BUURTEN = 8
HELPERS = 160
REQUESTS_PER_WEEK = 7
OFFLINE_SHARE = 1 / 3
PROMISE_HOURS = 48
HOURS = 365 * 24
KINDS = 10
#: relative demand per kind of help (groceries, odd jobs, garden, transport, company, ...)
KIND_WEIGHTS = (0.15, 0.15, 0.08, 0.14, 0.14, 0.04, 0.1, 0.1, 0.05, 0.05)
P_YES = 0.45
P_SILENT = 0.2
MEAN_ANSWER_HOURS = 6.0
SILENCE_TIMEOUT = 24
P_COORDINATOR_LOOKS = 0.25
CALLOUT_SIZE = 5
ASKS_PER_WEEK = 1
GIVE_UP_HOURS = 14 * 24

POLICIES = ("today", "escalation", "call-outs", "both")


@dataclass
class Helper:
    ident: int
    buurt: int
    kinds: frozenset[int]
    anywhere: bool
    online: bool
    #: how well the coordinator knows this helper: today's proposals go to the best-known first
    known: float
    asked_at: list[int] = field(default_factory=list)


@dataclass
class HelpRequest:
    ident: int
    arrives: int
    buurt: int
    kind: int
    vulnerable: bool
    #: hour at which the coordinator has entered it (phone and walk-in requests wait for the desk)
    entered: int = -1
    asked: set[int] = field(default_factory=set)
    #: pending asks: helper id -> (hour of the answer or None for silence, yes?)
    pending: dict[int, tuple[int | None, bool]] = field(default_factory=dict)
    asked_at: dict[int, int] = field(default_factory=dict)
    matched_at: int | None = None
    stage: int = 0


def office_hours(hour: int) -> bool:
    day, h = divmod(hour, 24)
    return day % 7 < 5 and 9 <= h < 17


def rota_hours(hour: int) -> bool:
    return 8 <= hour % 24 < 20


def make_world(seed: int) -> tuple[list[Helper], list[HelpRequest]]:
    """Helpers and a year of requests, the same for every policy (one seeded generator)."""
    rng = random.Random(seed)
    helpers = [
        Helper(
            ident=i,
            buurt=rng.randrange(BUURTEN),
            kinds=frozenset(rng.choices(range(KINDS), weights=KIND_WEIGHTS, k=rng.randint(1, 3))),
            anywhere=rng.random() < 0.5,
            online=rng.random() >= OFFLINE_SHARE,
            known=rng.random() ** 3,
        )
        for i in range(HELPERS)
    ]
    requests = []
    hour = 0.0
    rate = REQUESTS_PER_WEEK / (7 * 24)
    while True:
        hour += rng.expovariate(rate)
        if hour >= HOURS:
            break
        kind = rng.choices(range(KINDS), weights=KIND_WEIGHTS)[0]
        offline = rng.random() < OFFLINE_SHARE
        # company (4) and accompaniment/transport (3) requests of people alone count as vulnerable
        vulnerable = offline or (kind in (3, 4) and rng.random() < 0.3)
        requests.append(
            HelpRequest(
                ident=len(requests),
                arrives=int(hour),
                buurt=rng.randrange(BUURTEN),
                kind=kind,
                vulnerable=vulnerable,
            )
        )
    return helpers, requests


def fitting(helper: Helper, request: HelpRequest) -> bool:
    return request.kind in helper.kinds and (helper.anywhere or helper.buurt == request.buurt)


def asked_this_week(helper: Helper, hour: int) -> int:
    return sum(1 for at in helper.asked_at if hour - at < 7 * 24)


class Run:
    """One policy over the shared world; every random draw comes from the run's own generator."""

    def __init__(self, policy: str, seed: int):
        self.policy = policy
        self.callouts = policy in ("call-outs", "both")
        self.escalates = policy in ("escalation", "both")
        self.rng = random.Random(seed + 1)
        self.helpers, self.requests = make_world(seed)

    def ask(self, request: HelpRequest, helper: Helper, hour: int) -> None:
        request.asked.add(helper.ident)
        request.asked_at[helper.ident] = hour
        helper.asked_at.append(hour)
        if self.rng.random() < P_SILENT:
            request.pending[helper.ident] = (None, False)
            return
        delay = 0 if not helper.online else math.ceil(self.rng.expovariate(1 / MEAN_ANSWER_HOURS))
        request.pending[helper.ident] = (hour + delay, self.rng.random() < P_YES)

    def candidates(self, request: HelpRequest, hour: int, *, limit_weekly: bool) -> list[Helper]:
        found = [
            h
            for h in self.helpers
            if h.ident not in request.asked
            and fitting(h, request)
            and (h.online or office_hours(hour))
            and (not limit_weekly or asked_this_week(h, hour) < ASKS_PER_WEEK)
        ]
        if self.callouts:
            # least recently asked first: helpers who were never asked come before the regulars
            found.sort(key=lambda h: (h.asked_at[-1] if h.asked_at else -1, -h.known))
        else:
            found.sort(key=lambda h: -h.known)
        return found

    def send(self, request: HelpRequest, hour: int, *, wide: bool = False) -> None:
        """The coordinator acts on a request: one proposal today, or a call-out."""
        if self.callouts:
            pool = self.candidates(request, hour, limit_weekly=not wide)
            if not pool and not wide:
                pool = self.candidates(request, hour, limit_weekly=False)
            for helper in pool if wide else pool[:CALLOUT_SIZE]:
                self.ask(request, helper, hour)
        elif not request.pending:
            pool = self.candidates(request, hour, limit_weekly=False)
            if pool:
                self.ask(request, pool[0], hour)

    def settle(self, request: HelpRequest, hour: int) -> None:
        """Answers that arrive this hour; the first yes wins, silence counts as no after a day."""
        for ident, (answer_at, yes) in list(request.pending.items()):
            if answer_at is None:
                if hour - request.asked_at[ident] >= SILENCE_TIMEOUT:
                    del request.pending[ident]
            elif answer_at <= hour:
                del request.pending[ident]
                if yes and request.matched_at is None:
                    request.matched_at = hour
        if request.matched_at is not None:
            request.pending.clear()

    def step(self, request: HelpRequest, hour: int) -> None:
        if request.entered < 0:
            # an offline requester's call or visit is entered when the desk is open
            if request.vulnerable and not office_hours(hour):
                return
            request.entered = hour
        self.settle(request, hour)
        if request.matched_at is not None:
            return
        age = hour - request.arrives
        if self.escalates and rota_hours(hour):
            for stage, share in ((1, 0.5), (2, 0.75)):
                if request.stage < stage and age >= PROMISE_HOURS * share:
                    request.stage = stage
                    self.send(request, hour, wide=stage == 2)
                    return
        looks = office_hours(hour) and self.rng.random() < P_COORDINATOR_LOOKS
        if looks and not request.pending:
            self.send(request, hour)

    def run(self) -> dict:
        open_requests: list[HelpRequest] = []
        queue = sorted(self.requests, key=lambda r: r.arrives)
        nxt = 0
        for hour in range(HOURS + GIVE_UP_HOURS):
            while nxt < len(queue) and queue[nxt].arrives <= hour:
                open_requests.append(queue[nxt])
                nxt += 1
            for request in open_requests:
                self.step(request, hour)
            open_requests = [
                r
                for r in open_requests
                if r.matched_at is None and hour - r.arrives < GIVE_UP_HOURS
            ]
        return self.figures()

    def figures(self) -> dict:
        reqs = self.requests
        within = [r for r in reqs if r.matched_at is not None and r.matched_at - r.arrives <= 48]
        vulnerable = [r for r in reqs if r.vulnerable]
        others = [r for r in reqs if not r.vulnerable]
        quarter = HOURS // 4
        asked_shares, fitting_shares = [], []
        for q in range(4):
            asked = {
                h.ident
                for h in self.helpers
                if any(q * quarter <= at < (q + 1) * quarter for at in h.asked_at)
            }
            asked_shares.append(len(asked) / len(self.helpers))
            # a helper whose offer fits no request of the quarter cannot be asked by any policy
            fit = {
                h.ident
                for h in self.helpers
                for r in reqs
                if q * quarter <= r.arrives < (q + 1) * quarter and fitting(h, r)
            }
            fitting_shares.append(len(asked & fit) / len(fit))
        asks = sum(len(h.asked_at) for h in self.helpers)
        waits = sorted(r.matched_at - r.arrives for r in reqs if r.matched_at is not None)
        return {
            "policy": self.policy,
            "requests": len(reqs),
            "answered_within_promise": len(within) / len(reqs),
            "helpers_asked_per_quarter": sum(asked_shares) / 4,
            "fitting_helpers_asked_per_quarter": sum(fitting_shares) / 4,
            "vulnerable_matched": (
                sum(r.matched_at is not None for r in vulnerable) / len(vulnerable)
            ),
            "others_matched": sum(r.matched_at is not None for r in others) / len(others),
            "median_hours_to_yes": waits[len(waits) // 2] if waits else None,
            "asks_per_helper_per_year": asks / len(self.helpers),
        }


def simulate(seed: int = 15) -> list[dict]:
    """The four policies on the same world, in the order of ``POLICIES``."""
    return [Run(policy, seed).run() for policy in POLICIES]


def table(rows: list[dict]) -> str:
    def pct(x: float) -> str:
        return f"{100 * x:.1f}%"

    lines = [
        "| way of working | answered within 48 h | helpers asked per quarter "
        "| of those a request fitted | vulnerable matched | others matched "
        "| median hours to a yes | asks per helper a year |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['policy']} | {pct(r['answered_within_promise'])} "
            f"| {pct(r['helpers_asked_per_quarter'])} "
            f"| {pct(r['fitting_helpers_asked_per_quarter'])} | {pct(r['vulnerable_matched'])} "
            f"| {pct(r['others_matched'])} | {r['median_hours_to_yes']} "
            f"| {r['asks_per_helper_per_year']:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = simulate(args.seed)
    print(json.dumps(rows, indent=2) if args.json else table(rows))


if __name__ == "__main__":
    main()
