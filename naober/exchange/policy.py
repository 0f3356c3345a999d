"""Who may do what to which row of the exchange, and what each of its routes needs.

Row rules: who enters a request or an offer for whom, who changes a request or an offer (who
takes which step of a match: states.py). `ROUTES` maps every page and API operation of the
exchange to the action it needs (see naober/communities/policy.py);
tests/security/test_route_actions.py checks it for every role.
"""

from django.http import Http404

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.communities.policy import OwnOr
from naober.exchange.models import Channel

# Besides staff (ENTER_FOR_OTHERS), two people enter help on a resident's behalf, each under the
# action of their own task: the visitor who heard it at the door and the professional who refers
# someone. Only the outreach and directory services pass `entered_via`, after their own row rule
# (this visitor's visit); pages and the API never do, so the right reaches nobody else.
ENTERED_VIA: dict[str, Action] = {
    Channel.HOUSE_VISIT: Action.RECORD_VISIT,
    Channel.REFERRAL: Action.REFER,
}


def _entering(actor: Actor, person, own: Action, entered_via: str | None) -> Action:
    if entered_via is not None:
        return ENTERED_VIA[entered_via]
    if actor.person is not None and person is not None and actor.person.pk == person.pk:
        return own
    return Action.ENTER_FOR_OTHERS


def may_enter(actor: Actor, person, own: Action, *, entered_via: str | None = None) -> bool:
    """May `actor` enter (or change) a request or offer of `person`? `own` (ASK_HELP,
    OFFER_HELP) for one's own, the channel's action when entered via a house visit or a
    referral, else ENTER_FOR_OTHERS."""
    return actor.can(_entering(actor, person, own, entered_via))


def require_may_enter(actor: Actor, person, own: Action, *, entered_via: str | None = None) -> None:
    """`may_enter`, raising PermissionDenied (403) when not."""
    actor.require(_entering(actor, person, own, entered_via))


def may_change_request(actor: Actor, owner_id: int | None) -> bool:
    """Changing a request: the person it belongs to, or staff (MANAGE_EXCHANGE). To anyone else
    the row is "not found" (404), on the page and in the API alike, so that its existence does
    not leak (services.update_request and the request pages)."""
    if actor.can(Action.MANAGE_EXCHANGE):
        return True
    return actor.person is not None and actor.person.pk == owner_id


def require_may_change_offer(actor: Actor, offer) -> None:
    """Changing an offer that exists: the helper themselves or staff (`may_enter`). To anyone
    else the offer is "not found" (404), as a request is (`may_change_request`), so that the
    answer to "own or staff" is the same on the page and in the API for every row."""
    if not may_enter(actor, offer.helper, Action.OFFER_HELP):
        raise Http404


ROUTES = {
    # pages (URL name)
    "exchange:ask": Action.ASK_HELP,
    "exchange:enter": Action.ENTER_FOR_OTHERS,
    "exchange:followup": Action.MANAGE_EXCHANGE,
    "exchange:followup_offer": Action.MANAGE_EXCHANGE,
    "exchange:lookup": Action.MANAGE_EXCHANGE,
    "exchange:match_detail": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:match_end": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:match_introduce": Action.MANAGE_EXCHANGE,
    "exchange:match_log": Action.MANAGE_EXCHANGE,
    "exchange:match_review": Action.MANAGE_EXCHANGE,
    "exchange:match_step": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:my_help": Action.VIEW_EXCHANGE,
    "exchange:noticeboard": Action.VIEW_EXCHANGE,
    "exchange:offer_accept": Action.ASK_HELP,
    "exchange:offer_detail": Action.VIEW_EXCHANGE,
    "exchange:offer_edit": OwnOr(Action.ENTER_FOR_OTHERS),
    "exchange:offer_new": Action.OFFER_HELP,
    "exchange:offer_pause": OwnOr(Action.ENTER_FOR_OTHERS),
    "exchange:offers": Action.VIEW_EXCHANGE,
    "exchange:propose": Action.MANAGE_EXCHANGE,
    "exchange:referred": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:request_cancel": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:request_detail": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:request_edit": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:request_log": Action.MANAGE_EXCHANGE,
    "exchange:requests": Action.VIEW_EXCHANGE,
    "exchange:sent": OwnOr(Action.MANAGE_EXCHANGE),
    "exchange:summary": Action.VIEW_REPORTS,
    "exchange:waiting_list": Action.MANAGE_EXCHANGE,
    "exchange:workbench": Action.MANAGE_EXCHANGE,
    "exchange:workbench_suggestions": Action.MANAGE_EXCHANGE,
    # API operations (method and path under /api/v1)
    "POST /c/{community}/categories": Action.MANAGE_COMMUNITY,
    "GET /c/{community}/categories": Action.VIEW_EXCHANGE,
    "PATCH /c/{community}/categories/{code}": Action.MANAGE_COMMUNITY,
    "GET /c/{community}/contact-log": Action.VIEW_CONTACT_LOG,
    "POST /c/{community}/contact-log": Action.MANAGE_EXCHANGE,
    "GET /c/{community}/followups": Action.MANAGE_EXCHANGE,
    "POST /c/{community}/followups/{followup_id}": Action.MANAGE_EXCHANGE,
    "GET /c/{community}/reports/summary": Action.VIEW_REPORTS,
    "GET /c/{community}/matches": Action.VIEW_EXCHANGE,
    "POST /c/{community}/matches": Action.OFFER_HELP,
    "GET /c/{community}/matches/{match_id}": OwnOr(Action.MANAGE_EXCHANGE),
    "POST /c/{community}/matches/{match_id}/transition": OwnOr(Action.MANAGE_EXCHANGE),
    "POST /c/{community}/matches/{match_id}/yes": OwnOr(Action.MANAGE_EXCHANGE),
    "POST /c/{community}/matches/{match_id}/review": Action.MANAGE_EXCHANGE,
    "GET /c/{community}/matches/{match_id}/contact": OwnOr(Action.MANAGE_EXCHANGE),
    "GET /c/{community}/offers": Action.VIEW_EXCHANGE,
    "POST /c/{community}/offers": Action.OFFER_HELP,
    "GET /c/{community}/offers/{offer_id}": Action.VIEW_EXCHANGE,
    "PATCH /c/{community}/offers/{offer_id}": OwnOr(Action.ENTER_FOR_OTHERS),
    "POST /c/{community}/offers/{offer_id}/accept": Action.ASK_HELP,
    "GET /c/{community}/requests": Action.VIEW_EXCHANGE,
    "POST /c/{community}/requests": Action.ASK_HELP,
    "GET /c/{community}/requests/{request_id}": OwnOr(Action.MANAGE_EXCHANGE),
    "PATCH /c/{community}/requests/{request_id}": OwnOr(Action.MANAGE_EXCHANGE),
    "GET /c/{community}/requests/{request_id}/suggestions": Action.MANAGE_EXCHANGE,
}
