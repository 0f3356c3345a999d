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
  of their available offers) minus their matches started this calendar month (LOAD_STATES, the
  exchange's one definition: all but a declined proposal); days_idle since their last match
  that was not declined; completed and stopped counts per helper; travel radius: no radius =
  no limit, 0 = own neighbourhood only;
- a request: excluded = helpers whose match with this requester was declined or stopped;
  helped_by = helpers with an active or completed match for this requester; preferred = the
  request's preferred helper; the gender wish from RequestWish.

Why over 400 lines: every Django-row-to-engine-code rule sits here on purpose (the list above), so
that the encoding is read and changed in one place.
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import NamedTuple

import numpy as np
from django.core.exceptions import ObjectDoesNotExist
from django.db import connections
from django.db.models import Count, Max, Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from naober.communities.models import Area, AreaKind
from naober.exchange.models import (
    AVAILABILITY_CODES,
    LOAD_STATES,
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
from naober.people.models import Person

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


class AreaRow(NamedTuple):
    """The three fields of an Area the path needs (a city has thousands of streets)."""

    pk: int
    parent_id: int | None
    kind: str


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
    areas = {
        pk: AreaRow(pk, parent_id, kind)
        for pk, parent_id, kind in Area.objects.filter(community=community).values_list(
            "id", "parent_id", "kind"
        )
    }
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

#: Offer columns read in bulk; the JSON lists are read as text: slot lists searched for their
#: codes in one vectorised pass, language lists decoded once per distinct value (a city has few).
OFFER_FIELDS = ("id", "helper_id", "available", "max_per_month", "area_id", "radius_m")
HELPER_FIELDS = ("id", "area_id", "gender", "erased_at", "location__x", "location__y")


def helper_stats(community_id: int, helper_ids=None) -> dict[int, dict]:
    """Per helper: matches started this month (LOAD_STATES), completed, stopped, last."""
    qs = Match.objects.filter(community_id=community_id)
    if helper_ids is not None:
        qs = qs.filter(helper_id__in=list(helper_ids))
    rows = qs.values("helper_id").annotate(
        used=Count("id", filter=Q(created_at__gte=month_start(), state__in=LOAD_STATES)),
        completed=Count("id", filter=Q(state=MatchState.COMPLETED)),
        stopped=Count("id", filter=Q(state=MatchState.STOPPED)),
        last=Max("created_at", filter=~Q(state=MatchState.DECLINED)),
    )
    return {row["helper_id"]: row for row in rows}


def _fetch(queryset) -> list[tuple]:
    """The rows of a ``values_list`` query as the driver returns them, without Django's
    per-value converters (booleans may arrive as 0/1, JSON is cast to text): at 50,000 rows the
    converters cost more than the query. Plain fields come before the casts, as in the SQL."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_text(field: str) -> Cast:
    return Cast(field, TextField())


def _decoded(texts, mask_of) -> tuple[np.ndarray, np.ndarray]:
    """(mask, non-empty) per JSON list text, each distinct text decoded once."""
    memo: dict = {}
    masks, present = np.zeros(len(texts), np.int64), np.zeros(len(texts), bool)
    for i, text in enumerate(texts):
        found = memo.get(text)
        if found is None:
            codes = json.loads(text) if text else []
            found = memo[text] = (mask_of(codes), bool(codes))
        masks[i], present[i] = found
    return masks, present


#: Each slot code as it appears in a JSON list text, with its bit.
QUOTED_SLOTS = tuple((f'"{code}"', 1 << bit) for code, bit in SLOT_BIT.items())


def _availability_masks(texts) -> np.ndarray:
    """``availability_mask`` of many JSON list texts: each code is a fixed quoted word, so a
    substring test per code replaces decoding (a city's slot lists are nearly all distinct, and
    decoding 50,000 of them one by one cost most of a cold build)."""
    memo: dict = {}
    masks = np.zeros(len(texts), np.int64)
    for i, text in enumerate(texts):
        mask = memo.get(text)
        if mask is None:
            mask = memo[text] = sum(bit for quoted, bit in QUOTED_SLOTS if quoted in (text or ""))
        masks[i] = mask
    return masks


def _column(rows, k: int, dtype, none=None) -> np.ndarray:
    if none is None:  # a column without NULLs
        return np.fromiter((r[k] for r in rows), dtype=dtype, count=len(rows))
    return np.array([none if r[k] is None else r[k] for r in rows], dtype=dtype)


def offer_columns(community_id: int, codebook: Codebook, helper_ids=None) -> dict[str, np.ndarray]:
    """The engine's columns for every offer of the community (or of these helpers only).

    One query per table (offers, their helpers with coordinates, categories, match counts),
    columns as NumPy arrays: a city's 50,000 offers in a few hundred milliseconds.
    """
    offers = HelpOffer.objects.filter(community_id=community_id)
    helpers = Person.objects.filter(pk__in=offers.values("helper_id"))
    if helper_ids is not None:  # a delta: explicit id lists, so each query uses its index
        offers = offers.filter(helper_id__in=list(helper_ids))
        helpers = Person.objects.filter(pk__in=list(helper_ids))
    rows = _fetch(
        offers.order_by("id").values_list(
            *OFFER_FIELDS, _as_text("availability"), _as_text("languages")
        )
    )
    helpers = _fetch(helpers.order_by("id").values_list(*HELPER_FIELDS, _as_text("languages")))
    through = HelpOffer.categories.through.objects.values_list("helpoffer_id", "category_id")
    if helper_ids is None:
        through = through.filter(helpoffer__community_id=community_id)
    else:
        through = through.filter(helpoffer_id__in=[r[0] for r in rows])
    through = _fetch(through)
    stats = helper_stats(community_id, helper_ids)
    n = len(rows)
    offer_id = _column(rows, 0, np.int64)
    person_id = _column(rows, 1, np.int64)
    available = _column(rows, 2, bool)
    max_per_month = _column(rows, 3, np.int64)

    # Categories: one bit per category number, ORed per offer.
    categories = np.zeros(n, np.int64)
    pairs = np.fromiter(chain.from_iterable(through), np.int64, 2 * len(through)).reshape(-1, 2)
    if len(pairs):
        numbers = [codebook.category_number.get(c) for c in pairs[:, 1].tolist()]
        if None in numbers:
            raise NeedsRebuild(int(pairs[numbers.index(None), 1]))
        at = np.searchsorted(offer_id, pairs[:, 0])
        np.bitwise_or.at(categories, at, np.left_shift(1, np.array(numbers, np.int64)))

    # Helpers: one row each, found per offer by position in the id-sorted list.
    helper_pk = _column(helpers, 0, np.int64)
    of = np.searchsorted(helper_pk, person_id)
    helper_area = [r[1] for r in helpers]
    gender = np.array([GENDER_CODES.get(r[2], GENDER_UNKNOWN) for r in helpers], np.int64)
    erased = np.array([r[3] is not None for r in helpers], bool)
    x = _column(helpers, 4, float, math.nan)
    y = _column(helpers, 5, float, math.nan)
    helper_languages, _ = _decoded([r[6] for r in helpers], language_mask)
    offer_languages, own = _decoded([r[7] for r in rows], language_mask)

    # Area path of the offer's area, else the helper's home area (one look-up per distinct area).
    area = [r[4] if r[4] is not None else helper_area[of[i]] for i, r in enumerate(rows)]
    distinct = list(set(area))
    number = {a: i for i, a in enumerate(distinct)}
    table = np.array([codebook.path(a) for a in distinct], np.int64).reshape(-1, 3)
    path = table[np.array([number[a] for a in area], np.int64)]

    # Helper load: the monthly limit is the largest max_per_month of their available offers.
    limit: dict[int, int] = {}
    for helper, is_available, most in zip(
        person_id.tolist(), available.tolist(), max_per_month.tolist(), strict=True
    ):
        if is_available:
            limit[helper] = max(limit.get(helper, 0), most)
    now = timezone.now()
    per_helper = {}
    for helper in set(person_id.tolist()):
        stat = stats.get(helper, {})
        last = stat.get("last")
        per_helper[helper] = (
            max(limit.get(helper, 0) - stat.get("used", 0), 0),
            (now - last).total_seconds() / 86400 if last else math.inf,
            stat.get("completed", 0),
            stat.get("stopped", 0),
        )
    load = np.array([per_helper[h] for h in person_id.tolist()], float).reshape(-1, 4)
    radius = _column(rows, 5, float, math.inf)
    return {
        "offer_id": offer_id,
        "person_id": person_id,
        "community_id": np.full(n, community_id, np.int64),
        "categories": categories,
        "x": x[of],
        "y": y[of],
        "street": path[:, 0].copy(),
        "neighbourhood": path[:, 1].copy(),
        "district": path[:, 2].copy(),
        "availability": _availability_masks([r[6] for r in rows]),
        "languages": np.where(own, offer_languages, helper_languages[of]),
        "gender": gender[of],
        "active": available & ~erased[of],
        "room_left": load[:, 0].astype(np.int64),
        "travel_radius_m": radius,
        "days_idle": load[:, 1].copy(),
        "completed": load[:, 2].astype(np.int64),
        "stopped": load[:, 3].astype(np.int64),
    }


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
