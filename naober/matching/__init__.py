"""Pure matching engine for Naober: arrays in, arrays out. No Django in this package.

Public API (see each module for the why):

- ``build_index(offers, category_kind) -> OfferIndex`` and the copy-on-write updates
  ``update_offer``, ``remove_offer``, ``update_helper_room``, ``add_offers``;
  ``room_left_per_helper`` turns per-offer limits into helper-level room.
- ``Request``: one request (scalars plus short tuples of person ids).
- ``suggest(index, request, weights, k) -> list[Suggestion]``: top-k helpers with reasons.
- ``score_all_dense(index, request, weights) -> ndarray``: brute-force reference scores.
- ``plan(index, requests, weights) -> Plan``: optimal batch assignment; ``greedy_plan`` baseline.
- ``Weights``: per-community weights with documented defaults.
- ``REASON_CODES`` and ``REASON_TEXT_NL``: every reason code and its intended Dutch wording.
"""

from .encoding import (
    ALL_GENDERS,
    ALL_WEEK,
    GENDER_MAN,
    GENDER_OTHER,
    GENDER_UNKNOWN,
    GENDER_WOMAN,
    KIND_COACHING,
    KIND_COMPANY,
    KIND_PRACTICAL,
    KINDS,
    LANGUAGE_DUTCH,
    ONLY_MEN,
    ONLY_WOMEN,
    UNKNOWN,
    availability_mask,
    bitmask,
    slot_bit,
)
from .index import (
    OFFER_COLUMNS,
    OfferIndex,
    add_offers,
    build_index,
    remove_offer,
    room_left_per_helper,
    update_helper_room,
    update_offer,
)
from .plan import Plan, greedy_plan, max_matchable, plan, request_edges
from .reasons import REASON_CODES, REASON_PARAMS, REASON_TEXT_NL, Reason
from .request import Request
from .suggest import Suggestion, score_all_dense, suggest, suggest_dense, top_k_per_person
from .weights import DEFAULT_WEIGHTS, FEATURE_NAMES, Weights

__all__ = [
    "ALL_GENDERS",
    "ALL_WEEK",
    "DEFAULT_WEIGHTS",
    "FEATURE_NAMES",
    "GENDER_MAN",
    "GENDER_OTHER",
    "GENDER_UNKNOWN",
    "GENDER_WOMAN",
    "KINDS",
    "KIND_COACHING",
    "KIND_COMPANY",
    "KIND_PRACTICAL",
    "LANGUAGE_DUTCH",
    "OFFER_COLUMNS",
    "ONLY_MEN",
    "ONLY_WOMEN",
    "REASON_CODES",
    "REASON_PARAMS",
    "REASON_TEXT_NL",
    "UNKNOWN",
    "OfferIndex",
    "Plan",
    "Reason",
    "Request",
    "Suggestion",
    "Weights",
    "add_offers",
    "availability_mask",
    "bitmask",
    "build_index",
    "greedy_plan",
    "max_matchable",
    "plan",
    "remove_offer",
    "request_edges",
    "room_left_per_helper",
    "score_all_dense",
    "slot_bit",
    "suggest",
    "suggest_dense",
    "top_k_per_person",
    "update_helper_room",
    "update_offer",
]
