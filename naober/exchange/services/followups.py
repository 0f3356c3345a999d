"""Contact notes and follow-up calls: scheduling the calls a week after the start and three days
after the end, writing a note in the logbook, and recording a call's answers.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    ContactKind,
    ContactLog,
    ContactOutcome,
    FollowUp,
    FollowUpKind,
    HelpRequest,
    Match,
    WouldHelp,
)
from naober.exchange.services._common import _lock_request, _own_row, _person_of, _text
from naober.exchange.tasks import schedule_reminder
from naober.people.models import Person

# A follow-up call a week after the help started, and three days after it finished (Middelsee:
# every recipient is phoned afterwards).
FOLLOWUP_AFTER_START = timedelta(days=7)


FOLLOWUP_AFTER_COMPLETION = timedelta(days=3)


def _schedule_followup(match: Match, kind: str, delay: timedelta) -> FollowUp:
    """A follow-up call, and a reminder task for the coordinators when it falls due."""
    followup = FollowUp.objects.create(match=match, kind=kind, due_at=timezone.now() + delay)
    transaction.on_commit(lambda: schedule_reminder(followup), robust=True)
    return followup


def _close_start_calls(actor: Actor, match: Match) -> None:
    """The call a week after the start is not due any more once the help is finished: the call
    after finishing replaces it (it would otherwise stay open on the workbench for ever)."""
    FollowUp.objects.filter(
        match=match, kind=FollowUpKind.AFTER_START, done_at__isnull=True
    ).update(
        done_at=timezone.now(),
        by=actor.person,
        notes=_("Closed without a call: the help was finished first."),
    )


@transaction.atomic
def log_contact(
    actor: Actor,
    *,
    person: Person,
    kind: str,
    outcome: str,
    note: str = "",
    request: HelpRequest | None = None,
    match: Match | None = None,
) -> ContactLog:
    """Write a note in the logbook: `log_contact(actor, person=, kind=, outcome=, note="",
    request=None, match=None) -> ContactLog`. MANAGE_EXCHANGE.

    About a request or a match (at least one). The first note on a request counts as its first
    answer (first_response_at). Errors: PermissionDenied, ValidationError, Http404.
    """
    actor.require(Action.MANAGE_EXCHANGE)
    errors: dict = {}
    if match is not None:
        match = _own_row(actor, match, Match)
        request = request or match.request
    if request is not None:
        request = _lock_request(actor, request)
    if request is None:
        errors["request"] = [_("Say which request or match this is about.")]
    if kind not in ContactKind.values:
        errors["kind"] = [_("Choose how you were in contact.")]
    if outcome not in ContactOutcome.values:
        errors["outcome"] = [_("Choose the result.")]
    contacted = _person_of(actor.community, person, "person", errors)
    if contacted is None:
        errors.setdefault("person", [_("Choose someone of this community.")])
    if errors:
        raise ValidationError(errors)
    entry = ContactLog.objects.create(
        community=actor.community,
        request=request,
        match=match,
        person=contacted,
        kind=kind,
        outcome=outcome,
        note=_text(note, 2000, "note", one_line=False),
        by=actor.person,
    )
    if request.first_response_at is None:
        request.first_response_at = entry.at
        request.save(update_fields=["first_response_at"])
    return entry


@transaction.atomic
def record_followup(
    actor: Actor,
    followup: FollowUp,
    *,
    how_did_it_go: str = "",
    would_help_others: str = "",
    notes: str = "",
) -> FollowUp:
    """Write down the follow-up call: `record_followup(actor, followup, how_did_it_go=,
    would_help_others="yes|no|maybe|", notes=) -> FollowUp`. MANAGE_EXCHANGE.

    Marks it done (the first time) by the actor. "Would you help someone else too?" is an answer,
    never a credit. Errors: PermissionDenied, ValidationError, Http404.
    """
    actor.require(Action.MANAGE_EXCHANGE)
    followup = (
        FollowUp.objects.select_for_update()
        .filter(pk=followup.pk, match__community=actor.community)
        .first()
    )
    if followup is None:
        raise Http404
    if would_help_others and would_help_others not in WouldHelp.values:
        raise ValidationError({"would_help_others": [_("Choose yes, no or maybe.")]})
    followup.how_did_it_go = _text(how_did_it_go, 2000, "how_did_it_go", one_line=False)
    followup.would_help_others = would_help_others or ""
    followup.notes = _text(notes, 2000, "notes", one_line=False)
    if followup.done_at is None:
        followup.done_at = timezone.now()
        followup.by = actor.person
    followup.save()
    return followup
