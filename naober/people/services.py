"""Writes about people: registering, correcting, recording consent. Each checks permission first."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.memberships import add_roles
from naober.communities.models import Area, Role
from naober.communities.permissions import Action, grantable_roles
from naober.communities.roles import require_may_act_on
from naober.people import policy, validation
from naober.people.models import (
    Consent,
    ConsentMethod,
    ConsentPurpose,
    ContactChannel,
    Gender,
    LifeDomain,
    Person,
    PersonTag,
    Tag,
)

PERSON_FIELDS = (
    "name",
    "public_name",
    "phone",
    "email",
    "address",
    "area",
    "reachable_via_coordinator",
    "preferred_channel",
    "digital",
    "languages",
    "date_of_birth",
    "gender",
    "vulnerable",
)
# Free text, stored without surrounding or repeated spaces; an empty value (or null) means "none".
TEXT_FIELDS = ("name", "public_name", "email", "address")
FLAG_FIELDS = ("reachable_via_coordinator", "digital", "vulnerable")
# What a person may correct about themselves; the rest is for staff ("needs extra care").
SELF_EDITABLE = {
    "public_name",
    "phone",
    "email",
    "address",
    "preferred_channel",
    "digital",
    "languages",
    "reachable_via_coordinator",
}


def _clean(community, data: dict) -> dict:
    """Normalise and validate person data; raises ValidationError keyed by field."""
    cleaned = dict(data)
    errors: dict[str, list[str]] = {}
    for field, cleaner in (
        ("phone", validation.clean_phone),
        ("languages", validation.clean_languages),
        ("date_of_birth", validation.clean_date_of_birth),
    ):
        if field in cleaned:
            try:
                cleaned[field] = cleaner(cleaned[field])
            except ValidationError as exc:
                errors[field] = exc.messages
    for field in TEXT_FIELDS:
        if field in cleaned:
            cleaned[field] = " ".join(str(cleaned[field] or "").split())
    for field in FLAG_FIELDS:
        if field in cleaned and not isinstance(cleaned[field], bool):
            errors[field] = [_("Choose yes or no.")]
    if "gender" in cleaned:
        cleaned["gender"] = cleaned["gender"] or ""
        if cleaned["gender"] not in Gender.values:
            errors["gender"] = [_("Choose one of the listed options.")]
    if "name" in cleaned and not cleaned["name"]:
        errors["name"] = [_("Fill in a name.")]
    area = cleaned.get("area")
    if area is not None and not isinstance(area, Area):
        area = Area.objects.filter(community=community, pk=area).first()
        if area is None:
            errors["area"] = [_("Choose a street or neighbourhood of this community.")]
        cleaned["area"] = area
    elif isinstance(area, Area) and area.community_id != community.pk:
        errors["area"] = [_("Choose a street or neighbourhood of this community.")]
    if "preferred_channel" in cleaned and cleaned["preferred_channel"] not in ContactChannel.values:
        errors["preferred_channel"] = [_("Choose one of the listed ways to contact someone.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def register_person(
    actor: Actor, data: dict, roles: list[str] | None = None, *, heard_as: Action | None = None
) -> Person:
    """Register a resident on someone's behalf: a name and one way to reach them is enough.

    Staff (CREATE_PERSON) give the roles they may grant; with `heard_as` (a professional's
    referral, people.policy) the person is a resident, nothing else."""
    if not policy.may_register(actor, heard_as=heard_as):
        raise PermissionDenied
    roles = list(dict.fromkeys(roles or [Role.RESIDENT]))
    if heard_as is None:
        _check_grantable(actor, roles)
    elif roles != [Role.RESIDENT]:
        raise ValueError("a referred person is registered as a resident only")
    cleaned = _clean(actor.community, {k: v for k, v in data.items() if k in PERSON_FIELDS})
    if not cleaned.get("preferred_channel"):
        cleaned["preferred_channel"] = validation.default_channel(cleaned)
    validation.check_reachable(cleaned)
    cleaned["preferred_channel"] = validation.effective_channel(cleaned)
    person = Person.objects.create(community=actor.community, **cleaned)
    add_roles(person, roles)
    return person


@transaction.atomic
def register_signed_up(community, data: dict, roles: list[str]) -> Person:
    """Someone who signed up on the public site and confirmed their e-mail or phone.

    Called by naober/accounts when a community's sign-up is open (there is no coordinator to act
    as); only the roles a coordinator could grant are possible.
    """
    roles = list(dict.fromkeys(roles or [Role.RESIDENT]))
    if not set(roles) <= {Role.RESIDENT, Role.VOLUNTEER}:
        raise ValueError(f"Signing up grants resident or volunteer only, not {roles}")
    cleaned = _clean(community, {k: v for k, v in data.items() if k in PERSON_FIELDS})
    validation.check_reachable(cleaned)
    person = Person.objects.create(community=community, **cleaned)
    add_roles(person, roles)
    return person


@transaction.atomic
def update_person(actor: Actor, person: Person, changes: dict) -> Person:
    """Correct a person's data: staff may change everything, a person their own contact data."""
    is_self = actor.person is not None and actor.person.pk == person.pk
    if not actor.can(Action.CHANGE_PERSON):
        if not is_self:
            raise PermissionDenied
        forbidden = set(changes) - SELF_EDITABLE
        if forbidden:
            raise ValidationError(
                {field: [_("Only a coordinator can change this.")] for field in sorted(forbidden)}
            )
    require_may_act_on(actor, person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    cleaned = _clean(actor.community, {k: v for k, v in changes.items() if k in PERSON_FIELDS})
    merged = {field: getattr(person, field) for field in PERSON_FIELDS} | cleaned
    validation.check_reachable(merged)
    channel = validation.effective_channel(merged)
    if channel != person.preferred_channel:
        cleaned["preferred_channel"] = channel
    for field, value in cleaned.items():
        setattr(person, field, value)
    person.save()
    return person


def attach_login(person: Person, user) -> Person:
    """Tie a new login to the person it was made for (naober/accounts, on activation). The
    caller holds the person's row lock and has checked that the person has no login yet."""
    person.user = user
    person.save(update_fields=["user"])
    return person


@transaction.atomic
def fill_in_contact(person: Person, *, email: str = "", phone: str = "") -> Person:
    """Give the person a confirmed e-mail address or phone number where they have none of that
    kind; what they have stays (naober/accounts: a sign-up joined to an existing record)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    changed = []
    for field, value in (("email", email), ("phone", phone)):
        if value and not getattr(person, field):
            setattr(person, field, value)
            changed.append(field)
    if changed:
        person.save(update_fields=changed)
    return person


def _check_grantable(actor: Actor, roles: list[str]) -> None:
    unknown = [r for r in roles if r not in Role.values]
    if unknown:
        raise ValidationError({"roles": [_("Unknown role.")]})
    if not set(roles) <= grantable_roles(actor.roles):
        raise ValidationError({"roles": [_("Only an administrator can give this role.")]})


@transaction.atomic
def record_consent(
    actor: Actor,
    person: Person,
    *,
    purpose: str,
    granted: bool,
    method: str,
    note: str = "",
    heard_as: Action | None = None,
):
    """Write down a yes or a no. Staff record what was said or signed; a person their own choice;
    `heard_as` a visitor or a professional what they heard doing that task (people.policy)."""

    is_self = actor.person is not None and actor.person.pk == person.pk
    if not policy.may_record_consent(actor, person, heard_as=heard_as):
        raise PermissionDenied
    if person.community_id != actor.community.pk:
        raise PermissionDenied
    if heard_as is not None and method != ConsentMethod.SPOKEN:
        raise ValueError("a consent heard at a visit or a referral is recorded as spoken")
    errors = {}
    if purpose not in ConsentPurpose.values:
        errors["purpose"] = [_("Choose what the consent is for.")]
    if method not in ConsentMethod.values:
        errors["method"] = [_("Choose how the consent was given.")]
    if is_self and not actor.can(Action.RECORD_CONSENT) and method != ConsentMethod.ONLINE:
        errors["method"] = [_("Consent you give yourself on the website is recorded as online.")]
    note = bounded_text(note, 200, "note", errors=errors)
    if errors:
        raise ValidationError(errors)
    return Consent.objects.create(
        person=person,
        purpose=purpose,
        granted=bool(granted),
        method=method,
        recorded_by=actor.person,
        note=note,
    )


@transaction.atomic
def add_person_tag(
    actor: Actor, person: Person, *, label: str, life_domain: str, kind: str
) -> PersonTag:
    """Write down a talent or a need (as heard on a house visit), linked to a life domain.

    Tags are shared within the community, so "tuin" written twice is one tag that matching and
    reports can count.
    """
    actor.require(Action.CHANGE_PERSON)
    if person.community_id != actor.community.pk:
        raise PermissionDenied
    require_may_act_on(actor, person)
    label = " ".join((label or "").split())
    errors = {}
    if not label or len(label) > 80:
        errors["label"] = [_("Write a talent or need in at most 80 characters.")]
    if life_domain not in LifeDomain.values:
        errors["life_domain"] = [_("Choose one of the five life domains.")]
    if kind not in PersonTag.Kind.values:
        errors["kind"] = [_("Choose talent or need.")]
    if errors:
        raise ValidationError(errors)
    tag = Tag.objects.filter(community=actor.community, label__iexact=label).first()
    if tag is None:
        tag = Tag.objects.create(community=actor.community, label=label, life_domain=life_domain)
    item, _created = PersonTag.objects.get_or_create(person=person, tag=tag, kind=kind)
    return item


@transaction.atomic
def remove_person_tag(actor: Actor, person: Person, person_tag_id: int) -> None:
    """Take a talent or need off a person; a tag of someone else (or elsewhere) is not found."""
    actor.require(Action.CHANGE_PERSON)
    require_may_act_on(actor, person)
    deleted, _count = PersonTag.objects.filter(
        pk=person_tag_id, person=person, person__community=actor.community
    ).delete()
    if not deleted:
        raise Http404
