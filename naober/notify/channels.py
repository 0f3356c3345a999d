"""Channels: how a logged message reaches its person.

Email and SMS transmit, so they run in the background and may be retried. A letter waits for a
coordinator to print the batch; a phone call or a message through the coordinator goes onto the
coordinators' call list. Those two need no background work: the status says where the message is.

A transmitting channel is called with no transaction open and no row locked (see delivery.py),
and each of its outside calls is bounded by a timeout (EMAIL_TIMEOUT, SMS_GATEWAY_TIMEOUT).
"""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy as _

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


def message_id(message: Message) -> str:
    """The e-mail Message-ID, made from the idempotency key: a mail sent twice after a crash
    carries the same id, so mail programs show it once."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "naober.localhost"
    return f"<{message.idempotency_key}@{domain}>"


class EmailChannel:
    background = True

    def deliver(self, message: Message) -> str:
        address = message.person.email
        if not address:
            raise DeliveryError(_("no e-mail address"), retryable=False)
        mail = EmailMessage(
            message.subject,
            message.body,
            settings.DEFAULT_FROM_EMAIL,
            [address],
            headers={"Message-ID": message_id(message)},
        )
        try:
            mail.send()
        except smtplib.SMTPRecipientsRefused as error:
            raise DeliveryError(
                _("the mail server refused the address"), detail=error, retryable=False
            ) from error
        except TimeoutError as error:
            raise DeliveryError(_("the mail server did not answer in time")) from error
        except Exception as error:  # noqa: BLE001 (any failure of the mail server is retried)
            raise DeliveryError(
                _("the mail server did not take the message"), detail=error
            ) from error
        return MessageStatus.SENT


class SmsChannel:
    background = True

    def deliver(self, message: Message) -> str:
        number = message.person.phone
        if not number:
            raise DeliveryError(_("no phone number"), retryable=False)
        get_gateway().send(number, message.body, message.idempotency_key)
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
