"""The messages sent to a person, for the data export and erasure (see privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.communities.permissions import Action
from naober.notify.models import Message
from naober.privacy.topics import Group, Topic, leave_out, register


def message_view(reader, message: Message) -> dict:
    """What was sent, when and how; the coordinator's handling note only for staff."""
    data = {
        "id": message.pk,
        "created_at": message.created_at,
        "channel": message.channel,
        "subject": message.subject,
        "body": message.body,
        "status": message.status,
        "sent_at": message.sent_at,
    }
    if reader.can(Action.MANAGE_EXCHANGE):
        data["handled_note"] = message.handled_note
    return data


register(
    Topic(
        key="notify.messages",
        title=_("Messages sent"),
        group=Group.MESSAGES,
        model=Message,
        covers=("notify.Message.person",),
        rows=lambda person: Message.objects.filter(person=person).order_by("created_at", "pk"),
        view=message_view,
        hidden_on_page=frozenset({"id"}),
    )
)
leave_out(
    "notify.Message.handled_by",
    "the coordinator who made a call or printed a letter for someone else: in that person's data",
)
