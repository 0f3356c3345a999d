"""A synthetic Dutch city for benchmarking and simulating the matching engine.

Calibrated on the field guide (``/work/shared/DOMAIN.md``) where it gives numbers, and on plain
assumptions (stated next to each constant) where it does not:

- residents live on streets, streets cluster in neighbourhoods (buurten), neighbourhoods in
  districts (wijken); coordinates are RD New-like metres around Amersfoort's RD origin;
- about a third is offline (BUUV: "35% not online"); about half of the requests are mediated
  (BUUV: half of the matches are made by brokers);
- the category mix follows the seeds: groceries, odd jobs, garden, transport and accompaniment to
  hospital/GP, company and walking, babysitting, computer and phone, forms and post, language
  buddy, network coaching; in three kinds (practical, company, coaching);
- helpers have limited room (max_per_month mostly 1 to 4) and part of it is already used;
  they speak Dutch and sometimes other languages, are available in some day parts, and choose how
  far they will go (their own neighbourhood only, a few hundred metres, a few km, anywhere);
- some requesters want only a woman as helper.

Everything is drawn from one seeded ``numpy.random.Generator``: the same seed gives the same city.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from naober.matching import (
    ALL_GENDERS,
    KIND_COACHING,
    KIND_COMPANY,
    KIND_PRACTICAL,
    ONLY_WOMEN,
    Request,
    room_left_per_helper,
)

#: (code, Dutch label, kind, share of requests, share of offers)
CATEGORIES: tuple[tuple[str, str, int, float, float], ...] = (
    ("groceries", "boodschappen", KIND_PRACTICAL, 0.15, 0.16),
    ("odd_jobs", "klussen", KIND_PRACTICAL, 0.15, 0.13),
    ("garden", "tuin", KIND_PRACTICAL, 0.09, 0.09),
    ("transport", "vervoer en begeleiding naar ziekenhuis of huisarts", KIND_COMPANY, 0.15, 0.09),
    ("company", "gezelschap en wandelen", KIND_COMPANY, 0.12, 0.15),
    ("babysitting", "oppas", KIND_PRACTICAL, 0.04, 0.06),
    ("computer", "computer en telefoon", KIND_PRACTICAL, 0.11, 0.12),
    ("forms", "formulieren en post", KIND_PRACTICAL, 0.09, 0.06),
    ("language_buddy", "taalmaatje", KIND_COACHING, 0.05, 0.08),
    ("network_coaching", "netwerkcoaching", KIND_COACHING, 0.05, 0.06),
)
CATEGORY_KIND = np.array([c[2] for c in CATEGORIES], dtype=np.int64)
REQUEST_MIX = np.array([c[3] for c in CATEGORIES]) / sum(c[3] for c in CATEGORIES)
OFFER_MIX = np.array([c[4] for c in CATEGORIES]) / sum(c[4] for c in CATEGORIES)

#: Languages (bit 0 Dutch) and the share of residents who speak each besides Dutch.
LANGUAGES = (
    ("nl", 1.0),
    ("en", 0.25),
    ("tr", 0.04),
    ("ar", 0.04),
    ("pl", 0.02),
    ("ti", 0.01),
    ("uk", 0.01),
)

RD_ORIGIN = (155_000.0, 463_000.0)


@dataclass(frozen=True, eq=False)
class City:
    """Residents (arrays indexed by person id) and offer columns ready for ``build_index``."""

    x: np.ndarray
    y: np.ndarray
    street: np.ndarray
    neighbourhood: np.ndarray
    district: np.ndarray
    digital: np.ndarray
    gender: np.ndarray
    languages: np.ndarray
    offers: dict[str, np.ndarray]
    category_kind: np.ndarray

    @property
    def n_residents(self) -> int:
        return int(self.x.shape[0])


def _geography(rng: np.random.Generator, n: int, n_districts: int):
    """Districts spread over ~12 x 9 km, neighbourhoods ~700 m around their district centre,
    streets ~200 m around their neighbourhood centre, homes ~60 m around their street."""
    n_nb_per_district = 7
    n_streets_per_nb = max(4, n // (n_districts * n_nb_per_district * 60))  # ~60 homes a street
    d_xy = rng.uniform([0, 0], [12_000, 9_000], size=(n_districts, 2)) + RD_ORIGIN
    nb_xy = np.repeat(d_xy, n_nb_per_district, axis=0) + rng.normal(
        0, 700, size=(n_districts * n_nb_per_district, 2)
    )
    n_nb = nb_xy.shape[0]
    st_xy = np.repeat(nb_xy, n_streets_per_nb, axis=0) + rng.normal(
        0, 200, size=(n_nb * n_streets_per_nb, 2)
    )
    street = rng.integers(0, st_xy.shape[0], n)
    neighbourhood = street // n_streets_per_nb
    district = neighbourhood // n_nb_per_district
    xy = st_xy[street] + rng.normal(0, 60, size=(n, 2))
    return xy, street, neighbourhood, district


def make_city(
    n_residents: int = 100_000,
    n_offers: int = 50_000,
    seed: int = 2024,
    n_districts: int = 12,
    busy: float = 0.88,
) -> City:
    """A deterministic synthetic city (see the module docstring for the calibration).

    ``busy`` is the share of the helpers' monthly room already used: the benchmark plans a large
    backlog late in a busy month, when room is what is scarce (at 0.55 nearly every request can
    be served and every method looks the same).
    """
    rng = np.random.default_rng(seed)
    xy, street, neighbourhood, district = _geography(rng, n_residents, n_districts)
    x, y = xy[:, 0].copy(), xy[:, 1].copy()
    unknown_xy = rng.random(n_residents) < 0.08  # not geocoded (typo, no fixed address)
    x[unknown_xy] = np.nan
    y[unknown_xy] = np.nan
    street = np.where(rng.random(n_residents) < 0.03, -1, street)  # area path sometimes unknown
    digital = rng.random(n_residents) >= 0.35  # a third is offline
    gender = rng.choice([0, 1, 2], size=n_residents, p=[0.03, 0.52, 0.45])
    languages = np.ones(n_residents, dtype=np.int64)
    for bit, (_, share) in enumerate(LANGUAGES[1:], start=1):
        languages |= (rng.random(n_residents) < share).astype(np.int64) << bit
    offers = _offers(rng, n_residents, n_offers, busy)
    for name, column in (
        ("x", x),
        ("y", y),
        ("street", street),
        ("neighbourhood", neighbourhood),
        ("district", district),
        ("gender", gender),
        ("languages", languages),
    ):
        offers[name] = column[offers["person_id"]]
    return City(
        x=x,
        y=y,
        street=street,
        neighbourhood=neighbourhood,
        district=district,
        digital=digital,
        gender=gender,
        languages=languages,
        offers=offers,
        category_kind=CATEGORY_KIND.copy(),
    )


def _offers(
    rng: np.random.Generator, n_residents: int, n_offers: int, busy: float
) -> dict[str, np.ndarray]:
    """Offer columns. Helpers have 1-3 offers (mean ~1.7); helper-level facts are drawn per
    helper and copied to each of their offers."""
    n_helpers = max(1, int(n_offers / 1.7))
    helpers = rng.choice(n_residents, size=min(n_helpers, n_residents), replace=False)
    person = np.sort(rng.choice(helpers, size=n_offers))
    _, helper_of = np.unique(person, return_inverse=True)
    n_h = int(helper_of.max()) + 1
    main = rng.choice(len(CATEGORIES), size=n_offers, p=OFFER_MIX)
    second = rng.choice(len(CATEGORIES), size=n_offers, p=OFFER_MIX)
    same_kind = CATEGORY_KIND[second] == CATEGORY_KIND[main]
    categories = (1 << main) | np.where(same_kind & (rng.random(n_offers) < 0.5), 1 << second, 0)
    max_per_month = rng.choice([1, 2, 3, 4, 8], size=n_h, p=[0.3, 0.3, 0.2, 0.15, 0.05])
    used = rng.binomial(max_per_month, busy)  # room already taken this month
    radius = rng.choice(
        [0.0, 500.0, 1000.0, 2000.0, 4000.0, np.inf],
        size=n_h,
        p=[0.15, 0.25, 0.3, 0.18, 0.1, 0.02],
    )
    availability = np.zeros(n_h, dtype=np.int64)
    for bit in range(21):
        availability |= (rng.random(n_h) < 0.3).astype(np.int64) << bit
    availability[rng.random(n_h) < 0.05] = 0  # not filled in
    days_idle = rng.exponential(30.0, size=n_h)
    days_idle[rng.random(n_h) < 0.15] = np.inf  # never helped yet
    completed = rng.poisson(3.0, size=n_h)
    stopped = rng.poisson(0.3, size=n_h)
    per_offer_used = np.where(np.r_[True, person[1:] != person[:-1]], used[helper_of], 0)
    return {
        "offer_id": np.arange(n_offers, dtype=np.int64) + 1,
        "person_id": person,
        "community_id": np.zeros(n_offers, dtype=np.int64),
        "categories": categories.astype(np.int64),
        "availability": availability[helper_of],
        "active": rng.random(n_offers) >= 0.15,  # some offers paused
        "room_left": room_left_per_helper(person, max_per_month[helper_of], per_offer_used),
        "travel_radius_m": radius[helper_of],
        "days_idle": days_idle[helper_of],
        "completed": completed[helper_of],
        "stopped": stopped[helper_of],
    }


def make_requests(
    city: City, n: int, seed: int = 7, days: float = 1.0, helpers: np.ndarray | None = None
) -> list[Request]:
    """``n`` open requests from random residents, created uniformly over ``days`` days.

    Requesters are drawn with a per-district demand factor (lognormal, sigma 1). Requests of
    offline residents are more often flagged vulnerable and mediated; 8% want only a
    woman; 5% were helped before by someone in their neighbourhood; 3% declined someone.
    ``helpers`` (person ids of offer rows) lets continuity and exclusions name real helpers.
    """
    rng = np.random.default_rng(seed)
    # Demand is uneven: some districts (older, poorer) ask far more than others, while helpers
    # are spread evenly. That local scarcity is what separates a plan from first come first served.
    n_districts = int(city.district.max()) + 1
    district_demand = rng.lognormal(0.0, 1.0, n_districts)
    weight = district_demand[city.district]
    who = rng.choice(city.n_residents, size=n, p=weight / weight.sum())
    category = rng.choice(len(CATEGORIES), size=n, p=REQUEST_MIX)
    offline = ~city.digital[who]
    vulnerable = rng.random(n) < np.where(offline, 0.45, 0.12)
    urgency = rng.choice([0, 1, 2], size=n, p=[0.7, 0.2, 0.1])
    created = np.sort(rng.uniform(0, days, n))
    wish = np.zeros(n, dtype=np.int64)
    has_wish = rng.random(n) < 0.5
    for _ in range(3):
        wish |= np.where(has_wish, 1 << rng.integers(0, 21, n), 0)
    only_women = rng.random(n) < 0.08
    pool = helpers if helpers is not None and helpers.size else np.arange(city.n_residents)
    out = []
    for i in range(n):
        p = int(who[i])
        helped_by = (int(rng.choice(pool)),) if rng.random() < 0.05 else ()
        excluded = (int(rng.choice(pool)),) if rng.random() < 0.03 else ()
        out.append(
            Request(
                person_id=p,
                category=int(category[i]),
                community_id=0,
                x=float(city.x[p]),
                y=float(city.y[p]),
                street=int(city.street[p]),
                neighbourhood=int(city.neighbourhood[p]),
                district=int(city.district[p]),
                availability=int(wish[i]),
                languages=int(city.languages[p]),
                allowed_genders=ONLY_WOMEN if only_women[i] else ALL_GENDERS,
                excluded_person_ids=excluded,
                helped_by_person_ids=helped_by,
                urgency=int(urgency[i]),
                vulnerable=bool(vulnerable[i]),
                created=float(created[i]),
                request_id=i,
            )
        )
    return out


def requester_is_digital(city: City, requests: list[Request]) -> np.ndarray:
    """Whether each requester is online (self-service can reach them)."""
    return city.digital[np.array([r.person_id for r in requests], dtype=np.int64)]
