"""Small integer encodings shared by the engine and its callers.

Everything the engine compares is an integer or a bitmask so that a whole column of offers can be
checked with one NumPy operation. The Django layer converts model fields into these codes; this
module is the single place that says what the codes mean.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Unknown id in an area path (street, neighbourhood, district).
UNKNOWN = -1

# --- Kinds of help (DOMAIN: practical help, accompaniment/company, coaching towards a network).
KIND_PRACTICAL = 0
KIND_COMPANY = 1
KIND_COACHING = 2
KINDS: tuple[str, ...] = ("practical", "company", "coaching")

# --- Gender codes of a helper, and the masks a requester may allow or prefer.
GENDER_UNKNOWN = 0
GENDER_WOMAN = 1
GENDER_MAN = 2
GENDER_OTHER = 3
#: Mask allowing every helper (the default: no wish).
ALL_GENDERS = 0b1111
#: "Only women" as a requester wish.
ONLY_WOMEN = 1 << GENDER_WOMAN
ONLY_MEN = 1 << GENDER_MAN

# --- Languages: bit i of a language mask. Bit 0 is Dutch by convention; the Django layer owns the
# full list and only has to keep Dutch at bit 0 (reasons skip "shares Dutch", which is no news).
LANGUAGE_DUTCH = 0

# --- Availability: 7 days x 3 parts of the day = 21 bits. Bit = day * 3 + part.
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS = ("morning", "afternoon", "evening")
N_SLOTS = len(DAYS) * len(PARTS)
ALL_WEEK = (1 << N_SLOTS) - 1


def slot_bit(day: int, part: int) -> int:
    """Bit for one day (0 = Monday) and part of the day (0 morning, 1 afternoon, 2 evening).

    >>> slot_bit(0, 0), slot_bit(0, 2), slot_bit(1, 0)
    (1, 4, 8)
    """
    if not (0 <= day < len(DAYS) and 0 <= part < len(PARTS)):
        raise ValueError(f"day {day} / part {part} out of range")
    return 1 << (day * len(PARTS) + part)


def availability_mask(slots: Iterable[tuple[int, int]]) -> int:
    """Bitmask of (day, part) pairs.

    >>> availability_mask([(0, 0), (0, 1)])
    3
    """
    mask = 0
    for day, part in slots:
        mask |= slot_bit(day, part)
    return mask


def bitmask(bits: Iterable[int]) -> int:
    """Bitmask with the given bit numbers set (categories, languages).

    >>> bitmask([0, 3])
    9
    """
    mask = 0
    for bit in bits:
        if bit < 0 or bit > 62:
            raise ValueError(f"bit {bit} out of range 0..62")
        mask |= 1 << bit
    return mask
