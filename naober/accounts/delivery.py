"""Sending a one-time code to one address, now.

Codes do not go through the notify message log on purpose: that log keeps every message body, and
a code kept in plain text there would undo hashing it at rest. The channels are notify's own
public adapters (Django's mail backend and `naober.notify.sms.get_gateway`), so the demo and the
tests still never reach a real phone or mailbox. Sending happens in the request: when the gateway
is down the coordinator hears it at once and can print a letter instead.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation

from naober.notify.errors import DeliveryError
from naober.notify.render import coordinator_phone, language_of
from naober.notify.sms import get_gateway


@dataclass(frozen=True)
class Outgoing:
    subject: str
    body: str
    sms: str


def desk_phone(community) -> str:
    """The help desk's number: the community's own (community settings) or a coordinator's."""
    return getattr(community, "phone", "") or coordinator_phone(community)


def language_for(person) -> str:
    return language_of(person) if person is not None else translation.get_language() or "nl"


def send_email(address: str, outgoing: Outgoing) -> None:
    """Raises DeliveryError when the mail server refuses."""
    try:
        send_mail(outgoing.subject, outgoing.body, settings.DEFAULT_FROM_EMAIL, [address])
    except OSError as error:  # smtplib.SMTPException is an OSError
        raise DeliveryError(f"mail server: {error}") from error


def send_sms(number: str, outgoing: Outgoing) -> None:
    """Raises DeliveryError when the gateway refuses. Each code is a new message: a fresh key."""
    get_gateway().send(number, outgoing.sms, f"accounts:{uuid.uuid4().hex}")


def send(via: str, *, email: str = "", phone: str = "", outgoing: Outgoing) -> None:
    if via == "email":
        send_email(email, outgoing)
    elif via == "sms":
        send_sms(phone, outgoing)
