"""Escalation before the answer promise breaks (issue 15.2).

A request that nobody has answered is raised twice before the community's promise
(`Community.response_deadline_hours`) runs out:

- at half the promise, to the coordinator on duty (the front desk's rota; everyone who is a
  coordinator when nobody is on duty or the community keeps no rota), and the requester hears
  "we zijn ermee bezig" in their own channel;
- at three quarters, to all coordinators.

A call-back asked for on the public page ("Bel mij terug", naober/doors) runs on the same
promise and is raised the same way until a coordinator marks it called back. A call-back promised
at the desk gets one reminder on its day (`remind_callbacks`, texts in desk.reminders).

The task worker runs the sweep when it starts and every ESCALATION_SWEEP_SECONDS (registered in
apps.py; `manage.py escalate` or the `escalate` task run it once by hand). It is idempotent:
every message carries the key ``escalation:<request>:<stage>:<person>``, and notify logs one
message per key (a unique column), so a reminder goes out once even when two sweeps run
together or the worker restarts halfway. A sweep that ran late still sends a stage it missed, but
not for requests whose promise broke more than one promise ago (no flood after a long outage).
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from naober.communities.models import Community, Role
from naober.desk import reminders
from naober.desk.models import Callback, CallbackSource
from naober.desk.selectors import on_duty
from naober.exchange.models import HelpRequest, RequestStatus
from naober.notify.models import Message
from naober.notify.services import notify
from naober.people.models import Person
from naober.people.selectors import people_of

#: (stage, share of the promise at which it fires)
STAGES = (("half", 0.5), ("three_quarters", 0.75))
UNANSWERED = (RequestStatus.OPEN, RequestStatus.WAITING_LIST)


def coordinators(community: Community) -> list[Person]:
    """All coordinators of the community; its administrators when it has none."""
    for roles in ((Role.COORDINATOR,), (Role.ADMIN,)):
        people = list(
            people_of(community).filter(memberships__role__in=roles).distinct().order_by("id")
        )
        if people:
            return people
    return []


def on_duty_or_all(community: Community, at: datetime) -> list[Person]:
    """The coordinators on duty at `at` (front desk rota), else all coordinators."""
    return on_duty(community, at) or coordinators(community)


def stage_due(request: HelpRequest, share: float, now: datetime) -> bool:
    promise = timedelta(hours=request.community.response_deadline_hours)
    return request.created_at + promise * share <= now


def escalate_request(request: HelpRequest, now: datetime) -> int:
    """Send every stage that is due for one request; returns the number of new messages."""
    sent = 0
    with transaction.atomic():
        request = (
            HelpRequest.objects.select_for_update()
            .select_related("community", "requester")
            .filter(pk=request.pk, status__in=UNANSWERED, first_response_at__isnull=True)
            .first()
        )
        if request is None:  # answered or closed meanwhile
            return 0
        community = request.community
        for stage, share in STAGES:
            if not stage_due(request, share, now) or _stage_done(request, stage):
                continue
            staff = on_duty_or_all(community, now) if stage == "half" else coordinators(community)
            for person in staff:
                sent += _once(person, "request_waiting", request, stage)
            if stage == "half" and request.requester is not None:
                sent += _once(request.requester, "request_in_progress", request, stage)
    return sent


def _stage_done(request: HelpRequest, stage: str) -> bool:
    """A stage fires once per request: later sweeps do not widen it to whoever is on duty then."""
    return Message.objects.filter(idempotency_key__startswith=_key(request, stage, "")).exists()


def _key(request: HelpRequest, stage: str, person) -> str:
    return f"escalation:{request.pk}:{stage}:{person}"


def _once(person: Person, event: str, request: HelpRequest, stage: str) -> int:
    """One message per request, stage and person, ever (the key is unique in notify's log)."""
    key = _key(request, stage, person.pk)
    if Message.objects.filter(idempotency_key=key).exists():
        return 0
    return int(notify(person, event, {"request": request, "stage": stage}, key=key) is not None)


def escalate_callback(callback: Callback, now: datetime) -> int:
    """A call-back asked for on the public page runs on the same promise as a request: at half
    to the coordinator on duty, at three quarters to all coordinators, each stage once (key
    ``escalation:callback:<id>:<stage>:<person>``), never after it was called back. The message
    names no caller and no number: the desk's call-back page shows them."""
    sent = 0
    with transaction.atomic():
        callback = (
            Callback.objects.select_for_update()
            .select_related("community")
            .filter(pk=callback.pk, done_at__isnull=True)
            .first()
        )
        if callback is None:  # called back meanwhile
            return 0
        community = callback.community
        promise = timedelta(hours=community.response_deadline_hours)
        context = {"answer_by": callback.created_at + promise}
        for stage, share in STAGES:
            prefix = f"escalation:callback:{callback.pk}:{stage}:"
            if callback.created_at + promise * share > now:
                continue
            if Message.objects.filter(idempotency_key__startswith=prefix).exists():
                continue
            staff = on_duty_or_all(community, now) if stage == "half" else coordinators(community)
            for person in staff:
                message = notify(
                    person,
                    "callback_waiting",
                    {**context, "stage": stage},
                    key=f"{prefix}{person.pk}",
                )
                sent += int(message is not None)
    return sent


def sweep(now: datetime | None = None) -> int:
    """Escalate every unanswered request and public call-back whose first stage is due;
    returns new messages."""
    now = now or timezone.now()
    sent = 0
    for community in Community.objects.all():
        promise = timedelta(hours=community.response_deadline_hours)
        due = HelpRequest.objects.filter(
            community=community,
            status__in=UNANSWERED,
            first_response_at__isnull=True,
            created_at__lte=now - promise * STAGES[0][1],
            created_at__gte=now - promise * 2,
        ).order_by("created_at", "id")
        for request in due:
            sent += escalate_request(request, now)
        waiting = Callback.objects.filter(
            community=community,
            source=CallbackSource.PUBLIC,
            done_at__isnull=True,
            created_at__lte=now - promise * STAGES[0][1],
            created_at__gte=now - promise * 2,
        ).order_by("created_at", "id")
        for callback in waiting:
            sent += escalate_callback(callback, now)
    return sent + remind_callbacks(now)


def remind_callbacks(now: datetime) -> int:
    """One reminder on the day of each call-back promised at the desk: to whoever promised it
    while they are still a coordinator, else to the coordinator on duty (all without a rota).
    Once: `reminded_at` is set under the row lock together with the messages."""
    sent = 0
    for callback in reminders.due_for_reminder(now).order_by("due_on", "id"):
        with transaction.atomic():
            callback = (
                Callback.objects.select_for_update(of=("self",))  # the joins are nullable
                .select_related("community", "request", "created_by")
                .filter(pk=callback.pk, reminded_at__isnull=True, done_at__isnull=True)
                .first()
            )
            if callback is None:  # reminded or called back meanwhile
                continue
            staff = coordinators(callback.community)
            promised_by = callback.created_by
            if promised_by is None or promised_by.pk not in {p.pk for p in staff}:
                recipients = on_duty_or_all(callback.community, now)
            else:
                recipients = [promised_by]
            for person in recipients:
                text = reminders.reminder_text(person, callback)
                message = notify(
                    person, "custom", text, key=f"callback_due:{callback.pk}:{person.pk}"
                )
                sent += int(message is not None)
            reminders.mark_reminded(callback, now)
    return sent
