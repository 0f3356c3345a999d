"""Reads of the exchange, always scoped to the actor's community and shaped by what they may see.

Who sees which request: staff (MANAGE_EXCHANGE) everything; any other member the public board
(open, in scope, not needing mediation), their own requests, requests they help with and, for a
partner, the requests they referred. A request outside that set is "not found" (404), as is any
row of another community. Matches: staff all, others only the matches they are a side of.

The reads live in one module per subdomain; this package re-exports their public names, so callers
import `naober.exchange.selectors`.
"""

from naober.exchange.selectors._common import (
    categories_of,
    is_staff,
)
from naober.exchange.selectors.matches import (
    CONTACT_STATES,
    HELPED_STATES,
    SAFETY_ADVICE,
    awaiting_my_yes,
    contact_line,
    earlier_helpers,
    events_of,
    history,
    match_contact,
    match_get,
    match_list,
    match_view,
    my_matches,
    shareable_contact,
    step_shown,
    visible_matches,
)
from naober.exchange.selectors.noticeboard import (
    SHEET_ITEMS,
    SHEET_PAGE_ITEMS,
    area_and_below,
    find_by_code,
    normalise_code,
    noticeboard,
    noticeboard_area_of,
    noticeboard_areas,
    noticeboard_sheets,
)
from naober.exchange.selectors.offers import (
    OFFER_CODE_PREFIX,
    helper_load,
    month_start,
    offer_code,
    offer_get,
    offer_list,
    offer_view,
    offers_by_helper_name,
    recent_available_offers,
    standing_offers,
    visible_offers,
)
from naober.exchange.selectors.people import (
    joined_people,
)
from naober.exchange.selectors.requests import (
    board_requests,
    recent_open_requests,
    request_get,
    request_list,
    request_to_claim,
    request_view,
    taken_from_board,
    visible_requests,
    with_deadline,
)
from naober.exchange.selectors.workbench import (
    contact_log,
    coordinators_of,
    followup_caller,
    followup_get,
    followups,
    mediation_queue,
    open_requests_by_deadline,
    requests_for_offer,
    self_matches,
    waiting_list,
)

__all__ = [
    "categories_of",
    "is_staff",
    "recent_open_requests",
    "with_deadline",
    "visible_requests",
    "request_list",
    "request_get",
    "request_to_claim",
    "request_view",
    "board_requests",
    "taken_from_board",
    "recent_available_offers",
    "visible_offers",
    "offer_list",
    "offers_by_helper_name",
    "offer_get",
    "month_start",
    "helper_load",
    "standing_offers",
    "offer_view",
    "OFFER_CODE_PREFIX",
    "offer_code",
    "SAFETY_ADVICE",
    "visible_matches",
    "match_list",
    "match_get",
    "step_shown",
    "history",
    "match_view",
    "CONTACT_STATES",
    "shareable_contact",
    "contact_line",
    "match_contact",
    "events_of",
    "HELPED_STATES",
    "earlier_helpers",
    "awaiting_my_yes",
    "my_matches",
    "open_requests_by_deadline",
    "requests_for_offer",
    "waiting_list",
    "mediation_queue",
    "self_matches",
    "contact_log",
    "followups",
    "followup_get",
    "followup_caller",
    "coordinators_of",
    "SHEET_ITEMS",
    "SHEET_PAGE_ITEMS",
    "area_and_below",
    "noticeboard_areas",
    "normalise_code",
    "noticeboard_area_of",
    "find_by_code",
    "noticeboard",
    "noticeboard_sheets",
    "joined_people",
]
