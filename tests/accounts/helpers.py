"""Reading the codes out of the messages the tests' stand-ins caught (mail outbox, SMS outbox)."""

import re

from django.core import mail

from naober.notify.models import SmsOutbox


def code_from_mail(index: int = -1) -> str:
    match = re.search(r"code=([0-9A-Z]+)", mail.outbox[index].body)
    assert match, mail.outbox[index].body
    return match.group(1)


def code_from_sms(to: str | None = None) -> str:
    qs = SmsOutbox.objects.order_by("-pk")
    if to:
        qs = qs.filter(to=to)
    text = qs.first().text
    match = re.search(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}|\d{6})\b", text)
    assert match, text
    return match.group(1)


def log_in(client, person, password: str = "geheim-wachtwoord"):
    """Through the real login page (as a browser would), landing where a login lands."""
    response = client.post(
        "/accounts/login/", {"username": person.user.username, "password": password}
    )
    assert response.status_code == 302, response.content
    return response
