"""Text no database can store: the one rule that the API's parser, the pages' input guard, the
`next` check and the community fields all apply. And text over its limit: `bounded_text` refuses
it (TooLong) for every service, never cutting it silently.

PostgreSQL rejects the NUL character and no database can store a lone UTF-16 surrogate
("\\ud800" in JSON): either would otherwise surface as a 500 deep inside a query.
"""

import re

from naober.base.errors import TooLong

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def has_unstorable_text(value) -> bool:
    """True when a string anywhere in this JSON value (keys included) cannot be stored."""
    if isinstance(value, str):
        return bool(UNSTORABLE.search(value))
    if isinstance(value, dict):
        return any(has_unstorable_text(k) or has_unstorable_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_unstorable_text(item) for item in value)
    return False


def bounded_text(
    value, limit: int, field: str, *, one_line: bool = True, errors: dict | None = None
) -> str:
    """Trimmed text (spaces and line breaks folded to one line unless `one_line=False`); longer
    than `limit` is refused, never cut: TooLong keyed by `field` (422 in the API, the message
    next to the field on a page), or added to `errors` when the caller collects them."""
    text = str(value or "").strip()
    if one_line:
        text = " ".join(text.split())
    if len(text) > limit:
        refused = TooLong(field, limit, len(text))
        if errors is None:
            raise refused
        errors.update(refused.message_dict)
    return text
