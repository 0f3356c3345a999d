"""Which Naober apps contribute pages and API routers. One list, read by urls.py and the API."""

from importlib import import_module
from importlib.util import find_spec

FEATURE_APPS = [
    "people",
    "exchange",
    "directory",
    "notify",
    "outreach",
    "volunteering",
    "privacy",
    "matchmaking",
    "initiatives",
    "impact",
    "setup",
    "accounts",
    "desk",
    "reach",
    "doors",
]


def modules_named(name: str) -> list:
    """The `naober.<app>.<name>` modules that exist, in FEATURE_APPS order."""
    found = []
    for app in FEATURE_APPS:
        dotted = f"naober.{app}.{name}"
        if find_spec(dotted) is not None:
            found.append(import_module(dotted))
    return found
