"""No client input causes a 500 (issue 11): NUL bytes in every form of every page, junk `next`
values on every form that carries one, and null where a list belongs in every API body.

The forms are read from the pages themselves (as a coordinator of "wijk" sees them), and the API
operations from its OpenAPI document, so a form or endpoint added tomorrow is probed too.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.test import Client

from tests.security.openapi import BODY_METHODS, load
from tests.security.probes import fill
from tests.security.test_security_api import Caller, path_values, row_counts
from tests.security.test_security_pages import urls_for

NUL = "a\x00b"
JUNK_NEXT = [
    "abc",
    "login",
    "//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\\evil.example",
    "/c/wijk/\x00",
    "/c/%ED%A0%80",
    "/" + "x" * 5000,
]
TEXT_TYPES = {
    "text",
    "search",
    "email",
    "tel",
    "url",
    "password",
    "number",
    "date",
    "time",
    "datetime-local",
    "",
}


class Forms(HTMLParser):
    """The POST forms of a page: action and fields as a browser would send them untouched."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self.current = {"action": a.get("action") or "", "fields": {}, "text": []}
            self.forms.append(self.current)
        elif self.current is None or not a.get("name"):
            return
        elif tag == "input":
            kind = (a.get("type") or "").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.current["fields"].setdefault(a["name"], a.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.current["fields"][a["name"]] = a.get("value", "")
                if kind in TEXT_TYPES:
                    self.current["text"].append(a["name"])
        elif tag == "textarea":
            self.current["fields"][a["name"]] = ""
            self.current["text"].append(a["name"])
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and self.select not in self.current["fields"]:
            self.current["fields"][self.select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def leads_away(location: str) -> bool:
    """A redirect off the site: another host, another scheme, or a protocol-relative path."""
    parts = urlsplit(location)
    return bool(parts.scheme or parts.netloc) or location.startswith(("//", "/\\"))


def forms_of(client, url):
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = Forms()
    parser.feed(response.content.decode())
    return [(form["action"] or url, form) for form in parser.forms]


def coordinator_client(world) -> Client:
    client = Client()
    client.force_login(world.coordinator.user)
    return client


def test_a_nul_byte_in_any_form_field_is_refused_with_400_and_stores_nothing(worlds):
    client, problems, probed = coordinator_client(worlds["wijk"]), [], 0
    counts = row_counts()
    for _route, url in urls_for(worlds["wijk"]):
        for action, form in forms_of(client, url):
            for name in form["text"]:
                data = {**form["fields"], name: NUL}
                status = client.post(action, data).status_code
                probed += 1
                if status != 400:
                    problems.append(f"{action} {name}: {status}")
        after = row_counts()
        if after != counts:
            grown = sorted(label for label in after if after[label] != counts.get(label))
            problems.append(f"{url}: a refused post stored something in {grown}")
            counts = after
    assert probed > 50, "the walk found too few forms"
    assert not problems, "\n".join(problems)


def test_a_nul_byte_in_a_query_string_is_400_on_every_page(worlds):
    client, problems = coordinator_client(worlds["wijk"]), []
    for _route, url in urls_for(worlds["wijk"]):
        status = client.get(url, {"q": NUL}).status_code
        if status != 400:
            problems.append(f"{url}: {status}")
    assert not problems, "\n".join(problems)


def test_junk_next_values_never_cause_a_500_or_lead_away(worlds):
    client, problems, probed = coordinator_client(worlds["wijk"]), [], 0
    for _route, url in urls_for(worlds["wijk"]):
        for action, form in forms_of(client, url):
            if "next" not in form["fields"]:
                continue
            for junk in JUNK_NEXT:
                response = client.post(action, {**form["fields"], "next": junk})
                probed += 1
                where = response.get("Location", "")
                if response.status_code >= 500 or leads_away(where):
                    problems.append(f"{action} next={junk[:20]!r}: {response.status_code} {where}")
    assert probed, "no form with a next field was found"
    outside = (
        ("/accounts/login/", {"username": "x", "password": "y"}),
        ("/i18n/setlang/", {"language": "nl"}),
    )
    for junk in JUNK_NEXT:  # the login form and the language switch read `next` too
        for path, data in outside:
            response = Client().post(path, {**data, "next": junk})
            if response.status_code >= 500:
                problems.append(f"{path} next={junk[:20]!r}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_null_where_a_list_belongs_is_422_never_500(worlds):
    wijk = worlds["wijk"]
    document, caller, problems, probed = load(), Caller(wijk.coordinator), [], 0
    for op in document.operations():
        if op.method not in BODY_METHODS or not op.in_community:
            continue
        url = fill(op.path, path_values(op, wijk.community, slug="wijk", pick=2))
        example = document.example(op.body)
        for name, schema in document.properties(op.body).items():
            if document.kind_of(schema) != "array":
                continue
            status = caller.call(op.method, url, {**example, name: None}).status_code
            probed += 1
            if status >= 500 or (op.method == "patch" and status not in (403, 404, 422)):
                problems.append(f"{op} {name}=null: {status}")
    assert probed > 3
    assert not problems, "\n".join(problems)
