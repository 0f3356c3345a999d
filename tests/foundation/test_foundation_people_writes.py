"""The writes other apps make through people and communities (issue 14): registering a referred
person, giving roles, tying a login, filling in a confirmed contact detail; a consent's note over
its limit refused, not cut."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from naober.communities.memberships import add_roles
from naober.communities.permissions import Action
from naober.people.models import Consent, Person
from naober.people.services import (
    attach_login,
    fill_in_contact,
    record_consent,
    register_person,
)
from tests.exchange.helpers import actor_of
from tests.factories import make_person

pytestmark = pytest.mark.django_db

REFERRED = {"name": "Truus Kamp", "phone": "0528 123456"}


def roles_of(person) -> list[str]:
    return sorted(person.memberships.values_list("role", flat=True))


def test_a_partner_registers_the_person_they_refer_as_a_resident(community):
    partner = actor_of(make_person(community, "partner"))
    person = register_person(partner, REFERRED, heard_as=Action.REFER)
    assert person.community == community and person.user is None
    assert roles_of(person) == ["resident"]


@pytest.mark.parametrize("role", ["volunteer", "resident", "funder"])
def test_a_role_that_does_not_refer_registers_nobody_that_way(community, role):
    actor = actor_of(make_person(community, role))
    with pytest.raises(PermissionDenied):
        register_person(actor, REFERRED, heard_as=Action.REFER)
    assert not Person.objects.filter(name="Truus Kamp").exists()


def test_a_partner_registers_nobody_without_a_referral(community):
    partner = actor_of(make_person(community, "partner"))
    with pytest.raises(PermissionDenied):
        register_person(partner, REFERRED)
    with pytest.raises(PermissionDenied):  # a visit is no way in for this
        register_person(partner, REFERRED, heard_as=Action.RECORD_VISIT)
    assert not Person.objects.filter(name="Truus Kamp").exists()


def test_a_referred_person_gets_no_other_role(community):
    partner = actor_of(make_person(community, "partner"))
    with pytest.raises(ValueError):
        register_person(partner, REFERRED, ["volunteer"], heard_as=Action.REFER)


def test_add_roles_adds_only_what_is_missing(community):
    person = make_person(community, "resident")
    assert add_roles(person, ["resident", "volunteer", "volunteer"]) == ["volunteer"]
    assert add_roles(person, ["volunteer"]) == []
    assert roles_of(person) == ["resident", "volunteer"]
    with pytest.raises(ValueError):
        add_roles(person, ["king"])


def test_attach_login_ties_the_login(community, django_user_model):
    person = make_person(community, "resident", login=False)
    user = django_user_model.objects.create_user("nieuw", password="x")
    attach_login(person, user)
    person.refresh_from_db()
    assert person.user == user


def test_fill_in_contact_fills_only_what_is_empty(community):
    person = make_person(community, "resident")
    Person.objects.filter(pk=person.pk).update(email="oud@example.nl", phone="")
    person = fill_in_contact(person, email="nieuw@example.nl", phone="06 12345678")
    person.refresh_from_db()
    assert (person.email, person.phone, person.phone_digits) == (
        "oud@example.nl",
        "06 12345678",
        "0612345678",
    )


def test_a_consent_note_over_its_limit_is_refused_not_cut(community):
    coordinator = actor_of(make_person(community, "coordinator"))
    person = make_person(community, "resident")
    with pytest.raises(ValidationError) as refused:
        record_consent(
            coordinator, person, purpose="contact", granted=True, method="spoken", note="x" * 201
        )
    assert refused.value.message_dict["note"] == ["Gebruik hooguit 200 tekens (nu 201)."]
    assert not Consent.objects.filter(person=person).exists()
