"""API for the exchange: /api/v1/c/{community}/categories."""

from ninja import Router, Schema

from naober.api.deps import ERRORS, actor_for
from naober.communities.permissions import Action
from naober.exchange import selectors

router = Router(tags=["exchange"])


class CategoryOut(Schema):
    code: str
    label: str
    kind: str
    in_scope: bool


@router.get("/c/{community}/categories", response={200: list[CategoryOut], **ERRORS})
def list_categories(request, community: str):
    actor = actor_for(request, community)
    actor.require(Action.VIEW_EXCHANGE)
    return [
        {"code": c.code, "label": c.display_label, "kind": c.kind, "in_scope": c.in_scope}
        for c in selectors.categories_of(actor.community)
    ]
