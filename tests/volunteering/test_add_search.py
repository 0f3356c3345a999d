"""Adding a volunteer through a search, not a list of every resident (issue 16, city scale)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from naober.people.models import Person
from naober.volunteering.models import VolunteerProfile

URL = "/c/wijk/volunteers/"


@pytest.fixture
def client(community, person_factory):
    client = Client()
    client.force_login(person_factory(community, "coordinator", name="Carla Coördinator").user)
    return client


def residents(community, count):
    Person.objects.bulk_create(
        Person(community=community, name=f"Bewoner {n}") for n in range(count)
    )


def test_the_page_does_not_grow_with_the_residents(client, community):
    residents(community, 5)
    with CaptureQueriesContext(connection) as few:
        small = client.get(URL).content.decode()
    residents(community, 55)
    with CaptureQueriesContext(connection) as many:
        large = client.get(URL).content.decode()
    assert len(few) == len(many)
    assert "<option" not in large and "Bewoner" not in large
    assert abs(len(large) - len(small)) < 200


def test_search_choose_and_add(client, community, person_factory):
    wanted = person_factory(community, "resident", name="Henk Hofstede")
    page = client.get(URL, {"q": "hofst"}).content.decode()
    assert "Henk Hofstede" in page and f'name="person" value="{wanted.pk}"' in page
    page = client.get(URL, {"q": "hofst", "person": wanted.pk}).content.decode()
    assert f'name="new-person" value="{wanted.pk}"' in page
    response = client.post(URL, {"op": "new", "new-person": wanted.pk, "new-max_per_month": 3})
    profile = VolunteerProfile.objects.get(person=wanted)
    assert response.url == f"{URL}{profile.pk}/" and profile.max_per_month == 3
    page = client.get(URL, {"q": "hofst"}).content.decode()
    assert "al vrijwilliger" in page and f'value="{wanted.pk}"' not in page


def test_another_community_and_bad_input_store_nothing(
    client, community, other_community, person_factory
):
    stranger = person_factory(other_community, "resident", name="Sjaak Vreemd")
    assert "Sjaak Vreemd" not in client.get(URL, {"q": "Sjaak"}).content.decode()
    assert "Sjaak Vreemd" not in client.get(URL, {"person": stranger.pk}).content.decode()
    for bad in (stranger.pk, "abc", "", "99999999999999999999"):
        response = client.post(URL, {"op": "new", "new-person": bad, "new-max_per_month": 2})
        assert response.status_code == 200
        assert "Kies iemand van deze buurthulp." in response.content.decode()
    assert not VolunteerProfile.objects.exists()
