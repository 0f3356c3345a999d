"""API of the exchange under /api/v1/c/{community}/: categories, requests, offers, matches,
suggestions, the contact log, follow-ups and the summary report (see shared/API.md).

Handlers parse and bound the input, then call a service or selector; permissions, rules and
privacy live there. Every id is bounded (1..2**62) and every string has a maximum length.

One router (`router`, in _common) carries the handlers of every module below; importing this package
registers them all, and naober/api mounts `naober.exchange.api.router`.
"""

# Importing each module registers its handlers on the one router; nothing else is taken from them.
from naober.exchange import category_api  # noqa: F401  (administrators' categories, same paths)
from naober.exchange.api import followups, matches, offers, requests  # noqa: F401
from naober.exchange.api._common import router

__all__ = ["router"]
