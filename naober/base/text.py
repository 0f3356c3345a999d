"""Text no database can store: the one rule that the API's parser, the pages' input guard, the
`next` check and the community fields all apply.

PostgreSQL rejects the NUL character and no database can store a lone UTF-16 surrogate
("\\ud800" in JSON): either would otherwise surface as a 500 deep inside a query.
"""

import re

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
