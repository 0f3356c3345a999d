"""Tasks a person took on in a resident initiative, for the data export (see privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.initiatives.models import Task
from naober.privacy.topics import Group, Topic, leave_out, register


def task_view(reader, task: Task) -> dict:
    return {
        "id": task.pk,
        "initiative_title": task.initiative.title,
        "description": task.description,
        "due_on": task.due_on,
        "done": task.done,
    }


register(
    Topic(
        key="initiatives.tasks",
        title=_("Tasks in an initiative"),
        group=Group.COMMUNITY,
        model=Task,
        covers=("initiatives.Task.responsible",),
        rows=lambda person: (
            Task.objects.filter(responsible=person).select_related("initiative").order_by("pk")
        ),
        view=task_view,
        labels={"initiative_title": _("initiative")},
        hidden_on_page=frozenset({"id"}),
        about=False,
    )
)
BOOKS = "a budget decision or a booking in the books: the community's accounts, not data about them"
leave_out("initiatives.Decision.decided_by", BOOKS)
leave_out("initiatives.FastFundItem.decided_by", BOOKS)
leave_out("initiatives.CashEntry.recorded_by", BOOKS)
