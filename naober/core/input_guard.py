"""Refuse text no database can store before any view sees it: one rule for every page and form.

PostgreSQL rejects the NUL character in text, and no database stores a lone UTF-16 surrogate;
either in a form field, a query string or a header-free upload name would otherwise surface as a
500 deep inside a query, on whichever page forgot to check. The API's JSON bodies are checked by
its parser (naober/api/parser.py); this middleware checks query strings and form posts of every
path, and answers 400: a Dutch page for people, `{"detail","code"}` for the API. Both apply the
one rule of naober/base/text.py.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from naober.base.text import UNSTORABLE


def _unstorable(querydict) -> bool:
    return any(
        UNSTORABLE.search(key) or any(UNSTORABLE.search(value) for value in values)
        for key, values in querydict.lists()
    )


class RefuseUnstorableInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path needs no check: URL patterns never match such text, so it answers 404.
        if _unstorable(request.GET) or self._bad_form(request):
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def _bad_form(request) -> bool:
        content_type = request.content_type or ""
        if request.method != "POST" or not content_type.startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")
        ):
            return False
        return _unstorable(request.POST) or any(
            UNSTORABLE.search(upload.name or "") for upload in request.FILES.values()
        )

    @staticmethod
    def refuse(request):
        detail = _("The text contains characters that cannot be stored. Remove them and try again.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": detail, "code": "bad_request"}, status=400)
        return render(request, "400.html", {"detail": detail}, status=400)
