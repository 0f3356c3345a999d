"""The front desk's rows about a person: calls they made and their duty shifts (privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.desk.models import Call, Callback, DutyShift
from naober.privacy.topics import Group, Topic, leave_out, register


def call_view(reader, call: Call) -> dict:
    """A call from the person: when, from which number and what it was about."""
    return {"id": call.pk, "at": call.at, "number": call.number, "subject": call.subject}


def callback_view(reader, callback: Callback) -> dict:
    """A call-back promised to the person: on which day, a good time and what it is about."""
    return {
        "id": callback.pk,
        "due_on": callback.due_on,
        "good_time": callback.good_time,
        "note": callback.note,
        "done_at": callback.done_at,
    }


def shift_view(reader, shift: DutyShift) -> dict:
    return {
        "id": shift.pk,
        "day": shift.day,
        "starts": shift.starts,
        "ends": shift.ends,
        "note": shift.note,
    }


register(
    Topic(
        key="desk.calls",
        title=_("Calls to the front desk"),
        group=Group.HELP,
        model=Call,
        covers=("desk.Call.person",),
        rows=lambda person: Call.objects.filter(person=person).order_by("at", "pk"),
        view=call_view,
        hidden_on_page=frozenset({"id"}),
    )
)
register(
    Topic(
        key="desk.shifts",
        title=_("Duty shifts at the front desk"),
        group=Group.COMMUNITY,
        model=DutyShift,
        covers=("desk.DutyShift.person",),
        rows=lambda person: DutyShift.objects.filter(person=person).order_by("day", "pk"),
        view=shift_view,
        hidden_on_page=frozenset({"id"}),
        about=False,
    )
)
register(
    Topic(
        key="desk.callbacks",
        title=_("Call-backs from the front desk"),
        group=Group.HELP,
        model=Callback,
        covers=("desk.Callback.person",),
        rows=lambda person: Callback.objects.filter(person=person).order_by("due_on", "pk"),
        view=callback_view,
        hidden_on_page=frozenset({"id"}),
    )
)
leave_out(
    "desk.Callback.created_by",
    "the coordinator who promised someone else a call-back: in that person's data",
)
leave_out(
    "desk.Callback.done_by",
    "the coordinator who called someone else back: in that person's data",
)
leave_out(
    "desk.Call.taken_by",
    "the coordinator who took someone else's call: in the caller's data",
)
