"""One-time codes: generated from an alphabet that survives being read aloud or typed from paper,
and stored only as a keyed hash (HMAC with SECRET_KEY), so that a copy of the database alone
cannot be used to try codes offline.
"""

import re
import secrets

from django.utils.crypto import salted_hmac

# No 0/O, 1/I/L: a resident copies the code from a letter or an SMS.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SHORT_LENGTH = 8  # SMS and letter: 31**8, about 8.5e11, and entry is rate-limited
LINK_LENGTH = 24  # inside an e-mail link nobody types it
DIGITS_LENGTH = 6  # login codes live minutes and allow a few attempts


def new_code(length: int = SHORT_LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_digits(length: int = DIGITS_LENGTH) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(length))


def normalise(raw: str) -> str:
    """Upper case without spaces or dashes, so "kd7p-3mxa" and "KD7P 3MXA" are the same code."""
    return re.sub(r"[^0-9A-Z]", "", str(raw or "").upper())[:64]


def hash_code(raw: str, purpose: str) -> str:
    return salted_hmac(f"naober.accounts.{purpose}", normalise(raw)).hexdigest()


def grouped(code: str) -> str:
    """A short code in groups of four for reading: "KD7P-3MXA"."""
    if len(code) > SHORT_LENGTH:
        return code
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
