"""Who decides on a budget, and who may open the routes of initiatives: projects, proposals,
the budget and the ledger.

Row rule: the people a decision may name as having decided (`deciders`), offered by the form and
checked by the service. `ROUTES` maps every page and API operation of this app to the action it
needs (see naober/communities/policy.py); tests/security/test_route_actions.py checks it for
every role.
"""

from naober.communities.permissions import RULES, Action
from naober.people.selectors import people_of


def deciders(community):
    """The people of `community` whose role decides on budgets (DECIDE_BUDGET: the core group),
    the only ones a decision may name."""
    roles = RULES[Action.DECIDE_BUDGET]
    return people_of(community).filter(memberships__role__in=roles).distinct()


ROUTES = {
    # pages (URL name)
    "initiatives:cash_add": Action.MANAGE_INITIATIVES,
    "initiatives:create": Action.MANAGE_INITIATIVES,
    "initiatives:decide": Action.DECIDE_BUDGET,
    "initiatives:detail": Action.VIEW_INITIATIVES,
    "initiatives:edit": Action.MANAGE_INITIATIVES,
    "initiatives:export": Action.EXPORT_LEDGER,
    "initiatives:export_xlsx": Action.EXPORT_LEDGER,
    "initiatives:fast_fund_add": Action.SPEND_FAST_FUND,
    "initiatives:ledger": Action.VIEW_INITIATIVES,
    "initiatives:list": Action.VIEW_INITIATIVES,
    "initiatives:payment_add": Action.BOOK_PAYMENTS,
    "initiatives:proposal_add": Action.MANAGE_INITIATIVES,
    "initiatives:task_add": Action.MANAGE_INITIATIVES,
    "initiatives:voice_add": Action.MANAGE_INITIATIVES,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/initiatives": Action.VIEW_INITIATIVES,
    "POST /c/{community}/initiatives": Action.MANAGE_INITIATIVES,
    "GET /c/{community}/initiatives/{initiative_id}": Action.VIEW_INITIATIVES,
    "POST /c/{community}/initiatives/{initiative_id}/proposals": Action.MANAGE_INITIATIVES,
    "POST /c/{community}/proposals/{proposal_id}/voices": Action.MANAGE_INITIATIVES,
    "POST /c/{community}/proposals/{proposal_id}/decision": Action.DECIDE_BUDGET,
    "POST /c/{community}/decisions/{decision_id}/payments": Action.BOOK_PAYMENTS,
    "GET /c/{community}/budget": Action.VIEW_INITIATIVES,
}
