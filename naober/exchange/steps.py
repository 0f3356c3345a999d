"""The buttons a person sees on a match: which steps they may take now, in their own words.

Used by the match pages and by the "waiting for your answer" block on the community home, so that
a volunteer can say yes to a proposal from wherever they land.
"""

from django.utils.translation import gettext as _

from naober.exchange import selectors, services, states
from naober.exchange.models import MatchState


def _step_label(state: str, *, on_behalf: bool) -> str:
    """The button text: in the first person for the sides, as a record for a coordinator."""
    if on_behalf:
        labels = {
            MatchState.ACTIVE: _("Record that the help has started"),
            MatchState.COMPLETED: _("Record that the help is finished"),
            MatchState.DECLINED: _("Record a no"),
            MatchState.STOPPED: _("Stop this match"),
        }
        return labels[state]
    labels = {
        MatchState.ACTIVE: _("The help has started"),
        MatchState.COMPLETED: _("The help is finished"),
        MatchState.DECLINED: _("No, thank you"),
        MatchState.STOPPED: _("Stop this match"),
    }
    return labels[state]


YES = "yes:"  # a posted step "yes:helper" or "yes:requester" is one side's yes (services.say_yes)
# Steps that are no button: `accepted` follows the two yeses, an introduction has its own form.
BY_OTHER_MEANS = frozenset({MatchState.ACCEPTED, MatchState.INTRODUCED})


def _yes_steps(match, sides: set[str], staff: bool) -> list[tuple[str, str]]:
    """The yes buttons of a proposal: one's own yes, or (a coordinator) a yes heard on the phone."""
    steps = []
    for side in services.missing_yes(match):
        if side in sides:
            label = _("Yes, I will help") if side == states.HELPER else _("Yes, please")
        elif staff:
            name = (match.helper if side == states.HELPER else match.request.requester).name
            label = _("%(name)s said yes (on the phone)") % {"name": name}
        else:
            continue
        steps.append((YES + side, label))
    return steps


def next_steps(actor, match) -> list[tuple[str, str]]:
    """The steps this actor may take now, as (state, button text). Introductions are planned with
    their own form, so they are not a button; `accepted` follows the two yeses by itself."""
    staff = selectors.is_staff(actor)
    me = actor.person.pk if actor.person else None
    sides = set()
    if me == match.request.requester_id:
        sides.add(states.REQUESTER)
    if me == match.helper_id:
        sides.add(states.HELPER)
    steps = _yes_steps(match, sides, staff) if match.state == MatchState.PROPOSED else []
    for to in services.allowed_transitions(actor, match):
        if to in BY_OTHER_MEANS:
            continue
        steps.append((to, _step_label(to, on_behalf=not sides)))
    return steps
