"""Registering someone with only an e-mail address: the preselected "phone call" follows suit.

An administrator entering her first coordinator (a name and an e-mail address) was refused with
"Vul een telefoonnummer in om gebeld te worden": the way to contact them stood on "telefoontje"
by default, which nobody had chosen.
"""

import pytest

from naober.people.models import ContactChannel, Person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "data,channel",
    [
        ({"email": "karin@voorbeeld.nl"}, ContactChannel.EMAIL),
        ({"address": "Kerkweg 2, Zuidwolde"}, ContactChannel.LETTER),
        ({"phone": "0528 123456", "email": "karin@voorbeeld.nl"}, ContactChannel.PHONE),
    ],
)
def test_the_default_channel_is_a_way_that_was_given(
    browser_as, community, person_factory, data, channel
):
    admin = person_factory(community, "admin")
    response = browser_as(admin).post(
        "/c/wijk/people/new/", {"name": "Karin Kok", "preferred_channel": "phone"} | data
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Person.objects.get(name="Karin Kok").preferred_channel == channel


def test_a_chosen_channel_is_never_changed(browser_as, community, person_factory):
    admin = person_factory(community, "admin")
    client = browser_as(admin)
    # The form is first shown with "phone" preselected; choosing "sms" without a number is refused.
    response = client.post(
        "/c/wijk/people/new/",
        {"name": "Karin Kok", "email": "karin@voorbeeld.nl", "preferred_channel": "sms"},
    )
    assert response.status_code == 200 and "phone" in response.context["form"].errors


def test_the_street_list_says_where_each_street_lies(browser_as, community, person_factory):
    """Not Django's "---------", and two villages' Kerkweg can be told apart."""
    from naober.communities.models import Area, AreaKind

    root = Area.objects.filter(community=community, parent=None).first()
    for village in ("Zuidwolde", "Linde"):
        place = Area.objects.create(
            community=community, parent=root, kind=AreaKind.VILLAGE, name=village
        )
        Area.objects.create(community=community, parent=place, kind=AreaKind.STREET, name="Kerkweg")
    html = browser_as(person_factory(community, "admin")).get("/c/wijk/people/new/")
    html = html.content.decode()
    assert "---------" not in html
    assert "Kerkweg (Zuidwolde)" in html and "Kerkweg (Linde)" in html
