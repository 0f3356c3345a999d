"""Reads of call-outs, scoped to the actor's community (another community's id is 404)."""

from django.http import Http404

from naober.communities.context import Actor
from naober.communities.models import Area, AreaKind
from naober.communities.permissions import Action
from naober.exchange.models import HelpOffer, HelpRequest
from naober.exchange.selectors import area_and_below
from naober.people.models import Person
from naober.reach.models import Ask, Callout, ReachSettings

#: At most this many helpers are asked at once when a request goes out to a whole street or village.
EVERYONE_MAX = 100


def settings_of(community) -> ReachSettings:
    """The community's call-out rules; the defaults when it never set them."""
    return ReachSettings.objects.filter(community=community).first() or ReachSettings(
        community=community
    )


def callout_get(actor: Actor, callout_id: int) -> Callout:
    actor.require(Action.MANAGE_EXCHANGE)
    found = Callout.objects.filter(pk=callout_id, community=actor.community).first()
    if found is None:
        raise Http404
    return found


def asks_of(callout: Callout):
    return callout.asks.select_related("person").order_by("pk")


def asks_for_request(actor: Actor, request) -> list[Ask]:
    """Who was asked about this request and what they answered: for coordinators only."""
    if not actor.can(Action.MANAGE_EXCHANGE):
        return []
    return list(
        Ask.objects.filter(request=request, callout__community=actor.community)
        .select_related("person")
        .order_by("pk")
    )


def ask_for_link(community, ask_id: int) -> Ask | None:
    return (
        Ask.objects.filter(pk=ask_id, callout__community=community)
        .select_related("request__category", "callout")
        .first()
    )


def street_of(request: HelpRequest) -> Area | None:
    """The requester's street or village: how far "everyone nearby" reaches. None when the
    requester's place is not known (then only chosen helpers can be asked)."""
    area = request.requester.area if request.requester_id and request.requester else None
    return area.nearest(AreaKind.STREET, AreaKind.VILLAGE) if area is not None else None


def everyone_nearby(request: HelpRequest) -> tuple[Area | None, list[tuple]]:
    """Everyone in the requester's street or village who offers this kind of help, as
    (person, offer) pairs, one per helper (their first fitting offer), the requester left out."""
    area = street_of(request)
    if area is None:
        return None, []
    offers = (
        HelpOffer.objects.filter(
            community=request.community_id,
            available=True,
            categories__kind=request.category.kind,
            helper__area__in=area_and_below(area),
            helper__erased_at__isnull=True,
        )
        .exclude(helper=request.requester_id)
        .select_related("helper")
        .order_by("helper_id", "pk")
        .distinct()
    )
    found = {}
    for offer in offers:
        if len(found) >= EVERYONE_MAX:
            break
        found.setdefault(offer.helper_id, (offer.helper, offer))
    return area, list(found.values())


def not_asked(callout: Callout, chosen: list[int]) -> list[Person]:
    """Of the helpers a coordinator ticked, those nobody has asked about this request (their
    weekly limit, no e-mail or text messages), by name."""
    asked = set(Ask.objects.filter(request=callout.request_id).values_list("person_id", flat=True))
    wanted = set(chosen) - asked
    return list(
        Person.objects.filter(community=callout.community_id, pk__in=wanted).order_by("name")
    )
