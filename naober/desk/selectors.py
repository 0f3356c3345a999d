"""Reads of the front desk: who is on duty, the week's rota, calls, the caller look-up."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from naober.communities.context import Actor
from naober.communities.models import Community, Role
from naober.communities.permissions import Action
from naober.desk import policy
from naober.desk.models import Call, Callback, DutyShift
from naober.exchange.models import OPEN_STATES, ContactLog, HelpRequest, Match, RequestStatus
from naober.people.models import Person
from naober.people.phone import normalise
from naober.people.selectors import contact_card, people_of, person_get, person_list

OPEN_REQUEST_STATES = (RequestStatus.OPEN, RequestStatus.MATCHED, RequestStatus.WAITING_LIST)
RECENT = 5


def on_duty(community: Community, at: datetime.datetime | None = None) -> list[Person]:
    """The coordinators whose shift covers the moment `at` (now when omitted), in local time.

    Other apps call this (escalations, the ringing notice); an empty list means nobody is on
    duty and the caller falls back to all coordinators.
    """
    local = timezone.localtime(at or timezone.now())
    shifts = (
        DutyShift.objects.filter(
            community=community, day=local.date(), starts__lte=local.time(), ends__gt=local.time()
        )
        .filter(person__erased_at__isnull=True)
        .select_related("person")
        .order_by("starts", "id")
    )
    seen, people = set(), []
    for shift in shifts:
        if shift.person_id not in seen:
            seen.add(shift.person_id)
            people.append(shift.person)
    return people


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the week that holds `day`."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def rota(actor: Actor, day: datetime.date) -> list[tuple[datetime.date, list[DutyShift]]]:
    """The shifts of the week that holds `day`, one entry per day (empty days included)."""
    actor.require(Action.WORK_DESK)
    monday, sunday = week_of(day)
    shifts = (
        DutyShift.objects.filter(community=actor.community, day__range=(monday, sunday))
        .select_related("person")
        .order_by("day", "starts", "id")
    )
    days = {monday + datetime.timedelta(days=i): [] for i in range(7)}
    for shift in shifts:
        days[shift.day].append(shift)
    return list(days.items())


def shift_get(actor: Actor, shift_id: int) -> DutyShift | None:
    return DutyShift.objects.filter(community=actor.community, pk=shift_id).first()


def coordinators(community: Community) -> QuerySet[Person]:
    """Who may be put on the rota: the community's coordinators and administrators."""
    return (
        people_of(community)
        .filter(memberships__role__in=(Role.COORDINATOR, Role.ADMIN))
        .distinct()
        .order_by("name", "id")
    )


def calls(actor: Actor) -> QuerySet[Call]:
    """The desk's call log, newest first."""
    actor.require(Action.WORK_DESK)
    return (
        Call.objects.filter(community=actor.community)
        .select_related("person", "taken_by")
        .order_by("-at", "-id")
    )


def callers_by_number(actor: Actor, number: str, limit: int = 20) -> list[Person]:
    """Everyone of the community whose phone number holds these digits, however either was typed.

    Numbers are compared by their digits (Person.phone_digits, kept by Person.save()), in the
    database: a partial number of at least six digits finds the people whose number contains it
    (the end of a number, its start, or the whole of it).
    """
    actor.require(Action.WORK_DESK)
    wanted = normalise(number)
    if len(wanted) < 6:
        return []
    return list(
        people_of(actor.community)
        .filter(phone_digits__contains=wanted)
        .select_related("area")
        .order_by("name", "id")[:limit]
    )


def find_callers(actor: Actor, query: str, limit: int = 20) -> list[Person]:
    """The desk's search while someone is on the line: a phone number (six digits or more) finds
    by number, anything else by name or street, as the people list does."""
    actor.require(Action.WORK_DESK)
    if len(normalise(query)) >= 6:
        return callers_by_number(actor, query, limit)
    if len(query.strip()) < 2:
        return []
    return list(person_list(actor, search=query)[:limit])


def open_requests_of(actor: Actor, person: Person) -> QuerySet[HelpRequest]:
    """The caller's requests still under way (open, on the waiting list or with a helper): the
    card lists them, and the intake shows them before a second one is entered."""
    actor.require(Action.WORK_DESK)
    return (
        HelpRequest.objects.filter(
            community=actor.community, requester=person, status__in=OPEN_REQUEST_STATES
        )
        .select_related("category")
        .order_by("-created_at")
    )


def caller_card(actor: Actor, person_id: int) -> dict:
    """What the desk needs while the person is on the line: their card (contact details, read
    and audited through people's contact_card), open requests, matches and the last contacts."""
    actor.require(Action.WORK_DESK)
    person = person_get(actor, person_id)
    requests = open_requests_of(actor, person)
    matches = (
        Match.objects.filter(community=actor.community, state__in=OPEN_STATES)
        .filter(Q(request__requester=person) | Q(helper=person))
        .select_related("request", "helper", "request__requester")
        .order_by("-created_at")
    )
    contacts = (
        ContactLog.objects.filter(community=actor.community, person=person)
        .select_related("by")
        .order_by("-at", "-id")[:RECENT]
    )
    desk_calls = calls(actor).filter(person=person)[:RECENT]
    return {
        "person": person,
        "card": contact_card(actor, person, "desk caller look-up"),
        "requests": list(requests),
        "matches": list(matches),
        "contacts": list(contacts),
        "calls": list(desk_calls),
        "callbacks": open_callbacks(actor, person),
    }


def ringing(actor: Actor) -> list[Call]:
    """Calls the telephone reported in the last few minutes that nobody has looked at yet,
    for the coordinators on duty (and for any coordinator when nobody is)."""
    if not policy.hears_the_phone(actor, on_duty(actor.community)):
        return []
    since = timezone.now() - datetime.timedelta(minutes=10)
    return list(
        Call.objects.filter(
            community=actor.community, source="telephone", seen_at__isnull=True, at__gte=since
        )
        .select_related("person")
        .order_by("-at", "-id")[:3]
    )


def callbacks_due(actor: Actor, day: datetime.date | None = None) -> QuerySet[Callback]:
    """Open call-backs due on `day` (today when omitted) or earlier, the oldest first: the
    workbench's "Terugbellen" queue."""
    actor.require(Action.WORK_DESK)
    return (
        Callback.objects.filter(
            community=actor.community,
            done_at__isnull=True,
            due_on__lte=day or timezone.localdate(),
        )
        .select_related("person", "request")
        .order_by("due_on", "created_at", "id")
    )


def open_callbacks(actor: Actor, person: Person) -> list[Callback]:
    """The open call-backs promised to one person (the caller card)."""
    actor.require(Action.WORK_DESK)
    return list(
        Callback.objects.filter(community=actor.community, person=person, done_at__isnull=True)
        .select_related("request")
        .order_by("due_on", "id")
    )


def open_callback_exists(
    community: Community, *, person: Person, due_on: datetime.date, request=None
) -> bool:
    """Is the same promise (this person, this day, this request) already open in the queue?"""
    return Callback.objects.filter(
        community=community,
        person=person,
        due_on=due_on,
        request=request,
        done_at__isnull=True,
    ).exists()
