"""The desk finds callers by phone number in the database (Person.phone_digits, issue 16), never by
reading every resident with a phone into Python; the digits follow every write of the number."""

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naober.communities.context import resolve_actor
from naober.desk import selectors
from naober.desk.services import record_incoming_call
from naober.people.models import Person
from naober.people.phone import normalise
from naober.people.services import update_person
from naober.privacy.erasure import erase

fill_migration = importlib.import_module("naober.people.migrations.0003_person_phone_digits")


@pytest.fixture
def desk(community, members):
    return resolve_actor(members["coordinator"].user, community.slug)


def test_the_digits_follow_the_number_on_create_update_and_erasure(community, members, desk):
    person = Person.objects.create(community=community, name="Truus", phone="+31 6-12 34 56 78")
    assert person.phone_digits == "0612345678"
    update_person(desk, person, {"phone": "0528 123 456"})
    assert Person.objects.get(pk=person.pk).phone_digits == "0528123456"
    person.phone = "06 99 88 77 66"
    person.save(update_fields=["phone"])
    assert Person.objects.get(pk=person.pk).phone_digits == "0699887766"
    erase(resolve_actor(members["admin"].user, community.slug), person)
    assert Person.objects.get(pk=person.pk).phone_digits == ""


@pytest.mark.parametrize(
    "typed", ["0698765432", "06-98 76 54 32", "+31 6 98 76 54 32", "069876", "765432", "7654 32"]
)
def test_a_whole_number_its_start_or_its_end_finds_the_caller(community, desk, typed):
    caller = Person.objects.create(community=community, name="Truus", phone="06-98765432")
    Person.objects.create(community=community, name="Kees", phone="0528 999 999")
    assert selectors.find_callers(desk, typed) == [caller]


def test_the_search_is_one_query_however_many_residents_have_a_phone(community, desk):
    Person.objects.bulk_create(
        Person(community=community, name=f"Bewoner {n}", phone_digits=f"0620{n:06d}")
        for n in range(300)
    )
    with CaptureQueriesContext(connection) as queries:
        found = selectors.find_callers(desk, "0620000123")
    assert [p.name for p in found] == ["Bewoner 123"]
    assert len(queries) == 1
    assert "phone_digits" in queries[0]["sql"]
    assert len(selectors.find_callers(desk, "062000")) == 20  # at most 20 on the page


@pytest.mark.parametrize(
    "typed",
    ["\x00061234\x00", "0" * 5000, "٠٦١٢٣٤٥٦٧٨", "06%1234_", "'; DROP TABLE people_person; --", ""],
)
def test_bad_input_never_fails(community, members, page_as, desk, typed):
    Person.objects.create(community=community, name="Truus", phone="06-98765432")
    found = selectors.callers_by_number(desk, typed)
    assert all(normalise(typed) in p.phone_digits for p in found)
    response = page_as(members["coordinator"]).get("/c/wijk/desk/caller/", {"q": typed})
    assert response.status_code in (200, 400)  # NUL is refused before the view


def test_wildcards_in_the_number_are_plain_digits(community, desk):
    Person.objects.create(community=community, name="Truus", phone="06-98765432")
    assert [p.name for p in selectors.callers_by_number(desk, "06%9876_5")] == ["Truus"]
    assert [p.name for p in selectors.callers_by_number(desk, "0_98765")] == []


def test_an_incoming_call_is_matched_by_the_exact_digits(community, members):
    caller = Person.objects.create(community=community, name="Truus", phone="0528-123456")
    Person.objects.create(community=community, name="Kees", phone="0528-1234567")
    call = record_incoming_call(community, provider_id="x-1", number="+31 528 123 456")
    assert call.person == caller


def test_the_migration_fills_the_digits_as_the_model_does():
    for typed in ("06-12 34 56 78", "+31 6 12345678", "0031 (6) 1234 5678", "", "31612345678"):
        assert fill_migration.digits(typed) == normalise(typed)
