"""Every route says what it needs, and answers every role as the role table says (issue 14.4).

Each app's `policy.py` maps its pages (URL names) and API operations ("GET /c/{community}/..."),
to an action of naober/communities/permissions.py, `OwnOr(action)` or an `Access` marker (see
naober/communities/policy.py). Here:

- a page or API operation without a declaration fails, and so does a declaration of a route that
  is gone: a route added tomorrow has to say who may open it;
- every declared route is requested as a resident, volunteer, coordinator, core-group member,
  partner, funder, administrator and anonymous visitor, with real ids of the security world's
  community "wijk": a role the table refuses gets 403 or 404 (anonymous: 401 on the API; the
  login page of every page that needs one is walked in test_security_pages.py), the least
  privileged role it allows gets neither (others as well, by the same table, in the other security
  walks), and an anonymous visitor of a page without login is not asked to log in. Pages
  are fetched with GET (a POST-only page is posted to by the refused roles only) and API writes
  are sent by the refused roles only, each in a transaction that is rolled back, so nothing is
  written. A route whose ids have no row in the
  world, or with a text parameter (a token, a category code), is checked for the refused only.

Another community's ids (404) are walked in test_security_pages.py and test_security_api.py.
"""

import json
from importlib import import_module
from importlib.util import find_spec

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from naober.api.api import api
from naober.communities.models import Role
from naober.communities.permissions import Action, is_allowed
from naober.communities.policy import Access, OwnOr
from tests.factories import ApiClient, make_person
from tests.security import openapi
from tests.security.probes import fill, id_choices, ids_of, model_for, params_of
from tests.security.world import build_world

# The module's world lives in one open transaction for all its tests. Under xdist a test of
# another module run on the same worker meanwhile would see it (a transactional test found the
# community "wijk" already there): the group keeps this module's tests together on one worker.
pytestmark = pytest.mark.xdist_group("route_actions_world")

# Least privileged first: a route is opened by the first role the table allows (rendering a page
# for every allowed role would cost minutes); every role the table refuses is tried.
ROLES = ("resident", "volunteer", "partner", "funder", "core_group", "coordinator", "admin")
DENIED = {403, 404}
# Markers whose routes are open to anybody, or guarded by something other than a login.
NO_LOGIN = {Access.PUBLIC, Access.SIGNED_LINK, Access.SIGNED_REQUEST, Access.OPERATOR}
WRITES = ("post", "put", "patch", "delete")
OPEN = "open"


def declarations() -> dict:
    """ROUTES of every app's policy module, merged; a key declared twice is a mistake."""
    found: dict = {}
    for config in apps.get_app_configs():
        dotted = f"{config.name}.policy"
        if not config.name.startswith("naober.") or find_spec(dotted) is None:
            continue
        routes = getattr(import_module(dotted), "ROUTES", {})
        twice = set(found) & set(routes)
        assert not twice, f"{dotted} declares routes another app declares: {sorted(twice)}"
        found.update(routes)
    return found


def pages() -> list[tuple[str, str, str]]:
    """(URL name, route, view module) of every page; the admin and the API are left out."""
    found = []

    def walk(resolver, prefix, namespaces):
        for item in resolver.url_patterns:
            route = prefix + str(item.pattern)
            if route.startswith(("api/", "beheer/")):
                continue
            if isinstance(item, URLResolver):
                walk(item, route, namespaces + ([item.namespace] if item.namespace else []))
            elif isinstance(item, URLPattern):
                name = ":".join([*namespaces, item.name or route])
                found.append((name, route, getattr(item.callback, "__module__", "") or ""))

    walk(get_resolver("naober.urls"), "", [])
    return found


def operations() -> list[tuple[str, str]]:
    """("METHOD /path", method) of every API operation, paths as in the routers."""
    found = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    full = "/" + "/".join(p.strip("/") for p in (prefix, path) if p.strip("/"))
                    found.append((f"{method} {full}", method.lower()))
    return found


def test_every_route_declares_what_it_needs():
    declared = declarations()
    routes = {name for name, _route, _module in pages()} | {key for key, _m in operations()}
    assert not sorted(routes - set(declared)), (
        "declare these routes in their app's policy.py: "
        + ", ".join(sorted(routes - set(declared)))
    )
    assert not sorted(set(declared) - routes), "no such route: " + ", ".join(
        sorted(set(declared) - routes)
    )
    actions = {req.action if isinstance(req, OwnOr) else req for req in declared.values()}
    assert actions <= set(Action) | set(Access)


# --- the walk ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wijk(django_db_setup, django_db_blocker):
    """The security world's community, plus an administrator, built once for this module."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world("wijk", "Buurthulp De Wijk", seed=1, residents=4)
        people = {"coordinator": world.coordinator, **world.viewers}
        people["admin"] = make_person(world.community, Role.ADMIN, name="Beheerder Wijk")
        world.people = {role: people[role] for role in ROLES}
        yield world
        transaction.set_rollback(True)


def allowed(requirement, roles: set[str] | None) -> bool | str | None:
    """Whether someone with these roles (None: not logged in) gets in; None: not decided here;
    OPEN: no login asked (the page itself may still say no: a closed sign-up, an unknown link)."""
    if requirement in NO_LOGIN:
        return None if roles is not None else OPEN
    if roles is None or requirement == Access.SUPERUSER:
        return False
    if requirement in (Access.LOGGED_IN, Access.MEMBER):
        return True
    action = requirement.action if isinstance(requirement, OwnOr) else requirement
    return is_allowed(roles, action)


def values_for(route: str, module: str, community) -> tuple[dict, bool]:
    """Ids of real rows for the route's parameters, and whether all of them are real rows."""
    names = [p for p in params_of(route) if p not in ("slug", "community")]
    real = all(
        name.endswith("id") and ids_of(model_for(name, module), community, 1) for name in names
    )
    return id_choices(route, module, community, variants=1)[0], real


def judge(label, expected, status, location, *, api_call: bool) -> str | None:
    if status >= 500:
        return f"{label}: {status}"
    if expected is None:
        return None
    to_login = (api_call and status == 401) or (
        status == 302 and location.startswith("/accounts/login/")
    )
    if expected == OPEN:
        return f"{label}: asks to log in" if to_login else None
    refused = status in DENIED or to_login
    if expected and refused:
        return f"{label}: refused ({status}) but the table allows it"
    if not expected and not refused:
        return f"{label}: {status} but the table refuses it"
    return None


def rolled_back(send):
    with transaction.atomic():
        response = send()
        transaction.set_rollback(True)
    return response


def roles_of(wijk) -> dict:
    """Each walker's roles (None: the anonymous visitor), in the order of ROLES."""
    roles = {
        role: set(p.memberships.values_list("role", flat=True)) for role, p in wijk.people.items()
    }
    return {None: None, **roles}


@pytest.mark.django_db
def test_every_page_answers_each_role_as_declared(wijk):
    declared, problems = declarations(), []
    clients = {None: Client()}
    for role, person in wijk.people.items():
        clients[role] = Client()
        clients[role].force_login(person.user)
    roles = roles_of(wijk)
    for name, route, module in pages():
        requirement = declared.get(name)
        if requirement is None or not route.startswith("c/") or requirement == Access.OPERATOR:
            continue
        values, real = values_for(route, module, wijk.community)
        url = "/" + fill(route, {"slug": wijk.community.slug, **values})
        opened = False
        for role, client in clients.items():
            expected = allowed(requirement, roles[role])
            if role is None and expected is False:
                continue  # the login redirect of every such page: test_security_pages.py
            if expected is True and (opened or not real):
                continue
            opened = opened or expected is True
            response = client.get(url)
            if response.status_code == 405:
                if expected is not False:
                    continue
                response = rolled_back(lambda c=client, u=url: c.post(u, {}))
            label = f"{role or 'anonymous'} {url} ({name})"
            found = judge(
                label, expected, response.status_code, response.get("Location", ""), api_call=False
            )
            if found:
                problems.append(found)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_every_api_operation_answers_each_role_as_declared(wijk):
    declared, problems = declarations(), []
    document = openapi.load()
    bodies = {
        f"{op.method.upper()} {op.path.removeprefix('/api/v1')}": op for op in document.operations()
    }
    clients = {None: ApiClient()}
    for role, person in wijk.people.items():
        clients[role] = ApiClient().login(person)
    roles = roles_of(wijk)
    for key, method in operations():
        requirement = declared.get(key)
        path = key.split(" ", 1)[1]
        if requirement is None or requirement in NO_LOGIN:
            continue
        values, real = values_for(path, "", wijk.community)
        url = "/api/v1" + fill(path, {"community": wijk.community.slug, **values})
        op = bodies.get(key)
        body = json.dumps(document.example(op.body) if op is not None and op.body else {})
        opened = False
        for role, client in clients.items():
            expected = allowed(requirement, roles[role])
            if expected and (method in WRITES or not real or opened):
                continue
            opened = opened or expected is True
            send = getattr(client.client, method)
            if method == "get":
                response = send(url, **client._headers())
            else:
                response = rolled_back(
                    lambda s=send, c=client, u=url, b=body: s(
                        u, b, content_type="application/json", **c._headers()
                    )
                )
            label = f"{role or 'anonymous'} {method.upper()} {url}"
            found = judge(label, expected, response.status_code, "", api_call=True)
            if found:
                problems.append(found)
    assert not problems, "\n".join(problems)
