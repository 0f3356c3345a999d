"""Reads of call-outs, scoped to the actor's community (another community's id is 404)."""

from django.http import Http404

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.reach.models import Ask, Callout


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
