"""Who may do what to which row of outreach, and what each of its routes needs.

Row rules: who is sent to a door, and who sees a house visit and its notes (the services, the
selectors, the pages and the API all ask here). `ROUTES` maps every page and API operation of
outreach to the action it needs (see naober/communities/policy.py);
tests/security/test_route_actions.py checks it for every role.
"""

from django.db.models import QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action, is_allowed
from naober.communities.policy import OwnOr
from naober.outreach.models import HouseVisit


def may_visit(person) -> bool:
    """Only trained people (volunteers, core group, staff) are sent to a door."""
    roles = {m.role for m in person.memberships.all()}
    return is_allowed(roles, Action.RECORD_VISIT)


def may_act_on(actor: Actor, visit: HouseVisit) -> bool:
    """A visit and its notes: the visitor themself and the roles allowed to read visit notes."""
    if visit.community_id != actor.community.pk:
        return False
    own = actor.person is not None and visit.visitor_id == actor.person.pk
    return own or actor.can(Action.VIEW_VISIT_NOTES)


def visible_visits(actor: Actor, visits: QuerySet[HouseVisit]) -> QuerySet[HouseVisit]:
    """`may_act_on` as a filter: every visit for the roles that read notes, else one's own."""
    if actor.can(Action.VIEW_VISIT_NOTES):
        return visits
    return visits.filter(visitor=actor.person)


ROUTES = {
    # pages (URL name)
    "outreach:meeting": Action.TRIAGE_SIGNALS,
    "outreach:meetings": Action.TRIAGE_SIGNALS,
    "outreach:my_signals": Action.RAISE_SIGNAL,
    "outreach:signal": Action.TRIAGE_SIGNALS,
    "outreach:signal_create": Action.RAISE_SIGNAL,
    "outreach:triage": Action.TRIAGE_SIGNALS,
    "outreach:visit": OwnOr(Action.VIEW_VISIT_NOTES),
    "outreach:visit_create": Action.RECORD_VISIT,
    "outreach:visits": Action.RECORD_VISIT,
    "outreach:walk_list": Action.PLAN_VISITS,
    "outreach:walk_list_print": Action.PLAN_VISITS,
    "outreach:walk_lists": Action.PLAN_VISITS,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/visits": Action.RECORD_VISIT,
    "POST /c/{community}/visits": Action.RECORD_VISIT,
    "GET /c/{community}/visits/{visit_id}": OwnOr(Action.VIEW_VISIT_NOTES),
    "GET /c/{community}/signals": Action.RAISE_SIGNAL,
    "POST /c/{community}/signals": Action.RAISE_SIGNAL,
    "GET /c/{community}/signals/{signal_id}": OwnOr(Action.TRIAGE_SIGNALS),
    "PATCH /c/{community}/signals/{signal_id}": Action.TRIAGE_SIGNALS,
}
