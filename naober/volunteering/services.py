"""Writes for volunteers: profile, trainings, appreciation, the community's VOG rule, reminders."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.communities.memberships import add_roles
from naober.communities.models import Role
from naober.communities.permissions import Action
from naober.outreach.integrations import send_notice
from naober.people.models import Person
from naober.volunteering.models import (
    Appreciation,
    AppreciationKind,
    Training,
    VolunteeringSettings,
    VolunteerProfile,
)
from naober.volunteering.selectors import vog_expiring

PROFILE_FIELDS = (
    "agreement_signed_on",
    "vog_issued_on",
    "insurance_note",
    "will_not_do",
    "max_per_month",
    "availability",
)
TEXT_LIMITS = {"insurance_note": 200, "will_not_do": 300, "availability": 200}


def _past_date(value, field: str, errors: dict) -> None:
    if value is not None and not date(1990, 1, 1) <= value <= timezone.localdate():
        errors[field] = [_("Enter a date that is not in the future.")]


@transaction.atomic
def save_profile(actor: Actor, person: Person, data: dict) -> VolunteerProfile:
    """Create or correct a volunteer's profile."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    if person is None or person.community_id != actor.community.pk or person.erased_at:
        raise ValidationError({"person": [_("Choose a member of this community.")]})
    cleaned = {k: v for k, v in data.items() if k in PROFILE_FIELDS}
    errors: dict[str, list[str]] = {}
    for field in ("agreement_signed_on", "vog_issued_on"):
        _past_date(cleaned.get(field), field, errors)
    for field, limit in TEXT_LIMITS.items():
        if field in cleaned:
            cleaned[field] = " ".join(str(cleaned[field] or "").split())[:limit]
    if "max_per_month" in cleaned and not 0 <= int(cleaned["max_per_month"]) <= 31:
        errors["max_per_month"] = [_("Choose a number from 0 to 31.")]
    if errors:
        raise ValidationError(errors)
    profile = (
        VolunteerProfile.objects.select_for_update()
        .filter(person=person, community=actor.community)
        .first()
    )
    if profile is None:
        profile = VolunteerProfile(community=actor.community, person=person)
        add_roles(person, [Role.VOLUNTEER])
    for field, value in cleaned.items():
        setattr(profile, field, value)
    profile.save()
    return profile


@transaction.atomic
def add_training(actor: Actor, profile: VolunteerProfile, *, name: str, held_on: date) -> Training:
    actor.require(Action.MANAGE_VOLUNTEERS)
    errors: dict[str, list[str]] = {}
    name = " ".join(str(name or "").split())[:120]
    if not name:
        errors["name"] = [_("Fill in the name of the training.")]
    if held_on is None or not date(1990, 1, 1) <= held_on <= date(2100, 1, 1):
        errors["held_on"] = [_("Enter the date of the training.")]
    if profile.community_id != actor.community.pk:
        errors["profile"] = [_("Choose a volunteer of this community.")]
    if errors:
        raise ValidationError(errors)
    return Training.objects.create(profile=profile, name=name, held_on=held_on)


@transaction.atomic
def record_appreciation(
    actor: Actor, profile: VolunteerProfile, *, kind: str, given_on: date, note: str = ""
) -> Appreciation:
    actor.require(Action.MANAGE_VOLUNTEERS)
    errors: dict[str, list[str]] = {}
    if kind not in AppreciationKind.values:
        errors["kind"] = [_("Choose what kind of appreciation it was.")]
    if given_on is None:
        errors["given_on"] = [_("Enter the date.")]
    else:
        _past_date(given_on, "given_on", errors)
    if profile.community_id != actor.community.pk:
        errors["profile"] = [_("Choose a volunteer of this community.")]
    if errors:
        raise ValidationError(errors)
    return Appreciation.objects.create(
        profile=profile,
        kind=kind,
        given_on=given_on,
        note=" ".join(str(note or "").split())[:300],
        by=actor.person,
    )


@transaction.atomic
def update_settings(
    actor: Actor, *, vog_max_age_months: int, vog_warning_days: int
) -> VolunteeringSettings:
    """The community's own rule for how old a certificate of conduct may be."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    errors = {}
    if not 1 <= int(vog_max_age_months) <= 120:
        errors["vog_max_age_months"] = [_("Choose a number of months from 1 to 120.")]
    if not 1 <= int(vog_warning_days) <= 365:
        errors["vog_warning_days"] = [_("Choose a number of days from 1 to 365.")]
    if errors:
        raise ValidationError(errors)
    found, _created = VolunteeringSettings.objects.get_or_create(community=actor.community)
    found = VolunteeringSettings.objects.select_for_update().get(pk=found.pk)
    found.vog_max_age_months = vog_max_age_months
    found.vog_warning_days = vog_warning_days
    found.save()
    return found


def send_vog_reminders(community, today: date | None = None) -> int:
    """Tell every coordinator which certificates of conduct are about to become too old.

    Returns the number of coordinators told; nothing is sent when no certificate expires soon.
    """
    expiring = vog_expiring(community, today=today)
    if not expiring:
        return 0
    coordinators = Person.objects.filter(
        community=community, erased_at__isnull=True, memberships__role=Role.COORDINATOR
    ).distinct()
    for coordinator in coordinators:
        send_notice(coordinator, "vog_expiring", {"community": community, "volunteers": expiring})
    return len(coordinators)
