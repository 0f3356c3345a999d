"""Channels: how a logged message reaches its person.

Email and SMS transmit, so they run in the background and may be retried. A letter waits for a
coordinator to print the batch; a phone call or a message through the coordinator goes onto the
coordinators' call list. Those two need no background work: the status says where the message is.
"""

import smtplib

from django.conf import settings
from django.core.mail import send_mail

from naober.notify.errors import DeliveryError
from naober.notify.models import Message, MessageStatus
from naober.notify.sms import get_gateway
from naober.people.models import ContactChannel, Person


def channel_for(person: Person) -> str:
    """The person's preferred channel; 'only through the coordinator' overrides it."""
    if person.reachable_via_coordinator:
        return ContactChannel.VIA_COORDINATOR
    if person.preferred_channel in ContactChannel.values:
        return person.preferred_channel
    return ContactChannel.VIA_COORDINATOR


class EmailChannel:
    background = True

    def deliver(self, message: Message) -> str:
        address = message.person.email
        if not address:
            raise DeliveryError("no email address", retryable=False)
        try:
            send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [address])
        except (smtplib.SMTPException, OSError) as error:
            raise DeliveryError(f"mail server: {error}") from error
        return MessageStatus.SENT


class SmsChannel:
    background = True

    def deliver(self, message: Message) -> str:
        number = message.person.phone
        if not number:
            raise DeliveryError("no phone number", retryable=False)
        get_gateway().send(number, message.body)
        return MessageStatus.SENT


class LetterChannel:
    """Stays queued until a coordinator prints the batch (see services.mark_letters_printed)."""

    background = False

    def deliver(self, message: Message) -> str:
        return MessageStatus.QUEUED


class CoordinatorChannel:
    """Phone and 'through the coordinator': a person passes the message on."""

    background = False

    def deliver(self, message: Message) -> str:
        return MessageStatus.HANDED_TO_COORDINATOR


CHANNELS = {
    ContactChannel.EMAIL: EmailChannel(),
    ContactChannel.SMS: SmsChannel(),
    ContactChannel.LETTER: LetterChannel(),
    ContactChannel.PHONE: CoordinatorChannel(),
    ContactChannel.VIA_COORDINATOR: CoordinatorChannel(),
}
