"""The outermost middleware: a request id, one JSON log line per request, metrics, and a 503.

Every request gets an id (kept from an X-Request-ID header set by the proxy when it looks sane):
it is sent back as X-Request-ID, written in the access log line, and shown on the error page as a
"foutcode" a person can read out on the phone. When the database cannot be reached, a view's
error becomes a 503 (a Dutch page, or the API's JSON error) instead of a 500 and a stack trace.
"""

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.db import DatabaseError, InterfaceError, OperationalError

from naober.base.client import client_ip
from naober.ops import errors, metrics

access_log = logging.getLogger("naober.access")
VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
DATABASE_DOWN = (OperationalError, InterfaceError)


def new_request_id() -> str:
    return uuid.uuid4().hex[:12]


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = incoming if VALID_ID.match(incoming) else new_request_id()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        response["X-Request-ID"] = request.request_id
        metrics.observe(request, response.status_code, seconds)
        if access_log.isEnabledFor(logging.INFO):
            access_log.info(
                json.dumps(
                    {
                        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                        "request_id": request.request_id,
                        "method": request.method,
                        "path": request.path[:300],
                        "status": response.status_code,
                        "ms": round(seconds * 1000, 1),
                        "client": client_ip(request),
                    }
                )
            )
        return response

    def process_exception(self, request, exception):
        """A view that meets an unreachable database answers 503 (also with DEBUG on)."""
        if isinstance(exception, DATABASE_DOWN) or (
            isinstance(exception, DatabaseError) and errors.connection_lost()
        ):
            return errors.unavailable(request)
        return None
