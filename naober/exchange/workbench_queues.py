"""The coordinator's workbench as queues to work through (issue 13.6).

Each queue is a queryset (counted and paginated in the database, never loaded whole), so the
workbench costs the same number of queries with 5 or 5,000 requests. "Overdue" has one meaning
everywhere: `selectors.with_deadline` (unanswered past the community's answer time).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.communities.context import Actor
from naober.exchange import integrations, selectors
from naober.exchange.models import OPEN_STATES, MatchMode, MatchState

PAGE_SIZE = 10


@dataclass(frozen=True)
class Queue:
    key: str
    label: str
    # which row template shows it: "request", "match", "intro", "self", "followup" or "callback"
    kind: str
    empty: str


QUEUES = (
    Queue("overdue", _("Overdue"), "request", _("Nothing overdue.")),
    Queue("new", _("New today"), "request", _("No new requests today.")),
    Queue("answer", _("Waiting for a helper's answer"), "match", _("No helper to wait for.")),
    # The helper said yes; the asker has not (yet): often someone without a login, whose yes the
    # coordinator hears on the phone and records on the match page.
    Queue("asker", _("Waiting for the asker's yes"), "match", _("No asker to wait for.")),
    Queue("intro", _("Introductions to plan"), "intro", _("No introductions to plan.")),
    Queue("followups", _("Follow-up calls due"), "followup", _("No follow-up calls due.")),
    Queue("callbacks", _("Call back"), "callback", _("Nobody to call back today.")),
    Queue("self", _("Matches made by residents"), "self", _("No matches made by residents.")),
    Queue("open", _("All open requests"), "request", _("No open requests.")),
    Queue("waiting", _("Waiting list"), "request", _("Nobody on the waiting list.")),
)
BY_KEY = {queue.key: queue for queue in QUEUES}


def queue_rows(actor: Actor, key: str) -> QuerySet:
    """The rows of one queue, in the order a coordinator works through them."""
    if key == "overdue":
        return selectors.open_requests_by_deadline(actor).filter(overdue=True)
    if key == "new":
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        return selectors.open_requests_by_deadline(actor).filter(created_at__gte=today)
    if key == "answer":
        return (
            selectors.visible_matches(actor)
            .filter(state=MatchState.PROPOSED, helper_yes_at__isnull=True)
            .order_by("created_at", "id")
        )
    if key == "asker":
        return (
            selectors.visible_matches(actor)
            .filter(
                state=MatchState.PROPOSED,
                helper_yes_at__isnull=False,
                requester_yes_at__isnull=True,
            )
            .order_by("helper_yes_at", "id")
        )
    if key == "intro":
        return (
            selectors.visible_matches(actor)
            .filter(mode=MatchMode.MEDIATED, state=MatchState.ACCEPTED, intro_at__isnull=True)
            .order_by("created_at", "id")
        )
    if key == "followups":
        return selectors.followups(actor, due_only=True)
    if key == "callbacks":  # promised at the desk or asked for on the public page
        return integrations.callbacks_due(actor)
    if key == "self":
        return selectors.self_matches(actor).filter(state__in=OPEN_STATES)
    if key == "waiting":
        return selectors.waiting_list(actor)
    return selectors.open_requests_by_deadline(actor)


def counts(actor: Actor) -> list[tuple[Queue, int]]:
    """Every queue with its size (one COUNT each, whatever the number of rows)."""
    return [(queue, queue_rows(actor, queue.key).count()) for queue in QUEUES]
