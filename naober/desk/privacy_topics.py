"""The front desk's rows about a person: calls they made and their duty shifts (privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.desk.models import Call, DutyShift
from naober.privacy.topics import Group, Topic, leave_out, register


def call_view(reader, call: Call) -> dict:
    """A call from the person: when, from which number and what it was about."""
    return {"id": call.pk, "at": call.at, "number": call.number, "subject": call.subject}


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
leave_out(
    "desk.Call.taken_by",
    "the coordinator who took someone else's call: in the caller's data",
)
