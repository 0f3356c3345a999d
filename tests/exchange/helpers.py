"""Builders for exchange tests: actors, requests, offers and matches in one line each."""

from unittest import mock

from naober.communities.context import resolve_actor
from naober.exchange import services
from naober.exchange.models import Category
from tests.factories import make_person


def actor_of(person):
    """The Actor of a person with a login, exactly as a page or the API resolves it."""
    return resolve_actor(person.user, person.community.slug)


def category(community, code="tuin") -> Category:
    return Category.objects.get(community=community, code=code)


def make_request(community, requester=None, *, code="tuin", **data):
    """A web request posted by a digital resident (so no mediation unless asked)."""
    requester = requester or make_person(community, "resident")
    fields = {"category": code, "title": "Heg knippen", "description": "Voor de winter"}
    fields.update(data)
    return services.create_request(actor_of(requester), fields)


def make_offer(community, helper=None, *, codes=("tuin",), **data):
    helper = helper or make_person(community, "volunteer")
    fields = {"categories": list(codes), "description": "Ik help graag in de tuin."}
    fields.update(data)
    return services.create_offer(actor_of(helper), fields)


def quiet_referrals():
    """Referrals call the directory app; tests of the exchange only check that it was asked."""
    return mock.patch("naober.exchange.integrations.refer")
