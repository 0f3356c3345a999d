"""Who reads which surveys, cards and quotes, and who may open the routes of impact.

Row rules: surveys and cards are read by those who make them and by aggregate-only readers
(the funder); a resident's own words on a card only by members who see the initiatives. The
selectors ask here for the page and the API alike. `ROUTES` maps every page and API operation
of this app to the action it needs (see naober/communities/policy.py);
tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.communities.policy import Access

# Either action lets someone read them: the makers' or the aggregate readers'.
SURVEY_READERS = (Action.MANAGE_SURVEYS, Action.VIEW_AGGREGATES)
CARD_READERS = (Action.MANAGE_INITIATIVES, Action.VIEW_AGGREGATES)


def require_any(actor: Actor, actions: tuple[Action, ...]) -> None:
    """Refuse (403) unless the actor may do one of `actions`."""
    if not any(actor.can(action) for action in actions):
        actor.require(actions[-1])


def sees_quote(actor: Actor) -> bool:
    """A resident's quote on an impact card is their own words: members who see the initiatives
    read it; aggregate-only readers (the funder) see figures only."""
    return actor.can(Action.VIEW_INITIATIVES)


ROUTES = {
    # pages (URL name)
    "impact:card": Action.VIEW_AGGREGATES,
    "impact:card_create": Action.MANAGE_INITIATIVES,
    "impact:card_edit": Action.MANAGE_INITIATIVES,
    "impact:card_pdf": Action.VIEW_AGGREGATES,
    "impact:dashboard": Action.VIEW_AGGREGATES,
    "impact:export": Action.VIEW_AGGREGATES,
    "impact:export_xlsx": Action.VIEW_AGGREGATES,
    "impact:figure_add": Action.MANAGE_INITIATIVES,
    "impact:indicator_add": Action.MANAGE_INITIATIVES,
    "impact:measurement_add": Action.MANAGE_INITIATIVES,
    "impact:outcome_add": Action.MANAGE_INITIATIVES,
    "impact:session_add": Action.MANAGE_INITIATIVES,
    "impact:story": Action.VIEW_INITIATIVES,
    "impact:survey": Action.MANAGE_SURVEYS,
    "impact:survey_create": Action.MANAGE_SURVEYS,
    "impact:survey_paper": Action.MANAGE_SURVEYS,
    "impact:survey_public": Access.SIGNED_LINK,
    "impact:survey_toggle": Action.MANAGE_SURVEYS,
    "impact:surveys": Action.MANAGE_SURVEYS,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/impact/summary": Action.VIEW_AGGREGATES,
    "GET /c/{community}/impact/cards": Action.VIEW_AGGREGATES,
    "GET /c/{community}/impact/cards/{card_id}": Action.VIEW_AGGREGATES,
    "GET /c/{community}/impact/surveys/{survey_id}/results": Action.VIEW_AGGREGATES,
}
