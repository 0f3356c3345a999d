"""Reads about volunteers: VOG expiry, idle and overloaded volunteers. Always one community.

Load is counted from the exchange's matches (volunteering sits above the exchange). Nothing here
writes: a community without saved rules reads the defaults (`rules_for`).
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.desk.selectors import find_callers
from naober.exchange.models import LOAD_STATES, OPEN_STATES, Match
from naober.people.models import Person
from naober.people.selectors import people_of
from naober.volunteering.models import Appreciation, VolunteeringSettings, VolunteerProfile

# A recurring match asks a lot: this many at once is too much for one volunteer.
HEAVY_AT_ONCE = 2


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of the month when it does not exist)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def rules_for(community) -> VolunteeringSettings:
    """The community's VOG rules; the defaults (unsaved) while it has not changed them."""
    found = VolunteeringSettings.objects.filter(community=community).first()
    return found or VolunteeringSettings(community=community)


def not_yet_volunteers(community) -> QuerySet[Person]:
    """Who may be added as a volunteer: this community's residents without a profile."""
    return people_of(community).filter(volunteer_profile__isnull=True)


def find_residents(actor: Actor, query: str) -> list[tuple[Person, int | None]]:
    """The search of the "Add a volunteer" form: the desk's caller search (name, street or phone,
    at most 20 people), each with their volunteer profile's id when they already have one. A city
    has 100,000 residents, so the form never lists them all (issue 16)."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    found = find_callers(actor, query)
    profile_ids = dict(
        VolunteerProfile.objects.filter(
            community=actor.community, person__in=[p.pk for p in found]
        ).values_list("person_id", "pk")
    )
    return [(person, profile_ids.get(person.pk)) for person in found]


def new_volunteer(actor: Actor, person_id: str) -> Person | None:
    """The resident chosen from the search results; None for anyone else (another community's
    id, someone erased or already a volunteer, not a number)."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    if not str(person_id or "").isdigit():
        return None
    return not_yet_volunteers(actor.community).filter(pk=int(person_id)).first()


def profiles(actor: Actor) -> QuerySet[VolunteerProfile]:
    actor.require(Action.MANAGE_VOLUNTEERS)
    return (
        VolunteerProfile.objects.filter(community=actor.community, person__erased_at__isnull=True)
        .select_related("person")
        .prefetch_related("trainings")
    )


def profile_get(actor: Actor, profile_id: int) -> VolunteerProfile:
    profile = profiles(actor).filter(pk=profile_id).first()
    if profile is None:
        raise Http404
    return profile


@dataclass
class VogStatus:
    profile: VolunteerProfile
    valid_until: date
    expired: bool = False  # too old already: "verlopen", not "verloopt binnenkort"


def vog_valid_until(profile: VolunteerProfile, max_age_months: int) -> date | None:
    if profile.vog_issued_on is None:
        return None
    return add_months(profile.vog_issued_on, max_age_months)


def vog_expiring(community, today: date | None = None) -> list[VogStatus]:
    """Certificates that are too old already or will be within the warning period."""
    rules = rules_for(community)
    today = today or timezone.localdate()
    horizon = today + timedelta(days=rules.vog_warning_days)
    found = []
    for profile in VolunteerProfile.objects.filter(
        community=community, person__erased_at__isnull=True, vog_issued_on__isnull=False
    ).select_related("person"):
        valid_until = vog_valid_until(profile, rules.vog_max_age_months)
        if valid_until <= horizon:
            found.append(VogStatus(profile, valid_until, expired=valid_until < today))
    return sorted(found, key=lambda status: status.valid_until)


def vog_concern(community, person, today: date | None = None) -> str:
    """What a coordinator should know before proposing `person` as a helper: "missing" (no
    certificate of conduct on record), "expired", or "" when a valid one is on record."""
    profile = VolunteerProfile.objects.filter(community=community, person=person).first()
    if profile is None or profile.vog_issued_on is None:
        return "missing"
    valid_until = vog_valid_until(profile, rules_for(community).vog_max_age_months)
    return "expired" if valid_until < (today or timezone.localdate()) else ""


def idle(actor: Actor, weeks: int = 8) -> list[VolunteerProfile]:
    """Volunteers without any match in the last `weeks` weeks: they may drop out if never asked."""
    since = timezone.now() - timedelta(weeks=weeks)
    everyone = list(profiles(actor))
    busy = set(
        Match.objects.filter(
            offer__helper__community=actor.community, created_at__gte=since
        ).values_list("offer__helper_id", flat=True)
    )
    return [p for p in everyone if p.person_id not in busy]


def overloaded(actor: Actor, today: date | None = None) -> list[tuple[VolunteerProfile, str]]:
    """Volunteers above their own monthly limit, or with several recurring matches at once."""
    today = today or timezone.localdate()
    month_start = timezone.make_aware(timezone.datetime(today.year, today.month, 1))
    rows = (
        Match.objects.filter(offer__helper__community=actor.community)
        .values("offer__helper_id")
        .annotate(
            this_month=Count("pk", filter=Q(created_at__gte=month_start, state__in=LOAD_STATES)),
            heavy=Count("pk", filter=Q(state__in=OPEN_STATES, request__recurrence="recurring")),
        )
    )
    load = {r["offer__helper_id"]: r for r in rows}
    found = []
    for profile in profiles(actor):
        row = load.get(profile.person_id)
        if row is None:
            continue
        if row["this_month"] > profile.max_per_month:
            found.append((profile, "limit"))
        elif row["heavy"] >= HEAVY_AT_ONCE:
            found.append((profile, "heavy"))
    return found


def appreciations(actor: Actor) -> QuerySet[Appreciation]:
    actor.require(Action.MANAGE_VOLUNTEERS)
    return Appreciation.objects.filter(profile__community=actor.community).select_related(
        "profile__person", "by"
    )
