"""Phone numbers compared as people type them: "06-12 34 56 78", "+31 6 12345678" and
"0031612345678" are one number."""

import re


def normalise(number: str) -> str:
    """Digits only, with the Dutch country code turned into the leading 0."""
    digits = re.sub(r"[^0-9]", "", number or "")
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and (number or "").lstrip().startswith("+"):
        digits = "0" + digits[2:]
    return digits
