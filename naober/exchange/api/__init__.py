"""API of the exchange under /api/v1/c/{community}/: categories, requests, offers, matches,
suggestions, the contact log, follow-ups and the summary report (see shared/API.md).

Handlers parse and bound the input, then call a service or selector; permissions, rules and
privacy live there. Every id is bounded (1..2**62) and every string has a maximum length.

One router (`router`, in _common) carries the handlers of every module below; importing this package
registers them all, and naober/api mounts `naober.exchange.api.router`.
"""

# Administrators add and change categories on this same router (POST shares the GET's path).
from naober.exchange import category_api  # noqa: F401
from naober.exchange.api._common import (
    ERRORS_409,
    Id,
    router,
)
from naober.exchange.api.followups import (
    DATE_FROM,
    DATE_TO,
    ContactLogIn,
    ContactLogOut,
    FollowUpIn,
    FollowUpOut,
    ReportSummaryOut,
    create_contact_log,
    list_contact_log,
    list_followups,
    record_followup,
    summary,
)
from naober.exchange.api.matches import (
    ContactOut,
    EventOut,
    MatchIn,
    MatchOut,
    ReviewIn,
    TransitionIn,
    YesIn,
    create_match,
    get_match,
    list_matches,
    match_contact,
    review_match,
    say_yes,
    transition_match,
)
from naober.exchange.api.offers import (
    AcceptOfferIn,
    OfferIn,
    OfferOut,
    OfferPatch,
    accept_offer,
    create_offer,
    get_offer,
    list_offers,
    patch_offer,
)
from naober.exchange.api.requests import (
    CategoryOut,
    RequestIn,
    RequestOut,
    RequestPatch,
    SuggestionOut,
    create_request,
    get_request,
    list_categories,
    list_requests,
    patch_request,
    request_suggestions,
)

__all__ = [
    "router",
    "Id",
    "ERRORS_409",
    "CategoryOut",
    "RequestOut",
    "RequestIn",
    "RequestPatch",
    "SuggestionOut",
    "list_categories",
    "list_requests",
    "create_request",
    "get_request",
    "patch_request",
    "request_suggestions",
    "OfferOut",
    "OfferIn",
    "OfferPatch",
    "AcceptOfferIn",
    "list_offers",
    "create_offer",
    "get_offer",
    "patch_offer",
    "accept_offer",
    "EventOut",
    "MatchOut",
    "MatchIn",
    "TransitionIn",
    "YesIn",
    "ReviewIn",
    "ContactOut",
    "list_matches",
    "create_match",
    "get_match",
    "transition_match",
    "say_yes",
    "review_match",
    "match_contact",
    "ContactLogIn",
    "ContactLogOut",
    "FollowUpOut",
    "FollowUpIn",
    "ReportSummaryOut",
    "DATE_FROM",
    "DATE_TO",
    "list_contact_log",
    "create_contact_log",
    "list_followups",
    "record_followup",
    "summary",
]
