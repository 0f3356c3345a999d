"""Signing up on the public site: closed, after approval, open; checks, queue, merge, spam."""

import pytest
from django.core import mail

from naober.accounts.models import Invitation, JoinRequest, JoinStatus
from naober.communities.models import SelfSignup
from naober.notify.models import SmsOutbox
from naober.people.models import Person
from tests.accounts.helpers import code_from_mail, code_from_sms, log_in

pytestmark = pytest.mark.django_db
STRONG = "Zonnebloem-akker-77"
SIGNUP = {
    "name": "Kees Jansen",
    "email": "kees@voorbeeld.nl",
    "address": "Kerkstraat 8",
    "wants": ["ask", "volunteer"],
    "accept_house_rules": True,
}


def set_signup(community, mode):
    community.self_signup = mode
    community.save(update_fields=["self_signup"])


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator")


def test_a_closed_community_refuses_sign_ups(api, client, community):
    response = api.post("c/wijk/join", SIGNUP)
    assert response.status_code == 403 and response.json()["code"] == "signup_closed"
    assert client.get("/c/wijk/join/").status_code == 403
    assert not JoinRequest.objects.exists()


def test_unknown_community_is_not_found(api):
    assert api.post("c/nergens/join", SIGNUP).status_code == 404


def test_after_approval_the_whole_way(api, community, coordinator):
    set_signup(community, SelfSignup.APPROVAL)
    response = api.post("c/wijk/join", SIGNUP)
    assert response.status_code == 202 and response.json() == {"status": "pending"}
    check = code_from_mail()
    assert mail.outbox[-1].to == ["kees@voorbeeld.nl"]

    api.login(coordinator)
    queued = api.get("c/wijk/join-requests").json()["items"]
    assert [row["status"] for row in queued] == ["unverified"]
    join_id = queued[0]["id"]
    # Merging into someone's existing record waits for the confirmed address.
    merge = api.post(f"c/wijk/join-requests/{join_id}/approve", {"merge_with": coordinator.pk})
    assert merge.status_code == 422

    verified = api.post("c/wijk/join/verify", {"code": check})
    assert verified.json() == {"status": "pending", "code": None}
    approved = api.post(f"c/wijk/join-requests/{join_id}/approve", {})
    assert approved.status_code == 200, approved.content
    person = Person.objects.get(pk=approved.json()["person"])
    assert person.name == "Kees Jansen" and person.user is None
    assert sorted(person.role_codes) == ["resident", "volunteer"]
    invitation_code = code_from_mail()
    activated = api.post(
        "activate", {"code": invitation_code, "username": "kees", "password": STRONG}
    )
    assert activated.status_code == 201
    person.refresh_from_db()
    assert person.user.username == "kees"


def test_a_coordinator_may_admit_a_sign_up_that_has_not_confirmed_yet(api, community, coordinator):
    """The contract's two steps (join, then approve): the invitation goes to the address given,
    so only its owner can activate it."""
    set_signup(community, SelfSignup.APPROVAL)
    assert api.post("c/wijk/join", SIGNUP).status_code == 202
    api.login(coordinator)
    join_id = api.get("c/wijk/join-requests").json()["items"][0]["id"]
    approved = api.post(f"c/wijk/join-requests/{join_id}/approve", {})
    assert approved.status_code == 200, approved.content
    person = Person.objects.get(pk=approved.json()["person"])
    assert person.email == "kees@voorbeeld.nl" and person.user is None
    assert Invitation.objects.get().person_id == person.pk
    assert mail.outbox[-1].to == ["kees@voorbeeld.nl"]
    assert JoinRequest.objects.get().status == JoinStatus.APPROVED


def test_open_sign_up_gives_a_login_after_the_check(api, community):
    set_signup(community, SelfSignup.OPEN)
    data = {**SIGNUP, "email": "", "phone": "06 12121212"}
    response = api.post("c/wijk/join", data)
    assert response.status_code == 201
    verified = api.post("c/wijk/join/verify", {"code": code_from_sms("06 12121212")})
    assert verified.status_code == 200 and verified.json()["status"] == "approved"
    activated = api.post(
        "activate", {"code": verified.json()["code"], "username": "kees", "password": STRONG}
    )
    assert activated.status_code == 201
    assert Person.objects.get(name="Kees Jansen").user.username == "kees"


@pytest.mark.parametrize(
    "change",
    [
        {"email": "", "phone": ""},
        {"email": "geen-adres"},
        {"phone": "bel me"},
        {"accept_house_rules": False},
        {"wants": ["fly"]},
        {"wants": []},
        {"name": " "},
    ],
)
def test_bad_sign_ups_are_refused_and_nothing_is_stored(api, community, change):
    set_signup(community, SelfSignup.APPROVAL)
    response = api.post("c/wijk/join", {**SIGNUP, **change})
    assert response.status_code == 422, response.content
    assert set(response.json()) >= {"detail", "code"}
    assert not JoinRequest.objects.exists() and not mail.outbox


def test_wrong_or_used_check_codes(api, community):
    set_signup(community, SelfSignup.APPROVAL)
    api.post("c/wijk/join", SIGNUP)
    check = code_from_mail()
    assert api.post("c/wijk/join/verify", {"code": "AAAA-BBBB"}).json()["code"] == "invalid_code"
    assert api.post("c/wijk/join/verify", {"code": check}).status_code == 200
    again = api.post("c/wijk/join/verify", {"code": check})
    assert again.status_code == 400 and again.json()["code"] == "invalid_code"


@pytest.mark.parametrize("role", ["resident", "volunteer", "core_group", "partner", "funder"])
def test_only_staff_see_and_decide_sign_ups(api, community, person_factory, role):
    set_signup(community, SelfSignup.APPROVAL)
    api.post("c/wijk/join", SIGNUP)
    join_id = JoinRequest.objects.get().pk
    api.login(person_factory(community, role))
    assert api.get("c/wijk/join-requests").status_code == 403
    assert api.post(f"c/wijk/join-requests/{join_id}/approve", {}).status_code == 403
    assert api.post(f"c/wijk/join-requests/{join_id}/reject", {"reason": "x"}).status_code == 403
    assert JoinRequest.objects.get().status == JoinStatus.UNVERIFIED


def test_another_communitys_sign_up_is_not_found(api, community, other_community, person_factory):
    set_signup(community, SelfSignup.APPROVAL)
    api.post("c/wijk/join", SIGNUP)
    join_id = JoinRequest.objects.get().pk
    api.login(person_factory(other_community, "coordinator"))
    assert api.post(f"c/elders/join-requests/{join_id}/reject", {"reason": "x"}).status_code == 404
    assert api.get("c/elders/join-requests").json() == {"count": 0, "items": []}


def test_reject_needs_a_reason_and_tells_a_confirmed_person(api, community, coordinator):
    set_signup(community, SelfSignup.APPROVAL)
    api.post("c/wijk/join", SIGNUP)
    api.post("c/wijk/join/verify", {"code": code_from_mail()})
    join_id = JoinRequest.objects.get().pk
    api.login(coordinator)
    assert api.post(f"c/wijk/join-requests/{join_id}/reject", {"reason": "  "}).status_code == 422
    response = api.post(
        f"c/wijk/join-requests/{join_id}/reject", {"reason": "U woont buiten ons gebied."}
    )
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    assert "buiten ons gebied" in mail.outbox[-1].body
    assert not Person.objects.filter(name="Kees Jansen").exists()
    assert api.post(f"c/wijk/join-requests/{join_id}/approve", {}).status_code == 404


def test_approve_merges_with_the_person_already_known(api, community, coordinator, person_factory):
    known = person_factory(
        community, login=False, name="Kees Jansen", address="Kerkstraat 8", email="", phone=""
    )
    set_signup(community, SelfSignup.APPROVAL)
    api.post("c/wijk/join", SIGNUP)
    api.post("c/wijk/join/verify", {"code": code_from_mail()})
    api.login(coordinator)
    row = api.get("c/wijk/join-requests").json()["items"][0]
    assert row["same_name_and_address"] == [known.pk]
    people = Person.objects.count()
    response = api.post(f"c/wijk/join-requests/{row['id']}/approve", {"merge_with": known.pk})
    assert response.status_code == 200 and response.json()["person"] == known.pk
    assert Person.objects.count() == people
    known.refresh_from_db()
    assert known.email == "kees@voorbeeld.nl"
    assert Invitation.objects.get().person_id == known.pk


def test_merge_with_someone_else_is_refused(api, community, coordinator, person_factory):
    other = person_factory(community, login=False, name="Piet")
    set_signup(community, SelfSignup.APPROVAL)
    api.post("c/wijk/join", SIGNUP)
    api.post("c/wijk/join/verify", {"code": code_from_mail()})
    join_id = JoinRequest.objects.get().pk
    api.login(coordinator)
    response = api.post(f"c/wijk/join-requests/{join_id}/approve", {"merge_with": other.pk})
    assert response.status_code == 422
    assert JoinRequest.objects.get().status == JoinStatus.PENDING


def test_sign_up_is_rate_limited(api, community, settings):
    set_signup(community, SelfSignup.APPROVAL)
    settings.RATE_LIMITS_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "public_form": "2/m"}
    statuses = [api.post("c/wijk/join", SIGNUP).status_code for _ in range(4)]
    assert statuses[:2] == [202, 202] and statuses[-1] == 429


# --- pages -----------------------------------------------------------------------------------


def page_data(**change):
    data = {**SIGNUP, "accept_house_rules": "on", "website": ""}
    data.update(change)
    return data


def test_the_honeypot_stores_nothing(client, community):
    set_signup(community, SelfSignup.APPROVAL)
    response = client.post("/c/wijk/join/", page_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not JoinRequest.objects.exists() and not mail.outbox


def test_sign_up_page_shows_house_rules_and_errors(client, community):
    set_signup(community, SelfSignup.APPROVAL)
    community.house_rules = "Wij helpen elkaar zonder geld."
    community.save()
    page = client.get("/c/wijk/join/").content.decode()
    assert "Wij helpen elkaar zonder geld." in page
    response = client.post("/c/wijk/join/", page_data(accept_house_rules=""))
    assert response.status_code == 200 and not JoinRequest.objects.exists()


def test_sign_up_by_sms_on_the_pages_then_approved(client, community, coordinator):
    set_signup(community, SelfSignup.APPROVAL)
    response = client.post("/c/wijk/join/", page_data(email="", phone="06 99887766"))
    assert response.status_code == 302
    assert SmsOutbox.objects.filter(to="06 99887766").exists()
    waiting = client.post("/c/wijk/join/verify/", {"code": code_from_sms("06 99887766")})
    assert waiting.status_code == 200
    assert JoinRequest.objects.get().status == JoinStatus.PENDING
    log_in(client, coordinator)
    queue = client.get("/c/wijk/join-requests/")
    assert "Kees Jansen" in queue.content.decode()
    join_id = JoinRequest.objects.get().pk
    client.post(f"/c/wijk/join-requests/{join_id}/approve/")
    assert JoinRequest.objects.get().status == JoinStatus.APPROVED
    assert SmsOutbox.objects.filter(to="06 99887766").count() == 2


def test_the_queue_page_is_for_staff_only(client, community, person_factory):
    set_signup(community, SelfSignup.APPROVAL)
    log_in(client, person_factory(community))
    assert client.get("/c/wijk/join-requests/").status_code == 403


def test_a_member_is_sent_home_instead_of_signing_up_again(client, community, person_factory):
    set_signup(community, SelfSignup.OPEN)
    log_in(client, person_factory(community))
    response = client.get("/c/wijk/join/")
    assert response.status_code == 302 and response.url == "/c/wijk/"


def test_join_requests_are_a_paginated_list_like_every_list(community, api, coordinator):
    """API.md, Conventions: lists are {"count", "items"} with ?limit= and ?offset= (the queue
    answered a bare list of at most 200 before)."""
    set_signup(community, SelfSignup.APPROVAL)
    for number in range(3):
        body = {**SIGNUP, "email": f"kees{number}@voorbeeld.nl", "name": f"Kees {number}"}
        assert api.post("c/wijk/join", body).status_code == 202
    api.login(coordinator)
    page = api.get("c/wijk/join-requests?limit=2&offset=1").json()
    assert page["count"] == 3 and len(page["items"]) == 2
