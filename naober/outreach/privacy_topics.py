"""Outreach rows about a person: addresses on walk lists, house visits and what was said in them,
signals, meetings. Signals use signal_view, the rule of the signal pages and API: the person a
signal is about never learns who raised it, who handles it or the core group's own outcome."""

from django.utils.translation import gettext_lazy as _

from naober.communities.permissions import Action
from naober.outreach import selectors
from naober.outreach.models import Decision, HouseVisit, Meeting, Signal, VisitDomain, WalkEntry
from naober.privacy.topics import Group, Topic, leave_out, register

SIGNAL_IDS = frozenset({"id", "raised_by", "person_concerned", "assignee", "organisation"})


def walk_entry_view(reader, entry: WalkEntry) -> dict:
    """An address on a walk list: which round and why; the referrer only for who plans visits."""
    data = {
        "id": entry.pk,
        "walk_list_name": entry.walk_list.name,
        "address": entry.address,
        "kind": entry.kind,
    }
    if reader.can(Action.PLAN_VISITS):
        data["referred_by"] = entry.referred_by
    return data


def visit_view(reader, visit: HouseVisit) -> dict:
    """A visit as the resident visited may see it: everything written about them (their right
    of access), with the visitor by first name."""
    data = selectors.visit_summary(visit)
    data.update(visitor_name=visit.visitor.display_name, notes=visit.notes)
    return data


def visit_made_view(reader, visit: HouseVisit) -> dict:
    """A visit the person made: the summary, and the notes where the visitor may read them."""
    data = selectors.visit_summary(visit)
    notes = selectors.visit_notes(reader, visit, purpose="data export of the visitor")
    if notes is not None:
        data["notes"] = notes["notes"]
    return data


def domain_view(reader, domain: VisitDomain) -> dict:
    return {
        "id": domain.pk,
        "visited_on": domain.visit.visited_on,
        "domain": domain.domain,
        "talents": domain.talents,
        "wishes": domain.wishes,
        "could_offer": domain.could_offer,
        "needs": domain.needs,
        "trits": domain.trits,
    }


def meeting_view(reader, meeting: Meeting) -> dict:
    return {"id": meeting.pk, "held_on": meeting.held_on, "place": meeting.place}


def decision_view(reader, decision: Decision) -> dict:
    return {
        "id": decision.pk,
        "held_on": decision.meeting.held_on,
        "text": decision.text,
        "action": decision.action,
    }


def _signals(field: str):
    return lambda person: (
        Signal.objects.filter(**{field: person})
        .select_related("raised_by", "assignee", "person_concerned", "organisation")
        .order_by("pk")
    )


VISIT_LABELS = {
    "visitor_name": _("visitor"),
    "converted": _("turned into a request or offer"),
    "visited_on": _("date of the visit"),
    "walk_list_name": _("walk list"),
}
VISIT_IDS = frozenset({"id", "person", "visitor"})


def _visit_topic(key, title, model, relation: str, related: str, view, **options):
    """A topic of the house visits: one rule for their labels and the ids the page hides; the
    rows are the person's by `relation`, read with `related`. `options`: Topic's `covers` (the
    relation itself unless given) and `about`."""
    options.setdefault("covers", (f"outreach.{model.__name__}.{relation}",))
    register(
        Topic(
            key=key,
            title=title,
            group=Group.VISITS,
            model=model,
            rows=lambda person: (
                model.objects.filter(**{relation: person}).select_related(related).order_by("pk")
            ),
            view=view,
            labels=VISIT_LABELS,
            hidden_on_page=VISIT_IDS,
            **options,
        )
    )


_visit_topic(
    "outreach.walk_entries",
    _("Address on a walk list"),
    WalkEntry,
    "person",
    "walk_list",
    walk_entry_view,
)
_visit_topic(
    "outreach.visit_assignments",
    _("Addresses to visit as a visitor"),
    WalkEntry,
    "visitor",
    "walk_list",
    walk_entry_view,
    about=False,
)
_visit_topic(
    "outreach.visits", _("House visits received"), HouseVisit, "person", "visitor", visit_view
)
_visit_topic(
    "outreach.life_domains",
    _("The five parts of life (from the house visit)"),
    VisitDomain,
    "visit__person",
    "visit",
    domain_view,
    covers=(),
)
_visit_topic(
    "outreach.visits_made",
    _("House visits made as a visitor"),
    HouseVisit,
    "visitor",
    "visitor",
    visit_made_view,
    about=False,
)
# What the person a signal is about reads of it: what the raiser reads (selectors.signal_view for
# someone without triage rights), never who raised it, who looks into it or the core group's
# notes, even when that person is a core-group member or a coordinator themselves.
ABOUT_ME = ("id", "kind", "urgency", "description", "status", "public_outcome", "created_at")


def signal_about_view(reader, signal: Signal) -> dict:
    shown = selectors.signal_view(reader, signal)
    return {key: shown[key] for key in ABOUT_ME if key in shown}


# The form's own question ("what did you notice?") reads, on someone else's signal, as if the
# reader had noticed it: there it is "what was noticed".
NOTICED = {"description": _("what was noticed")}
for key, title, relation, about, labels, view in (
    ("outreach.signals_raised", _("Signals raised"), "raised_by", False, {}, None),
    (
        "outreach.signals_about",
        _("Signals about this person"),
        "person_concerned",
        True,
        NOTICED,
        signal_about_view,
    ),
    ("outreach.signals_assigned", _("Signals to look into"), "assignee", False, NOTICED, None),
):
    register(
        Topic(
            key=key,
            title=title,
            group=Group.VISITS,
            model=Signal,
            covers=(f"outreach.Signal.{relation}",),
            rows=_signals(relation),
            view=view or selectors.signal_view,
            hidden_on_page=SIGNAL_IDS,
            labels=labels,
            about=about,
        )
    )
register(
    Topic(
        key="outreach.meetings",
        title=_("Core-group meetings attended"),
        group=Group.COMMUNITY,
        model=Meeting,
        covers=("outreach.Meeting.attendees",),
        rows=lambda person: Meeting.objects.filter(attendees=person).order_by("pk"),
        view=meeting_view,
        hidden_on_page=frozenset({"id"}),
        about=False,
    )
)
register(
    Topic(
        key="outreach.decisions",
        title=_("Core-group decisions taken part in"),
        group=Group.COMMUNITY,
        model=Decision,
        covers=("outreach.Decision.decided_by",),
        rows=lambda person: (
            Decision.objects.filter(decided_by=person).select_related("meeting").order_by("pk")
        ),
        view=decision_view,
        labels={"held_on": _("date")},
        hidden_on_page=frozenset({"id"}),
        about=False,
    )
)
leave_out("outreach.WalkList.created_by", "who made a walk list: staff work, no data about them")
leave_out(
    "outreach.SignalEvent.by",
    "who changed a signal: core-group work; the raiser and the person concerned must not see it",
)
leave_out("outreach.Decision.recorded_by", "who typed the minutes: core-group work")
