"""The exchange's calls into other apps, in one place.

Notify sits below the exchange and is imported. The apps above it may not be imported (the layer
order in pyproject.toml), so each one registers what the exchange needs from it in its
AppConfig.ready(), as naober.people.access's joins do:

- the social map (directory): recording an outgoing referral;
- matchmaking: the ranked suggestions of helpers, and who may change the wish about the helper;
- volunteering: the state of a helper's certificate of conduct (VOG);
- the desk: the call-backs that are due (one of the workbench's queues).

The exchange calls the functions below, never the other apps; tests patch them.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from naober.notify import services as notify_services

#: What the apps above provide, by name, and which app registers it.
PROVIDERS = {
    "refer_request": "naober.directory",
    "suggestions": "naober.matchmaking",
    "may_change_wish": "naober.matchmaking",
    "vog_concern": "naober.volunteering",
    "callbacks_due": "naober.desk",
}

_registered: dict[str, Callable] = {}


def register(**functions: Callable) -> None:
    """Name the functions an app provides, e.g. register(suggestions=ranking.suggestions)."""
    unknown = set(functions) - set(PROVIDERS)
    if unknown:
        raise ImproperlyConfigured(f"the exchange asks for no {', '.join(sorted(unknown))}")
    _registered.update(functions)


def _provided(name: str) -> Callable:
    try:
        return _registered[name]
    except KeyError:
        raise ImproperlyConfigured(f"no app registered {name} ({PROVIDERS[name]} does)") from None


def notify(person, event: str, context: dict, *, key: str = "") -> None:
    """Tell `person` about `event`, inside the caller's transaction: the message is logged with
    the change that causes it (the outbox), and delivered only once that change has committed."""
    if person is None:
        return
    notify_services.notify(person, event, context, key=key)


def refer(actor, help_request, note: str = ""):
    """Record an outgoing referral for a request that neighbours cannot help with."""
    return _provided("refer_request")(actor, help_request, note=note)


def suggestions(actor, help_request, limit: int) -> list:
    """The best `limit` helpers for an open request, best first, each with `offer`, `person`,
    `score` and `reasons` (permission: MANAGE_EXCHANGE)."""
    return _provided("suggestions")(actor, help_request, limit=limit)


def may_change_wish(actor, help_request) -> bool:
    """Whether `actor` may change the request's wish about the helper."""
    return _provided("may_change_wish")(actor, help_request)


def vog_concern(community, person) -> str:
    """The helper's certificate of conduct: "missing", "expired", or "" when a valid one is on
    record."""
    return _provided("vog_concern")(community, person)


def callbacks_due(actor):
    """The open call-backs due today or earlier, oldest first, as a queryset (the workbench counts
    and pages it in the database)."""
    return _provided("callbacks_due")(actor)
