"""Writes of the front desk. Pages, the API and the telephony webhook all come through here."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.models import Community
from naober.communities.permissions import Action
from naober.desk import selectors
from naober.desk.models import Call, Callback, CallbackSource, CallSource, DutyShift
from naober.people.phone import normalise
from naober.people.selectors import people_of


def add_shift(
    actor: Actor,
    *,
    person_id: int,
    day: datetime.date,
    starts: datetime.time,
    ends: datetime.time,
    note: str = "",
) -> DutyShift:
    """Put a coordinator of this community on the rota."""
    actor.require(Action.EDIT_ROTA)
    person = selectors.coordinators(actor.community).filter(pk=person_id).first()
    if person is None:
        raise ValidationError({"person": _("Choose a coordinator of this neighbourhood.")})
    if ends <= starts:
        raise ValidationError({"ends": _("The end must be later than the start.")})
    return DutyShift.objects.create(
        community=actor.community, person=person, day=day, starts=starts, ends=ends, note=note
    )


def remove_shift(actor: Actor, shift: DutyShift) -> None:
    actor.require(Action.EDIT_ROTA)
    if shift.community_id != actor.community.pk:
        raise ValidationError(_("This shift is not part of this neighbourhood."))
    shift.delete()


def log_call(
    actor: Actor,
    *,
    subject: str,
    person: int | None = None,
    caller_name: str = "",
    number: str = "",
) -> Call:
    """Write down a call that is not a request: who called (a known person or a name) and why."""
    actor.require(Action.WORK_DESK)
    errors: dict = {}
    subject = bounded_text(subject, 500, "subject", one_line=False, errors=errors)
    caller_name = bounded_text(caller_name, 120, "caller_name", errors=errors)
    number = bounded_text(number, 30, "number", errors=errors)
    if errors:
        raise ValidationError(errors)
    if not subject:
        raise ValidationError({"subject": _("Write down what the call was about.")})
    caller = None
    if person is not None:
        caller = people_of(actor.community).filter(pk=person).first()
        if caller is None:
            raise ValidationError(_("This person is not known in this neighbourhood."))
    if caller is None and not caller_name and not number:
        raise ValidationError({"caller_name": _("Write down who called.")})
    return Call.objects.create(
        community=actor.community,
        person=caller,
        caller_name=caller_name,
        number=number,
        subject=subject,
        source=CallSource.TYPED,
        at=timezone.now(),
        taken_by=actor.person,
    )


NUMBER_SCHEMES = ("tel", "sip", "sips")
NUMBER_RE = re.compile(r"\+?[0-9 ()./-]{3,30}")
MAX_DIGITS = 15  # the longest international number (E.164)


def caller_number(reported: str | None) -> tuple[str, bool]:
    """(the number as the desk can use it, whether it was unreadable) from what the telephone
    reported. "tel:" and "sip:" addresses give their number ("sip:+31612345678@provider" is
    "+31612345678"). Nothing, or no digits at all ("anonymous", a withheld number): ("", False).
    Digits in something that is no phone number, or longer than the field holds: ("", True),
    never a number cut in half that might be somebody else's."""
    text = (reported or "").strip()
    scheme, colon, rest = text.partition(":")
    if colon and scheme.lower() in NUMBER_SCHEMES:
        text = re.split(r"[@;]", rest, maxsplit=1)[0].strip()
    digits = re.sub(r"[^0-9]", "", text)
    if NUMBER_RE.fullmatch(text) and 3 <= len(digits) <= MAX_DIGITS:
        return text, False
    return "", bool(re.search(r"[0-9]", reported or ""))


def record_incoming_call(community: Community, *, provider_id: str, number: str | None) -> Call:
    """The telephone reports a ring: record it once (the provider may retry) with the caller
    found by number when exactly one person has it. No actor: the signed webhook is the caller.
    A number that cannot be read is recorded as unreadable (`caller_number`): the ring still
    shows, so the coordinator answers the phone without a name."""
    existing = Call.objects.filter(community=community, provider_id=provider_id).first()
    if existing is not None:
        return existing
    number, unreadable = caller_number(number)
    wanted = normalise(number)
    matches = list(people_of(community).filter(phone_digits=wanted)[:2]) if wanted else []
    person = matches[0] if len(matches) == 1 else None
    try:
        with transaction.atomic():
            return Call.objects.create(
                community=community,
                person=person,
                number=number,
                number_unreadable=unreadable,
                source=CallSource.TELEPHONE,
                provider_id=provider_id,
                at=timezone.now(),
            )
    except IntegrityError:  # the same ring arrived twice at the same moment
        return Call.objects.get(community=community, provider_id=provider_id)


def mark_seen(actor: Actor, call_id: int) -> None:
    """The coordinator has taken (or dismissed) the ringing notice."""
    actor.require(Action.WORK_DESK)
    Call.objects.filter(community=actor.community, pk=call_id, seen_at__isnull=True).update(
        seen_at=timezone.now(), taken_by=actor.person
    )


def promise_callback(
    actor: Actor,
    *,
    person,
    due_on: datetime.date,
    note: str = "",
    request=None,
) -> Callback:
    """The desk promises a known person a call back on a day (the intake screen, the caller
    card). It lands in the workbench's call-back queue on that day."""
    actor.require(Action.WORK_DESK)
    note = bounded_text(note, 500, "note", one_line=False)
    if person is None or not people_of(actor.community).filter(pk=person.pk).exists():
        raise ValidationError(_("This person is not known in this neighbourhood."))
    if due_on < timezone.localdate():
        raise ValidationError({"day": _("Choose today or a later day.")})
    if request is not None and request.community_id != actor.community.pk:
        raise ValidationError(_("This request is not part of this neighbourhood."))
    if selectors.open_callback_exists(
        actor.community, person=person, due_on=due_on, request=request
    ):
        # A second press of the button must not put the same promise in the queue twice.
        raise ValidationError({"day": _("This call-back is already written down for that day.")})
    return Callback.objects.create(
        community=actor.community,
        person=person,
        due_on=due_on,
        note=note,
        request=request,
        source=CallbackSource.DESK,
        created_by=actor.person,
    )


def ask_callback(community: Community, *, name: str, phone: str, good_time: str = "") -> Callback:
    """Someone asks to be called back ("Bel mij terug" on the public page, no login): due today,
    so the promise clock runs from now. No actor: the public door checks its own limits."""
    errors: dict = {}
    name = bounded_text(name, 120, "name", errors=errors)
    phone = bounded_text(phone, 30, "phone", errors=errors)
    good_time = bounded_text(good_time, 200, "good_time", errors=errors)
    if not name and "name" not in errors:
        errors["name"] = _("Fill in your name.")
    if len(normalise(phone)) < 6 and "phone" not in errors:
        errors["phone"] = _("Fill in a phone number we can call.")
    if errors:
        raise ValidationError(errors)
    return Callback.objects.create(
        community=community,
        name=name,
        phone=phone,
        good_time=good_time,
        due_on=timezone.localdate(),
        source=CallbackSource.PUBLIC,
    )


def callback_done(actor: Actor, callback_id: int) -> Callback:
    """The coordinator has called back; the call-back leaves the queue."""
    actor.require(Action.WORK_DESK)
    callback = Callback.objects.filter(community=actor.community, pk=callback_id).first()
    if callback is None:
        raise ValidationError(_("This call-back is not part of this neighbourhood."))
    if callback.done_at is None:
        callback.done_at = timezone.now()
        callback.done_by = actor.person
        callback.save(update_fields=["done_at", "done_by"])
    return callback
