"""The match state machine as data: which step may follow which, and who may take it.

proposed -> accepted -> introduced -> active -> completed, and from every open state to declined or
stopped. Before `accepted` both sides say yes, each on its own (services.say_yes): the helper
and the requester, on the web or through a coordinator who records a yes heard on the phone. A
self-made match may go from accepted straight to active (neighbours who found each other
need no introduction meeting); a mediated match is introduced first (the koppelingsgesprek).
"""

from naober.exchange.models import OPEN_STATES, MatchMode, MatchState

S = MatchState

NEXT: dict[str, frozenset[str]] = {
    S.PROPOSED: frozenset({S.ACCEPTED, S.DECLINED, S.STOPPED}),
    S.ACCEPTED: frozenset({S.INTRODUCED, S.ACTIVE, S.DECLINED, S.STOPPED}),
    S.INTRODUCED: frozenset({S.ACTIVE, S.DECLINED, S.STOPPED}),
    S.ACTIVE: frozenset({S.COMPLETED, S.DECLINED, S.STOPPED}),
    S.COMPLETED: frozenset(),
    S.DECLINED: frozenset(),
    S.STOPPED: frozenset(),
}
assert all(NEXT[state] for state in OPEN_STATES)

# Who may take a step besides a coordinator (who may take every step): the sides of the match.
REQUESTER, HELPER = "requester", "helper"
SIDES_ALLOWED: dict[str, frozenset[str]] = {
    S.ACCEPTED: frozenset({REQUESTER, HELPER}),  # each side's own yes; both are needed
    S.INTRODUCED: frozenset(),  # planning the introduction is the coordinator's job
    S.ACTIVE: frozenset({REQUESTER, HELPER}),
    S.COMPLETED: frozenset({REQUESTER, HELPER}),
    S.DECLINED: frozenset({REQUESTER, HELPER}),
    S.STOPPED: frozenset({REQUESTER, HELPER}),
}


def can_move(state: str, to: str, mode: str) -> bool:
    """True when the state machine allows this step for a match of this mode."""
    if to not in NEXT.get(state, frozenset()):
        return False
    return not (state == S.ACCEPTED and to == S.ACTIVE and mode == MatchMode.MEDIATED)
