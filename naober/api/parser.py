"""A JSON parser that refuses text a database cannot store, before any handler sees it.

PostgreSQL rejects the NUL character and no database can store a lone UTF-16 surrogate
("\\ud800" in JSON): either would otherwise surface as a 500 deep inside a query. Refusing them
here, for bodies and query strings alike, protects every router of every app at once.
"""

import json
import re

from ninja.errors import HttpError
from ninja.parser import Parser

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


def refuse() -> HttpError:
    """A 400; the API's error handler words it for people ("The request could not be read")."""
    return HttpError(400, "unstorable text")


class SafeParser(Parser):
    def parse_body(self, request):
        data = json.loads(request.body)
        if has_unstorable_text(data):
            raise refuse()
        return data

    def parse_querydict(self, data, list_fields, request):
        result = super().parse_querydict(data, list_fields, request)
        if has_unstorable_text(result):
            raise refuse()
        return result
