"""The words of the first day: whom the first invitations tell to ask, and the start page's name
for a community (the glossary's *buurthulpproject*; a *buurt* is an area inside one)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from naober.accounts.invitations import invite
from naober.communities.context import Actor
from naober.communities.models import Role
from naober.setup.services import appoint_administrator, invite_member
from tests.factories import make_community, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform(db):
    return get_user_model().objects.create_superuser(
        "platform", "platform@voorbeeld.nl", "Platform-geheim-2026"
    )


def test_the_first_administrators_mail_names_the_platform_administrator(platform):
    community = make_community("nieuw", "Buurthulp Nieuw")
    appoint_administrator(
        platform, community, {"name": "Bea", "email": "bea@voorbeeld.nl"}, "email"
    )
    body = mail.outbox[-1].body
    assert "Bel de coördinator" not in body
    assert "beheerder van het Naober-platform" in body
    assert "platform@voorbeeld.nl" in body


def test_her_first_coordinator_is_told_to_ask_her_while_there_is_no_help_desk(platform):
    community = make_community("nieuw", "Buurthulp Nieuw")
    bea = make_person(community, Role.ADMIN, name="Bea Beheer", phone="")
    actor = Actor(community=community, person=bea, roles=frozenset({Role.ADMIN}))
    invite_member(actor, {"name": "Karin", "email": "karin@voorbeeld.nl"}, "coordinator", "email")
    body = mail.outbox[-1].body
    assert "Vragen? Neem contact op met Bea Beheer, die u heeft uitgenodigd." in body
    assert "Bel de coördinator" not in body


def test_with_a_help_desk_number_everyone_is_told_to_call_it(community, members):
    community.phone = "0528 99 88 77"
    community.save()
    resident = make_person(community, login=False, name="Rik")
    admin = members["admin"]
    invite(resident, "email", Actor(community=community, person=admin, roles=frozenset({"admin"})))
    assert "Vragen? Bel de hulplijn op 0528 99 88 77." in mail.outbox[-1].body


def test_the_start_page_says_buurthulpproject_like_the_pages_behind_it(platform):
    page = Client().get("/").content.decode()
    assert "Er is nog geen buurthulpproject begonnen." in page
    assert "buurt begonnen" not in page
    make_community("nieuw", "Buurthulp Nieuw")
    page = Client().get("/").content.decode()
    assert "Buurthulpprojecten op Naober" in page and "Buurthulp Nieuw" in page
    client = Client()
    client.force_login(platform, backend="django.contrib.auth.backends.ModelBackend")
    assert "Nieuw buurthulpproject starten" in client.get("/").content.decode()
