"""The life of a match after it was made: each side's yes, the steps of the state machine
(naober/exchange/states.py) with their effects, and pausing a match for review.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.base.errors import Conflict, InvalidTransition
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange import integrations, states
from naober.exchange.models import (
    FollowUpKind,
    Match,
    MatchEvent,
    MatchEventKind,
    MatchMode,
    MatchState,
)
from naober.exchange.selectors import contact_line
from naober.exchange.services._common import (
    NOTE_MAX,
    _is_staff,
    _lock_request,
    _own_row,
    _record_step,
    _same_person,
    _text,
)
from naober.exchange.services.followups import (
    FOLLOWUP_AFTER_COMPLETION,
    FOLLOWUP_AFTER_START,
    _close_start_calls,
    _schedule_followup,
)


def _sides(actor: Actor, match: Match) -> set[str]:
    sides = set()
    if _same_person(actor, match.request.requester):
        sides.add(states.REQUESTER)
    if _same_person(actor, match.helper):
        sides.add(states.HELPER)
    return sides


def allowed_transitions(actor: Actor, match: Match) -> list[str]:
    """The states this actor may move this match to now, in the state machine's order: the one
    rule behind `transition` (which refuses every other step) and the step buttons of the pages
    (naober/exchange/steps.py). A coordinator may take every step the state machine allows; a
    side the steps of states.SIDES_ALLOWED; anyone else none."""
    staff = _is_staff(actor)
    sides = _sides(actor, match)
    return [
        to
        for to in MatchState.values
        if states.can_move(match.state, to, match.mode)
        and (staff or sides & states.SIDES_ALLOWED[to])
    ]


def _tell_sides(match: Match, event: str) -> None:
    """Tell requester and helper; on acceptance each hears how to reach the other, as far as
    that person consented (see selectors.contact_line)."""
    requester, helper = match.request.requester, match.helper
    for person, other in ((requester, helper), (helper, requester)):
        context = {"match": match}
        if event == "match_accepted":
            context["shared_contact"] = contact_line(other)
        integrations.notify(person, event, context)


def _mark_yes(actor: Actor, match: Match, side: str) -> None:
    """Store one side's yes on a locked match (who recorded it: the side or a coordinator)."""
    field = "helper_yes" if side == states.HELPER else "requester_yes"
    setattr(match, f"{field}_at", timezone.now())
    setattr(match, f"{field}_by", actor.person)
    match.save(update_fields=[f"{field}_at", f"{field}_by", "updated_at"])


def missing_yes(match: Match) -> list[str]:
    """The sides whose yes to a proposal is still missing (helper first)."""
    missing = []
    if match.helper_yes_at is None:
        missing.append(states.HELPER)
    if match.requester_yes_at is None:
        missing.append(states.REQUESTER)
    return missing


def _lock_match(actor: Actor, match: Match) -> Match:
    match = _own_row(actor, match, Match)
    _lock_request(actor, match.request)
    return Match.objects.select_for_update().select_related("request__requester").get(pk=match.pk)


@transaction.atomic
def say_yes(actor: Actor, match: Match, side: str = "", note: str = "") -> Match:
    """One side says yes to a proposed match: `say_yes(actor, match, side="", note="") -> Match`.

    The helper's yes and the requester's yes are separate steps. A side says its own yes (side
    may be left empty); a coordinator (MANAGE_EXCHANGE) records either side's yes, for instance
    heard on the phone, and must say which. Once both have said yes the match becomes `accepted`
    and both hear how to reach each other; until then nobody sees the other's contact details.
    Saying yes twice changes nothing.
    Errors: Http404 (a stranger to the match), PermissionDenied (someone else's yes),
    ValidationError (unknown or missing side), Conflict "invalid_transition" (not proposed).
    """
    actor.require(Action.VIEW_EXCHANGE)
    match = _lock_match(actor, match)
    staff = _is_staff(actor)
    sides = _sides(actor, match)
    if not staff and not sides:
        raise Http404
    if side and side not in (states.HELPER, states.REQUESTER):
        raise ValidationError({"side": [_("Choose the helper or the person who asks.")]})
    if not side:
        if len(sides) != 1:
            message = _("Say whose yes this is: the helper's or the asker's.")
            raise ValidationError({"side": [message]})
        side = next(iter(sides))
    if side not in sides and not staff:
        raise PermissionDenied
    if match.state != MatchState.PROPOSED:
        raise InvalidTransition(_("This match is no longer waiting for a yes."))
    if side not in missing_yes(match):
        return match
    _mark_yes(actor, match, side)
    # The row's kind says whose yes it is (and `by` whether a coordinator recorded it): the note
    # keeps only what the person wrote, so no reader gets the fact twice (selectors.step_text).
    MatchEvent.objects.create(
        match=match,
        from_state=match.state,
        to_state=match.state,
        kind=MatchEventKind.HELPER_YES if side == states.HELPER else MatchEventKind.REQUESTER_YES,
        by=actor.person,
        note=_text(note, NOTE_MAX, "note"),
    )
    if not missing_yes(match):
        _record_step(actor, match, MatchState.ACCEPTED, "")
        _tell_sides(match, "match_accepted")
    elif side == states.HELPER and match.mode == MatchMode.SELF and side in sides:
        integrations.notify(match.request.requester, "helper_responded", {"match": match})
    return match


@transaction.atomic
def transition(
    actor: Actor,
    match: Match,
    to: str,
    note: str = "",
    *,
    intro_at=None,
    intro_place: str = "",
    intro_notes: str = "",
) -> Match:
    """Move a match one step: `transition(actor, match, to, note="", intro_at=..., ...) -> Match`.

    Allowed steps and who may take them: see naober/exchange/states.py. A coordinator
    (MANAGE_EXCHANGE) may take every allowed step; the requester accepts; the requester or helper
    start (active), complete, decline or stop. Only a coordinator introduces (with intro_at,
    intro_place, intro_notes stored on the match).
    Effects: a history row; completed -> request `done` and a follow-up in 3 days; active -> a
    follow-up in 7 days; declined/stopped -> request `open` again; both sides are told.
    Errors: Http404, PermissionDenied, ValidationError (unknown state),
    Conflict "invalid_transition".
    """
    actor.require(Action.VIEW_EXCHANGE)
    if to not in MatchState.values:
        raise ValidationError({"to": [_("Unknown state.")]})
    match = _own_row(actor, match, Match)
    _lock_request(actor, match.request)
    match = Match.objects.select_for_update().select_related("request__requester").get(pk=match.pk)
    staff = _is_staff(actor)
    sides = _sides(actor, match)
    if not staff and not sides:
        raise Http404  # a stranger to the match does not learn it exists
    if not states.can_move(match.state, to, match.mode):
        raise InvalidTransition(
            _("A match that is %(state)s cannot become %(to)s.")
            % {"state": MatchState(match.state).label, "to": MatchState(to).label}
        )
    if to not in allowed_transitions(actor, match):
        raise PermissionDenied
    if to == MatchState.ACCEPTED:
        for side in sides & set(missing_yes(match)):
            _mark_yes(actor, match, side)
        if missing_yes(match):
            raise Conflict(
                _("Both the helper and the asker must say yes first (matches/{id}/yes)."),
                "consent_missing",
            )
    if to == MatchState.INTRODUCED:
        match.intro_at = intro_at
        match.intro_place = _text(intro_place, 200, "intro_place")
        match.intro_notes = _text(intro_notes, 2000, "intro_notes", one_line=False)
    _record_step(actor, match, to, note)
    if to == MatchState.ACTIVE:
        _schedule_followup(match, FollowUpKind.AFTER_START, FOLLOWUP_AFTER_START)
    elif to == MatchState.COMPLETED:
        _close_start_calls(actor, match)
        _schedule_followup(match, FollowUpKind.AFTER_COMPLETION, FOLLOWUP_AFTER_COMPLETION)
    event = {
        MatchState.ACCEPTED: "match_accepted",
        MatchState.COMPLETED: "match_completed",
        MatchState.DECLINED: "match_stopped",
        MatchState.STOPPED: "match_stopped",
    }.get(to)
    if event:
        _tell_sides(match, event)
    return match


@transaction.atomic
def flag_match(actor: Actor, match: Match, *, flagged: bool, note: str = "") -> Match:
    """Pause a match for review (flagged=True) or clear the flag: MANAGE_EXCHANGE.

    While flagged the match keeps its state, but contact details are not shared. The flag and
    its reason are written to the history (a row of kind `paused` or `resumed`, same state).
    """
    actor.require(Action.MANAGE_EXCHANGE)
    match = _own_row(actor, match, Match)
    match = Match.objects.select_for_update().get(pk=match.pk)
    match.review_flag = flagged
    match.review_note = _text(note, 500, "note") if flagged else ""
    match.save(update_fields=["review_flag", "review_note", "updated_at"])
    MatchEvent.objects.create(
        match=match,
        from_state=match.state,
        to_state=match.state,
        kind=MatchEventKind.PAUSED if flagged else MatchEventKind.RESUMED,
        by=actor.person,
        note=_text(note, NOTE_MAX, "note"),
    )
    return match
