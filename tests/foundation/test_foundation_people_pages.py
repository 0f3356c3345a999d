"""The people list in pages of 50, read from the database without counting everyone (issue 16):
the same queries for 60 residents as for 600, and a next page while there are more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naober.base.window import window
from naober.people.models import Person


def add(community, count: int, start: int = 0) -> None:
    Person.objects.bulk_create(
        Person(community=community, name=f"Bewoner {n:04d}", reachable_via_coordinator=True)
        for n in range(start, start + count)
    )


def test_fifty_a_page_with_next_and_previous(community, members, browser_as):
    add(community, 120)
    client = browser_as(members["coordinator"])
    first = client.get("/c/wijk/people/").content.decode()
    assert "Bewoner 0049" in first and "Bewoner 0050" not in first and "page=2" in first
    second = client.get("/c/wijk/people/", {"q": "Bewoner", "page": "2"}).content.decode()
    assert "Bewoner 0050" in second and "Bewoner 0049" not in second
    assert "q=Bewoner&amp;page=1" in second and "q=Bewoner&amp;page=3" in second
    last = client.get("/c/wijk/people/", {"q": "Bewoner", "page": "3"}).content.decode()
    assert "Bewoner 0119" in last and "page=4" not in last


def test_no_count_and_the_same_queries_however_many_people(community, members, browser_as):
    client = browser_as(members["coordinator"])
    add(community, 60)
    client.get("/c/wijk/people/")
    with CaptureQueriesContext(connection) as few:
        client.get("/c/wijk/people/")
    add(community, 600, start=60)
    with CaptureQueriesContext(connection) as many:
        client.get("/c/wijk/people/")
    assert len(few) == len(many)
    assert not [q for q in many if "COUNT(" in q["sql"].upper() and "people_person" in q["sql"]]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1e9", "99999999999999999999", "\u0663", ""])
def test_a_wrong_page_number_shows_a_page(community, members, browser_as, page):
    add(community, 3)
    response = browser_as(members["coordinator"]).get("/c/wijk/people/", {"page": page})
    assert response.status_code == 200


def test_a_window_reads_one_row_more_than_it_shows(community):
    add(community, 5)
    rows = Person.objects.filter(community=community).order_by("name")
    page = window(rows, "2", 2)
    assert [p.name for p in page.items] == ["Bewoner 0002", "Bewoner 0003"]
    assert page.has_next and page.has_previous
    assert not window(rows, "3", 2).has_next
    assert window(rows, "99999999999999999999", 2).number == 1000
