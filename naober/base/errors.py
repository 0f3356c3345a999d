"""Refusals of the domain: a translated message a person understands and a code a program checks.

Services raise these and know nothing of HTTP. Two places map them, each once: the API turns each
class into a status and its {"detail", "code"} body (naober/api/errors.py), and a page shows
`refusal(error)` as a message (a resident of 80 reads it, so the text is the service's own).

Bad input in a named field stays Django's ValidationError keyed by the field (422 in the API, the
message next to the field on a page); TooLong is such an error, for text over its limit: text is
refused with a clear message, never cut silently.

naober/base is no app with its own catalogue: every text here is a msgid the installed apps'
catalogues already translate (exchange, api, communities), so Dutch is complete without one.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class DomainError(Exception):
    """A rule of the domain refused the action.

    `message`: translated text for a person; `code`: a stable machine code ("request_taken").
    """

    default_code = "refused"
    default_message = gettext_lazy("That did not work. Please try again.")

    def __init__(self, message=None, code: str | None = None):
        self.message = str(message if message is not None else self.default_message)
        self.code = code or self.default_code
        super().__init__(self.message)


class NotAllowed(DomainError):
    """The rules forbid this for this person, here and now (API: 403)."""

    default_code = "forbidden"
    default_message = gettext_lazy("You are not allowed to do this.")


class Conflict(DomainError):
    """The row is not in a state that allows this, often because someone was first (API: 409)."""

    default_code = "conflict"
    default_message = gettext_lazy(
        "This step is not possible any more. The page now shows how things stand."
    )


class InvalidTransition(Conflict):
    """A step the state machine does not allow from the current state (API: 409
    "invalid_transition"). The one way every state machine reports a step that cannot be taken."""

    default_code = "invalid_transition"
    default_message = gettext_lazy(
        "This step is not possible any more. The page now shows how things stand."
    )


class RateLimited(DomainError):
    """Asked too often in a short time (API: 429)."""

    default_code = "rate_limited"
    default_message = gettext_lazy("Too many requests. Please wait a moment and try again.")


class TooLong(ValidationError):
    """Text over its limit, keyed by the field: `TooLong("title", 120, 131)`."""

    def __init__(self, field: str, limit: int, count: int):
        message = _("Use at most %(limit)s characters (now %(count)s).") % {
            "limit": limit,
            "count": count,
        }
        super().__init__({field: [message]})


def refusal(error: Exception) -> str:
    """What a page says when a service refused: the domain error's own message, the messages of
    a ValidationError, or a plain sentence for a permission refusal."""
    if isinstance(error, DomainError):
        return error.message
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, PermissionDenied):
        return _("You are not allowed to do this.")
    return _("That did not work. Please try again.")
