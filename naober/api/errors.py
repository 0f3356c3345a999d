"""One error format for the whole API: {"detail": <human text>, "code": <machine code>}.

Every exception a client can provoke is turned into a 4xx here, so that no input ever yields a 500.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.errors import AuthenticationError, HttpError, ValidationError

from naober.base import errors as domain


class ApiError(Exception):
    """Raise from an API handler to answer with a specific status and code. Services raise the
    domain's errors (naober.base.errors) instead; they are mapped below."""

    def __init__(self, status: int, code: str, detail: str):
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


# The status each domain refusal answers with; the first class that matches wins.
DOMAIN_STATUS = (
    (domain.NotAllowed, 403),
    (domain.Conflict, 409),
    (domain.RateLimited, 429),
    (domain.DomainError, 400),
)


def status_of(error: domain.DomainError) -> int:
    """The HTTP status of a domain refusal (see DOMAIN_STATUS)."""
    return next(status for cls, status in DOMAIN_STATUS if isinstance(error, cls))


def _body(detail: str, code: str, **extra) -> dict:
    return {"detail": str(detail), "code": code, **extra}


# Pydantic's own messages are English ("Field required"); a client shows `msg` to a person, so
# it is said in the person's language by the error's type (`type` stays as the machine's word).
DATE = gettext_lazy("Give a date like 2026-03-31.")
DATETIME = gettext_lazy("Give a date and time like 2026-03-31T14:30:00+02:00.")
MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "string_type": gettext_lazy("Give a text."),
    "string_too_short": gettext_lazy("Give at least %(min_length)s characters."),
    "string_too_long": gettext_lazy("Give at most %(max_length)s characters."),
    "int_type": gettext_lazy("Give a whole number."),
    "int_parsing": gettext_lazy("Give a whole number."),
    "int_from_float": gettext_lazy("Give a whole number."),
    "float_type": gettext_lazy("Give a number."),
    "float_parsing": gettext_lazy("Give a number."),
    "bool_type": gettext_lazy("Give true or false."),
    "bool_parsing": gettext_lazy("Give true or false."),
    "greater_than": gettext_lazy("Give a number above %(gt)s."),
    "greater_than_equal": gettext_lazy("Give %(ge)s or more."),
    "less_than": gettext_lazy("Give a number below %(lt)s."),
    "less_than_equal": gettext_lazy("Give %(le)s or less."),
    "list_type": gettext_lazy("Give a list."),
    "too_short": gettext_lazy("Give at least %(min_length)s items."),
    "too_long": gettext_lazy("Give at most %(max_length)s items."),
    "dict_type": gettext_lazy("Give an object."),
    "model_type": gettext_lazy("Give an object."),
    "date_parsing": DATE,
    "date_from_datetime_parsing": DATE,
    "date_type": DATE,
    "datetime_parsing": DATETIME,
    "datetime_from_date_parsing": DATETIME,
    "datetime_type": DATETIME,
    "time_parsing": gettext_lazy("Give a time like 14:30."),
    "time_type": gettext_lazy("Give a time like 14:30."),
    "enum": gettext_lazy("Choose one of: %(expected)s."),
    "literal_error": gettext_lazy("Choose one of: %(expected)s."),
    "extra_forbidden": gettext_lazy("This field does not exist."),
    "json_invalid": gettext_lazy("This is not valid JSON."),
}
UNKNOWN = gettext_lazy("This value is not valid.")


def _message(error: dict) -> str:
    template = MESSAGES.get(error.get("type"), UNKNOWN)
    context = {key: str(value)[:100] for key, value in (error.get("ctx") or {}).items()}
    if "expected" in context:  # pydantic joins the choices with an English "or"
        context["expected"] = context["expected"].replace(" or ", ", ")
    try:
        return str(template) % context
    except (KeyError, TypeError, ValueError):
        return str(UNKNOWN)


def _clean_errors(errors: list) -> list[dict]:
    """Pydantic errors without the raw input (an error must never echo huge or odd strings
    back), with a message in the caller's language."""
    cleaned = []
    for error in errors[:50]:
        loc = [str(part) for part in error.get("loc", [])][:6]
        cleaned.append({"loc": loc, "msg": _message(error)[:200], "type": error.get("type")})
    return cleaned


def install_error_handlers(api) -> None:
    def respond(request, status: int, body: dict):
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApiError)
    def on_api_error(request, exc: ApiError):
        return respond(request, exc.status, _body(exc.detail, exc.code))

    @api.exception_handler(domain.DomainError)
    def on_domain_error(request, exc: domain.DomainError):
        return respond(request, status_of(exc), _body(exc.message, exc.code))

    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc: ValidationError):
        return respond(
            request,
            422,
            _body(
                _("Some of the data is missing or not valid."),
                "invalid",
                errors=_clean_errors(exc.errors),
            ),
        )

    @api.exception_handler(DjangoValidationError)
    def on_model_validation_error(request, exc: DjangoValidationError):
        messages = exc.messages[:10]
        return respond(request, 422, _body(" ".join(messages), "invalid"))

    @api.exception_handler(AuthenticationError)
    def on_authentication_error(request, exc):
        return respond(request, 401, _body(_("Log in first: send a valid token."), "unauthorized"))

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        codes = {
            400: "bad_request",
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            405: "method_not_allowed",
            409: "conflict",
            429: "too_many_requests",
        }
        if exc.status_code == 400:
            detail = _("The request could not be read. Send valid JSON.")
        elif exc.status_code == 429:
            detail = _("Too many requests. Please wait a moment and try again.")
        else:
            detail = str(exc)
        return respond(request, exc.status_code, _body(detail, codes.get(exc.status_code, "error")))

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return respond(request, 404, _body(_("Not found."), "not_found"))

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request, exc):
        return respond(request, 403, _body(_("You are not allowed to do this."), "forbidden"))
