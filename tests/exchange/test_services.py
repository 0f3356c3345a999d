"""Exchange services: who may do what, mediation, referrals, follow-ups, contact sharing."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from naober.api.errors import status_of
from naober.base.errors import Conflict, DomainError
from naober.exchange import selectors, services
from naober.exchange.models import (
    ContactLog,
    FollowUp,
    FollowUpKind,
    HelpRequest,
    Match,
    MatchMode,
    RequestStatus,
)
from naober.exchange.tasks import followup_reminder
from naober.people.models import Consent
from tests.exchange.helpers import actor_of, make_offer, make_request
from tests.factories import make_person


@pytest.fixture
def cast(community, person_factory):
    return {
        "coordinator": person_factory(community, "coordinator"),
        "requester": person_factory(community, "resident"),
        "helper": person_factory(community, "volunteer"),
        "stranger": person_factory(community, "resident"),
        "partner": person_factory(community, "partner"),
        "core": person_factory(community, "core_group"),
        "funder": person_factory(community, "funder"),
    }


@pytest.fixture
def pair(community, cast):
    return make_request(community, cast["requester"]), make_offer(community, cast["helper"])


def _as(cast, who):
    return actor_of(cast[who])


# --- who may do what -----------------------------------------------------------------------------


@pytest.mark.parametrize("who,allowed", [("helper", True), ("funder", False), ("partner", False)])
def test_respond_needs_offer_help(cast, pair, community, who, allowed):
    help_request, offer = pair
    offer = offer if who == "helper" else make_offer(community, cast[who]) if allowed else offer
    if allowed:
        assert services.respond(_as(cast, who), help_request, offer).mode == MatchMode.SELF
    else:
        with pytest.raises(PermissionDenied):
            services.respond(_as(cast, who), help_request, offer)
        assert not Match.objects.exists()


def test_respond_only_with_ones_own_offer(cast, pair):
    help_request, offer = pair
    with pytest.raises(PermissionDenied):
        services.respond(_as(cast, "stranger"), help_request, offer)


def test_nobody_responds_to_their_own_request(cast, community):
    own = make_request(community, cast["helper"])
    with pytest.raises(ValidationError):
        services.respond(_as(cast, "helper"), own, make_offer(community, cast["helper"]))


def test_respond_needs_an_available_offer_of_the_right_kind(cast, pair, community):
    help_request, offer = pair
    services.update_offer(_as(cast, "helper"), offer, {"available": False})
    with pytest.raises(ValidationError):
        services.respond(_as(cast, "helper"), help_request, offer)
    company = make_offer(community, cast["helper"], codes=("gezelschap",))
    with pytest.raises(ValidationError):
        services.respond(_as(cast, "helper"), help_request, company)
    same_kind = make_offer(community, cast["helper"], codes=("klussen",))
    assert services.respond(_as(cast, "helper"), help_request, same_kind)


def test_a_helper_cannot_respond_to_a_request_needing_mediation(cast, community):
    mediated = make_request(community, cast["requester"], needs_mediation=True)
    with pytest.raises(DomainError) as info:
        services.respond(_as(cast, "helper"), mediated, make_offer(community, cast["helper"]))
    assert status_of(info.value) == 403 and info.value.code == "needs_mediation"


@pytest.mark.parametrize("who,allowed", [("coordinator", True), ("helper", False), ("core", False)])
def test_propose_is_for_coordinators(cast, pair, who, allowed):
    help_request, offer = pair
    if allowed:
        assert services.propose(_as(cast, who), help_request, offer).mode == MatchMode.MEDIATED
    else:
        with pytest.raises(PermissionDenied):
            services.propose(_as(cast, who), help_request, offer)


def _proposed(cast, pair):
    return services.propose(_as(cast, "coordinator"), *pair)


@pytest.mark.parametrize("who", ["requester", "coordinator", "helper"])
def test_accept_needs_both_yeses_and_stores_nothing_without(cast, pair, who):
    match = _proposed(cast, pair)
    with pytest.raises(Conflict) as info:
        services.transition(_as(cast, who), match, "accepted")
    assert info.value.code == "consent_missing"
    match.refresh_from_db()
    assert match.state == "proposed" and match.helper_yes_at is match.requester_yes_at is None


def test_a_stranger_to_the_match_is_told_nothing(cast, pair):
    match = _proposed(cast, pair)
    with pytest.raises(Http404):
        services.transition(_as(cast, "stranger"), match, "stopped")


@pytest.mark.parametrize(
    "who,allowed", [("coordinator", True), ("requester", False), ("helper", False)]
)
def test_introduce_is_for_coordinators(cast, pair, who, allowed):
    match = _proposed(cast, pair)
    services.say_yes(_as(cast, "helper"), match)
    services.say_yes(_as(cast, "requester"), match)
    if allowed:
        assert services.transition(_as(cast, who), match, "introduced").state == "introduced"
    else:
        with pytest.raises(PermissionDenied):
            services.transition(_as(cast, who), match, "introduced")


@pytest.mark.parametrize("who", ["requester", "helper", "coordinator"])
def test_each_side_and_the_coordinator_may_stop(cast, pair, who):
    match = _proposed(cast, pair)
    assert services.transition(_as(cast, who), match, "stopped").state == "stopped"


@pytest.mark.parametrize("who", ["requester", "helper"])
def test_either_side_declines_a_proposal(cast, pair, who):
    match = _proposed(cast, pair)
    assert services.transition(_as(cast, who), match, "declined").state == "declined"


@pytest.mark.parametrize(
    "who,allowed", [("coordinator", True), ("requester", False), ("helper", False)]
)
def test_pause_for_review(cast, pair, who, allowed):
    match = services.respond(_as(cast, "helper"), *pair)
    if allowed:
        flagged = services.flag_match(_as(cast, who), match, flagged=True, note="Even kijken")
        assert flagged.review_flag and flagged.review_note == "Even kijken"
        assert selectors.self_matches(_as(cast, who), flagged_only=True).get() == match
        assert match.events.last().note.endswith("Even kijken")
    else:
        with pytest.raises(PermissionDenied):
            services.flag_match(_as(cast, who), match, flagged=True)


@pytest.mark.parametrize("who,allowed", [("coordinator", True), ("requester", False)])
def test_enter_for_others(cast, community, who, allowed):
    offline = make_person(community, login=False, digital=False)
    data = {"category": "tuin", "title": "Heg", "channel": "phone"}
    if allowed:
        created = services.create_request(_as(cast, who), data, requester=offline)
        assert created.entered_by == cast[who] and created.channel == "phone"
    else:
        with pytest.raises(PermissionDenied):
            services.create_request(_as(cast, who), data, requester=offline)


@pytest.mark.parametrize(
    "who,allowed", [("coordinator", True), ("helper", False), ("core", False), ("partner", False)]
)
def test_view_contact_log(cast, who, allowed):
    if allowed:
        assert list(selectors.contact_log(_as(cast, who))) == []
    else:
        with pytest.raises(PermissionDenied):
            selectors.contact_log(_as(cast, who))


@pytest.mark.parametrize(
    "who,allowed", [("coordinator", True), ("core", True), ("requester", False), ("funder", False)]
)
def test_view_report(cast, who, allowed):
    from naober.exchange.reports import summary

    today = timezone.localdate()
    if allowed:
        assert summary(_as(cast, who), today, today)["requests"] == 0
    else:
        with pytest.raises(PermissionDenied):
            summary(_as(cast, who), today, today)


# --- requests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fields", [{"vulnerable": True}, {"digital": False}])
def test_mediation_is_forced_for_vulnerable_or_offline_requesters(cast, community, fields):
    person = make_person(community, "resident", **fields)
    created = services.create_request(
        _as(cast, "coordinator"),
        {"category": "tuin", "title": "x", "needs_mediation": False, "channel": "phone"},
        requester=person,
    )
    assert created.needs_mediation is True
    with pytest.raises(ValidationError):
        services.update_request(_as(cast, "coordinator"), created, {"needs_mediation": False})
    created.refresh_from_db()
    assert created.needs_mediation is True


def test_out_of_scope_request_is_referred(cast, community):
    with mock.patch("naober.exchange.integrations.refer") as refer:
        created = make_request(community, cast["requester"], code="persoonlijke-verzorging")
    assert created.status == RequestStatus.REFERRED
    refer.assert_called_once()
    assert refer.call_args.args[1] == created


def test_out_of_scope_request_creates_a_real_referral(cast, community):
    from naober.directory.models import Referral

    created = make_request(community, cast["requester"], code="huishoudelijke-hulp")
    assert Referral.objects.get(help_request=created).person_id == cast["requester"].pk


def test_request_codes_are_unique_per_community(cast, community):
    codes = {make_request(community, cast["requester"]).code for _ in range(20)}
    assert len(codes) == 20 and all(c.startswith("V-") and len(c) == 6 for c in codes)


def test_a_taken_request_code_draws_again_at_the_same_length(cast, community):
    """A collision is the common case of a random draw, not a sign the numbers are running out."""
    first = make_request(community, cast["requester"])
    taken = int(first.code[2:]) - 1000  # the draw that gives the taken number again
    free = 4821 - 1000 if first.code != "V-4821" else 4822 - 1000
    with mock.patch(
        "naober.exchange.services.requests.secrets.randbelow", side_effect=[taken, free]
    ):
        second = make_request(community, cast["requester"])
    assert len(second.code) == 6 and second.code != first.code


def test_waiting_list_there_and_back(cast, pair):
    help_request, _ = pair
    coordinator = _as(cast, "coordinator")
    with pytest.raises(PermissionDenied):
        services.move_to_waiting_list(_as(cast, "helper"), help_request)
    services.move_to_waiting_list(coordinator, help_request)
    assert list(selectors.waiting_list(coordinator)) == [help_request]
    with pytest.raises(Conflict):
        services.move_to_waiting_list(coordinator, help_request)
    services.take_off_waiting_list(coordinator, help_request)
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.OPEN


def test_cancelling_stops_the_live_match(cast, pair):
    help_request, offer = pair
    match = services.respond(_as(cast, "helper"), help_request, offer)
    services.update_request(_as(cast, "requester"), help_request, {"status": "cancelled"})
    match.refresh_from_db()
    help_request.refresh_from_db()
    assert match.state == "stopped" and help_request.status == RequestStatus.CANCELLED


# --- matches -------------------------------------------------------------------------------------


def test_second_live_match_is_a_conflict_through_the_service(cast, pair, community):
    help_request, offer = pair
    services.respond(_as(cast, "helper"), help_request, offer)
    with pytest.raises(Conflict) as info:
        services.propose(_as(cast, "coordinator"), help_request, make_offer(community))
    assert info.value.code == "request_taken"
    assert Match.objects.filter(request=help_request).count() == 1


def test_after_a_decline_someone_else_may_help(cast, pair, community):
    help_request, offer = pair
    first = services.respond(_as(cast, "helper"), help_request, offer)
    services.transition(_as(cast, "requester"), first, "declined")
    second = services.propose(_as(cast, "coordinator"), help_request, make_offer(community))
    assert second.state == "proposed"


def test_the_database_refuses_a_second_live_match(cast, pair, community):
    from django.db import IntegrityError, transaction

    help_request, offer = pair
    services.respond(_as(cast, "helper"), help_request, offer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Match.objects.create(
            community=community,
            request=help_request,
            offer=offer,
            helper=cast["helper"],
            mode="self",
            state="accepted",
        )


def test_first_response_is_set_once(cast, pair):
    help_request, offer = pair
    services.respond(_as(cast, "helper"), help_request, offer)
    help_request.refresh_from_db()
    first = help_request.first_response_at
    assert first is not None
    services.log_contact(
        _as(cast, "coordinator"),
        person=cast["requester"],
        kind="call",
        outcome="reached",
        request=help_request,
    )
    help_request.refresh_from_db()
    assert help_request.first_response_at == first


def test_accept_offer_for_a_resident_needing_mediation_waits_for_a_coordinator(cast, community):
    shy = make_person(community, "resident", vulnerable=True)
    offer = make_offer(community, cast["helper"])
    match = services.accept_offer(actor_of(shy), offer)
    assert (match.mode, match.state) == (MatchMode.MEDIATED, "proposed")
    assert match.request.needs_mediation and match.request.requester == shy


def test_accept_offer_refuses_ones_own_and_paused_offers(cast, community):
    offer = make_offer(community, cast["helper"])
    with pytest.raises(ValidationError):
        services.accept_offer(_as(cast, "helper"), offer)
    services.update_offer(_as(cast, "helper"), offer, {"available": False})
    with pytest.raises(ValidationError):
        services.accept_offer(_as(cast, "requester"), offer)
    assert not HelpRequest.objects.exists()


def test_notifications_go_out_after_commit(cast, pair, django_capture_on_commit_callbacks):
    from naober.notify.models import Message

    help_request, offer = pair
    with django_capture_on_commit_callbacks(execute=True):
        match = services.respond(_as(cast, "helper"), help_request, offer)
    assert Message.objects.filter(person=cast["requester"], event="helper_responded").exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(_as(cast, "requester"), match, "accepted")
    assert Message.objects.filter(event="match_accepted").count() == 2


# --- contact sharing -----------------------------------------------------------------------------


def test_contact_is_shared_only_after_acceptance_with_consent_and_to_the_sides(cast, pair):
    help_request, offer = pair
    Consent.objects.create(
        person=cast["requester"], purpose="contact", granted=True, method="online"
    )
    match = services.respond(_as(cast, "helper"), help_request, offer)
    assert selectors.match_contact(_as(cast, "helper"), match) is None  # proposed: not yet
    match = services.transition(_as(cast, "requester"), match, "accepted")
    shared = selectors.match_contact(_as(cast, "helper"), match)
    assert shared["phone"] == cast["requester"].phone
    # the helper gave no consent: the requester hears "through the coordinator"
    back = selectors.match_contact(_as(cast, "requester"), match)
    assert back["via_coordinator"] and back["phone"] == back["email"] == back["address"] == ""
    assert selectors.match_contact(_as(cast, "stranger"), match) is None
    services.flag_match(_as(cast, "coordinator"), match, flagged=True)
    match.refresh_from_db()
    assert selectors.match_contact(_as(cast, "helper"), match) is None
    services.transition(_as(cast, "helper"), match, "stopped")
    match.refresh_from_db()
    assert selectors.match_contact(_as(cast, "helper"), match) is None


def test_a_withdrawn_consent_stops_sharing(cast, pair):
    help_request, offer = pair
    Consent.objects.create(
        person=cast["requester"], purpose="contact", granted=True, method="online"
    )
    Consent.objects.create(
        person=cast["requester"], purpose="contact", granted=False, method="online"
    )
    match = services.respond(_as(cast, "helper"), help_request, offer)
    match = services.transition(_as(cast, "requester"), match, "accepted")
    assert selectors.match_contact(_as(cast, "helper"), match)["phone"] == ""


def test_the_disclosure_is_shown_to_helpers_before_they_respond(cast, community):
    help_request = make_request(community, cast["requester"], disclosure="Ik ben slechthorend")
    view = selectors.request_view(_as(cast, "helper"), help_request)
    assert view["disclosure"] == "Ik ben slechthorend"
    assert "first_response_at" not in view and "referred_by_text" not in view


# --- follow-up -----------------------------------------------------------------------------------


@pytest.fixture
def dummy_tasks(settings):
    """The dummy backend keeps enqueued tasks in a list (django-tasks resets on setting change)."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"]


def test_follow_ups_on_active_and_completed_with_reminders(
    cast, pair, dummy_tasks, django_capture_on_commit_callbacks
):
    help_request, offer = pair
    match = services.respond(_as(cast, "helper"), help_request, offer)
    services.transition(_as(cast, "requester"), match, "accepted")
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(_as(cast, "helper"), match, "active")
    start = FollowUp.objects.get(match=match, kind=FollowUpKind.AFTER_START)
    assert before + timedelta(days=7) <= start.due_at <= timezone.now() + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(_as(cast, "helper"), match, "completed")
    end = FollowUp.objects.get(match=match, kind=FollowUpKind.AFTER_COMPLETION)
    assert end.due_at - end.created_at == pytest.approx(timedelta(days=3), abs=timedelta(seconds=5))
    queued = [(r.task.name, r.args, r.task.run_after) for r in dummy_tasks.results]
    assert queued == [
        ("followup_reminder", [start.pk], start.due_at),
        ("followup_reminder", [end.pk], end.due_at),
    ]


def test_the_reminder_tells_coordinators_only_while_the_call_is_open(cast, pair):
    from naober.notify.models import Message

    help_request, offer = pair
    match = services.respond(_as(cast, "helper"), help_request, offer)
    followup = FollowUp.objects.create(match=match, kind="after_start", due_at=timezone.now())
    assert followup_reminder.call(followup.pk) is True
    assert Message.objects.filter(person=cast["coordinator"], event="followup_due").count() == 1
    services.record_followup(
        _as(cast, "coordinator"), followup, how_did_it_go="Prima", would_help_others="yes"
    )
    assert followup_reminder.call(followup.pk) is False
    assert Message.objects.filter(event="followup_due").count() == 1


def test_record_followup_is_for_coordinators_and_validated(cast, pair):
    match = services.respond(_as(cast, "helper"), *pair)
    followup = FollowUp.objects.create(match=match, kind="after_start", due_at=timezone.now())
    with pytest.raises(PermissionDenied):
        services.record_followup(_as(cast, "helper"), followup, how_did_it_go="x")
    with pytest.raises(ValidationError):
        services.record_followup(_as(cast, "coordinator"), followup, would_help_others="ja")
    followup.refresh_from_db()
    assert followup.done_at is None


# --- contact log ---------------------------------------------------------------------------------


def test_log_contact_validates_and_stores_nothing_on_bad_input(cast, pair):
    help_request, _ = pair
    coordinator = _as(cast, "coordinator")
    for bad in ({"kind": "pigeon", "outcome": "reached"}, {"kind": "call", "outcome": "meh"}):
        with pytest.raises(ValidationError):
            services.log_contact(coordinator, person=cast["requester"], request=help_request, **bad)
    with pytest.raises(PermissionDenied):
        services.log_contact(
            _as(cast, "helper"),
            person=cast["requester"],
            kind="call",
            outcome="reached",
            request=help_request,
        )
    assert not ContactLog.objects.exists()
