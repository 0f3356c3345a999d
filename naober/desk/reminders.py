"""The reminder on the day of a call-back promised at the desk ("ik bel u morgen terug").

The escalation sweep (every few minutes) asks `due_for_reminder` which call-backs are due and
sends each one reminder, once: the row's `reminded_at` is set in the same transaction as the
message (notify's outbox), and the message key `callback_due:<id>:<person>` is unique, so a
second sweep, or a worker that restarts halfway, sends nothing new. Call-backs asked for on the
public page run on the answer promise instead (escalation.sweep.escalate_callback).
"""

from datetime import datetime, time

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.desk.models import Callback, CallbackSource
from naober.notify.render import language_of

#: Reminders go out from this hour on the call-back's day (not at midnight).
REMIND_FROM = time(9, 0)


def due_for_reminder(now: datetime):
    """Desk call-backs due today (from REMIND_FROM on) or earlier, open and not yet reminded."""
    local = timezone.localtime(now)
    day = local.date()
    due = Callback.objects.filter(
        source=CallbackSource.DESK, done_at__isnull=True, reminded_at__isnull=True
    )
    if local.time() < REMIND_FROM:
        return due.filter(due_on__lt=day)
    return due.filter(due_on__lte=day)


def reminder_text(person, callback: Callback) -> dict:
    """Subject and body for notify's "custom" event, in the coordinator's language. No name and
    no number (a text message may be read by anyone): the desk's call-back list shows them."""
    with translation.override(language_of(person)):
        body = _("Today someone is waiting for the call back the desk promised.")
        if callback.request_id and callback.request and callback.request.code:
            body += " " + _("It is about request %(code)s.") % {"code": callback.request.code}
        body += " " + _("The list 'Call back' at the desk shows who.")
        return {"subject": _("A call-back is due today"), "body": body}
