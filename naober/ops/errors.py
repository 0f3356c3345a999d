"""Error answers that work when nothing else does: no database, no session, no base template.

`server_error` is the project's handler500: it answers 503 when the error was an unreachable
database, otherwise 500, and shows the request id either way. Both pages are stand-alone templates
rendered without context processors, which could touch the database.
"""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

RETRY_AFTER = "30"


def connection_lost() -> bool:
    """True when the default connection is unusable (the server went away mid-request)."""
    try:
        return connection.connection is not None and not connection.is_usable()
    except Exception:
        return True


def unavailable(request) -> HttpResponse:
    request_id = getattr(request, "request_id", "")
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {
                "detail": _("The service is briefly unavailable. Please try again in a minute."),
                "code": "service_unavailable",
            },
            status=503,
        )
    else:
        html = render_to_string("ops/503.html", {"request_id": request_id})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = RETRY_AFTER
    return response


def server_error(request):
    """handler500: 503 for a database that is away, else a 500 page with the request id."""
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        return unavailable(request)
    request_id = getattr(request, "request_id", "")
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "detail": _("Something went wrong on our side (error code %(code)s).")
                % {"code": request_id},
                "code": "server_error",
            },
            status=500,
        )
    return HttpResponse(render_to_string("ops/500.html", {"request_id": request_id}), status=500)
