"""Call-outs' rows about a person, for the data export (see privacy.topics).

A helper sees that they were asked, by which channel, and what they answered; not whose request it
was (the ask itself told them only what the public page may show).
"""

from django.utils.translation import gettext_lazy as _

from naober.privacy.topics import Group, Topic, leave_out, register
from naober.reach.models import Ask, HelperLimit

LABELS = {
    "asked_on": _("asked on"),
    "channel": _("asked through"),
    "answer": _("your answer"),
    "answered_at": _("answered on"),
    "asks_per_week": _("ask me at most this often per week"),
}


def ask_view(reader, ask: Ask) -> dict:
    return {
        "id": ask.pk,
        "asked_on": ask.created_at,
        "channel": ask.channel,
        "answer": ask.get_answer_display() if ask.answer else "",
        "answered_at": ask.answered_at,
    }


def limit_view(reader, limit: HelperLimit) -> dict:
    return {"id": limit.pk, "asks_per_week": limit.asks_per_week}


register(
    Topic(
        key="reach.asks",
        title=_("Requests you were asked to help with"),
        group=Group.HELP,
        model=Ask,
        covers=("reach.Ask.person",),
        rows=lambda person: Ask.objects.filter(person=person).order_by("created_at", "pk"),
        view=ask_view,
        labels=LABELS,
    )
)
register(
    Topic(
        key="reach.limit",
        title=_("How often you may be asked"),
        group=Group.HELP,
        model=HelperLimit,
        covers=("reach.HelperLimit.person",),
        rows=lambda person: HelperLimit.objects.filter(person=person),
        view=limit_view,
        labels=LABELS,
    )
)
leave_out(
    "reach.Callout.sent_by",
    "who sent a request out: a coordinator's work, or the requester's own step on a request "
    "that is already in their data",
)
