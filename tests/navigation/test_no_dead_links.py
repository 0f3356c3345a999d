"""No link leads to a refusal (issue 13.8): every link on every page a role reaches answers below
400 for that role. A partner was offered a link to a page that then answered 403.

The walk starts at the community home and follows every link inside the site (one page per URL
shape, so /requests/1/ and /requests/2/ count once), as each role of the world.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

import pytest
from django.test import Client

from tests.security.world import VIEWER_ROLES

MAX_PAGES = 120
SKIP = ("/accounts/logout", "/logout", "/i18n/", "/static/", "/media/", "/beheer/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def links_of(html: str, here: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.links:
        href, _fragment = urldefrag(href)
        parsed = urlparse(href)
        if parsed.scheme or parsed.netloc or not href or href.startswith(("mailto:", "tel:")):
            continue
        if not href.startswith("/"):
            href = here.rsplit("/", 1)[0] + "/" + href
        if not href.startswith(SKIP):
            found.append(href)
    return found


def shape(url: str) -> str:
    return re.sub(r"\d+", "N", url.split("?")[0])


def walk(client: Client, start: str) -> list[str]:
    """Follow links breadth first; return "url (status) from page" for every refused link."""
    seen, queue, bad = {shape(start)}, deque([(start, "start")]), []
    pages = 0
    while queue and pages < MAX_PAGES:
        url, source = queue.popleft()
        response = client.get(url)
        pages += 1
        if response.status_code >= 400:
            bad.append(f"{url} ({response.status_code}) linked from {source}")
            continue
        if response.status_code >= 300 or "html" not in response.get("Content-Type", ""):
            continue
        for link in links_of(response.content.decode(errors="ignore"), url):
            if shape(link) not in seen:
                seen.add(shape(link))
                queue.append((link, url))
    return bad


@pytest.mark.parametrize("role", [*VIEWER_ROLES, "coordinator"])
def test_every_link_a_role_is_shown_opens_for_that_role(world, role):
    person = world.coordinator if role == "coordinator" else world.viewers[role]
    client = Client()
    client.force_login(person.user)
    bad = walk(client, f"/c/{world.community.slug}/")
    assert not bad, f"{role} is offered links that refuse them:\n" + "\n".join(bad)
