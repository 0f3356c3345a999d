"""My data: a login without an e-mail address of its own shows no empty 'E-mailadres –' under
'Inloggen' (the person's address stands under their details; a resident read the empty second
one as "my e-mail address is missing")."""

import pytest
from django.test import Client

from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_no_empty_second_email_address(community):
    me = make_person(community, "resident", email="rika@voorbeeld.nl")
    assert not me.user.email
    client = Client()
    client.force_login(me.user)
    page = client.get("/c/wijk/my-data/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert page.count("E-mailadres") == 1 and "rika@voorbeeld.nl" in page
    me.user.email = "inlog@voorbeeld.nl"
    me.user.save()
    page = client.get("/c/wijk/my-data/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "inlog@voorbeeld.nl" in page
