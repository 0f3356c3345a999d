"""Writes about referrals: out to an organisation, in from a professional, and their progress.

Every status change is a ReferralEvent, so a coordinator can tell a funder (and the person who
referred) what happened to each referral: the seeds' "close the loop".
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.directory import policy
from naober.directory.models import (
    Direction,
    Organisation,
    Referral,
    ReferralEvent,
    ReferralStatus,
    Source,
)
from naober.exchange import services as exchange_services
from naober.exchange.models import Channel, HelpRequest
from naober.people import validation as people_validation
from naober.people.models import ConsentMethod, ConsentPurpose, ContactChannel, Person
from naober.people.services import record_consent, register_person

S = ReferralStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PROPOSED: frozenset({S.SENT, S.DECLINED}),
    S.SENT: frozenset({S.ACCEPTED, S.DECLINED, S.NO_RESPONSE}),
    S.NO_RESPONSE: frozenset({S.SENT, S.DECLINED}),
    S.ACCEPTED: frozenset({S.COMPLETED, S.DECLINED}),
    S.COMPLETED: frozenset(),
    S.DECLINED: frozenset(),
}
OPEN_STATUSES = frozenset({S.PROPOSED, S.SENT, S.NO_RESPONSE, S.ACCEPTED})
NOTE_LIMIT = 2000
_UNSET = object()


class InvalidTransition(ValidationError):
    """The referral cannot move to that status from where it is now (the API answers 409)."""


def _text(value, limit: int, field: str) -> str:
    """Trimmed text with its line breaks; over `limit` refused (TooLong), never cut."""
    return bounded_text(value, limit, field, one_line=False)


def _organisation(actor: Actor, organisation) -> Organisation | None:
    """The organisation of the actor's community (an id or an instance); another's is refused."""
    if organisation is None or organisation == "":
        return None
    pk = organisation.pk if isinstance(organisation, Organisation) else organisation
    found = Organisation.objects.filter(community=actor.community, pk=pk, active=True).first()
    if found is None:
        raise ValidationError({"organisation": [_("Choose an organisation from the social map.")]})
    return found


def _record(referral: Referral, actor: Actor, from_status: str, note: str = "") -> None:
    ReferralEvent.objects.create(
        referral=referral,
        actor=actor.person,
        from_status=from_status,
        to_status=referral.status,
        note=note,
    )


@transaction.atomic
def refer_request(actor: Actor, help_request, *, organisation=None, note: str = "") -> Referral:
    """Record an outgoing referral for a help request neighbours cannot take on.

    The exchange calls this inside its own transaction after setting the request to `referred`,
    also when a resident posts an out-of-scope request themselves. Without an organisation the
    referral waits on the coordinators' list ("choose an organisation"). Calling it twice for the
    same request returns the referral that is still open.
    """
    if not policy.may_refer_request(actor, help_request):
        raise PermissionDenied
    existing = (
        Referral.objects.select_for_update()
        .filter(help_request=help_request, direction=Direction.OUT, status__in=OPEN_STATUSES)
        .first()
    )
    if existing is not None:
        return existing
    referral = Referral.objects.create(
        community=actor.community,
        direction=Direction.OUT,
        person_id=help_request.requester_id,
        organisation=_organisation(actor, organisation),
        help_request=help_request,
        source=Source.REQUEST,
        referred_by=actor.person,
        need=help_request.title,
        note=_text(note, NOTE_LIMIT, "note"),
        status=S.PROPOSED,
    )
    _record(referral, actor, "")
    return referral


@transaction.atomic
def refer_out(
    actor: Actor,
    *,
    person,
    organisation=None,
    note: str = "",
    help_request=None,
    source: str = Source.COORDINATOR,
    need: str = "",
) -> Referral:
    """A coordinator refers a resident of the community to an organisation (or one to choose)."""
    actor.require(Action.REFER_OUT)
    person_pk = person.pk if isinstance(person, Person) else person
    resident = Person.objects.filter(
        community=actor.community, pk=person_pk, erased_at__isnull=True
    ).first()
    if resident is None:
        raise ValidationError({"person": [_("Choose a resident of this community.")]})
    if source not in Source.values:
        raise ValidationError({"source": [_("Unknown origin of the referral.")]})
    if help_request is not None:
        request_pk = help_request.pk if hasattr(help_request, "pk") else help_request
        help_request = HelpRequest.objects.filter(
            community=actor.community, pk=request_pk, requester=resident
        ).first()
        if help_request is None:
            raise ValidationError({"help_request": [_("Choose a help request of this resident.")]})
    referral = Referral.objects.create(
        community=actor.community,
        direction=Direction.OUT,
        person=resident,
        organisation=_organisation(actor, organisation),
        help_request=help_request,
        source=source,
        referred_by=actor.person,
        need=_text(need, NOTE_LIMIT, "need"),
        note=_text(note, NOTE_LIMIT, "note"),
        status=S.PROPOSED,
    )
    _record(referral, actor, "")
    return referral


def _resident_data(name, phone, email, address, via_coordinator) -> dict:
    """Validate the contact data a professional gives; one way to reach the person is enough."""
    errors: dict[str, list[str]] = {}
    data = {
        "name": bounded_text(name, 120, "name", errors=errors),
        "phone": bounded_text(phone, 30, "phone", one_line=False, errors=errors),
        "email": bounded_text(email, 254, "email", one_line=False, errors=errors),
        "address": bounded_text(address, 200, "address", errors=errors),
        "reachable_via_coordinator": bool(via_coordinator),
    }
    if not data["name"] and "name" not in errors:
        errors["name"] = [_("Fill in a name.")]
    try:
        data["phone"] = people_validation.clean_phone(data["phone"])
    except ValidationError as exc:
        errors.setdefault("phone", exc.messages)
    if data["email"]:
        try:
            validate_email(data["email"])
        except ValidationError:
            errors.setdefault("email", [_("Enter a valid email address, such as name@example.nl.")])
    if not (data["phone"] or data["email"] or data["address"] or data["reachable_via_coordinator"]):
        errors.setdefault(
            "phone",
            [
                _(
                    "Give a phone number, an email address or a postal address, "
                    "or tick 'reachable only through the coordinator'."
                )
            ],
        )
    if errors:
        raise ValidationError(errors)
    if data["phone"]:
        data["preferred_channel"] = ContactChannel.PHONE
    elif data["email"]:
        data["preferred_channel"] = ContactChannel.EMAIL
    elif data["address"]:
        data["preferred_channel"] = ContactChannel.LETTER
    else:
        data["preferred_channel"] = ContactChannel.VIA_COORDINATOR
    return data


@transaction.atomic
def refer_in(
    actor: Actor,
    *,
    name: str,
    description: str,
    phone: str = "",
    email: str = "",
    address: str = "",
    reachable_via_coordinator: bool = False,
    category: str = "",
    note: str = "",
    consent: bool = False,
) -> Referral:
    """A professional refers a resident in: the person (no login) and, with a category, a request.

    Professionals do not browse residents, so they always describe the person; a coordinator
    merges a duplicate later. The request is mediated: a coordinator calls the person first. It
    is made by the exchange's service (as a referral), so it gets its code and the person's
    confirmation, and a kind of help neighbours do not take on is referred on, not left open.
    """
    actor.require(Action.REFER)
    person_data = _resident_data(name, phone, email, address, reachable_via_coordinator)
    need = _text(description, NOTE_LIMIT, "description")
    if not need:
        raise ValidationError({"description": [_("Describe what help is needed.")]})
    note = _text(note, NOTE_LIMIT, "note")
    person = register_person(actor, person_data, heard_as=Action.REFER)
    if consent:
        record_consent(
            actor,
            person,
            purpose=ConsentPurpose.CONTACT,
            granted=True,
            method=ConsentMethod.SPOKEN,
            note=_("Given to the professional who referred this person."),
            heard_as=Action.REFER,
        )
    help_request = None
    if category:
        help_request = exchange_services.create_request(
            actor,
            {
                "category": category,
                "title": Truncator(" ".join(need.split())).chars(120),
                "description": need,
                "needs_mediation": True,
            },
            requester=person,
            entered_via=Channel.REFERRAL,
        )
    referral = Referral.objects.create(
        community=actor.community,
        direction=Direction.IN,
        person=person,
        help_request=help_request,
        source=Source.PARTNER,
        referred_by=actor.person,
        need=need,
        note=note,
        status=S.SENT,
    )
    _record(referral, actor, "")
    return referral


@transaction.atomic
def change_referral(
    actor: Actor,
    referral: Referral,
    *,
    status: str | None = None,
    organisation=_UNSET,
    outcome: str | None = None,
    feedback: str | None = None,
    note: str = "",
) -> Referral:
    """Move a referral on, choose its organisation, write down the outcome (coordinators only)."""
    actor.require(Action.MANAGE_REFERRALS)
    if referral.community_id != actor.community.pk:
        raise PermissionDenied
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    note = _text(note, 500, "note")
    if organisation is not _UNSET:
        if referral.status not in OPEN_STATUSES:
            raise InvalidTransition(_("This referral is closed; its organisation stays."))
        referral.organisation = _organisation(actor, organisation)
    if outcome is not None:
        referral.outcome = _text(outcome, NOTE_LIMIT, "outcome")
    if feedback is not None:
        referral.feedback = _text(feedback, 500, "feedback")
    previous = referral.status
    if status is not None and status != previous:
        if status not in S.values:
            raise ValidationError({"status": [_("Choose a status from the list.")]})
        if status not in TRANSITIONS[previous]:
            raise InvalidTransition(
                _("A referral that is “%(current)s” cannot become “%(new)s”.")
                % {"current": S(previous).label, "new": S(status).label}
            )
        if status == S.SENT and referral.direction == Direction.OUT and not referral.organisation:
            raise ValidationError(
                {"organisation": [_("Choose an organisation before sending the referral.")]}
            )
        referral.status = status
    referral.save()
    if referral.status != previous:
        _record(referral, actor, previous, note)
    return referral
