"""Template tags of outreach that other apps' pages include (the community home)."""

from django import template

from naober.communities.permissions import Action
from naober.outreach import selectors

register = template.Library()


@register.inclusion_tag("outreach/includes/signals_waiting.html", takes_context=True)
def signals_waiting(context):
    """A core-group member (or a coordinator) lands on the community home: new signals waiting
    for a decision are named there, with the way to them, instead of behind the menu."""
    actor = context.get("actor")
    community = context.get("community")
    if (
        actor is None
        or community is None
        or not getattr(actor, "is_member", False)
        or not actor.can(Action.TRIAGE_SIGNALS)
    ):
        return {"count": None}
    return {"count": selectors.new_signal_count(actor), "community": community}
