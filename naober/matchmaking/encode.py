"""Turn a community's offers, people and matches into the engine's columns and requests.

The engine (naober.matching) compares small integers and bitmasks; this module is the one place
that says how Django rows become those codes:

- category number: the category's position within its community (ordered by position, label,
  id), its kind code from ``matching.KINDS``;
- area path: the ids of the street, the neighbourhood (or village) and the district above the
  offer's area, else the helper's home area (-1 where unknown);
- availability: bit ``day * 3 + part`` of each code such as "mon-morning" (the exchange's
  ``AVAILABILITY_CODES`` are in exactly that order); a request asks for its weekday, if any;
- languages: Dutch at bit 0, common languages at fixed bits, any other code at a stable hashed
  bit (a rare collision can only add a "speaks the same language" reason, never hide a helper);
- gender from Person.gender; room_left = the helper's monthly limit (the largest max_per_month
  of their available offers) minus their matches started this calendar month (open or
  completed); days_idle since their last match that was not declined; completed and stopped
  counts per helper; travel radius: no radius = no limit, 0 = own neighbourhood only;
- a request: excluded = helpers whose match with this requester was declined or stopped;
  helped_by = helpers with an active or completed match for this requester; preferred = the
  request's preferred helper; the gender wish from RequestWish.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Max, Q
from django.utils import timezone

from naober.communities.models import Area, AreaKind
from naober.exchange.models import (
    AVAILABILITY_CODES,
    OPEN_STATES,
    Category,
    HelpOffer,
    HelpRequest,
    Match,
    MatchState,
)
from naober.matching import (
    ALL_GENDERS,
    GENDER_MAN,
    GENDER_OTHER,
    GENDER_UNKNOWN,
    GENDER_WOMAN,
    KINDS,
    ONLY_MEN,
    ONLY_WOMEN,
    UNKNOWN,
    Request,
)

GENDER_CODES = {"female": GENDER_WOMAN, "male": GENDER_MAN, "other": GENDER_OTHER}
URGENCY_CODES = {"low": 0, "normal": 0, "high": 2}  # engine: 0 normal, 2 urgent
SLOT_BIT = {code: bit for bit, code in enumerate(AVAILABILITY_CODES)}
#: Fixed bits for the languages most spoken in Dutch neighbourhoods (bit 0 must stay Dutch).
LANGUAGE_BITS = {
    code: bit
    for bit, code in enumerate(
        (
            "nl",
            "en",
            "de",
            "fr",
            "tr",
            "ar",
            "pl",
            "fy",
            "es",
            "pt",
            "it",
            "ro",
            "bg",
            "uk",
            "ru",
            "ti",
            "so",
            "fa",
            "prs",
            "ps",
            "ber",
            "zgh",
            "pap",
            "srn",
            "zh",
            "hi",
            "ur",
            "id",
            "ku",
            "hr",
            "sr",
            "bs",
            "el",
            "hu",
        )
    )
}
FIRST_HASHED_BIT, LAST_BIT = len(LANGUAGE_BITS), 62
COUNTED_STATES = sorted({*OPEN_STATES, MatchState.COMPLETED})
WISH_MASKS = {  # gender wish -> (allowed, preferred)
    "any": (ALL_GENDERS, ALL_GENDERS),
    "only_women": (ONLY_WOMEN, ALL_GENDERS),
    "only_men": (ONLY_MEN, ALL_GENDERS),
    "prefer_women": (ALL_GENDERS, ONLY_WOMEN),
    "prefer_men": (ALL_GENDERS, ONLY_MEN),
}


class NeedsRebuild(Exception):
    """An incremental update met something the codebook does not know (a new category)."""


def language_bit(code: str) -> int:
    """The bit of one language code (stable across processes and restarts)."""
    if code in LANGUAGE_BITS:
        return LANGUAGE_BITS[code]
    span = LAST_BIT - FIRST_HASHED_BIT + 1
    return FIRST_HASHED_BIT + zlib.crc32(code.encode()) % span


def language_mask(codes) -> int:
    mask = 0
    for code in codes or ():
        if isinstance(code, str) and code:
            mask |= 1 << language_bit(code)
    return mask


def availability_mask(codes) -> int:
    mask = 0
    for code in codes or ():
        bit = SLOT_BIT.get(code) if isinstance(code, str) else None
        if bit is not None:
            mask |= 1 << bit
    return mask


def weekday_mask(weekday: int | None) -> int:
    """A recurring request "on Tuesday" asks for any part of that day; otherwise no wish (0)."""
    if weekday is None or not 0 <= weekday <= 6:
        return 0
    return 0b111 << (weekday * 3)


def month_start(now: datetime | None = None) -> datetime:
    now = timezone.localtime(now or timezone.now())
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Codebook:
    """The per-community lookup tables an index was built with."""

    community_id: int
    category_number: dict[int, int]  # Category id -> bit
    category_kind: np.ndarray
    area_path: dict[int, tuple[int, int, int]]  # Area id -> (street, neighbourhood, district)

    def path(self, area_id: int | None) -> tuple[int, int, int]:
        if area_id is None:
            return (UNKNOWN, UNKNOWN, UNKNOWN)
        found = self.area_path.get(area_id)
        if found is None:  # an area made after the index: read it (a few rows, rare)
            area = Area.objects.filter(pk=area_id, community_id=self.community_id).first()
            found = _path_of(area.ancestors()) if area else (UNKNOWN, UNKNOWN, UNKNOWN)
        return found


def _path_of(chain) -> tuple[int, int, int]:
    def first(*kinds):
        return next((a.pk for a in chain if a.kind in kinds), UNKNOWN)

    return (
        first(AreaKind.STREET),
        first(AreaKind.NEIGHBOURHOOD, AreaKind.VILLAGE),
        first(AreaKind.DISTRICT),
    )


def codebook_for(community) -> Codebook:
    categories = list(
        Category.objects.filter(community=community)
        .order_by("position", "label", "id")
        .values_list("id", "kind")
    )
    areas = {a.pk: a for a in Area.objects.filter(community=community)}
    paths = {}
    for area in areas.values():
        chain, node, seen = [], area, set()
        while node is not None and node.pk not in seen:  # walk up in memory
            seen.add(node.pk)
            chain.append(node)
            node = areas.get(node.parent_id)
        paths[area.pk] = _path_of(chain)
    return Codebook(
        community_id=community.pk,
        category_number={cid: n for n, (cid, _kind) in enumerate(categories)},
        category_kind=np.array([KINDS.index(kind) for _cid, kind in categories], dtype=np.int64),
        area_path=paths,
    )


# --- offers -------------------------------------------------------------------------------------

OFFER_FIELDS = (
    "id",
    "helper_id",
    "available",
    "max_per_month",
    "availability",
    "area_id",
    "radius_m",
    "languages",
    "helper__area_id",
    "helper__gender",
    "helper__languages",
    "helper__erased_at",
    "helper__location__x",
    "helper__location__y",
)


def helper_stats(community_id: int, helper_ids=None) -> dict[int, dict]:
    """Per helper: matches started this month (open or completed), completed, stopped, last."""
    qs = Match.objects.filter(community_id=community_id)
    if helper_ids is not None:
        qs = qs.filter(helper_id__in=list(helper_ids))
    rows = qs.values("helper_id").annotate(
        used=Count("id", filter=Q(created_at__gte=month_start(), state__in=COUNTED_STATES)),
        completed=Count("id", filter=Q(state=MatchState.COMPLETED)),
        stopped=Count("id", filter=Q(state=MatchState.STOPPED)),
        last=Max("created_at", filter=~Q(state=MatchState.DECLINED)),
    )
    return {row["helper_id"]: row for row in rows}


def offer_columns(community_id: int, codebook: Codebook, helper_ids=None) -> dict[str, np.ndarray]:
    """The engine's columns for every offer of the community (or of these helpers only)."""
    offers = HelpOffer.objects.filter(community_id=community_id)
    if helper_ids is not None:
        offers = offers.filter(helper_id__in=list(helper_ids))
    rows = list(offers.order_by("id").values(*OFFER_FIELDS))
    through = HelpOffer.categories.through.objects.filter(helpoffer__in=offers).values_list(
        "helpoffer_id", "category_id"
    )
    cats: dict[int, int] = {}
    for offer_id, category_id in through:
        number = codebook.category_number.get(category_id)
        if number is None:
            raise NeedsRebuild(category_id)
        cats[offer_id] = cats.get(offer_id, 0) | (1 << number)
    stats = helper_stats(community_id, helper_ids)
    limit: dict[int, int] = {}
    for r in rows:
        if r["available"]:
            limit[r["helper_id"]] = max(limit.get(r["helper_id"], 0), r["max_per_month"])
    now = timezone.now()
    n = len(rows)
    cols = {
        "offer_id": np.empty(n, np.int64),
        "person_id": np.empty(n, np.int64),
        "community_id": np.full(n, community_id, np.int64),
        "categories": np.empty(n, np.int64),
        "x": np.empty(n),
        "y": np.empty(n),
        "street": np.empty(n, np.int64),
        "neighbourhood": np.empty(n, np.int64),
        "district": np.empty(n, np.int64),
        "availability": np.empty(n, np.int64),
        "languages": np.empty(n, np.int64),
        "gender": np.empty(n, np.int64),
        "active": np.empty(n, bool),
        "room_left": np.empty(n, np.int64),
        "travel_radius_m": np.empty(n),
        "days_idle": np.empty(n),
        "completed": np.empty(n, np.int64),
        "stopped": np.empty(n, np.int64),
    }
    for i, r in enumerate(rows):
        helper = r["helper_id"]
        stat = stats.get(helper, {})
        street, hood, district = codebook.path(r["area_id"] or r["helper__area_id"])
        last = stat.get("last")
        x, y = r["helper__location__x"], r["helper__location__y"]
        cols["offer_id"][i] = r["id"]
        cols["person_id"][i] = helper
        cols["categories"][i] = cats.get(r["id"], 0)
        cols["x"][i] = math.nan if x is None else x
        cols["y"][i] = math.nan if y is None else y
        cols["street"][i], cols["neighbourhood"][i], cols["district"][i] = street, hood, district
        cols["availability"][i] = availability_mask(r["availability"])
        cols["languages"][i] = language_mask(r["languages"] or r["helper__languages"])
        cols["gender"][i] = GENDER_CODES.get(r["helper__gender"], GENDER_UNKNOWN)
        cols["active"][i] = bool(r["available"]) and r["helper__erased_at"] is None
        cols["room_left"][i] = max(limit.get(helper, 0) - stat.get("used", 0), 0)
        cols["travel_radius_m"][i] = math.inf if r["radius_m"] is None else r["radius_m"]
        cols["days_idle"][i] = (now - last).total_seconds() / 86400 if last else math.inf
        cols["completed"][i] = stat.get("completed", 0)
        cols["stopped"][i] = stat.get("stopped", 0)
    return cols


# --- requests -----------------------------------------------------------------------------------


def _location(person) -> tuple[float, float]:
    try:
        location = person.location
    except ObjectDoesNotExist:
        return (math.nan, math.nan)
    return (location.x, location.y)


def _gender_wish(help_request: HelpRequest) -> str:
    try:
        return help_request.wish.gender
    except ObjectDoesNotExist:
        return "any"


def requester_history(requester_ids) -> tuple[dict[int, set], dict[int, set]]:
    """(excluded, helped_by) helper ids per requester, in one query."""
    excluded: dict[int, set] = {}
    helped: dict[int, set] = {}
    rows = Match.objects.filter(
        request__requester_id__in=list(requester_ids),
        state__in=[
            MatchState.DECLINED,
            MatchState.STOPPED,
            MatchState.ACTIVE,
            MatchState.COMPLETED,
        ],
    ).values_list("request__requester_id", "helper_id", "state")
    for requester, helper, state in rows:
        if state in (MatchState.DECLINED, MatchState.STOPPED):
            excluded.setdefault(requester, set()).add(helper)
        else:
            helped.setdefault(requester, set()).add(helper)
    return excluded, helped


def encode_request(
    help_request: HelpRequest,
    codebook: Codebook,
    *,
    history: tuple[dict[int, set], dict[int, set]] | None = None,
) -> Request:
    """The engine's view of one request (pass `history` when encoding many at once)."""
    requester = help_request.requester
    number = codebook.category_number.get(help_request.category_id)
    if number is None:
        raise NeedsRebuild(help_request.category_id)
    if history is None:
        history = requester_history([requester.pk])
    excluded, helped = history
    allowed, preferred = WISH_MASKS.get(_gender_wish(help_request), WISH_MASKS["any"])
    x, y = _location(requester)
    street, hood, district = codebook.path(requester.area_id)
    return Request(
        person_id=requester.pk,
        category=number,
        community_id=help_request.community_id,
        x=x,
        y=y,
        street=street,
        neighbourhood=hood,
        district=district,
        availability=weekday_mask(help_request.weekday),
        languages=language_mask(requester.languages),
        allowed_genders=allowed,
        preferred_genders=preferred,
        excluded_person_ids=tuple(sorted(excluded.get(requester.pk, ()))),
        preferred_person_ids=(help_request.preferred_helper_id,)
        if help_request.preferred_helper_id
        else (),
        helped_by_person_ids=tuple(sorted(helped.get(requester.pk, ()))),
        urgency=URGENCY_CODES.get(help_request.urgency, 0),
        vulnerable=bool(requester.vulnerable),
        created=help_request.created_at.timestamp() if help_request.created_at else 0.0,
        request_id=help_request.pk,
    )
