"""Every display of another person's contact details or visit notes leaves an audit entry, one per
person shown (issue 12.6).

The walk opens every page of `naober.urls` and every GET operation of the OpenAPI document as a
coordinator (who may see everything) and as the helper of a match (who sees the other side's
contact), reads which people's phone numbers, email or postal addresses, and which visit notes, the
answer shows, and checks that exactly those people got one "view" entry in the audit trail during
that request. A page or operation added tomorrow is checked without touching this test.
"""

import re

from django.test import Client

from naober.api.models import ApiToken
from naober.privacy.models import AuditAction, AuditEntry
from tests.security.openapi import load
from tests.security.probes import STAFF_ROLES, body_text, fill, id_choices, page_routes
from tests.security.test_security_api import path_values


def contact_index(community, viewer) -> dict[str, int]:
    """Each phone, email and address (6 characters or more) -> the person it belongs to: every
    person of the community except the viewer and the staff (whose phone and email are the desk's
    own contact point, printed in messages to residents)."""
    from naober.people.models import Person

    staff = set(
        Person.objects.filter(memberships__role__in=STAFF_ROLES).values_list("pk", flat=True)
    )
    index = {}
    for person in Person.objects.filter(community=community).exclude(pk=viewer.pk):
        for kind in ("phone", "email", "address"):
            value = getattr(person, kind).strip()
            if person.pk in staff and kind != "address":
                continue
            if len(value) >= 6:
                index[value] = person.pk
    for visit in _visits(community):
        # notes of a visit to the viewer themselves are their own data (their my-data page)
        if visit.person_id and visit.person_id != viewer.pk and len(visit.notes.strip()) >= 6:
            index[visit.notes.strip()] = visit.person_id
    return index


def _visits(community):
    from naober.outreach.models import HouseVisit

    return HouseVisit.objects.filter(community=community)


def shown_people(text: str, index: dict[str, int]) -> set[int]:
    if not index:
        return set()
    pattern = re.compile(
        r"(?<![\w@.])(?:"
        + "|".join(re.escape(v) for v in sorted(index, key=len, reverse=True))
        + r")(?![\w@])"
    )
    return {index[m.group(0)] for m in pattern.finditer(text)}


def audited(viewer, since: int) -> list[int]:
    return list(
        AuditEntry.objects.filter(pk__gt=since, actor=viewer, action=AuditAction.VIEW)
        .exclude(person=None)
        .values_list("person_id", flat=True)
    )


def last_entry() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def check(label: str, response, index, viewer, since) -> str:
    if response.status_code != 200:
        return ""
    import html

    shown = shown_people(html.unescape(body_text(response)), index)
    entries = audited(viewer, since)
    missing = shown - set(entries)
    doubled = {p for p in entries if entries.count(p) > 1 and p in shown}
    if missing or doubled:
        missing, doubled = sorted(missing), sorted(doubled)
        return f"{label}: shows {sorted(shown)}, not audited {missing}, twice {doubled}"
    return ""


def walk_pages(world, viewer) -> list[str]:
    client = Client()
    client.force_login(viewer.user)
    index = contact_index(world.community, viewer)
    problems = []
    for route, module in page_routes():
        if not route.startswith("c/"):
            continue
        for values in id_choices(route, module, world.community, variants=2):
            url = "/" + fill(route, {**values, "slug": world.community.slug})
            since = last_entry()
            problem = check(url, client.get(url), index, viewer, since)
            if problem:
                problems.append(problem)
    return problems


def walk_api(world, viewer) -> list[str]:
    _token, raw = ApiToken.issue(viewer.user)
    client, headers = Client(), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    index = contact_index(world.community, viewer)
    problems = []
    for op in load(client).operations():
        if op.method != "get" or not op.in_community:
            continue
        for pick in (0, 1):
            url = fill(op.path, path_values(op, world.community, slug="wijk", pick=pick))
            since = last_entry()
            problem = check(url, client.get(url, {"limit": 200}, **headers), index, viewer, since)
            if problem:
                problems.append(problem)
    return problems


def test_every_page_and_operation_audits_each_person_whose_contact_it_shows(worlds):
    wijk = worlds["wijk"]
    problems = walk_pages(wijk, wijk.coordinator) + walk_api(wijk, wijk.coordinator)
    assert not problems, "\n".join(problems)


def test_the_sides_of_a_match_are_audited_too(worlds):
    from naober.exchange.models import Match

    wijk = worlds["wijk"]
    match = Match.objects.filter(community=wijk.community, state__in=["accepted", "active"]).first()
    helper = match.helper
    if helper.user is None:
        from django.contrib.auth import get_user_model

        helper.user = get_user_model().objects.create_user(username="helper-audit", password="x")
        helper.save()
    problems = walk_pages(wijk, helper) + walk_api(wijk, helper)
    assert not problems, "\n".join(problems)


def test_the_walk_sees_an_unaudited_display(db):
    """The checker itself: a response showing a phone with no audit entry is a problem."""

    class Shown:
        status_code = 200
        streaming = False
        content = b"<p>Bel 06 12345678</p>"

    problem = check("x", Shown(), {"06 12345678": 7}, viewer=None, since=10**12)
    assert "not audited [7]" in problem
