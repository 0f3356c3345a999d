"""Shared machinery of the probes: find every page and its ids, know every secret, spot leaks.

Nothing here knows a particular app: pages come from walking `naober.urls`, ids from matching a
URL parameter's name to a model ("walk_list_id" -> WalkList), secrets from the database. A page or
model added tomorrow is probed without touching these tests.
"""

import html
import re
from collections import deque
from urllib.parse import quote

from django.apps import apps
from django.db.models import ForeignKey, Model
from django.urls import URLPattern, URLResolver, get_resolver

# Parameter names that do not spell their model's name.
MODEL_ALIASES = {
    "request": "exchange.HelpRequest",
    "offer": "exchange.HelpOffer",
    "visit": "outreach.HouseVisit",
    "profile": "volunteering.VolunteerProfile",
    "tag": "people.PersonTag",  # the pages remove a person's tag by the PersonTag id
    "followup": "exchange.FollowUp",
    "join": "accounts.JoinRequest",  # the sign-up queue's approve and reject pages
}
PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>|\{(?P<api_name>[^}]+)\}")
ANY_ID = [1, 2, 999_999]  # for an id parameter whose model cannot be told from its name
ANY_TEXT = ["onbekend"]  # for a text parameter (a survey link's token, say)


# --- pages -----------------------------------------------------------------------------------


def page_routes() -> list[tuple[str, str]]:
    """(route, view module) of every page in `naober.urls`, the API and the admin left out."""
    found = []

    def walk(resolver, prefix):
        for item in resolver.url_patterns:
            route = prefix + str(item.pattern)
            if route.startswith(("api/", "beheer/")):
                continue
            if isinstance(item, URLResolver):
                walk(item, route)
            elif isinstance(item, URLPattern):
                found.append((route, getattr(item.callback, "__module__", "") or ""))

    walk(get_resolver("naober.urls"), "")
    return found


# --- ids by parameter name -------------------------------------------------------------------


def _camel_key(name: str) -> str:
    return name.replace("_", "").lower()


def model_for(param: str, near_module: str = "") -> type[Model] | None:
    """The model a `<x>_id` parameter points to; the view's own app wins a name clash."""
    stem = param.removesuffix("_id").removesuffix("id") if param.endswith("id") else None
    if not stem:
        return None
    if stem in MODEL_ALIASES:
        try:
            return apps.get_model(MODEL_ALIASES[stem])
        except LookupError:
            return None
    key = _camel_key(stem)
    models = apps.get_models()
    # "card_id" is an ImpactCard, "proposal_id" a BudgetProposal: the exact name, else a suffix.
    candidates = [m for m in models if m.__name__.lower() == key] or [
        m for m in models if m.__name__.lower().endswith(key)
    ]
    own_app = near_module.split(".")[1] if near_module.startswith("naober.") else ""
    candidates.sort(key=lambda m: m._meta.app_label != own_app)
    return candidates[0] if candidates else None


def community_path(model: type[Model]) -> str | None:
    """The ORM path from `model` to its Community ("community", "match__community", ...)."""
    queue = deque([(model, "", 0)])
    while queue:
        current, path, depth = queue.popleft()
        if current._meta.label == "communities.Community":
            return path.removesuffix("__")
        if depth == 5:
            continue
        for f in current._meta.get_fields():
            if isinstance(f, ForeignKey) and f.related_model is not current:
                queue.append((f.related_model, f"{path}{f.name}__", depth + 1))
    return None


def ids_of(model, community, limit: int = 3) -> list[int]:
    """A few ids of `model` in this community: the first, one from the middle and the last."""
    path = community_path(model) if model is not None else None
    if path is None:
        return []
    ids = list(
        model.objects.filter(**{path: community}).order_by("pk").values_list("pk", flat=True)
    )
    if len(ids) <= limit:
        return ids
    return [ids[0], ids[-1], ids[len(ids) // 2]][:limit]


def unknown_id_params(route: str, module: str) -> list[str]:
    """The id parameters of a route whose model (and so whose community) cannot be told."""
    return [
        name
        for name in params_of(route)
        if name.endswith("id") and community_path_of(model_for(name, module)) is None
    ]


def community_path_of(model) -> str | None:
    return community_path(model) if model is not None else None


def params_of(route: str) -> list[str]:
    return [m.group("name") or m.group("api_name") for m in PARAM.finditer(route)]


def fill(route: str, values: dict) -> str:
    """The route with each parameter replaced by its value (quoted for a URL)."""

    def replace(match):
        name = match.group("name") or match.group("api_name")
        return quote(str(values[name]), safe="")

    return PARAM.sub(replace, route)


def id_choices(route: str, module: str, community, *, variants: int = 3) -> list[dict]:
    """Parameter sets for a route: real ids of this community (up to `variants` for the first
    parameter), a few generic ids where the model is unknown, a word for text parameters."""
    params = [p for p in params_of(route) if p not in ("slug", "community")]
    base, first_options = {}, []
    for index, name in enumerate(params):
        if not name.endswith("id"):
            options = ANY_TEXT
        else:
            options = ids_of(model_for(name, module), community, variants) or ANY_ID[:variants]
        base[name] = options[0]
        if index == 0:
            first_options = options
    if not params:
        return [{}]
    return [{**base, params[0]: option} for option in first_options]


# --- secrets ---------------------------------------------------------------------------------

# Messages tell residents "questions? call the coordinator on 06 ...": a coordinator's phone and
# email are the project's contact point, not a resident's private data. Their address stays secret.
STAFF_ROLES = ("coordinator", "admin")
STAFF_CONTACT_SHOWN = ("phone", "email")
NOTE_FIELDS = (
    ("outreach.HouseVisit", "notes"),
    ("exchange.ContactLog", "note"),
    ("exchange.FollowUp", "notes"),
)


def _installed(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def secrets(viewer, *, allow: frozenset[str] = frozenset()) -> dict[str, str]:
    """Text a viewer must never see, mapped to what it is: other people's phone, email and address
    in every community, and visit, contact-log and follow-up notes. `allow` drops kinds
    ("address", "note") that a role may see by its task."""
    from naober.people.models import Person

    found = {}
    staff = set(
        Person.objects.filter(memberships__role__in=STAFF_ROLES).values_list("pk", flat=True)
    )
    for person in Person.objects.exclude(pk=viewer.pk).only("name", "phone", "email", "address"):
        for kind in ("phone", "email", "address"):
            value = getattr(person, kind).strip()
            own = getattr(viewer, kind).strip()
            if person.pk in staff and kind in STAFF_CONTACT_SHOWN:
                continue
            if kind not in allow and len(value) >= 6 and value != own:
                found[value] = f"{kind} of {person.name} (person {person.pk})"
    if "note" not in allow:
        for label, field_name in NOTE_FIELDS:
            model = _installed(label)
            if model is None:
                continue
            for pk, text in model.objects.exclude(**{field_name: ""}).values_list("pk", field_name):
                if len(text.strip()) >= 6:
                    found[text.strip()] = f"{label}.{field_name} #{pk}"
    return found


def secret_pattern(found: dict[str, str]) -> re.Pattern | None:
    """One regex for all secrets, raw and HTML-escaped, not as part of a longer word or number
    ("Geheimstraat 1" must not match inside "Geheimstraat 12")."""
    variants = set()
    for value in found:
        variants |= {value, html.escape(value), html.escape(value, quote=False)}
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w@.])(?:{alternatives})(?![\w@])")


def leaks(text: str, pattern: re.Pattern | None, found: dict[str, str]) -> list[str]:
    if pattern is None:
        return []
    hits = {html.unescape(m.group(0)) for m in pattern.finditer(text)}
    return sorted(f"{hit!r} ({found.get(hit, 'secret')})" for hit in hits)


def body_text(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    text = content.decode("utf-8", errors="ignore")
    # JSON escapes non-ASCII and may escape "/"; undo that so secrets match either way.
    return text.replace("\\/", "/")
