"""Writes of the matching layer: coordinates, settings, wishes and proposing a plan line."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange import selectors as exchange_selectors
from naober.exchange import services as exchange_services
from naober.exchange.models import HelpRequest, Match
from naober.matchmaking.geocoders import configured_geocoder
from naober.matchmaking.models import (
    GenderWish,
    LocationSource,
    MatchingSettings,
    PersonLocation,
    RequestWish,
)
from naober.matchmaking.selectors import WEIGHT_FIELDS, may_change_wish, weights_of
from naober.people.models import Person


def address_query(person: Person) -> str:
    """What the geocoder is asked: the address and the municipality (street names repeat)."""
    return f"{person.address}, {person.community.municipality}"


@transaction.atomic
def geocode_person(person: Person, geocoder=None) -> PersonLocation | None:
    """Find where `person` lives and keep it (system task: no actor; nothing is shown to anyone).

    No address or no answer removes an old location: a point of a former address is worse than
    none (the engine then uses the area path: same street, neighbourhood, district).
    """
    geocoder = geocoder or configured_geocoder()
    point = geocoder.geocode(address_query(person)) if person.address.strip() else None
    if point is None:
        PersonLocation.objects.filter(person=person).delete()
        return None
    source = settings.GEOCODER if settings.GEOCODER in LocationSource.values else "manual"
    location, _created = PersonLocation.objects.update_or_create(
        person=person,
        defaults={"x": point[0], "y": point[1], "source": source, "geocoded_at": timezone.now()},
    )
    return location


@transaction.atomic
def save_settings(actor: Actor, values: dict) -> MatchingSettings:
    """Store the community's weights (MANAGE_COMMUNITY). Refuses negative values and all feature
    weights zero (ValidationError, nothing stored); saving bumps the index version."""
    actor.require(Action.MANAGE_COMMUNITY)
    row = MatchingSettings.objects.select_for_update().filter(
        community=actor.community
    ).first() or MatchingSettings(community=actor.community)
    for name in WEIGHT_FIELDS:
        if name in values:
            setattr(row, name, values[name])
    row.full_clean()
    try:
        weights_of(row)
    except ValueError as error:
        raise ValidationError(
            _("These weights cannot be used: %(why)s") % {"why": error}
        ) from error
    row.save()
    return row


@transaction.atomic
def save_wish(actor: Actor, request_id: int, gender: str) -> RequestWish:
    """Record the wish about the helper: a coordinator for any request, the requester for
    their own open request (selectors.may_change_wish); 404 for another community's request,
    403 for anyone else, ValidationError for an unknown choice."""
    if gender not in GenderWish.values:
        raise ValidationError({"gender": [_("Choose one of the options.")]})
    help_request = (
        HelpRequest.objects.select_for_update()
        .filter(community=actor.community, pk=request_id)
        .first()
    )
    if help_request is None:
        raise Http404
    if not may_change_wish(actor, help_request):
        raise PermissionDenied
    wish = RequestWish.objects.filter(request=help_request).first() or RequestWish(
        request=help_request
    )
    wish.gender = gender
    wish.save()  # wishes are read per request, not kept in the index: no version bump
    return wish


def propose_line(actor: Actor, request_id: int, offer_id: int) -> Match:
    """Propose one line of the plan through the exchange's own service (a mediated match in
    state proposed). 404 for ids outside the community; the exchange's ValidationError or
    Conflict ("request_taken") when the request or the helper is no longer free."""
    actor.require(Action.MANAGE_EXCHANGE)
    help_request = exchange_selectors.request_get(actor, request_id)
    offer = exchange_selectors.offer_get(actor, offer_id)
    return exchange_services.propose(actor, help_request, offer)
