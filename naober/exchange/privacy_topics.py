"""The exchange's rows about a person, for the data export and erasure (see privacy.topics).

Every view is the app's own field rule from selectors (request_view, offer_view, match_view), the
one its pages and API use, applied with the person as the reader.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.communities.permissions import Action
from naober.exchange import selectors, services
from naober.exchange.forms import DAY_PART_LABELS
from naober.exchange.models import (
    DAYS,
    ContactLog,
    FollowUp,
    HelpOffer,
    HelpRequest,
    Match,
    Weekday,
)
from naober.privacy.topics import Group, Topic, leave_out, on_erase, register

NAMES = {
    "requester_name": _("asked by"),
    "requester_place": _("street or village"),
    "helper_name": _("helper"),
    "helper_place": _("street or village of the helper"),
    "category_label": _("kind of help"),
    "answer_by": _("answer promised by"),
    "overdue": _("answer is late"),
    "history": _("history"),
    "categories": _("kinds of help"),
}
IDS = frozenset(
    {"id", "request", "offer", "helper", "requester", "category", "kind", "area", "match"}
    | {"preferred_helper", "referred_by", "entered_by", "by"}
)


def availability_in_words(codes: list[str]) -> str:
    """["mon-morning", "sat-evening"] as "Monday morning, Saturday evening", in the reader's
    language."""
    words = []
    for code in codes:
        day, _sep, part = str(code).partition("-")
        if day in DAYS and part in DAY_PART_LABELS:
            words.append(f"{Weekday(DAYS.index(day)).label} {DAY_PART_LABELS[part]}")
    return ", ".join(words)


def contact_note_view(reader, log: ContactLog) -> dict:
    """A logbook note about the person: when, how, the result and the note; not who wrote it."""
    data = {
        "id": log.pk,
        "at": log.at,
        "kind": log.kind,
        "outcome": log.outcome,
        "note": log.note,
    }
    if reader.can(Action.VIEW_CONTACT_LOG):
        data["by"] = log.by_id
    return data


def _matches(person):
    return (
        Match.objects.filter(Q(helper=person) | Q(request__requester=person))
        .select_related("request__requester__area", "helper__area", "request__category")
        .prefetch_related("events")
        .order_by("pk")
    )


register(
    Topic(
        key="exchange.requests",
        title=_("Help requests"),
        group=Group.HELP,
        model=HelpRequest,
        covers=("exchange.HelpRequest.requester",),
        rows=lambda person: (
            HelpRequest.objects.filter(requester=person)
            .select_related("requester__area", "category", "community")
            .order_by("pk")
        ),
        view=selectors.request_view,
        labels=NAMES,
        hidden_on_page=IDS,
    )
)
register(
    Topic(
        key="exchange.offers",
        title=_("Offers of help"),
        group=Group.HELP,
        model=HelpOffer,
        covers=("exchange.HelpOffer.helper",),
        rows=lambda person: (
            HelpOffer.objects.filter(helper=person)
            .select_related("helper__area", "area")
            .prefetch_related("categories")
            .order_by("pk")
        ),
        view=selectors.offer_view,
        labels=NAMES,
        hidden_on_page=IDS | {"categories"},
        readable={"availability": availability_in_words},
    )
)
register(
    Topic(
        key="exchange.matches",
        title=_("Matches"),
        group=Group.HELP,
        model=Match,
        covers=("exchange.Match.helper",),
        rows=_matches,
        view=selectors.match_view,
        labels=NAMES,
        hidden_on_page=IDS | {"history"},
    )
)
register(
    Topic(
        key="exchange.contact_notes",
        title=_("Notes of phone calls and other contacts"),
        group=Group.HELP,
        model=ContactLog,
        covers=("exchange.ContactLog.person",),
        rows=lambda person: ContactLog.objects.filter(person=person).order_by("at", "pk"),
        view=contact_note_view,
        hidden_on_page=IDS,
    )
)


def followup_view(reader, followup: FollowUp) -> dict:
    """A follow-up call with the person who was helped: when, and what they answered."""
    return {
        "id": followup.pk,
        "match": followup.match_id,
        "kind": followup.kind,
        "due_at": followup.due_at,
        "done_at": followup.done_at,
        "how_did_it_go": followup.how_did_it_go,
        "would_help_others": followup.would_help_others,
        "notes": followup.notes,
    }


register(
    Topic(
        key="exchange.followups",
        title=_("Follow-up calls"),
        group=Group.HELP,
        model=FollowUp,
        # About the person through their request, not through a column of their own.
        covers=(),
        rows=lambda person: FollowUp.objects.filter(match__request__requester=person).order_by(
            "due_at", "pk"
        ),
        view=followup_view,
        hidden_on_page=IDS,
    )
)
STAFF_WORK = "a coordinator's work on someone else's request or match: in that person's data"
for relation in (
    "exchange.HelpRequest.entered_by",
    "exchange.Match.created_by",
    "exchange.MatchEvent.by",
    "exchange.ContactLog.by",
    "exchange.FollowUp.by",
):
    leave_out(relation, STAFF_WORK)
leave_out(
    "exchange.HelpRequest.referred_by",
    "the professional who referred someone else: in the referrer's export as a referral made",
)
leave_out(
    "exchange.HelpRequest.preferred_helper",
    "someone else's wish for a helper: the requester's data, not the helper's",
)


@on_erase
def close_open_business(actor, person) -> None:
    """Cancel the person's open requests, stop their live matches and pause their offers."""
    services.close_for_erasure(actor, person)


for relation in ("exchange.Match.helper_yes_by", "exchange.Match.requester_yes_by"):
    leave_out(
        relation, "who recorded a side's yes (often a coordinator): part of the match history"
    )
