"""Invitations: a coordinator lets an existing Person log in, by e-mail, SMS or a printed letter.

    issued = invite(person, "letter", by=actor)   # issued.code is shown this once only

Activating links a new login to that same Person: nobody is copied.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.accounts import codes, delivery, texts
from naober.accounts.models import Invitation, Via
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.notify.errors import DeliveryError
from naober.people.models import Person
from naober.people.services import attach_login
from naober.privacy.audit import append
from naober.privacy.models import AuditAction


class InvalidCode(Exception):
    """The code is unknown, used, withdrawn or expired: one answer for all, so nothing leaks."""


@dataclass(frozen=True)
class Issued:
    invitation: Invitation
    code: str


def _check_channel(person: Person, via: str) -> None:
    if via not in Via.values:
        raise ValidationError({"via": [_("Choose e-mail, text message or letter.")]})
    if via == Via.EMAIL and not person.email:
        raise ValidationError({"via": [_("This person has no e-mail address.")]})
    if via == Via.SMS and not person.phone:
        raise ValidationError({"via": [_("This person has no phone number.")]})


def invite(
    person: Person,
    via: str,
    by: Actor | None,
    *,
    deliver: bool = True,
    platform_contact: str | None = None,
) -> Issued:
    """Give `person` a one-time activation code and send it (e-mail, SMS) or return it to print.

    `by` is the coordinator or administrator who invites (checked against the permission table);
    None is a trusted caller such as the platform administrator appointing a community's first
    administrator. Earlier open invitations of the person are withdrawn: one code works at a time.
    `deliver=False` only returns the code (someone who just confirmed their address activates
    straight away). `platform_contact` (the platform administrator's e-mail address) says the
    message comes from the platform, for a new community that has no help desk nor coordinator yet.
    """
    if by is not None:
        by.require(Action.INVITE_PEOPLE)
        if person.community_id != by.community.pk:
            raise ValidationError(_("This person does not belong to this community."))
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        if person.erased_at is not None:
            raise ValidationError(_("This person's data has been erased."))
        if person.user_id is not None:
            raise ValidationError(_("This person can already log in."))
        _check_channel(person, via)
        now = timezone.now()
        Invitation.objects.filter(
            person=person, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
        code = codes.new_code(codes.LINK_LENGTH if via == Via.EMAIL else codes.SHORT_LENGTH)
        invitation = Invitation.objects.create(
            community_id=person.community_id,
            person=person,
            via=via,
            code_hash=codes.hash_code(code, "invitation"),
            created_by=by.person if by is not None else None,
            expires_at=now + timedelta(days=settings.INVITATION_DAYS),
        )
        append(
            person.community,
            AuditAction.CHANGE,
            invitation,
            "invitation to log in",
            actor_person=by.person if by is not None else None,
            fields=["via"],
            person=person,
        )
    if deliver and via != Via.LETTER:
        outgoing = texts.invitation(
            name=person.name,
            community=person.community,
            code=code,
            phone=delivery.desk_phone(person.community),
            language=delivery.language_for(person),
            inviter=by.person.name if by is not None and by.person is not None else "",
            platform_contact=platform_contact,
        )
        try:
            delivery.send(via, email=person.email, phone=person.phone, outgoing=outgoing)
        except DeliveryError as error:
            Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
            raise ValidationError(
                _("The message could not be sent. Try again later or print a letter.")
            ) from error
    return Issued(invitation=invitation, code=code)


@transaction.atomic
def revoke(actor: Actor, person: Person) -> int:
    """Withdraw the person's open invitation; its code stops working at once. Returns how many."""
    actor.require(Action.INVITE_PEOPLE)
    if person.community_id != actor.community.pk:
        raise ValidationError(_("This person does not belong to this community."))
    return Invitation.objects.filter(
        community=actor.community, person=person, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


def open_invitation(raw_code: str) -> Invitation:
    """The invitation this code opens (without using it); raises InvalidCode otherwise."""
    if not codes.normalise(raw_code):
        raise InvalidCode
    invitation = (
        Invitation.objects.select_related("person", "community")
        .filter(code_hash=codes.hash_code(raw_code, "invitation"))
        .first()
    )
    if (
        invitation is None
        or not invitation.is_open
        or invitation.person.user_id is not None
        or invitation.person.erased_at is not None
    ):
        raise InvalidCode
    return invitation


def check_username(username: str) -> str:
    username = (username or "").strip()
    User = get_user_model()
    errors = []
    if not username:
        errors.append(_("Choose a user name."))
    elif len(username) > 150:
        errors.append(_("Keep the user name under 150 characters."))
    else:
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            errors.append(_("Use only letters, digits and the signs @ . + - _ in a user name."))
        else:
            if User.objects.filter(username__iexact=username).exists():
                errors.append(_("This user name is taken. Choose another one."))
    if errors:
        raise ValidationError({"username": errors})
    return username


def activate(raw_code: str, username: str, password: str):
    """Use an invitation: create the login, link it to the invited Person, return the user.

    Raises InvalidCode for a code that does not work and ValidationError (by field) for a taken
    user name or a password Django's validators refuse; in both cases nothing is stored and the
    code still works.
    """
    User = get_user_model()
    with transaction.atomic():
        invitation = open_invitation(raw_code)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        person = Person.objects.select_for_update().get(pk=invitation.person_id)
        if not invitation.is_open or person.user_id is not None or person.erased_at is not None:
            raise InvalidCode
        username = check_username(username)
        candidate = User(username=username, email=person.email, first_name=person.name[:150])
        try:
            validate_password(password or "", user=candidate)
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from error
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    username=username,
                    password=password,
                    email=person.email,
                    first_name=person.name[:150],
                )
        except IntegrityError:  # the same name chosen at the same moment by someone else
            raise ValidationError(
                {"username": [_("This user name is taken. Choose another one.")]}
            ) from None
        attach_login(person, user)
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at"])
        append(
            person.community,
            AuditAction.CHANGE,
            person,
            "login activated",
            actor_person=person,
            fields=["user"],
        )
    return user
