"""Call-backs have their own day: promised at the intake, asked for on the public page, done."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from naober.communities.context import Actor
from naober.desk import selectors, services
from naober.desk.models import Callback
from naober.exchange.models import HelpRequest
from tests.exchange.helpers import make_offer, make_request

URL = "/c/wijk/desk/intake/"


def actor_of(community, person):
    return Actor(
        community=community,
        person=person,
        roles=frozenset(person.memberships.values_list("role", flat=True)),
    )


def test_intake_call_back_lands_in_the_queue_on_its_day(
    community, members, person_factory, page_as
):
    caller = person_factory(community, name="Aaltje Hoekstra", login=False, digital=False)
    make_offer(community)
    client = page_as(members["coordinator"])
    client.post(
        f"{URL}?person={caller.pk}",
        {
            "step": "request",
            "category": "tuin",
            "title": "Heg",
            "urgency": "normal",
            "matching_consent": "yes",
        },
    )
    help_request = HelpRequest.objects.get(requester=caller)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.post(
        f"{URL}?request={help_request.pk}", {"step": "callback", "day": f"{tomorrow:%Y-%m-%d}"}
    )
    callback = Callback.objects.get(person=caller)
    assert callback.due_on == tomorrow and callback.request == help_request
    coordinator = actor_of(community, members["coordinator"])
    assert list(selectors.callbacks_due(coordinator)) == []
    assert list(selectors.callbacks_due(coordinator, tomorrow)) == [callback]
    page = client.get("/c/wijk/desk/callbacks/").content.decode()
    assert "Aaltje Hoekstra" not in page  # not due yet
    client.post(f"/c/wijk/desk/callbacks/{callback.pk}/done/")
    callback.refresh_from_db()
    assert callback.done_at is not None and callback.done_by == members["coordinator"]


def test_a_call_back_in_the_past_is_refused_and_stores_nothing(
    community, members, person_factory, page_as
):
    caller = person_factory(community, login=False)
    coordinator = actor_of(community, members["coordinator"])
    with pytest.raises(ValidationError):
        services.promise_callback(
            coordinator, person=caller, due_on=timezone.localdate() - datetime.timedelta(days=1)
        )
    assert not Callback.objects.exists()


def test_public_call_back_is_due_today_and_shown_with_its_number(community, members, page_as):
    services.ask_callback(
        community, name="Mevrouw Jansen", phone="06-12345678", good_time="na tienen"
    )
    page = page_as(members["coordinator"]).get("/c/wijk/desk/callbacks/", HTTP_ACCEPT_LANGUAGE="nl")
    text = page.content.decode()
    assert "Mevrouw Jansen" in text and "06-12345678" in text and "na tienen" in text
    with pytest.raises(ValidationError):
        services.ask_callback(community, name="", phone="12")
    assert Callback.objects.count() == 1


def test_residents_and_volunteers_do_not_see_or_close_call_backs(community, members, page_as):
    callback = services.ask_callback(community, name="Mevrouw Jansen", phone="0612345678")
    for role in ("resident", "volunteer"):
        client = page_as(members[role])
        assert client.get("/c/wijk/desk/callbacks/").status_code in (403, 404)
        assert client.post(f"/c/wijk/desk/callbacks/{callback.pk}/done/").status_code in (403, 404)
        with pytest.raises(PermissionDenied):
            selectors.callbacks_due(actor_of(community, members[role]))
    callback.refresh_from_db()
    assert callback.done_at is None


def test_another_communitys_call_back_is_404(community, other_community, members, page_as):
    callback = services.ask_callback(other_community, name="Elders", phone="0612345678")
    response = page_as(members["coordinator"]).post(f"/c/wijk/desk/callbacks/{callback.pk}/done/")
    assert response.status_code == 404


def test_consent_and_vog_warnings_show_before_proposing(
    community, members, person_factory, page_as
):
    """Where the coordinator chooses (intake, workbench suggestions, send-out), not after."""
    offer = make_offer(community)
    help_request = make_request(community, person_factory(community, name="Aaltje Hoekstra"))
    client = page_as(members["coordinator"])
    urls = (
        f"{URL}?request={help_request.pk}",
        f"/c/wijk/workbench/requests/{help_request.pk}/suggestions/",
        f"/c/wijk/requests/{help_request.pk}/callout/",
    )
    for url in urls:
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
        assert f'value="{offer.pk}"' in page or f'value="{offer.helper_id}"' in page, url
        assert "Aan Aaltje Hoekstra is nog niet gevraagd" in page, url
        assert "geen VOG (Verklaring Omtrent het Gedrag) bekend" in page, url


def test_the_caller_card_shows_the_promised_call_back(community, members, person_factory, page_as):
    caller = person_factory(community, name="Aaltje Hoekstra", login=False)
    coordinator = actor_of(community, members["coordinator"])
    services.promise_callback(coordinator, person=caller, due_on=timezone.localdate(), note="heg")
    page = page_as(members["coordinator"]).get(
        f"/c/wijk/desk/caller/{caller.pk}/", HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert "Terugbellen op" in page.content.decode() and "heg" in page.content.decode()


def test_the_same_call_back_twice_is_refused_and_stored_once(community, members, person_factory):
    caller = person_factory(community, login=False)
    coordinator = actor_of(community, members["coordinator"])
    day = timezone.localdate() + datetime.timedelta(days=1)
    services.promise_callback(coordinator, person=caller, due_on=day, note="heg")
    with pytest.raises(ValidationError) as refused:
        services.promise_callback(coordinator, person=caller, due_on=day, note="heg")
    assert "day" in refused.value.message_dict
    assert Callback.objects.count() == 1
    # Another day is another promise, and once the first is done it may be promised again.
    services.promise_callback(coordinator, person=caller, due_on=day + datetime.timedelta(days=1))
    services.callback_done(coordinator, Callback.objects.order_by("id").first().pk)
    services.promise_callback(coordinator, person=caller, due_on=day)
    assert Callback.objects.count() == 3
