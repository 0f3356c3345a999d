"""Writes in the exchange: requests, offers, matches, contact notes and follow-up calls.

Every service checks the actor's permission first (role x action table), then the object-level
rule (whose request, whose offer), validates, and runs in one transaction. Services that change a
request or a match lock the request row first (`select_for_update`), then the match: always in that
order, so two coordinators cannot deadlock and two helpers cannot claim the same request.

Errors: `PermissionDenied` (403) for a role or person who may not do this, `Http404` for a row of
another community, `ValidationError` (422) for bad input, `Conflict` (409) with code
"request_taken" (the request already has a live match or is not open) or "invalid_transition".
Notifications are sent only after the transaction commits.

The writes live in one module per subdomain (requests, offers, matches, transitions, followups,
erasure); this package re-exports their public names, so callers import `naober.exchange.services`.
"""

from naober.exchange.selectors import coordinators_of
from naober.exchange.services.erasure import (
    close_for_erasure,
)
from naober.exchange.services.followups import (
    FOLLOWUP_AFTER_COMPLETION,
    FOLLOWUP_AFTER_START,
    log_contact,
    record_followup,
)
from naober.exchange.services.matches import (
    accept_offer,
    create_match,
    propose,
    respond,
)
from naober.exchange.services.offers import (
    OFFER_FIELDS,
    create_offer,
    offer_is_full,
    update_offer,
)
from naober.exchange.services.requests import (
    REQUEST_FIELDS,
    REQUESTER_EDITABLE,
    create_request,
    ensure_default_categories,
    mediation_forced,
    move_to_waiting_list,
    take_off_waiting_list,
    update_request,
)
from naober.exchange.services.transitions import (
    allowed_transitions,
    flag_match,
    missing_yes,
    say_yes,
    transition,
)

__all__ = [
    "REQUEST_FIELDS",
    "REQUESTER_EDITABLE",
    "ensure_default_categories",
    "mediation_forced",
    "create_request",
    "update_request",
    "move_to_waiting_list",
    "take_off_waiting_list",
    "OFFER_FIELDS",
    "create_offer",
    "update_offer",
    "offer_is_full",
    "respond",
    "propose",
    "create_match",
    "accept_offer",
    "missing_yes",
    "say_yes",
    "transition",
    "flag_match",
    "allowed_transitions",
    "FOLLOWUP_AFTER_START",
    "FOLLOWUP_AFTER_COMPLETION",
    "log_contact",
    "record_followup",
    "close_for_erasure",
    "coordinators_of",
]
