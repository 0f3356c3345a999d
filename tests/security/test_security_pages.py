"""Walk every page of the site as every kind of visitor (issues 2 and 7).

The pages come from `naober.urls`, so a page an engineer adds tomorrow is walked too. For each
page, with real ids of the community "wijk" filled in:

- nobody gets a 500;
- an anonymous visitor is sent to the login page, except on the public pages listed below;
- the coordinator of the other community ("elders") gets 404, as if "wijk" did not exist;
- a coordinator of "wijk" gets 404 for the ids of "elders";
- a resident, volunteer, partner, funder or core-group member never sees another resident's
  phone, email or address, nor visit, contact-log or follow-up notes (their own data is fine).
"""

from django.test import Client

from tests.security.probes import (
    body_text,
    fill,
    id_choices,
    ids_of,
    leaks,
    model_for,
    page_routes,
    params_of,
    secret_pattern,
    secrets,
    unknown_id_params,
)
from tests.security.world import VIEWER_ROLES

# Pages inside a community that anyone may open, with the reason. Their answer may be 200 or,
# for an unknown link, 404; never a login redirect and never a 500.
PUBLIC_PAGES = {
    "c/<slug:slug>/": "the community's front door: how to ask for help, by phone too",
    "c/<slug:slug>/survey/<str:token>/": "the anonymous survey link handed out on paper (impact)",
    "c/<slug:slug>/join/": "signing up (API.md: join is for anyone, no token)",
    "c/<slug:slug>/join/sent/": "after signing up: where the check code went",
    "c/<slug:slug>/join/verify/": "typing the check code of a sign-up",
    "c/<slug:slug>/antwoord/<str:token>/": "a call-out's no-login yes/no page (signed link, reach)",
    "c/<slug:slug>/doors/<slug:door>/": "a door without a login on the public page (issue 15.3)",
    "c/<slug:slug>/doors/<slug:door>/thanks/": "what happens next after using a door",
    "c/<slug:slug>/doors/talent/paper/": "the talent question on paper, to print and hand out",
}
PUBLIC_STATUSES = {200, 404}
# Public pages that may also refuse, with the reason: still never a login redirect nor a 500.
PUBLIC_REFUSALS = {
    "c/<slug:slug>/join/": {403},  # a community whose sign-up is closed says so (API.md: 403)
}
# What a role may see by its task, with the reason (kinds: "phone", "email", "address", "note").
ALLOWED_BY_ROLE = {
    "core_group": {
        "note": "the core group reads visit notes (VIEW_VISIT_NOTES) to triage signals",
        "address": "the core group plans walk lists (PLAN_VISITS): the walkers need the addresses",
    },
}
# Leaks found and not yet fixed: (role, route) -> where. Each must still fail (strict), so that a
# fix is noticed and the entry removed.
KNOWN_LEAKS: dict[tuple[str, str], str] = {}
# Views that only take POST answer a GET with 405 before they look at the community: harmless.
NO_DATA = {404, 405}
# A member may also be refused (403) by role before the id is looked up: that reveals nothing.
REFUSED = NO_DATA | {403}


def community_pages():
    return [(route, module) for route, module in page_routes() if route.startswith("c/")]


def urls_for(world, *, ids_from=None, variants: int = 1) -> list[tuple[str, str]]:
    """(route, url) for every community page, filled with ids of `ids_from` (default: the same
    community); `variants` rows per page (the first, the last and one in the middle)."""
    source = (ids_from or world).community
    urls = []
    for route, module in community_pages():
        for values in id_choices(route, module, source, variants=variants):
            urls.append((route, "/" + fill(route, {"slug": world.community.slug, **values})))
    return urls


def client_for(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def test_the_walk_and_its_leak_detector_work(worlds):
    """The probe itself: pages of every app, ids from real rows, a detector that sees secrets."""
    modules = {module.split(".")[1] for _route, module in community_pages()}
    assert {"people", "exchange", "directory", "notify", "outreach"} <= modules
    wijk = worlds["wijk"]
    urls = [url for _route, url in urls_for(wijk, variants=3)]
    request_ids = wijk.community.requests.order_by("pk").values_list("pk", flat=True)
    assert f"/c/wijk/requests/{request_ids.last()}/" in urls
    assert f"/c/wijk/requests/{request_ids.first()}/" in urls
    unknown = {route: unknown_id_params(route, module) for route, module in community_pages()}
    assert not {route: names for route, names in unknown.items() if names}, (
        "add these parameter names to MODEL_ALIASES in tests/security/probes.py"
    )
    # A coordinator's person page does show the secrets the detector looks for.
    resident = wijk.residents[0]
    found = secrets(wijk.viewers["resident"])
    response = client_for(wijk.coordinator).get(f"/c/wijk/people/{resident.pk}/")
    seen = leaks(body_text(response), secret_pattern(found), found)
    assert any(resident.phone in item for item in seen)
    assert any(resident.email in item for item in seen)


def test_no_page_fails_or_opens_for_an_anonymous_visitor(worlds):
    client, problems = Client(), []
    for route, url in urls_for(worlds["wijk"]):
        response = client.get(url)
        location = response.get("Location", "")
        if route in PUBLIC_PAGES:
            ok = response.status_code in PUBLIC_STATUSES | PUBLIC_REFUSALS.get(route, set())
        else:
            ok = response.status_code == 405 or (
                response.status_code == 302 and location.startswith("/accounts/login/")
            )
        if not ok:
            problems.append(f"{url}: {response.status_code} {response.get('Location', '')}")
    for route, _module in page_routes():
        if not route.startswith("c/") and "<" not in route:
            response = client.get("/" + route)
            # /readyz says "not ready" with 503 by design (no worker heartbeat in a test run).
            allowed = {503} if route == "readyz" else set()
            if response.status_code >= 500 and response.status_code not in allowed:
                problems.append(f"/{route}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_another_communitys_coordinator_gets_404_everywhere(worlds):
    client, problems = client_for(worlds["elders"].coordinator), []
    for route, url in urls_for(worlds["wijk"]):
        status = client.get(url).status_code
        expected = (
            PUBLIC_STATUSES | PUBLIC_REFUSALS.get(route, set())
            if route in PUBLIC_PAGES
            else NO_DATA
        )
        if status not in expected:
            problems.append(f"{url}: {status}")
    assert not problems, "\n".join(problems)


def test_a_coordinator_gets_404_for_the_ids_of_another_community(worlds):
    wijk = worlds["wijk"]
    client, problems = client_for(wijk.coordinator), []
    for route, url in urls_for(wijk, ids_from=worlds["elders"]):
        module = dict(community_pages())[route]
        id_params = [name for name in params_of(route) if name.endswith("id")]
        if not id_params or unknown_id_params(route, module):
            continue
        if not all(ids_of(model_for(n, module), worlds["elders"].community) for n in id_params):
            continue  # "elders" has no such row: the walk would fill in an id of "wijk"
        status = client.get(url).status_code
        if status not in REFUSED:
            problems.append(f"{url}: {status}")
    assert not problems, "\n".join(problems)


def test_a_coordinator_can_open_every_page_without_a_500(worlds):
    client, problems = client_for(worlds["wijk"].coordinator), []
    for _route, url in urls_for(worlds["wijk"], variants=2):
        status = client.get(url).status_code
        if status >= 500:
            problems.append(f"{url}: {status}")
    assert not problems, "\n".join(problems)


def test_no_page_shows_a_viewer_someone_elses_contact_details_or_notes(worlds):
    """One walk per role (in one test: the world is built once for all five)."""
    problems = []
    for role in VIEWER_ROLES:
        problems += [f"{role}: {problem}" for problem in walk_as_viewer(worlds["wijk"], role)]
    assert not problems, "\n".join(problems)


def walk_as_viewer(world, role: str) -> list[str]:
    viewer = world.viewers[role]
    found = secrets(viewer, allow=frozenset(ALLOWED_BY_ROLE.get(role, {})))
    pattern = secret_pattern(found)
    client, problems, leaking_routes = client_for(viewer), [], set()
    for route, url in urls_for(world, variants=2):
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
        elif response.status_code == 200:
            seen = leaks(body_text(response), pattern, found)
            if seen:
                leaking_routes.add(route)
                if (role, route) not in KNOWN_LEAKS:
                    problems.append(f"{url} shows {', '.join(seen[:5])}")
    fixed = {r for (known_role, r) in KNOWN_LEAKS if known_role == role} - leaking_routes
    return problems + [f"{route}: no longer leaks, remove it from KNOWN_LEAKS" for route in fixed]
