"""Who may open the routes of impact: stories, surveys and impact cards.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action
from naober.communities.policy import Access

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
