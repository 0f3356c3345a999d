"""One help request, as the engine sees it.

A small frozen dataclass rather than arrays: a request is scored against many offers, so its
fields are scalars broadcast against the index columns. The per-request sets (who was declined,
who helped before) are short tuples of person ids.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .encoding import ALL_GENDERS, UNKNOWN


@dataclass(frozen=True, slots=True)
class Request:
    """A request for help.

    - ``person_id``: the requester; never suggested to themselves.
    - ``community_id``: only offers of this community can serve it.
    - ``category``: the category number (bit position in the offers' ``categories`` mask).
    - ``x``, ``y``: RD New metres, NaN when unknown; ``street``, ``neighbourhood``, ``district``:
      the requester's area path, -1 when unknown.
    - ``availability``: 21-bit mask of when help is wanted; 0 = no wish (any time).
    - ``languages``: the requester's language mask; 0 = unknown.
    - ``allowed_genders``: hard wish, a mask of helper gender codes (``encoding.ONLY_WOMEN``...);
      ``ALL_GENDERS`` = no wish. A helper of unknown gender passes only ``ALL_GENDERS``.
    - ``preferred_genders``: soft wish, same encoding; ``ALL_GENDERS`` = no wish.
    - ``excluded_person_ids``: helpers this requester declined or whose match was stopped.
    - ``preferred_person_ids``: the requester's preferred helper(s).
    - ``helped_by_person_ids``: helpers who helped this requester before.
    - ``urgency``: 0 normal, 1 soon, 2 urgent (used by ``plan``).
    - ``vulnerable``: coordinators flag requests of vulnerable people (used by ``plan``).
    - ``created``: any monotone time key (e.g. a timestamp); ``greedy_plan`` serves in this order.
    - ``request_id``: the caller's id, carried along untouched.
    """

    person_id: int
    category: int
    community_id: int = 0
    x: float = math.nan
    y: float = math.nan
    street: int = UNKNOWN
    neighbourhood: int = UNKNOWN
    district: int = UNKNOWN
    availability: int = 0
    languages: int = 0
    allowed_genders: int = ALL_GENDERS
    preferred_genders: int = ALL_GENDERS
    excluded_person_ids: tuple[int, ...] = ()
    preferred_person_ids: tuple[int, ...] = ()
    helped_by_person_ids: tuple[int, ...] = ()
    urgency: int = 0
    vulnerable: bool = False
    created: float = 0.0
    request_id: int = -1

    def __post_init__(self) -> None:
        if self.category < 0:
            raise ValueError("category must be >= 0")
        if self.urgency < 0:
            raise ValueError("urgency must be >= 0")
        for name in ("excluded_person_ids", "preferred_person_ids", "helped_by_person_ids"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(int(v) for v in value))

    def priority(self, urgency_weight: float, vulnerable_weight: float) -> float:
        """Priority of this request in a batch plan (see ``Weights.urgency_weight``)."""
        return 1.0 + urgency_weight * self.urgency + vulnerable_weight * float(self.vulnerable)
