"""The API's one error format also for a wrong method: django-ninja answers 405 with the plain
English text "Method not allowed" before any exception handler runs, so this middleware turns
that answer into `{"detail", "code": "method_not_allowed"}` in the caller's language, keeping the
Allow header."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

PREFIX = "/api/"


class JsonMethodNotAllowedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.path.startswith(PREFIX)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            allowed = response.get("Allow", "")
            detail = _("This method is not allowed here. Allowed: %(methods)s.") % {
                "methods": allowed or "-"
            }
            answer = JsonResponse(
                {"detail": detail, "code": "method_not_allowed"},
                status=405,
                json_dumps_params={"ensure_ascii": False},
            )
            if allowed:
                answer["Allow"] = allowed
            return answer
        return response
