"""Turn an event into the text one person receives, in their language, for their channel."""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from naober.communities.models import Role
from naober.notify.texts import EVENTS, SMS_LIMIT, Texts
from naober.people.models import ContactChannel, Person

SUPPORTED = ("nl", "en")


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    body: str


def language_of(person: Person) -> str:
    """English when 'en' comes before 'nl' in the person's languages; Dutch otherwise."""
    for code in person.languages or []:
        if code in SUPPORTED:
            return code
    return "nl"


def coordinator_phone(community) -> str:
    """The number residents call: the first coordinator of the community who has a phone."""
    coordinator = (
        Person.objects.filter(
            community=community, memberships__role=Role.COORDINATOR, erased_at__isnull=True
        )
        .exclude(phone="")
        .order_by("pk")
        .first()
    )
    return coordinator.phone if coordinator else ""


def texts_for(person: Person, event: str, context: dict, phone: str) -> Texts:
    if event not in EVENTS:
        raise ValueError(f"Unknown notification event {event!r}; known: {sorted(EVENTS)}")
    return EVENTS[event](person, context, phone)


def render(person: Person, event: str, context: dict, channel: str) -> Rendered:
    """Subject and body for this channel: an SMS text, or a full letter or email text."""
    language = language_of(person)
    phone = coordinator_phone(person.community)
    with translation.override(language):
        texts = texts_for(person, event, context, phone)
        if channel == ContactChannel.SMS:
            body = texts.sms if event == "custom" else texts.sms[:SMS_LIMIT]
        elif channel in (ContactChannel.PHONE, ContactChannel.VIA_COORDINATOR):
            body = texts.body
        else:
            greeting = _("Dear %(name)s,") % {"name": person.name}
            closing = _("Kind regards,\nThe coordinators of %(community)s") % {
                "community": person.community.name
            }
            body = f"{greeting}\n\n{texts.body}\n\n{closing}"
        return Rendered(language=language, subject=texts.subject[:200], body=body)
