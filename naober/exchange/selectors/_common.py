"""What every exchange read shares: who counts as staff, the actor's own person id, the public
board's filter and the community's categories.
"""

from django.db.models import Q, QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange.models import (
    Category,
    RequestStatus,
)


def categories_of(community) -> QuerySet[Category]:
    return Category.objects.filter(community=community).order_by("position", "label")


def _board(community) -> Q:
    """Requests any member may see: open, in scope, not needing a coordinator."""
    return Q(status=RequestStatus.OPEN, category__in_scope=True, needs_mediation=False)


def is_staff(actor: Actor) -> bool:
    return actor.can(Action.MANAGE_EXCHANGE)


def _me(actor: Actor) -> int | None:
    return actor.person.pk if actor.person is not None else None
