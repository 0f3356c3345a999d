"""Signing up on the public site: a JoinRequest, confirmed by e-mail link or SMS code, then
admitted at once (sign-up "open") or after a coordinator approves it (sign-up "approval").

Admitting makes the Person (or, on a coordinator's say, joins an existing Person of the same name
and address) and lets them choose a user name and password through an invitation.
"""

from contextlib import suppress
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.accounts import codes, delivery, texts
from naober.accounts.invitations import InvalidCode, Issued, invite
from naober.accounts.models import JoinRequest, JoinStatus, Via, Want
from naober.communities.context import Actor
from naober.communities.models import Role, SelfSignup
from naober.communities.permissions import Action
from naober.notify.errors import DeliveryError
from naober.people.models import ContactChannel, Person
from naober.people.services import fill_in_contact, register_person, register_signed_up
from naober.people.validation import clean_phone

VERIFY_HOURS = 48
MAX_VERIFY_ATTEMPTS = 5
REASON_MAX = 500


class SignupClosed(Exception):
    """This community does not take sign-ups on its site."""


def _clean(data: dict) -> dict:
    errors: dict[str, list[str]] = {}
    name = " ".join(str(data.get("name") or "").split())
    email = str(data.get("email") or "").strip().lower()
    phone = str(data.get("phone") or "").strip()
    address = " ".join(str(data.get("address") or "").split())
    wants = list(dict.fromkeys(str(w) for w in (data.get("wants") or [])))
    if not name:
        errors["name"] = [_("Fill in your name.")]
    elif len(name) > 120:
        errors["name"] = [_("Keep the name under 120 characters.")]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [_("Enter a valid e-mail address, such as name@example.nl.")]
    if phone:
        try:
            phone = clean_phone(phone)
        except ValidationError as error:
            errors["phone"] = error.messages
    if not email and not phone and "email" not in errors and "phone" not in errors:
        errors["email"] = [_("Give an e-mail address or a mobile number, so we can reach you.")]
    if len(address) > 200:
        errors["address"] = [_("Keep the address under 200 characters.")]
    if not wants or not set(wants) <= set(Want.values):
        errors["wants"] = [_("Choose what you would like to do.")]
    if data.get("accept_house_rules") is not True:
        errors["accept_house_rules"] = [_("You can only join when you accept the house rules.")]
    if errors:
        raise ValidationError(errors)
    return {"name": name, "email": email, "phone": phone, "address": address, "wants": wants}


def submit(community, data: dict) -> JoinRequest:
    """Store a sign-up and send its check code to the e-mail address (else the phone).

    Raises SignupClosed when the community does not take sign-ups, ValidationError for bad input.
    """
    if community.self_signup not in (SelfSignup.APPROVAL, SelfSignup.OPEN):
        raise SignupClosed
    cleaned = _clean(data)
    via = Via.EMAIL if cleaned["email"] else Via.SMS
    code = codes.new_code(codes.LINK_LENGTH if via == Via.EMAIL else codes.SHORT_LENGTH)
    now = timezone.now()
    join = JoinRequest.objects.create(
        community=community,
        accepted_rules_at=now,
        verify_hash=codes.hash_code(code, "join"),
        verify_expires_at=now + timedelta(hours=VERIFY_HOURS),
        **cleaned,
    )
    outgoing = texts.join_check(
        name=join.name, community=community, code=code, language=delivery.language_for(None)
    )
    try:
        delivery.send(via, email=join.email, phone=join.phone, outgoing=outgoing)
    except DeliveryError as error:
        join.delete()
        raise ValidationError(
            _("We could not send you a message just now. Please try again later.")
        ) from error
    return join


def verify(community, raw_code: str) -> tuple[JoinRequest, Issued | None]:
    """Confirm a sign-up's e-mail or phone with its code.

    In an open community the person is admitted at once and the returned invitation's code lets
    them choose a login straight away; with approval the sign-up waits for a coordinator.
    """
    if not codes.normalise(raw_code):
        raise InvalidCode
    with transaction.atomic():
        join = (
            JoinRequest.objects.select_for_update()
            .filter(community=community, verify_hash=codes.hash_code(raw_code, "join"))
            .first()
        )
        if (
            join is None
            or join.status != JoinStatus.UNVERIFIED
            or join.verify_expires_at <= timezone.now()
        ):
            raise InvalidCode
        join.verified_at = timezone.now()
        join.verify_hash = None
        join.status = JoinStatus.PENDING
        join.save(update_fields=["verified_at", "verify_hash", "status"])
        if community.self_signup != SelfSignup.OPEN:
            return join, None
        person = register_signed_up(community, _person_data(join), _roles(join))
        return join, _admit(join, person, by=None, deliver=False)


def _roles(join: JoinRequest) -> list[str]:
    return [Role.RESIDENT, Role.VOLUNTEER] if Want.VOLUNTEER in join.wants else [Role.RESIDENT]


def _person_data(join: JoinRequest) -> dict:
    return {
        "name": join.name,
        "email": join.email,
        "phone": join.phone,
        "address": join.address,
        "digital": True,
        "preferred_channel": ContactChannel.EMAIL if join.email else ContactChannel.SMS,
    }


def _admit(join: JoinRequest, person: Person, *, by: Actor | None, deliver: bool) -> Issued:
    join.status = JoinStatus.APPROVED
    join.person = person
    join.decided_by = by.person if by is not None else None
    join.decided_at = timezone.now()
    join.save(update_fields=["status", "person", "decided_by", "decided_at"])
    return invite(person, join.via, by=by, deliver=deliver)


def pending(actor: Actor):
    """The sign-ups that wait for a decision (confirmed ones first), for the coordinators."""
    actor.require(Action.MANAGE_JOIN_REQUESTS)
    return JoinRequest.objects.filter(
        community=actor.community, status__in=[JoinStatus.PENDING, JoinStatus.UNVERIFIED]
    ).order_by("-status", "created_at")


def get_pending(actor: Actor, join_id: int, *, lock: bool = False) -> JoinRequest:
    qs = pending(actor)
    if lock:
        qs = qs.select_for_update()
    join = qs.filter(pk=join_id).first()
    if join is None:
        raise Http404
    return join


def merge_candidates(actor: Actor, join: JoinRequest):
    """People of the community with the same name and address: probably the same person."""
    actor.require(Action.MANAGE_JOIN_REQUESTS)
    if not join.address:
        return Person.objects.none()
    return Person.objects.filter(
        community=actor.community,
        erased_at__isnull=True,
        user__isnull=True,
        name__iexact=join.name,
        address__iexact=join.address,
    )


def approve(actor: Actor, join_id: int, *, merge_with: int | None = None) -> Issued:
    """Admit a sign-up: a new Person, or the existing one it merges with; then invite.

    A coordinator may admit a sign-up that has not confirmed its e-mail or phone yet (they may
    have spoken to the person): the invitation goes to that address, and only its owner can
    activate it. Merging into an existing person needs a confirmed address, since the invitation
    then opens someone's existing record.
    """
    actor.require(Action.MANAGE_JOIN_REQUESTS)
    with transaction.atomic():
        join = get_pending(actor, join_id, lock=True)
        if merge_with is not None and join.status != JoinStatus.PENDING:
            raise ValidationError(
                _("This person has not yet confirmed their e-mail address or phone number.")
            )
        if merge_with is not None:
            person = merge_candidates(actor, join).filter(pk=merge_with).first()
            if person is None:
                raise ValidationError(
                    {"merge_with": [_("Choose one of the people with the same name and address.")]}
                )
            person = fill_in_contact(person, email=join.email, phone=join.phone)
        else:
            person = register_person(actor, _person_data(join), roles=_roles(join))
        return _admit(join, person, by=actor, deliver=True)


def reject(actor: Actor, join_id: int, *, reason: str) -> JoinRequest:
    """Refuse a sign-up with a reason; a confirmed address is told, kindly and with the phone."""
    actor.require(Action.MANAGE_JOIN_REQUESTS)
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise ValidationError(
            {"reason": [_("Write down why, for the person and your colleagues.")]}
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [_("Keep the reason under %(max)s characters.") % {"max": REASON_MAX}]}
        )
    with transaction.atomic():
        join = get_pending(actor, join_id, lock=True)
        was_confirmed = join.status == JoinStatus.PENDING
        join.status = JoinStatus.REJECTED
        join.reason = reason
        join.decided_by = actor.person
        join.decided_at = timezone.now()
        join.verify_hash = None
        join.save(update_fields=["status", "reason", "decided_by", "decided_at", "verify_hash"])
    if was_confirmed:
        outgoing = texts.join_rejected(
            name=join.name,
            community=actor.community,
            reason=reason,
            phone=delivery.desk_phone(actor.community),
            language=delivery.language_for(None),
        )
        with suppress(DeliveryError):  # the decision stands; the desk can still call
            delivery.send(join.via, email=join.email, phone=join.phone, outgoing=outgoing)
    return join
