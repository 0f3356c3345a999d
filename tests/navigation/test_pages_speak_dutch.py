"""Every page a role reaches reads as plain Dutch (issue 13: "no English or raw values on a Dutch
page"): no True/False/None, no Python lists, no ISO dates, no English interface words, in the
text a person reads, including the words a screen reader reads out (aria-label, title, alt,
placeholder). The walk is the dead-link walk's: every link from the community home, one page
per URL shape, as each role."""

import re
from collections import deque
from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.navigation.test_no_dead_links import MAX_PAGES, links_of, shape
from tests.security.world import VIEWER_ROLES

READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
#: What gives a raw value or an untranslated string away. English words that Dutch never uses
#: as such (the language switch's own "English" aside).
TELLS = {
    "a raw value": re.compile(r"\b(True|False|None)\b|\[\s*'|\{\s*'"),
    "an ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    # Django's empty choice, "---------": say what to choose ("Kies een buurt", "nog niemand").
    "a row of dashes": re.compile(r"-{4,}"),
    "English": re.compile(
        r"\b(the|your|with|Save|Cancel|Submit|Delete|Search|Previous|Next|Request|Requests|"
        r"Volunteer|Coordinator|Welcome|Settings|Password|Username|Page)\b"
    ),
}


class _ReadText(HTMLParser):
    """The text of a page as a person meets it: content and read-out attributes, no code."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attributes = dict(attrs)
        if attributes.get("lang", "nl") != "nl":
            return  # the language switch says "English" in English, on purpose
        self.parts += [attributes[a] for a in READ_ATTRIBUTES if attributes.get(a)]

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def read_text(html: str) -> str:
    parser = _ReadText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def findings(url: str, html: str) -> list[str]:
    text = read_text(html)
    found = []
    for tell, pattern in TELLS.items():
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 40]
            found.append(f"{url}: {tell} «{match.group(0)}» in …{around}…")
    return found


def walk_pages(client: Client, start: str):
    """Yield (url, html) of every page reachable from `start`, one per URL shape."""
    seen, queue, pages = {shape(start)}, deque([start]), 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        pages += 1
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode(errors="ignore")
        yield url, html
        for link in links_of(html, url):
            if shape(link) not in seen:
                seen.add(shape(link))
                queue.append(link)


@pytest.mark.parametrize("role", [*VIEWER_ROLES, "coordinator"])
def test_every_page_a_role_reaches_reads_as_plain_dutch(world, role):
    person = world.coordinator if role == "coordinator" else world.viewers[role]
    client = Client()
    client.force_login(person.user)
    found = [
        line
        for url, html in walk_pages(client, f"/c/{world.community.slug}/")
        for line in findings(url, html)
    ]
    assert not found, f"{role} reads English or raw values:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "html,tell",
    [
        ("<p>Actief: True</p>", "a raw value"),
        ("<p>Talen: ['nl', 'en']</p>", "a raw value"),
        ("<p>Geboren 1946-05-14</p>", "an ISO date"),
        ('<a aria-label="Next page" href="?page=2">›</a>', "English"),
        ("<button>Save</button>", "English"),
    ],
)
def test_the_reader_catches_what_it_looks_for(html, tell):
    assert any(tell in line for line in findings("/x/", html))


def test_the_reader_ignores_code_the_language_switch_and_dutch():
    html = (
        '<script>if (x === None) {}</script><input type="date" value="2026-12-08">'
        '<button lang="en" title="Switch to English">English</button>'
        "<p>Volgende pagina. Opslaan. Helper: Gerrit, 8 december 2026.</p>"
    )
    assert findings("/x/", html) == []
