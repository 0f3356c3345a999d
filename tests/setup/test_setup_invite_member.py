"""Inviting someone as a coordinator or volunteer in one step: name, e-mail, role, send.

The page registers the person with the role and invites them through the existing services; a
refusal anywhere stores nothing (no person, no role, no invitation, no message)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from naober.accounts.models import Invitation
from naober.communities.context import Actor
from naober.communities.models import Membership, Role
from naober.people.models import Person
from naober.setup.services import invite_member

pytestmark = pytest.mark.django_db


def _url(community) -> str:
    return f"/c/{community.slug}/people/invite/"


def _post(client, community, **data):
    form = {"name": "Karin Kok", "email": "karin@voorbeeld.nl", "phone": ""}
    form |= {"role": "coordinator", "via": "email"} | data
    return client.post(_url(community), form)


def test_an_administrator_invites_a_coordinator_in_one_step(members, page_as, community):
    client = page_as(members["admin"])
    response = _post(client, community)
    assert response.status_code == 302
    person = Person.objects.get(community=community, name="Karin Kok")
    assert set(person.memberships.values_list("role", flat=True)) == {Role.COORDINATOR}
    assert Invitation.objects.filter(person=person, via="email", used_at__isnull=True).exists()
    assert mail.outbox[-1].to == ["karin@voorbeeld.nl"]
    page = client.get(response["Location"]).content.decode()
    assert "Karin Kok is ingeschreven als coördinator en de uitnodiging is verstuurd." in page


def test_a_letter_is_shown_to_print_at_once(members, page_as, community):
    client = page_as(members["admin"])
    response = _post(client, community, email="", via="letter")
    assert "een e-mailadres of een postadres in" in response.content.decode()
    assert not Person.objects.filter(name="Karin Kok").exists()
    response = _post(client, community, email="", address="Kerkstraat 1", via="letter")
    assert 'class="code"' in response.content.decode()
    assert Invitation.objects.filter(person__name="Karin Kok", via="letter").exists()


def test_a_coordinator_is_offered_volunteer_only_and_cannot_make_a_coordinator(
    members, page_as, community
):
    client = page_as(members["coordinator"])
    page = client.get(_url(community)).content.decode()
    assert 'value="volunteer"' in page and 'value="coordinator"' not in page
    assert _post(client, community, role="volunteer").status_code == 302
    response = _post(client, community, name="Stiekem", role="coordinator")
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Person.objects.filter(name="Stiekem").exists()


def test_the_service_refuses_a_role_the_actor_may_not_give_and_stores_nothing(members, community):
    coordinator = members["coordinator"]
    actor = Actor(community=community, person=coordinator, roles=frozenset({Role.COORDINATOR}))
    with pytest.raises(ValidationError) as refused:
        invite_member(actor, {"name": "Stiekem", "email": "s@voorbeeld.nl"}, "admin", "email")
    assert "Alleen een beheerder kan deze rol geven." in str(refused.value)
    assert not Person.objects.filter(name="Stiekem").exists()
    assert not mail.outbox


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner", "funder"])
def test_members_without_the_right_do_not_find_the_page(members, page_as, community, role):
    assert page_as(members[role]).get(_url(community)).status_code == 404
    assert _post(page_as(members[role]), community).status_code == 404
    assert not Person.objects.filter(name="Karin Kok").exists()


def test_a_platform_administrator_who_is_no_member_finds_nothing(superuser, page_as, community):
    assert page_as(superuser).get(_url(community)).status_code == 404


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"name": ""}, "Dit veld is verplicht."),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ({"email": ""}, "Vul een e-mailadres in, of kies een sms of een brief."),
        ({"via": "sms"}, "Vul een mobiel nummer in voor de sms."),
        ({"via": "sms", "phone": "bel me"}, "cijfers"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(
    members, page_as, community, data, field_error
):
    before = (Person.objects.count(), Membership.objects.count(), Invitation.objects.count())
    response = _post(page_as(members["admin"]), community, **data)
    assert response.status_code == 200
    assert field_error in response.content.decode()
    after = (Person.objects.count(), Membership.objects.count(), Invitation.objects.count())
    assert after == before
    assert not mail.outbox


def test_a_mail_server_that_refuses_stores_nothing(members, page_as, community, settings):
    settings.EMAIL_BACKEND = "tests.setup.test_setup_invite_member.RefusingBackend"
    response = _post(page_as(members["admin"]), community)
    assert response.status_code == 200
    assert "Het bericht kon niet worden verstuurd" in response.content.decode()
    assert not Person.objects.filter(name="Karin Kok").exists()
    assert not Invitation.objects.filter(person__name="Karin Kok").exists()


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("refused")


def test_the_people_list_and_the_settings_lead_to_the_page(members, page_as, community):
    client = page_as(members["admin"])
    for path in ("people/", "settings/"):
        assert _url(community) in client.get(f"/c/{community.slug}/{path}").content.decode()
