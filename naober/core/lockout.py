"""What someone sees after too many wrong passwords: a plain page, or a JSON error on the API."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, original_response=None, credentials=None):
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "detail": _("Too many wrong attempts. Try again in half an hour."),
                "code": "locked_out",
            },
            status=429,
        )
    return render(request, "core/locked_out.html", status=429)
