"""Reads of the social map and of referrals, always within the actor's community."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.directory import policy, search
from naober.directory.models import Organisation, Referral, ReferralStatus
from naober.directory.referrals import OPEN_STATUSES


def organisations_of(community) -> QuerySet[Organisation]:
    return Organisation.objects.filter(community=community)


def organisation_search(
    actor: Actor,
    *,
    query: str = "",
    domain: str = "",
    area: str = "",
    include_inactive: bool = False,
) -> QuerySet[Organisation]:
    """The social map, filtered by Dutch search words, a life domain and a place."""
    actor.require(Action.VIEW_DIRECTORY)
    qs = organisations_of(actor.community).prefetch_related("services")
    if not (include_inactive and actor.can(Action.MANAGE_DIRECTORY)):
        qs = qs.filter(active=True)
    stem_q = search.stem_filter(query)
    if stem_q is not None:
        qs = qs.filter(stem_q)
    if domain:
        # JSON containment is not portable to SQLite; the stored list is small and quoted codes
        # cannot be part of another code, so a text match on the JSON is exact enough.
        qs = qs.filter(
            Q(life_domains__icontains=f'"{domain}"')
            | Q(services__life_domains__icontains=f'"{domain}"')
        )
    if area:
        qs = qs.filter(Q(where__icontains=area) | Q(services__where__icontains=area))
    return qs.distinct().order_by("name", "id")


def organisation_get(actor: Actor, organisation_id: int) -> Organisation:
    """One organisation of the actor's community; inactive ones only for those who manage."""
    actor.require(Action.VIEW_DIRECTORY)
    qs = organisations_of(actor.community).prefetch_related("services")
    if not actor.can(Action.MANAGE_DIRECTORY):
        qs = qs.filter(active=True)
    found = qs.filter(pk=organisation_id).first()
    if found is None:
        raise Http404
    return found


def area_choices(actor: Actor) -> list[str]:
    """The places named on the map, for the area filter."""
    places = organisations_of(actor.community).filter(active=True).values_list("where", flat=True)
    return sorted({p for p in places if p})


def referral_list(actor: Actor, *, open_only: bool = False) -> QuerySet[Referral]:
    """Coordinators see every referral, open ones first; a professional only their own."""
    actor.require(Action.REFER)
    qs = Referral.objects.filter(community=actor.community).select_related(
        "person", "organisation", "referred_by"
    )
    qs = policy.visible_referrals(actor, qs)
    if open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    is_open = Case(
        When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return qs.annotate(is_closed=is_open).order_by("is_closed", "-created_at", "-id")


def referral_get(actor: Actor, referral_id: int) -> Referral:
    """One referral the actor may see; anything else is simply not found."""
    found = referral_list(actor).filter(pk=referral_id).first()
    if found is None:
        raise Http404
    return found


def referral_view(actor: Actor, referral: Referral) -> dict:
    """The fields of a referral this actor may see (pages and API share it).

    A professional reads the status and the message written for them, never the coordinators'
    notes and outcome, nor anything about the resident beyond the name they gave themselves.
    """
    data = {
        "id": referral.pk,
        "direction": referral.direction,
        "status": referral.status,
        "status_label": str(ReferralStatus(referral.status).label),
        "person_name": referral.person.name,
        "organisation": referral.organisation_id,
        "organisation_name": referral.organisation.name if referral.organisation_id else "",
        "need": referral.need,
        "feedback": referral.feedback,
        "created_at": referral.created_at,
        "updated_at": referral.updated_at,
    }
    if not actor.can(Action.MANAGE_REFERRALS):
        return data
    data.update(
        person=referral.person_id,
        help_request=referral.help_request_id,
        source=referral.source,
        referred_by=referral.referred_by_id,
        referred_by_name=referral.referred_by.name if referral.referred_by_id else "",
        note=referral.note,
        outcome=referral.outcome,
        history=[
            {
                "from_status": e.from_status,
                "to_status": e.to_status,
                "at": e.at,
                "actor": e.actor_id,
                "note": e.note,
            }
            for e in referral.events.all()
        ],
    )
    return data


def joined_people(actor: Actor) -> list[QuerySet]:
    """The residents of the referrals this actor may see (a professional: their own)."""
    if not actor.can(Action.REFER):
        return []
    return [referral_list(actor).values("person_id")]
