"""Erasure closes what is open and leaves no copy of the person anywhere (issue 12.2).

The search walks every character, text and JSON column of every table in the database (raw SQL
over Django's app registry), so a table added later is searched without anyone remembering it.
"""

import json
import re
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.db import connection, models
from django.test import Client

from naober.communities.context import resolve_actor
from naober.exchange.models import HelpOffer, HelpRequest, Match
from naober.exchange.reports import summary
from naober.impact.figures import exchange_figures
from naober.notify.models import Message
from naober.privacy import erasure, subject
from naober.privacy.erasure import Traces
from tests.privacy import rich_resident as rich


@pytest.fixture
def data(community, django_capture_on_commit_callbacks):
    return rich.build(community)


def every_text_value():
    """(table, column, value) for every character, text and JSON column of every table."""
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            for f in model._meta.concrete_fields:
                if not isinstance(f, models.CharField | models.TextField | models.JSONField):
                    continue
                column = connection.ops.quote_name(f.column)
                cursor.execute(f"SELECT {column} FROM {connection.ops.quote_name(table)}")  # noqa: S608
                for (value,) in cursor.fetchall():
                    if value is not None:
                        text = value if isinstance(value, str) else json.dumps(value)
                        yield table, f.column, text


PHONE_DIGITS = re.sub(r"\D", "", rich.PHONE).lstrip("0")


def has_phone(text: str) -> bool:
    """Any run of digits and separators that ends in the phone number's digits."""
    runs = re.findall(r"[+0-9][0-9 .()-]{6,}[0-9]", text)
    return any(re.sub(r"\D", "", run).endswith(PHONE_DIGITS) for run in runs)


def traces_in(text: str) -> list[str]:
    lowered = text.lower()
    hits = [
        needle
        for needle in (rich.NAME, rich.EMAIL, rich.ADDRESS, rich.STREET)
        if re.search(rf"(?<![0-9a-z]){re.escape(needle.lower())}(?![0-9a-z])", lowered)
    ]
    return hits + (["phone"] if has_phone(text) else [])


def traces_left() -> list[tuple[str, str, str]]:
    return [
        (table, column, hit)
        for table, column, text in every_text_value()
        for hit in traces_in(text)
    ]


def figures(coordinator):
    actor = resolve_actor(coordinator.user, "wijk")
    start, end = date.today() - timedelta(days=365), date.today()
    counts = summary(actor, start, end)
    for by_state in ("requests_by_status", "matches_by_state"):
        counts.pop(by_state)  # closing what is open moves these, as it should
    return counts, exchange_figures(actor.community, start, end)


def erase(data, django_capture_on_commit_callbacks):
    actor = resolve_actor(data.coordinator.user, "wijk")
    with django_capture_on_commit_callbacks(execute=True):
        erasure.erase(actor, data.subject)


def test_the_rich_data_really_holds_every_trace(data):
    kinds = {hit for _t, _c, hit in traces_left()}
    assert kinds == {rich.NAME, rich.EMAIL, rich.ADDRESS, rich.STREET, "phone"}


def test_no_table_keeps_the_name_phone_email_or_address(data, django_capture_on_commit_callbacks):
    erase(data, django_capture_on_commit_callbacks)
    assert traces_left() == []


def test_figures_stay_the_same(data, django_capture_on_commit_callbacks):
    before = figures(data.coordinator)
    erase(data, django_capture_on_commit_callbacks)
    assert figures(data.coordinator) == before


def test_open_business_is_closed_and_the_others_are_told(data, django_capture_on_commit_callbacks):
    erase(data, django_capture_on_commit_callbacks)
    assert HelpRequest.objects.get(pk=data.open_request.pk).status == "cancelled"
    assert not HelpRequest.objects.filter(requester=data.subject, status="open").exists()
    # Help that had begun ends as completed (it took place); a proposal is stopped.
    assert Match.objects.get(pk=data.open_match.pk).state == "completed"
    helper_match = Match.objects.get(pk=data.helper_match.pk)
    assert helper_match.state == "stopped"
    assert HelpRequest.objects.get(pk=helper_match.request_id).status == "open"  # the neighbour's
    assert not HelpOffer.objects.filter(helper=data.subject, available=True).exists()
    told = set(Message.objects.filter(event="match_stopped").values_list("person_id", flat=True))
    assert {data.helper.pk, data.neighbour.pk} <= told
    note = Message.objects.filter(person=data.coordinator, event="custom").first()
    assert note is not None and "V-1002" in note.body


def test_erased_request_is_off_the_public_page_workbench_and_plan(
    data, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(data.coordinator.user)
    pages = ("/c/wijk/", "/c/wijk/workbench/", "/c/wijk/workbench/plan/")
    assert "Boodschappen naar" in client.get("/c/wijk/workbench/").content.decode()
    erase(data, django_capture_on_commit_callbacks)
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Boodschappen naar" not in response.content.decode(), path


def test_the_helpers_export_keeps_no_copy(data, django_capture_on_commit_callbacks):
    erase(data, django_capture_on_commit_callbacks)
    helper = resolve_actor(data.helper.user, "wijk")
    text = json.dumps(subject.export(helper, data.helper), ensure_ascii=False)
    assert traces_in(text) == []


def test_a_neighbour_with_a_similar_address_keeps_theirs(data, django_capture_on_commit_callbacks):
    """Only whole values are removed: "Krakeelweg 12" must not touch "Krakeelweg 120"."""
    erase(data, django_capture_on_commit_callbacks)
    from naober.outreach.models import WalkEntry

    assert WalkEntry.objects.filter(address="Krakeelweg 120").exists()


def test_traces_match_the_phone_written_any_way():
    person = type("P", (), {})()
    person.name, person.email, person.address, person.phone = "A B", "", "", "06 9876 5432"
    person.user_id = None
    regex = re.compile(Traces.of(person).pattern(), re.IGNORECASE)
    for written in ("0698765432", "06-98765432", "+31 6 9876 5432", "06 98 76 54 32"):
        assert regex.search(f"bel {written} gauw"), written
    assert not regex.search("bel 0698765439 gauw")
