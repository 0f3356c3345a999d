"""Helpers shared by the exchange's services: text cleaning, who the actor is to a row, locking
and re-reading rows within the actor's community, and the one step that moves a locked match
(used by cancelling a request, by the state machine and by erasure alike).
"""

from django.http import Http404
from django.utils.translation import gettext as _

from naober.base.text import bounded_text as _text
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    RELEASING_STATES,
    Category,
    HelpRequest,
    Match,
    MatchEvent,
    MatchState,
    RequestStatus,
)
from naober.people.models import Person

# The longest note a step of a match keeps in its history.
NOTE_MAX = MatchEvent._meta.get_field("note").max_length


def _is_staff(actor: Actor) -> bool:
    return actor.can(Action.MANAGE_EXCHANGE)


def _same_person(actor: Actor, person) -> bool:
    return actor.person is not None and person is not None and actor.person.pk == person.pk


def _person_of(community, value, field: str, errors: dict) -> Person | None:
    """A Person (or id) of this community, else an error on `field`."""
    if value in (None, ""):
        return None
    pk = value.pk if isinstance(value, Person) else value
    person = Person.objects.filter(community=community, pk=pk, erased_at__isnull=True).first()
    if person is None:
        errors[field] = [_("Choose someone of this community.")]
    return person


def _category_of(community, value, errors: dict) -> Category | None:
    if isinstance(value, Category):
        value = value.code
    category = Category.objects.filter(community=community, code=str(value or "")[:40]).first()
    if category is None or not category.active:  # switched off by the administrators
        errors["category"] = [_("Choose one of the kinds of help.")]
    return category


def _lock_request(actor: Actor, request: HelpRequest) -> HelpRequest:
    """Lock and re-read the request row; another community's request is not found."""
    locked = (
        HelpRequest.objects.select_for_update()
        .filter(pk=request.pk, community=actor.community)
        .first()
    )
    if locked is None:
        raise Http404
    return locked


def _own_row(actor: Actor, row, model):
    """Re-read `row` within the actor's community (404 for another community's id)."""
    found = model.objects.filter(pk=row.pk, community=actor.community).first()
    if found is None:
        raise Http404
    return found


def _record_step(actor: Actor, match: Match, to: str, note: str) -> None:
    """Move a locked match to `to`, write the history row and the effects on its request."""
    before = match.state
    match.state = to
    match.save()
    MatchEvent.objects.create(
        match=match,
        from_state=before,
        to_state=to,
        by=actor.person,
        note=_text(note, NOTE_MAX, "note"),
    )
    request = match.request
    if to == MatchState.COMPLETED:
        request.status = RequestStatus.DONE
    elif to in RELEASING_STATES and request.status == RequestStatus.MATCHED:
        request.status = RequestStatus.OPEN
    request.save(update_fields=["status"])
