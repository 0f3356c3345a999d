"""The intake screen: find or register a caller, enter the request, propose, call back."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from naober.desk.models import Callback
from naober.exchange.models import ContactLog, HelpRequest, Match, RequestStatus
from naober.people.models import Consent, ContactChannel, Person
from tests.exchange.helpers import make_offer
from tests.factories import street

URL = "/c/wijk/desk/intake/"


def test_a_new_caller_without_phone_is_registered_reachable_through_the_coordinator(
    community, members, page_as
):
    client = page_as(members["coordinator"])
    page = client.get(URL, {"q": "Mevrouw Jansen"}).content.decode()
    assert "Register the caller below" not in page  # Dutch page
    assert 'value="Mevrouw Jansen"' in page  # the name typed in the search is kept
    response = client.post(
        URL, {"step": "register", "name": "Mevrouw Jansen", "reachable_via_coordinator": "on"}
    )
    person = Person.objects.get(name="Mevrouw Jansen")
    assert response.status_code == 302 and response.url == f"{URL}?person={person.pk}"
    assert person.preferred_channel == ContactChannel.VIA_COORDINATOR


def test_the_callers_street_is_chosen_at_registration(community, members, page_as):
    """So helpers nearby rank first and the request can go out to everyone in the street."""
    client = page_as(members["coordinator"])
    page = client.get(URL, {"q": "Mevrouw de Vries"}, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Straat of dorp" in page and "Dorpsstraat" in page and "Onbekend" in page
    place = street(community)
    client.post(
        URL,
        {
            "step": "register",
            "name": "Mevrouw de Vries",
            "address": "Dorpsstraat 3",
            "area": place.pk,
        },
    )
    assert Person.objects.get(name="Mevrouw de Vries").area == place


def test_a_caller_given_only_an_address_gets_a_letter_not_a_phone_call(community, members, page_as):
    page_as(members["coordinator"]).post(
        URL, {"step": "register", "name": "Meneer Bakker", "address": "Kerkstraat 4"}
    )
    assert Person.objects.get(name="Meneer Bakker").preferred_channel == ContactChannel.LETTER
    page_as(members["coordinator"]).post(
        URL,
        {
            "step": "register",
            "name": "Mevrouw Smit",
            "address": "Kerkstraat 6",
            "reachable_via_coordinator": "on",
        },
    )
    smit = Person.objects.get(name="Mevrouw Smit")
    assert smit.preferred_channel == ContactChannel.VIA_COORDINATOR


def test_search_finds_the_caller_and_live_search_returns_only_the_results(
    community, members, person_factory, page_as
):
    caller = person_factory(community, name="Aaltje Hoekstra", login=False)
    client = page_as(members["coordinator"])
    assert f"?person={caller.pk}" in client.get(URL, {"q": "Hoekstra"}).content.decode()
    partial = client.get(URL, {"q": "Hoekstra", "partial": "1"}).content.decode()
    assert "<html" not in partial and f"?person={caller.pk}" in partial


def test_whole_intake_enters_the_request_proposes_and_writes_down_the_call_back(
    community, members, person_factory, page_as
):
    caller = person_factory(community, name="Aaltje Hoekstra", login=False, digital=False)
    offer = make_offer(community)
    client = page_as(members["coordinator"])
    response = client.post(
        f"{URL}?person={caller.pk}",
        {
            "step": "request",
            "category": "tuin",
            "title": "Heg knippen",
            "urgency": "normal",
            "matching_consent": "yes",
        },
    )
    help_request = HelpRequest.objects.get(requester=caller)
    assert response.url == f"{URL}?request={help_request.pk}"
    assert help_request.channel == "phone" and help_request.entered_by == members["coordinator"]
    assert Consent.objects.get(person=caller, purpose="matching").granted
    page = client.get(response.url).content.decode()
    assert f'name="offer" value="{offer.pk}"' in page
    client.post(response.url, {"step": "propose", "offer": offer.pk})
    assert Match.objects.get(request=help_request, offer=offer).state == "proposed"
    client.post(response.url, {"step": "callback", "day": "2030-01-15", "note": "Na de koffie"})
    log = ContactLog.objects.get(request=help_request)
    assert log.outcome == "call_back" and "15 januari 2030" in log.note


def test_with_a_helper_found_the_intake_screen_leads_to_the_match(
    community, members, person_factory, page_as
):
    """Once a helper is proposed (or said yes to a send-out) the screen names them and links
    to the match, where the coordinator records the caller's yes; before, there was no way on."""
    caller = person_factory(community, login=False, digital=False)
    offer = make_offer(community)
    client = page_as(members["coordinator"])
    response = client.post(
        f"{URL}?person={caller.pk}",
        {
            "step": "request",
            "category": "tuin",
            "title": "Heg",
            "urgency": "normal",
            "matching_consent": "yes",
        },
    )
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "/matches/" not in page
    client.post(response.url, {"step": "propose", "offer": offer.pk})
    match = Match.objects.get(request__requester=caller)
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert f"/c/{community.slug}/matches/{match.pk}/" in page
    assert "Koppeling openen" in page and "Helper: " in page


def test_the_request_can_go_on_the_waiting_list(community, members, person_factory, page_as):
    caller = person_factory(community, login=False)
    client = page_as(members["coordinator"])
    client.post(
        f"{URL}?person={caller.pk}",
        {
            "step": "request",
            "category": "tuin",
            "title": "Heg",
            "urgency": "low",
            "matching_consent": "no",
        },
    )
    help_request = HelpRequest.objects.get(requester=caller)
    client.post(f"{URL}?request={help_request.pk}", {"step": "wait"})
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.WAITING_LIST


def test_proposing_or_waiting_says_so_in_dutch(community, members, person_factory, page_as):
    """The screen came back without a word after 'propose' or 'waiting list'."""
    caller = person_factory(community, login=False, digital=False)
    offer = make_offer(community)
    client = page_as(members["coordinator"])
    data = {"step": "request", "category": "tuin", "title": "Heg", "urgency": "normal"}
    response = client.post(f"{URL}?person={caller.pk}", {**data, "matching_consent": "yes"})
    proposed = client.post(
        response.url, {"step": "propose", "offer": offer.pk}, HTTP_ACCEPT_LANGUAGE="nl", follow=True
    )
    assert f"{offer.helper.name} is voorgesteld als helper." in proposed.content.decode()

    other = person_factory(community, login=False)
    response = client.post(f"{URL}?person={other.pk}", {**data, "matching_consent": "no"})
    waiting = client.post(response.url, {"step": "wait"}, HTTP_ACCEPT_LANGUAGE="nl", follow=True)
    assert "De hulpvraag staat op de wachtlijst." in waiting.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"step": "register", "name": ""},
        {"step": "register", "name": "Mevrouw Jansen"},  # no way to reach her
        {"step": "register", "name": "Mevrouw Jansen", "email": "geen-adres"},
    ],
)
def test_bad_caller_data_gives_a_dutch_error_and_stores_nothing(community, members, page_as, data):
    before = Person.objects.count()
    response = page_as(members["coordinator"]).post(URL, data, HTTP_ACCEPT_LANGUAGE="nl")
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert "Kijk de velden hieronder na" in page and "Please check" not in page
    assert Person.objects.count() == before


@pytest.mark.parametrize(
    "data",
    [
        {"category": "", "title": "Heg", "urgency": "normal", "matching_consent": "yes"},
        {"category": "tuin", "title": "", "urgency": "normal", "matching_consent": "yes"},
        {"category": "tuin", "title": "Heg", "urgency": "heel", "matching_consent": "yes"},
        {"category": "tuin", "title": "Heg", "urgency": "normal", "matching_consent": ""},
        {
            "category": "bestaat-niet",
            "title": "Heg",
            "urgency": "normal",
            "matching_consent": "yes",
        },
    ],
)
def test_bad_request_data_stores_neither_request_nor_consent(
    community, members, person_factory, page_as, data
):
    caller = person_factory(community, login=False)
    response = page_as(members["coordinator"]).post(
        f"{URL}?person={caller.pk}", {"step": "request", **data}
    )
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not HelpRequest.objects.exists() and not Consent.objects.exists()


def test_bad_proposal_and_call_back_store_nothing(community, members, person_factory, page_as):
    caller = person_factory(community, login=False)
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
    url = f"{URL}?request={HelpRequest.objects.get().pk}"
    page = client.post(url, {"step": "propose", "offer": "abc"}).content.decode()
    assert "Kies een van de voorgestelde helpers" in page
    page = client.post(url, {"step": "callback", "day": "morgen"}).content.decode()
    assert "error-summary" in page
    assert not Match.objects.exists() and not ContactLog.objects.exists()


def test_only_staff_may_do_intake_and_strangers_get_404(
    community, other_community, members, person_factory, page_as
):
    assert page_as(members["coordinator"]).get(URL).status_code == 200
    for role in ("resident", "volunteer"):
        assert page_as(members[role]).get(URL).status_code == 403
    stranger = person_factory(other_community, "coordinator")
    assert page_as(stranger).get(URL).status_code == 404


def test_a_person_or_request_of_another_community_is_not_found(
    community, other_community, members, person_factory, page_as
):
    stranger = person_factory(other_community, login=False)
    client = page_as(members["coordinator"])
    assert client.get(URL, {"person": stranger.pk}).status_code == 404
    assert (
        client.post(
            f"{URL}?person={stranger.pk}",
            {
                "step": "request",
                "category": "tuin",
                "title": "Heg",
                "urgency": "normal",
                "matching_consent": "yes",
            },
        ).status_code
        == 404
    )
    assert not HelpRequest.objects.exists()


def _request_for(client, caller) -> str:
    response = client.post(
        f"{URL}?person={caller.pk}",
        {
            "step": "request",
            "category": "tuin",
            "title": "Boodschappen op donderdag",
            "urgency": "normal",
            "matching_consent": "yes",
        },
    )
    return response.url


def test_a_caller_without_phone_gets_a_visit_not_a_call_back(
    community, members, person_factory, page_as
):
    """Nobody can call back someone without a phone: step 4 says so, gives her address and
    writes down a visit, which the call-back queue shows as a visit on its day."""
    caller = person_factory(
        community, name="Aaltje Bakker", login=False, phone="", email="", address="Kerkstraat 4"
    )
    client = page_as(members["coordinator"])
    url = _request_for(client, caller)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "4. Langsgaan" in page and "heeft geen telefoon" in page
    assert "Helper en langsgaan" in page and "Helper en terugbellen" not in page
    assert "Kerkstraat 4" in page and "Terugbellen opschrijven" not in page
    today = timezone.localdate()
    response = client.post(url, {"step": "callback", "day": today, "note": "Buurvrouw Ria"})
    assert response.status_code == 302
    log = ContactLog.objects.get(request__requester=caller)
    written = date_format(today, "j F Y")  # "9 december 2026", not 09-12-2026
    assert f"Langsgaan op {written}" in log.note and "Buurvrouw Ria" in log.note
    queue = client.get("/c/wijk/desk/callbacks/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Langsgaan op" in queue and "Langsgaan (geen telefoon). Buurvrouw Ria" in queue
    card = client.get(f"/c/wijk/desk/caller/{caller.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    assert f"Langsgaan op {today:%-d}" in card.content.decode()
    assert "Langs geweest" in queue and "Teruggebeld" not in queue
    callback = Callback.objects.get(person=caller)
    done = client.post(
        f"/c/wijk/desk/callbacks/{callback.pk}/done/", follow=True, HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert "Er is iemand langs geweest bij Aaltje Bakker." in done.content.decode()


def test_the_callers_card_names_a_proposed_helper_without_saying_they_help_yet(
    community, members, person_factory, page_as
):
    caller = person_factory(community, login=False)
    offer = make_offer(community)
    client = page_as(members["coordinator"])
    client.post(_request_for(client, caller), {"step": "propose", "offer": offer.pk})
    card = client.get(f"/c/wijk/desk/caller/{caller.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    page = card.content.decode()
    assert f"Helper: {offer.helper.display_name} (voorgesteld)" in page
    assert "geholpen door" not in page


def test_a_caller_with_a_landline_is_called_back(community, members, person_factory, page_as):
    caller = person_factory(community, login=False, phone="0528 123456", email="")
    client = page_as(members["coordinator"])
    page = client.get(_request_for(client, caller), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "4. Terugbellen" in page and "Langsgaan" not in page


@pytest.mark.parametrize(
    ("typed", "field"), [("Mevrouw Jansen", "name"), ("0528 123 456", "phone")]
)
def test_who_was_searched_for_and_not_found_starts_the_registration(
    community, members, page_as, typed, field
):
    """Typed once: the name (or the number) searched for fills the new caller's form, in the
    page without JavaScript and in the live search's answer the script copies from."""
    client = page_as(members["coordinator"])
    form = client.get(URL, {"q": typed}).context["form"]
    assert form.initial == {field: typed}
    partial = client.get(URL, {"q": typed, "partial": "1"}).content.decode()
    assert f'data-prefill-{field}="{typed}"' in partial


def test_after_proposing_her_yes_then_the_call_back_have_the_keyboard(
    community, members, person_factory, page_as
):
    """After the proposal she is still on the line: her yes is one button, with the focus; then
    the focus is on the day of the call-back, not at the top of the page 21 Tab presses away."""
    caller = person_factory(community, login=False)
    offer = make_offer(community)
    client = page_as(members["coordinator"])
    url = _request_for(client, caller)
    before = client.get(url).content.decode()
    assert 'name="day"' in before and "autofocus" not in before.split('name="day"')[1][:200]
    client.post(url, {"step": "propose", "offer": offer.pk})
    match = Match.objects.get(request__requester=caller)
    proposed = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "autofocus" not in proposed.split('name="day"')[1].split(">")[0]
    yes = proposed.split('value="yes:requester"')[1].split("</form>")[0]
    assert "autofocus" in yes and f"{caller.name} zei ja (telefonisch)" in yes
    response = client.post(
        f"/c/wijk/matches/{match.pk}/step/", {"to": "yes:requester", "next": url}
    )
    assert response.status_code == 302 and response.url == url
    match.refresh_from_db()
    assert match.requester_yes_at is not None
    after = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert 'value="yes:requester"' not in after
    # said to the coordinator who recorded it, not "Dank u wel" as if she pressed it herself
    assert f"Het ja is bewaard. Nu wachten we op het ja van {offer.helper.name}." in after
    assert "autofocus" in after.split('name="day"')[1].split(">")[0]


def test_a_caller_who_refused_is_not_proposed_to_a_helper(
    community, members, person_factory, page_as
):
    """'No, asked and refused' was said on this very call: the screen offers no helper to
    propose (one Enter on the first button passed her name on before), and a proposal sent
    anyway is refused with the reason; the waiting list stays."""
    caller = person_factory(community, login=False)
    offer = make_offer(community)
    client = page_as(members["coordinator"])
    response = client.post(
        f"{URL}?person={caller.pk}",
        {
            "step": "request",
            "category": "tuin",
            "title": "Heg",
            "urgency": "normal",
            "matching_consent": "no",
        },
    )
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert 'name="offer"' not in page and "/callout/" not in page
    assert "wil niet dat de naam aan een helper wordt doorgegeven" in page
    assert "Op de wachtlijst zetten" in page
    wait = page.split('value="wait"')[1].split("</form>")[0]
    assert "autofocus" in wait  # the step her answer leaves has the keyboard
    assert "autofocus" not in page.split('name="day"')[1].split(">")[0]
    refused = client.post(
        response.url, {"step": "propose", "offer": offer.pk}, HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert refused.status_code == 200 and not Match.objects.exists()
    assert "wil niet dat de naam" in refused.content.decode()


def test_a_known_caller_sees_her_requests_under_way_before_entering_another(
    community, members, person_factory, page_as
):
    """She may be calling about the groceries asked for last week: step 2 lists what is under
    way, each leading to step 3 for it, so it is not entered twice."""
    caller = person_factory(community, login=False)
    client = page_as(members["coordinator"])
    first = client.post(
        f"{URL}?person={caller.pk}",
        {
            "step": "request",
            "category": "tuin",
            "title": "Heg knippen",
            "urgency": "normal",
            "matching_consent": "yes",
        },
    )
    page = client.get(f"{URL}?person={caller.pk}", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    help_request = HelpRequest.objects.get(requester=caller)
    assert "heeft al deze vragen lopen" in page
    assert f'href="{first.url}"' in page and help_request.code in page


def test_in_a_town_the_street_typed_at_registration_comes_back_chosen(community, members, page_as):
    """A town with more streets than a select can hold: the intake's place picker finds the
    street by part of its name. Of several found the first comes back chosen, so one more
    press of the button registers her there (before, the select fell back to 'Onbekend')."""
    from naober.communities.area_picker import LIST_ALL_UP_TO
    from naober.communities.models import Area, AreaKind

    hood = street(community).parent
    Area.objects.bulk_create(
        Area(community=community, parent=hood, kind=AreaKind.STREET, name=f"Laan {n}")
        for n in range(LIST_ALL_UP_TO + 1)
    )
    client = page_as(members["coordinator"])
    data = {"step": "register", "name": "Mevrouw Laan", "address": "Laan 1", "area_search": "aan 1"}
    response = client.post(URL, data)
    assert response.status_code == 200 and not Person.objects.filter(name="Mevrouw Laan").exists()
    first = Area.objects.filter(name__contains="aan 1").order_by("name", "pk").first()
    assert f'<option value="{first.pk}" selected>' in response.content.decode()
    response = client.post(URL, {**data, "area": first.pk})
    assert response.status_code == 302
    assert Person.objects.get(name="Mevrouw Laan").area == first
