"""The reminder on the day of a call-back promised at the desk ("ik bel u morgen terug").

The escalation sweep (every few minutes) asks `due_for_reminder` which call-backs are due and
sends each one reminder, once: the row's `reminded_at` is set in the same transaction as the
message (notify's outbox), and the message key `callback_due:<id>:<person>` is unique, so a
second sweep, or a worker that restarts halfway, sends nothing new. Call-backs asked for on the
public page run on the answer promise instead (escalation.sweep.escalate_callback).

The reminder waits for the desk to open on the call-back's day, not for midnight: a reminder read
before anyone is at the desk is a reminder forgotten by the time someone is.
"""

import re
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.communities.models import Community
from naober.desk.models import Callback, CallbackSource, DutyShift
from naober.notify.render import language_of

#: When the community says nothing about its desk hours, reminders go out from this hour.
REMIND_FROM = time(9, 0)
#: A clock time as people write it in the opening hours: "10:00", "9.30".
CLOCK = re.compile(r"(?<!\d)([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)")


def desk_opens(community: Community, day: date) -> time:
    """When the desk starts on `day`: the first shift of that day in the rota (the desk's real
    hours), else the first clock time of the community's opening hours ("maandag tot en met
    vrijdag 10:00 tot 12:00 uur": 10:00; free text, so the first time written), else REMIND_FROM."""
    first = (
        DutyShift.objects.filter(community=community, day=day)
        .order_by("starts")
        .values_list("starts", flat=True)
        .first()
    )
    if first is not None:
        return first
    found = CLOCK.search(community.opening_hours or "")
    if found:
        return time(int(found.group(1)), int(found.group(2)))
    return REMIND_FROM


def due_for_reminder(now: datetime):
    """Desk call-backs open and not yet reminded that are due before today, or today once the
    community's desk has opened (desk_opens)."""
    local = timezone.localtime(now)
    day = local.date()
    due = Callback.objects.filter(
        source=CallbackSource.DESK, done_at__isnull=True, reminded_at__isnull=True
    )
    today = Community.objects.filter(pk__in=due.filter(due_on=day).values("community"))
    opened = [c.pk for c in today if desk_opens(c, day) <= local.time()]
    return due.filter(Q(due_on__lt=day) | Q(due_on=day, community__in=opened))


def mark_reminded(callback: Callback, now: datetime) -> None:
    """The call-back's one reminder went out: set in the transaction that holds its row lock and
    the messages, so that no sweep sends it again."""
    callback.reminded_at = now
    callback.save(update_fields=["reminded_at"])


def reminder_text(person, callback: Callback) -> dict:
    """Subject and body for notify's "custom" event, in the coordinator's language. No name and
    no number (a text message may be read by anyone): the desk's call-back list shows them."""
    visit = callback.person_id is not None and callback.person and not callback.person.phone
    with translation.override(language_of(person)):
        if visit:  # no phone: the intake promised a visit, which this is the reminder of
            body = _("Today someone without a phone is waiting for the visit the desk promised.")
        else:
            body = _("Today someone is waiting for the call back the desk promised.")
        if callback.request_id and callback.request and callback.request.code:
            body += " " + _("It is about request %(code)s.") % {"code": callback.request.code}
        body += " " + _("The list 'Call back' at the desk shows who.")
        return {"subject": _("A call-back is due today"), "body": body}
