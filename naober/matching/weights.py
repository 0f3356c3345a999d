"""How much each part of the fit counts, per community.

A suggestion's score is the weighted mean of feature values that each lie in [0, 1]::

    score = sum(w_f * f) / sum(w_f)

so a score is always in [0, 1] whatever the weights, and a community can retune the weights
(a village that cares only about "same village", a city where language matters more) without
breaking comparisons between suggestions for the same request. Only the *ratios* between the
weights matter for ranking.

The defaults below come from the field guide (docs in ``/work/shared/DOMAIN.md``); each field says
why it has the value it has.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Weights:
    """Feature weights and the few scale parameters that turn raw facts into [0, 1] features.

    Weights (relative; only ratios matter):

    category = 3.0
        The request is for something specific (groceries, a lift to the GP); a helper who offers
        exactly that is the strongest single signal. Heavier than everything except distance.
    distance = 3.0
        Neighbour help is local by definition: people prefer a helper "from the same village"
        (Middelsee) and a volunteer "per street" (IJsselstein). As strong as category.
    availability = 1.5
        A helper who is free when the help is wanted saves a round of phone calls, but times are
        often negotiable, so it counts half as much as category.
    language = 1.5
        A shared language matters for company, forms and coaching; for most practical jobs it
        does not, so it stays modest.
    preference = 1.0
        The requester's soft wishes (e.g. "preferably a woman"). Hard wishes are constraints;
        soft ones nudge.
    room = 1.0
        Helpers who still have room this month should be asked before helpers at their limit:
        overloaded volunteers burn out (DOMAIN: "support when overloaded").
    continuity = 2.0
        "People want the same helper again" (IJsselstein): a helper who helped this person before,
        or is their preferred helper, is worth a lot, but not more than being nearby.
    idle = 1.5
        "Volunteers who are never asked drop out": helpers who have waited long get a turn. Strong
        enough to break ties between similar helpers, too weak to send someone across town.
    reliability = 1.0
        Completed versus stopped matches. Smoothed with a Beta prior so that one stopped match
        does not bury a newcomer; a light weight because most matches end well.

    Scale parameters:

    kind_credit = 0.5
        Category feature for an offer of the same *kind* (practical, company, coaching) but not
        the exact category. 0 makes same-kind offers infeasible (exact category only).
    distance_scale_m = 1000.0
        Distance feature is ``1 / (1 + d / distance_scale_m)``: 1 next door, 0.5 at 1 km (a
        ten-minute walk), 0.2 at 4 km. Rational instead of exponential so that results are
        bit-identical however the arrays are sliced (no SIMD transcendental functions).
    room_saturation = 3
        Room of 3 or more matches this month counts as fully free.
    idle_saturation_days = 60.0
        Two months without being asked is "long"; longer does not add more.
    reliability_prior_completed = 4.0, reliability_prior_stopped = 1.0
        Beta(4, 1) prior: a newcomer starts at 0.8, one stopped match of five lowers it to 0.67
        instead of to 0.
    waiting_long_days = 30
        From this many idle days on, a suggestion carries the reason ``waiting_long``.
    reliable_threshold = 0.85, reliable_min_completed = 3
        The reason ``reliable`` is shown only for a track record, never for the prior alone.

    Batch planning (``plan``):

    urgency_weight = 1.0, vulnerable_weight = 1.0
        A matched request is worth ``1 + urgency_weight * urgency + vulnerable_weight *
        vulnerable + score`` in the plan. A priority gap of 1 or more outweighs any difference in
        fit (scores lie in [0, 1]), so an urgent request (urgency 2) always beats a normal one for
        a contested helper, while the number of matched requests always comes first.
    """

    category: float = 3.0
    distance: float = 3.0
    availability: float = 1.5
    language: float = 1.5
    preference: float = 1.0
    room: float = 1.0
    continuity: float = 2.0
    idle: float = 1.5
    reliability: float = 1.0

    kind_credit: float = 0.5
    distance_scale_m: float = 1000.0
    room_saturation: int = 3
    idle_saturation_days: float = 60.0
    reliability_prior_completed: float = 4.0
    reliability_prior_stopped: float = 1.0
    waiting_long_days: float = 30.0
    reliable_threshold: float = 0.85
    reliable_min_completed: int = 3

    urgency_weight: float = 1.0
    vulnerable_weight: float = 1.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value < 0:
                raise ValueError(f"Weights.{f.name} must be >= 0, got {value!r}")
        if self.total() <= 0:
            raise ValueError("at least one feature weight must be positive")
        if self.kind_credit > 1:
            raise ValueError("kind_credit must be in [0, 1]")
        if self.distance_scale_m <= 0 or self.room_saturation <= 0:
            raise ValueError("distance_scale_m and room_saturation must be positive")
        if self.idle_saturation_days <= 0:
            raise ValueError("idle_saturation_days must be positive")

    def feature_weights(self) -> tuple[float, ...]:
        """The feature weights in the order of ``features.FEATURE_NAMES``."""
        return tuple(getattr(self, name) for name in FEATURE_NAMES)

    def total(self) -> float:
        """Sum of the feature weights (the score's denominator)."""
        return float(sum(getattr(self, name) for name in FEATURE_NAMES))


#: The scored features, in the order they are summed (the order is fixed so that scores are
#: bit-identical between ``suggest`` and ``score_all_dense``).
FEATURE_NAMES: tuple[str, ...] = (
    "category",
    "distance",
    "availability",
    "language",
    "preference",
    "room",
    "continuity",
    "idle",
    "reliability",
)

DEFAULT_WEIGHTS = Weights()
