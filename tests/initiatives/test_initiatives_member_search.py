"""Choosing who does a task, and whose quote is on the impact card, in a city: a search by the
name neighbours know, never a select of every member; and nothing shown or found beyond that
public name and street (the core group are residents, not staff)."""

import pytest

from naober.communities.area_picker import LIST_ALL_UP_TO
from naober.communities.models import Membership
from naober.impact.forms import CardForm
from naober.initiatives.forms import TaskForm
from naober.people.models import Consent, Person
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteers(community):
    people = Person.objects.bulk_create(
        Person(community=community, name=f"Vrijwilliger{n:03d} Achternaam{n:03d}")
        for n in range(LIST_ALL_UP_TO + 5)
    )
    Membership.objects.bulk_create(Membership(person=p, role="volunteer") for p in people)
    return people


def _form(community, **data):
    return TaskForm(data or None, community=community)


def test_a_small_community_lists_its_members_by_public_name(community):
    make_person(community, "volunteer", name="Gerrit Kampman", public_name="Gerrit K.")
    html = str(_form(community)["responsible"])
    assert "Gerrit K." in html and "Kampman" not in html


def test_a_city_lists_no_one_and_finds_by_public_name(community, volunteers):
    html = str(_form(community)["responsible"])
    assert "Vrijwilliger001" not in html and 'name="responsible_search"' in html
    form = _form(community, description="Grond bestellen", responsible_search="Vrijwilliger007")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["responsible"] == volunteers[7]


def test_a_surname_or_a_full_name_finds_nobody(community, volunteers):
    """Only the first word of a name without a public name is public: the rest is not searched."""
    for typed in ("Achternaam007", "Vrijwilliger007 Achternaam007"):
        form = _form(community, description="Grond bestellen", responsible_search=typed)
        assert not form.is_valid() and form.errors["responsible"]


def test_a_resident_without_a_role_is_not_found(community, volunteers):
    make_person(community, name="Bewoner Zonderrol")
    form = _form(community, description="Grond bestellen", responsible_search="Bewoner")
    assert not form.is_valid()


def test_the_quote_chooser_offers_only_who_agreed_to_quotes(community):
    agreed = make_person(community, name="Anna Akkoord", public_name="Anna")
    refused = make_person(community, name="Bert Later", public_name="Bert")
    for person, granted in ((agreed, True), (refused, True), (refused, False)):
        Consent.objects.create(person=person, purpose="media", granted=granted, method="spoken")
    make_person(community, name="Cees Nooitgevraagd", public_name="Cees")
    html = str(CardForm(community=community)["quote_person"])
    assert ">Anna<" in html or ">Anna," in html
    assert "Bert" not in html and "Cees" not in html and "Akkoord" not in html
