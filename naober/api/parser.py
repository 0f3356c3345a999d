"""A JSON parser that refuses text a database cannot store (naober/base/text.py), before any
handler sees it. Refusing it here, for bodies and query strings alike, protects every router of
every app at once.
"""

import json

from ninja.errors import HttpError
from ninja.parser import Parser

from naober.base.text import has_unstorable_text


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
