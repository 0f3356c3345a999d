"""Writes for signals: raising one, triage by the core group, passing one on to an organisation.

Closing the loop matters (seed 000: visitors complained they never heard what happened to their
signals), so every change is kept in the history and the raiser is told when the status or the
public outcome changes, in words the core group chose to protect the resident's privacy.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.permissions import Action, is_allowed
from naober.escalation.acute import alert_acute
from naober.outreach.integrations import send_notice
from naober.outreach.models import (
    HouseVisit,
    Signal,
    SignalAction,
    SignalEvent,
    SignalKind,
    SignalStatus,
    Urgency,
)
from naober.people.models import Person

TRANSITIONS = {
    SignalStatus.NEW: {SignalStatus.DISCUSSING, SignalStatus.IN_PROGRESS, SignalStatus.CLOSED},
    SignalStatus.DISCUSSING: {SignalStatus.IN_PROGRESS, SignalStatus.CLOSED},
    SignalStatus.IN_PROGRESS: {SignalStatus.DISCUSSING, SignalStatus.CLOSED},
    SignalStatus.CLOSED: {SignalStatus.DISCUSSING},
}
TRIAGE_FIELDS = ("status", "assignee", "action", "due_on", "outcome", "public_outcome")
# What the raiser is told about: the rest of a change stays inside the core group.
RAISER_FIELDS = {"status", "public_outcome"}


@transaction.atomic
def raise_signal(
    actor: Actor,
    *,
    description: str,
    urgency: str = Urgency.NORMAL,
    kind: str = SignalKind.INDIVIDUAL,
    person_concerned: Person | None = None,
    visit: HouseVisit | None = None,
) -> Signal:
    actor.require(Action.RAISE_SIGNAL)
    errors = {}
    description = bounded_text(description, 4000, "description", one_line=False, errors=errors)
    if not description and "description" not in errors:
        errors["description"] = [_("Tell us what you noticed.")]
    if urgency not in Urgency.values:
        errors["urgency"] = [_("Choose how urgent it is.")]
    if kind not in SignalKind.values:
        errors["kind"] = [_("Choose what kind of signal it is.")]
    if person_concerned is not None and person_concerned.community_id != actor.community.pk:
        errors["person_concerned"] = [_("Choose a resident of this community.")]
    if visit is not None and (
        visit.community_id != actor.community.pk or visit.visitor_id != actor.person.pk
    ):
        errors["visit"] = [_("Choose one of your own visits.")]
    if errors:
        raise ValidationError(errors)
    signal = Signal.objects.create(
        community=actor.community,
        raised_by=actor.person,
        description=description,
        urgency=urgency,
        kind=kind,
        person_concerned=person_concerned,
        visit=visit,
    )
    SignalEvent.objects.create(signal=signal, by=actor.person, changes={"status": "new"})
    if urgency == Urgency.ACUTE:
        alert_acute(signal, timezone.now())
    return signal


@transaction.atomic
def raise_public_concern(
    community, *, about: str, description: str, name: str = "", contact: str = ""
) -> Signal:
    """A worry about a neighbour shared on the public page by someone without a login (no actor:
    the door checks its own limits). It becomes a signal on the core group's board like any other;
    who raised it (`raiser_name`, `raiser_contact`, both optional) is kept for staff only, never
    for the core group, the person it is about or their data export."""
    errors = {}
    about = bounded_text(about, 200, "about", one_line=False, errors=errors)
    description = bounded_text(description, 3700, "description", one_line=False, errors=errors)
    if not description and "description" not in errors:
        errors["description"] = [_("Tell us what you noticed.")]
    name = bounded_text(name, 120, "name", one_line=False, errors=errors)
    contact = bounded_text(contact, 200, "contact", one_line=False, errors=errors)
    if name and not contact and "contact" not in errors:
        errors["contact"] = [_("Tell us how we can reach you, or leave your name out too.")]
    if errors:
        raise ValidationError(errors)
    text = (_("About: %(about)s") % {"about": about} + "\n\n" if about else "") + description
    signal = Signal.objects.create(
        community=community,
        raised_by=None,
        raiser_name=name,
        raiser_contact=contact,
        description=text,
    )
    SignalEvent.objects.create(signal=signal, by=None, changes={"status": "new"})
    return signal


def _clean_changes(actor: Actor, signal: Signal, changes: dict) -> dict:
    cleaned, errors = {}, {}
    for field, value in changes.items():
        if field not in TRIAGE_FIELDS:
            continue
        if field == "status":
            if value not in SignalStatus.values:
                errors["status"] = [_("Choose a status.")]
            elif value != signal.status and value not in TRANSITIONS[signal.status]:
                errors["status"] = [
                    _("This signal cannot go from '%(old)s' to '%(new)s'.")
                    % {"old": signal.get_status_display(), "new": SignalStatus(value).label}
                ]
        elif field == "assignee" and value is not None:
            roles = {m.role for m in value.memberships.all()}
            if value.community_id != actor.community.pk or not is_allowed(
                roles, Action.TRIAGE_SIGNALS
            ):
                errors["assignee"] = [_("Choose a member of the core group or a coordinator.")]
        elif field == "action" and (value or "") not in SignalAction.values:
            errors["action"] = [_("Choose what will be done.")]
        elif (
            field == "due_on"
            and value is not None
            and not (date(2000, 1, 1) <= value <= date(2100, 1, 1))
        ):
            errors["due_on"] = [_("Enter a date.")]
        elif field in ("outcome", "public_outcome"):
            limit = 4000 if field == "outcome" else 1000
            value = bounded_text(value, limit, field, one_line=False, errors=errors)
        elif field == "action":
            value = value or ""
        cleaned[field] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def _shown(field: str, value) -> str:
    """How a change is written in the history."""
    if value is None or value == "":
        return ""
    if field == "assignee":
        return value.name
    return str(value)


@transaction.atomic
def update_signal(actor: Actor, signal: Signal, changes: dict, *, note: str = "") -> Signal:
    """Triage: status, who looks into it, the action, a due date and the outcome."""
    actor.require(Action.TRIAGE_SIGNALS)
    signal = Signal.objects.select_for_update().get(pk=signal.pk, community=actor.community)
    cleaned = _clean_changes(actor, signal, changes)
    note = bounded_text(note, 200, "note", one_line=False)
    changed = {f: v for f, v in cleaned.items() if getattr(signal, f) != v}
    if not changed:
        return signal
    for field, value in changed.items():
        setattr(signal, field, value)
    signal.save()
    SignalEvent.objects.create(
        signal=signal,
        by=actor.person,
        note=note,
        changes={f: _shown(f, v) for f, v in changed.items()},
    )
    if RAISER_FIELDS & set(changed) and signal.raised_by is not None:
        send_notice(signal.raised_by, "signal_outcome", {"signal": signal})
    return signal


def organisation_text(signal: Signal) -> str:
    """What an organisation receives: the concern itself, never who raised it."""
    lines = [
        _("Signal from %(community)s") % {"community": signal.community.name},
        _("Urgency: %(urgency)s") % {"urgency": signal.get_urgency_display()},
        _("Kind: %(kind)s") % {"kind": signal.get_kind_display()},
        "",
        signal.description,
    ]
    return "\n".join(lines)


@transaction.atomic
def pass_to_organisation(actor: Actor, signal: Signal, *, organisation) -> str:
    """Hand a signal to a provider of the social map without revealing its source.

    Returns the text to send them: the concern, never who raised it or whom it is about.
    """
    actor.require(Action.TRIAGE_SIGNALS)
    if organisation is None or organisation.community_id != actor.community.pk:
        raise ValidationError({"organisation": [_("Choose an organisation of the social map.")]})
    signal = Signal.objects.select_for_update().get(pk=signal.pk, community=actor.community)
    signal.organisation = organisation
    if not signal.action:
        signal.action = SignalAction.PASS_TO_PROVIDER
    signal.save()
    SignalEvent.objects.create(
        signal=signal,
        by=actor.person,
        changes={"organisation": organisation.name, "action": signal.action},
    )
    return organisation_text(signal)


NEXT_STEP_ACTIONS = (SignalAction.MATCH, SignalAction.REFERRAL)
# Every decided action has a next step on the signal's page (issue 13.7: a triage choice that
# leads nowhere is a dead end); only these two need a coordinator (ask_coordinators).
SHOWN_NEXT_STEPS = (
    *NEXT_STEP_ACTIONS,
    SignalAction.START_INITIATIVE,
    SignalAction.PASS_TO_PROVIDER,
)


@transaction.atomic
def ask_coordinators(actor: Actor, signal: Signal) -> int:
    """The core group decided "match with a neighbour" or "refer to a professional": ask the
    coordinators to enter that request or referral (the core group may not enter one for someone
    else). Every coordinator is told in their own channel, with the signal's number and the
    person concerned, never who raised it; the history notes it. Returns how many were told.
    """
    actor.require(Action.TRIAGE_SIGNALS)
    signal = Signal.objects.select_for_update().get(pk=signal.pk, community=actor.community)
    if signal.action not in NEXT_STEP_ACTIONS:
        raise ValidationError({"action": [_("First decide to match or to refer.")]})
    who = signal.person_concerned.name if signal.person_concerned else _("someone")
    body = (
        _("The core group decided on signal %(number)s: enter a request for %(name)s.")
        if signal.action == SignalAction.MATCH
        else _("The core group decided on signal %(number)s: refer %(name)s to a professional.")
    ) % {"number": signal.pk, "name": who}
    # The way to act is on the signal's own page (its button opens the request or referral form
    # for that person): the message links there, so the coordinator does not have to search.
    link = settings.SITE_URL.rstrip("/") + reverse(
        "outreach:signal", kwargs={"slug": actor.community.slug, "signal_id": signal.pk}
    )
    body += "\n\n" + _("Open the signal and take the next step there: %(link)s") % {"link": link}
    coordinators = Person.objects.filter(
        community=actor.community, memberships__role="coordinator", erased_at__isnull=True
    ).distinct()
    for coordinator in coordinators:
        send_notice(coordinator, "custom", {"subject": _("A signal asks for action"), "body": body})
    SignalEvent.objects.create(
        signal=signal, by=actor.person, note=_("Coordinators asked to act"), changes={}
    )
    return len(coordinators)
