"""Template tags of the exchange that other apps' pages include (the community home)."""

from django import template

from naober.communities.permissions import Action
from naober.exchange import selectors
from naober.exchange.steps import next_steps

register = template.Library()


@register.inclusion_tag("exchange/includes/awaiting_yes.html", takes_context=True)
def awaiting_yes(context):
    """Proposals waiting for the visitor's own yes, each with its yes and no buttons: a volunteer
    says yes from the page they land on, without looking for the match first."""
    actor = context.get("actor")
    community = context.get("community")
    if actor is None or community is None or not getattr(actor, "is_member", False):
        return {"items": []}
    items = [
        {
            "match": match,
            "steps": next_steps(actor, match),
            "i_help": match.helper_id == actor.person.pk,
        }
        for match in selectors.awaiting_my_yes(actor)
    ]
    return {
        "items": items,
        "community": community,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("exchange/includes/noticeboard_link.html", takes_context=True)
def my_noticeboard(context):
    """A member who may read the exchange finds the printable sheet of their own neighbourhood
    on the page they land on, to print it and hang it on the notice board around the corner."""
    actor = context.get("actor")
    community = context.get("community")
    if (
        actor is None
        or community is None
        or not getattr(actor, "is_member", False)
        or not actor.can(Action.VIEW_EXCHANGE)
    ):
        return {"area": None}
    return {"area": selectors.noticeboard_area_of(actor.person), "community": community}
