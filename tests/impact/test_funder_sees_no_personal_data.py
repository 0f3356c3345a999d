"""A funder sees aggregates only: walk EVERY URL pattern of the project (pages and API) as a
funder, with sample ids of real rows, and check that no 200 answer contains a resident's name,
phone, email, address, or free text written by or about residents."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from naober.api.models import ApiToken
from naober.impact.models import ImpactCard, Survey
from naober.impact.services import save_card
from naober.initiatives.models import Task
from naober.people.models import Consent
from tests.impact.builders import at, match_on, request_on
from tests.initiatives.helpers import actor_of, funded_initiative

pytestmark = pytest.mark.django_db
# The community home page is public by the foundation's design (anonymous visitors see it too):
# it shows first names and streets of open requests and offers. It is reported to the lead; here
# it is still checked for everything beyond a first name.
PUBLIC_PAGES = {"/c/wijk/"}
CONVERTER = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def walk(patterns, prefix=""):
    """Every route as a string with <converter:name> placeholders, in Django's path syntax."""
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def urls_for(route: str, ids: list[int], token: str) -> list[str]:
    if route.startswith("^") or "(?P" in route:
        return []  # regex routes: admin and static internals, covered by their own checks
    names = CONVERTER.findall(route)
    variants = [route]
    for conv, name in names:
        placeholder = f"<{conv + ':' if conv else ''}{name}>"
        if conv == "int" or name.endswith("_id"):
            values = [str(i) for i in ids]
        elif conv == "slug" or name in ("slug", "community"):
            values = ["wijk"]
        else:
            values = [token, "x"]
        variants = [v.replace(placeholder, value, 1) for v in variants for value in values]
    return ["/" + v for v in variants]


@pytest.fixture
def world(community, person_factory):
    resident = person_factory(
        community,
        "resident",
        name="Wilhelmina Zonneveld",
        phone="06 99887766",
        email="wilhelmina@geheim.nl",
        address="Geheimlaan 42",
    )
    helper = person_factory(
        community,
        "volunteer",
        name="Bartholomeus Kwakkelstein",
        phone="06 11223344",
        email="bart@geheim.nl",
        address="Verstopstraat 7",
    )
    core = person_factory(
        community,
        "core_group",
        "coordinator",
        name="Cornelia Kerngroep",
        phone="06 55443322",
        email="cornelia@geheim.nl",
        address="Kernweg 3",
    )
    Consent.objects.create(person=resident, purpose="media", granted=True, method="spoken")
    for day in range(1, 8):
        request = request_on(
            community,
            at(2026, 3, day),
            requester=resident,
            description="Wilhelmina heeft hulp nodig met de trap",
        )
        if day < 6:
            match_on(community, at(2026, 3, day), request, helper=helper)
    initiative, proposal, decision = funded_initiative(core)
    Task.objects.create(initiative=initiative, description="Schep kopen", responsible=resident)
    card = save_card(
        actor_of(core),
        {
            "title": "Buurttuin",
            "initiative": initiative,
            "period_start": date(2026, 1, 1),
            "period_end": date(2026, 12, 31),
            "quote": "Ik kom hier elke dag graag",
            "quote_person": resident,
            "contributions": ["cohesion"],
        },
    )
    survey = Survey.objects.create(community=community, title="Nulmeting")
    first_names = [p.display_name for p in (resident, helper, core)]
    secrets = [p.name for p in (resident, helper, core)]
    secrets += [p.name.split()[-1] for p in (resident, helper, core)]
    secrets += [p.phone for p in (resident, helper, core)] + [
        p.email for p in (resident, helper, core)
    ]
    secrets += [p.address for p in (resident, helper, core)]
    secrets += ["Wilhelmina heeft hulp nodig", "Ik kom hier elke dag graag"]
    # Ids of real rows of every kind: 1 and 2 hit the first requests, matches and offers.
    ids = sorted(
        {1, 2, resident.pk, helper.pk, initiative.pk, proposal.pk, decision.pk, card.pk, survey.pk}
    )
    return {
        "secrets": secrets,
        "first_names": first_names,
        "ids": ids,
        "token": survey.token,
        "card": card,
    }


def test_funder_walks_every_url_and_sees_no_personal_data(world, community, person_factory):
    funder = person_factory(community, "funder", name="Gemeente Hoogeveen")
    client = Client()
    client.force_login(funder.user)
    _token, raw = ApiToken.issue(funder.user)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    routes = list(walk(get_resolver().url_patterns))
    assert any("impact/" in r for r in routes) and any("people/" in r for r in routes)
    visited, ok = 0, []
    for route in routes:
        for url in urls_for(route, world["ids"], world["token"]):
            response = client.get(url, **headers)
            visited += 1
            if response.status_code != 200 or response.get("Content-Type", "").startswith(
                "application/pdf"
            ):
                continue
            ok.append(url)
            body = response.content.decode("utf-8", errors="replace")
            secrets = world["secrets"] + ([] if url in PUBLIC_PAGES else world["first_names"])
            leaked = [s for s in secrets if s in body]
            assert not leaked, f"{url} shows {leaked}"
    assert visited > 100
    assert "/c/wijk/impact/" in ok
    assert "/api/v1/c/wijk/impact/summary" in ok  # the API was walked with the funder's token
    assert f"/c/wijk/impact/cards/{world['card'].pk}/" in ok


def test_the_card_pdf_for_a_funder_has_no_quote(world, community, person_factory):
    funder = person_factory(community, "funder")
    client = Client()
    client.force_login(funder.user)
    page = client.get(f"/c/wijk/impact/cards/{world['card'].pk}/").content.decode()
    assert "Ik kom hier elke dag graag" not in page
    pdf = client.get(f"/c/wijk/impact/cards/{world['card'].pk}/card.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert ImpactCard.objects.count() == 1
