"""Writes of the four doors. The public pages, the API and the desk's paper entry come through here.

Each door stores what it received where its queue lives (a call-back in the desk, a concern as a
signal in outreach, a volunteer sign-up or a talent here) and tells the coordinator on duty (every
coordinator when nobody is on the rota) in their own channel, in the same transaction (notify's
outbox), without names or numbers. Nothing is stored when the input is wrong (ValidationError),
and text over its limit is refused (TooLong), never cut.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.models import Community
from naober.communities.permissions import Action
from naober.desk.services import ask_callback
from naober.doors.models import Channel, Talent, VolunteerSignup
from naober.escalation.sweep import on_duty_or_all
from naober.exchange.services import create_offer
from naober.notify.services import notify
from naober.outreach.triage import raise_public_concern
from naober.people.services import register_person
from naober.people.validation import PHONE_RE

# The longest text each door keeps, per field (the forms and the API say the same).
CALLBACK_LIMITS = {"name": 120, "phone": 30, "when": 200}
VOLUNTEER_LIMITS = {"name": 120, "contact": 200, "likes": 1000, "available": 200}
TALENT_LIMITS = {"name": 120, "good_at": 1000, "would_do": 1000, "contact": 200}


def answer_by(community: Community, at=None):
    """When the community's answer promise for something received at `at` runs out."""
    return (at or timezone.now()) + timedelta(hours=community.response_deadline_hours)


def _tell_on_duty(community: Community, door: str, row) -> None:
    """The coordinator on duty hears that a door was used, once per row (idempotency key)."""
    at = getattr(row, "created_at", None) or timezone.now()
    context = {"door": door, "answer_by": answer_by(community, at)}
    for person in on_duty_or_all(community, timezone.now()):
        notify(person, "door_arrival", context, key=f"door:{door}:{row.pk}:{person.pk}")


def _required(data: dict, fields: dict[str, str]) -> None:
    errors = {field: [message] for field, message in fields.items() if not _filled(data, field)}
    if errors:
        raise ValidationError(errors)


def _filled(data: dict, field: str) -> bool:
    return bool(str(data.get(field) or "").strip())


def _texts(data: dict, limits: dict[str, int], multi_line: tuple[str, ...] = ()) -> dict:
    """Each field's text within its limit; every field over it refused at once (TooLong), so a
    long text is never cut and nothing is stored."""
    errors: dict = {}
    texts = {
        field: bounded_text(
            data.get(field), limit, field, one_line=field not in multi_line, errors=errors
        )
        for field, limit in limits.items()
    }
    if errors:
        raise ValidationError(errors)
    return texts


@transaction.atomic
def call_me_back(community: Community, *, name: str, phone: str, when: str = ""):
    """ "Bel mij terug": a call-back in the desk's queue, due today, the promise clock running."""
    texts = _texts({"name": name, "phone": phone, "when": when}, CALLBACK_LIMITS)
    callback = ask_callback(
        community, name=texts["name"], phone=texts["phone"], good_time=texts["when"]
    )
    _tell_on_duty(community, "callback", callback)
    return callback


@transaction.atomic
def share_concern(
    community: Community, *, about: str, description: str, name: str = "", contact: str = ""
):
    """ "Ik maak me zorgen om een buur": a signal for the core group; the raiser stays unnamed to
    everyone but staff."""
    signal = raise_public_concern(
        community, about=about, description=description, name=name, contact=contact
    )
    _tell_on_duty(community, "concern", signal)
    return signal


@transaction.atomic
def sign_up_to_help(
    community: Community, data: dict, *, channel: str = Channel.WEB
) -> VolunteerSignup:
    """ "Ik wil helpen": a sign-up in the coordinator's queue for the intake talk."""
    _required(
        data,
        {
            "name": _("Fill in your name."),
            "contact": _("Tell us how we can reach you: a phone number, e-mail or address."),
            "likes": _("Tell us what you would like to do."),
        },
    )
    texts = _texts(data, VOLUNTEER_LIMITS, multi_line=("likes",))
    signup = VolunteerSignup.objects.create(community=community, channel=channel, **texts)
    _tell_on_duty(community, "volunteer", signup)
    return signup


@transaction.atomic
def tell_talent(
    community: Community, data: dict, *, channel: str = Channel.WEB, entered_by=None
) -> Talent:
    """ "Waar bent u goed in?": a talent for the coordinator's review (from the page, the API, or
    typed in from a paper form by a coordinator, `entered_by`)."""
    _required(
        data,
        {
            "name": _("Fill in your name."),
            "good_at": _("Tell us what you are good at."),
            "contact": _("Tell us how we can reach you: a phone number, e-mail or address."),
        },
    )
    texts = _texts(data, TALENT_LIMITS, multi_line=("good_at", "would_do"))
    talent = Talent.objects.create(
        community=community,
        **texts,
        may_ask=bool(data.get("may_ask")),
        channel=channel,
        entered_by=entered_by,
    )
    if entered_by is None:
        _tell_on_duty(community, "talent", talent)
    return talent


def enter_paper_talent(actor: Actor, data: dict) -> Talent:
    """A coordinator types in a paper form: the same rules, no message to themselves."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    return tell_talent(actor.community, data, channel=Channel.PAPER, entered_by=actor.person)


def close_signup(actor: Actor, signup_id: int, *, talked: bool) -> VolunteerSignup:
    """The intake talk was held (`talked`) or the sign-up is set aside: it leaves the queue."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    signup = VolunteerSignup.objects.filter(community=actor.community, pk=signup_id).first()
    if signup is None:
        raise ValidationError(_("This sign-up is not part of this neighbourhood."))
    if signup.closed_at is None:
        now = timezone.now()
        signup.closed_at, signup.closed_by = now, actor.person
        signup.talked_at = now if talked else None
        signup.save(update_fields=["closed_at", "closed_by", "talked_at"])
    return signup


def contact_fields(contact: str) -> dict:
    """The free "how to reach you" as a person's field: an e-mail address, a phone number, or
    else a postal address."""
    contact = contact.strip()
    if "@" in contact:
        return {"email": contact}
    if PHONE_RE.match(contact):
        return {"phone": contact}
    return {"address": contact}


@transaction.atomic
def talent_to_offer(actor: Actor, talent_id: int, *, category: str):
    """One click: a talent whose owner may be asked becomes a resident (registered by the
    coordinator, reachable the way they gave) with a standing offer of the chosen kind of help,
    through the people and exchange services, so all their rules apply. The talent leaves the
    queue."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    talent = (
        Talent.objects.select_for_update()
        .filter(community=actor.community, pk=talent_id, closed_at__isnull=True)
        .first()
    )
    if talent is None:
        raise ValidationError(_("This talent is not part of this neighbourhood."))
    if not talent.may_ask:
        raise ValidationError(_("This neighbour did not say we may ask them, so no offer is made."))
    person = register_person(actor, {"name": talent.name, **contact_fields(talent.contact)})
    description = talent.good_at + (f"\n{talent.would_do}" if talent.would_do else "")
    offer = create_offer(
        actor, {"categories": [category], "description": description}, helper=person
    )
    talent.offer, talent.closed_at, talent.closed_by = offer, timezone.now(), actor.person
    talent.save(update_fields=["offer", "closed_at", "closed_by"])
    return offer


def close_talent(actor: Actor, talent_id: int) -> Talent:
    """The coordinator has dealt with a talent (or it had no consent): it leaves the queue."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    talent = Talent.objects.filter(community=actor.community, pk=talent_id).first()
    if talent is None:
        raise ValidationError(_("This talent is not part of this neighbourhood."))
    if talent.closed_at is None:
        talent.closed_at, talent.closed_by = timezone.now(), actor.person
        talent.save(update_fields=["closed_at", "closed_by"])
    return talent
