"""Small builders for test data: readable tests without a fixture library."""

import json
from itertools import count

from django.contrib.auth import get_user_model
from django.test import Client

from naober.api.models import ApiToken
from naober.communities.models import Area, AreaKind, Membership
from naober.communities.services import add_area, create_community
from naober.people.models import Person

_numbers = count(1)


def make_community(slug: str, name: str, *, streets=("Dorpsstraat", "Kerkstraat")):
    community = create_community(slug=slug, name=name, municipality="Hoogeveen")
    root = community.areas.get(parent=None)
    district = add_area(community, root, AreaKind.DISTRICT, "Zuid")
    hood = add_area(community, district, AreaKind.NEIGHBOURHOOD, "Krakeel")
    for street in streets:
        add_area(community, hood, AreaKind.STREET, street)
    return community


def street(community, name: str = "Dorpsstraat") -> Area:
    return community.areas.get(name=name)


def make_person(
    community, *roles: str, login: bool = True, name: str | None = None, **fields
) -> Person:
    """A person with these roles (default: resident) and, unless login=False, a user account."""
    number = next(_numbers)
    user = None
    if login:
        user = get_user_model().objects.create_user(
            username=f"user{number}", password="geheim-wachtwoord"
        )
    defaults = {
        "name": name or f"Persoon{number} Achternaam",
        "phone": f"06 1234{number:04d}",
        "email": f"persoon{number}@voorbeeld.nl",
        "address": f"Dorpsstraat {number}",
        "area": street(community),
        "digital": True,
    }
    defaults.update(fields)
    person = Person.objects.create(community=community, user=user, **defaults)
    for role in roles or ("resident",):
        Membership.objects.create(person=person, role=role)
    return person


class ApiClient:
    """Django's test client speaking JSON, optionally with a bearer token."""

    def __init__(self):
        self.client = Client()
        self.token = None

    def login(self, person) -> "ApiClient":
        _, self.token = ApiToken.issue(person.user)
        return self

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, **params):
        return self.client.get(f"/api/v1/{path}", params, **self._headers())

    def post(self, path, data=None, raw: str | None = None):
        body = raw if raw is not None else json.dumps(data if data is not None else {})
        return self.client.post(
            f"/api/v1/{path}", body, content_type="application/json", **self._headers()
        )

    def patch(self, path, data):
        return self.client.patch(
            f"/api/v1/{path}", json.dumps(data), content_type="application/json", **self._headers()
        )

    def delete(self, path):
        return self.client.delete(f"/api/v1/{path}", **self._headers())
