"""Geocoding people: the recorded demo streets, PDOK by setting, and the demo seed."""

import pytest

from naober.geocoding import PdokGeocoder
from naober.matchmaking.demo import seed_matchmaking
from naober.matchmaking.geocoders import configured_geocoder
from naober.matchmaking.models import PersonLocation
from naober.matchmaking.services import geocode_person
from tests.matchmaking.builders import make_person

pytestmark = pytest.mark.django_db


def test_recorded_streets_with_an_offset_per_house_number(community):
    geocoder = configured_geocoder()
    a = geocoder.geocode("Krakeelweg 17, Hoogeveen")
    b = geocoder.geocode("krakeelweg 18 hoogeveen")
    assert a and b and a != b and abs(a[0] - b[0]) < 50 and abs(a[1] - b[1]) < 50
    assert geocoder.geocode("Krakeelweg 17, Hoogeveen") == a  # deterministic
    assert geocoder.geocode("Nergensweg 1, Hoogeveen") is None


def test_geocode_person_keeps_and_removes_the_location(community):
    person = make_person(community, address="Krakeelweg 3")
    location = geocode_person(person)
    assert location is not None and location.source == "recorded"
    assert 200_000 < location.x < 260_000
    person.address = "Onbekend 1"
    person.save()
    assert geocode_person(person) is None
    assert not PersonLocation.objects.filter(person=person).exists()


def test_pdok_is_chosen_by_the_setting(settings):
    settings.GEOCODER = "pdok"
    assert isinstance(configured_geocoder(), PdokGeocoder)
    settings.GEOCODER = "carrier-pigeon"
    with pytest.raises(ValueError):
        configured_geocoder()


def test_demo_seed_geocodes_people(community):
    people = [make_person(community, address=f"Weidehof {n}") for n in range(1, 4)]
    make_person(community, address="")
    assert seed_matchmaking(community, people, rng=None) == 3
