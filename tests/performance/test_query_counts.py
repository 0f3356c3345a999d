"""Every list page and list endpoint of the finished apps costs the same number of queries for 3
rows as for 23: a query per row (N+1) would make a busy community's lists slow.

Each test fetches once to warm caches, adds a row and counts the queries, adds twenty more rows
and asserts that the count does not grow (and that the new rows are really listed).
"""

import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from naober.directory import referrals
from naober.directory import services as directory_services
from naober.exchange import services as exchange_services
from naober.matchmaking.tasks import refresh_plan
from naober.notify import services as notify_services
from naober.privacy import audit
from tests.exchange.helpers import actor_of, make_offer, make_request
from tests.factories import make_person

FEW, MORE = 3, 20
_numbers = itertools.count()


@pytest.fixture
def assert_flat(django_assert_max_num_queries):
    """`assert_flat(fetch, add)`: fetch() costs no more queries after add(MORE) than after add(FEW).

    `fetch` returns how many rows it listed, so a list that silently stays empty cannot pass.
    """

    def check(fetch, add):
        add(FEW)
        fetch()
        add(1)  # both measured fetches follow an add, so a cache rebuilt on change counts in both
        with CaptureQueriesContext(connection) as few:
            listed_few = fetch()
        add(MORE)
        with django_assert_max_num_queries(len(few)):
            listed_more = fetch()
        assert listed_more >= listed_few + MORE

    return check


@pytest.fixture
def coordinator(community, person_factory):
    return person_factory(community, "coordinator", name="Carla Coördinator")


@pytest.fixture
def page_of(coordinator):
    """`page_of(url, marker, person=coordinator)`: GET a page, count how often `marker` shows."""

    def fetch(url, marker, person=None):
        client = Client()
        client.force_login((person or coordinator).user)
        response = client.get(url)
        assert response.status_code == 200
        return response.content.decode().count(marker)

    return fetch


@pytest.fixture
def api_list(api, coordinator):
    """`api_list(path, limit=200)`: GET a list endpoint as the coordinator, return its row count."""

    def fetch(path, limit=200):
        api.login(coordinator)
        response = api.get(path, limit=limit)
        assert response.status_code == 200, response.content
        body = response.json()
        return len(body["items"] if isinstance(body, dict) else body)

    return fetch


def add_people(community):
    def add(n):
        for _ in range(n):
            make_person(community, "resident", name="Rijtje Bewoner")

    return add


def add_organisations(community, coordinator):
    def add(n):
        actor = actor_of(coordinator)
        for _ in range(n):
            org = directory_services.save_organisation(
                actor,
                None,
                {"name": f"Rijtje Vereniging {next(_numbers)}", "life_domains": ["contacts"]},
            )
            directory_services.save_service(actor, org, None, {"name": "Koffie-ochtend"})

    return add


def add_referrals(community, coordinator, partner=None):
    """Referrals out by the coordinator, or in by `partner` (with a person and a request)."""

    def add(n):
        for _ in range(n):
            if partner is None:
                resident = make_person(community, "resident", name="Rijtje Bewoner")
                referrals.refer_out(actor_of(coordinator), person=resident, need="Rijtje hulp")
            else:
                referrals.refer_in(
                    actor_of(partner),
                    name="Rijtje Bewoner",
                    description="Rijtje hulp bij formulieren",
                    phone="0528 123456",
                    category="tuin",
                    consent=True,
                )

    return add


def add_messages(community, coordinator, **person_fields):
    def add(n):
        actor = actor_of(coordinator)
        for _ in range(n):
            person = make_person(community, "resident", name="Rijtje Bewoner", **person_fields)
            notify_services.send_custom(actor, person, subject="Rijtje", body="Hallo buurman")

    return add


def add_audit_entries(community, coordinator):
    def add(n):
        actor = actor_of(coordinator)
        for _ in range(n):
            audit.record_access(actor, make_person(community, "resident"), "Rijtje", ["phone"])

    return add


def add_matches(community, coordinator, *, active: bool = False):
    """Self-made matches (helper responds); `active` also accepts and starts them (follow-ups)."""

    def add(n):
        staff = actor_of(coordinator)
        for _ in range(n):
            help_request = make_request(community)
            offer = make_offer(community)
            match = exchange_services.respond(actor_of(offer.helper), help_request, offer)
            if active:
                # Both sides' yes (the helper's came with responding) make it accepted.
                exchange_services.say_yes(staff, match, side="helper")
                exchange_services.say_yes(staff, match, side="requester")
                exchange_services.transition(staff, match, "active")
            exchange_services.log_contact(
                staff,
                person=help_request.requester,
                kind="call",
                outcome="reached",
                request=help_request,
                match=match,
            )

    return add


# People -------------------------------------------------------------------------------------


def test_people_page(assert_flat, page_of, community):
    assert_flat(lambda: page_of("/c/wijk/people/", "Rijtje Bewoner"), add_people(community))


def test_people_api(assert_flat, api_list, community):
    assert_flat(lambda: api_list("c/wijk/people"), add_people(community))


# Social map and referrals --------------------------------------------------------------------


def test_social_map_page(assert_flat, page_of, community, coordinator):
    assert_flat(
        lambda: page_of("/c/wijk/social-map/", "Rijtje Vereniging"),
        add_organisations(community, coordinator),
    )


def test_organisations_api(assert_flat, api_list, community, coordinator):
    assert_flat(lambda: api_list("c/wijk/organisations"), add_organisations(community, coordinator))


def test_referrals_page(assert_flat, page_of, community, coordinator):
    assert_flat(
        lambda: page_of("/c/wijk/referrals/", "Rijtje Bewoner"),
        add_referrals(community, coordinator),
    )


def test_my_referrals_page(assert_flat, page_of, community, coordinator):
    partner = make_person(community, "partner")
    assert_flat(
        lambda: page_of("/c/wijk/referrals/mine/", "Rijtje Bewoner", person=partner),
        add_referrals(community, coordinator, partner),
    )


def test_referrals_api(assert_flat, api_list, community, coordinator):
    assert_flat(lambda: api_list("c/wijk/referrals"), add_referrals(community, coordinator))


# Messages -----------------------------------------------------------------------------------


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SMS_BACKEND = "local"


def test_message_log_page(assert_flat, page_of, community, coordinator, immediate_tasks):
    assert_flat(
        lambda: page_of("/c/wijk/messages/", "Rijtje Bewoner"),
        add_messages(community, coordinator),
    )


def test_letters_page(assert_flat, page_of, community, coordinator, immediate_tasks):
    assert_flat(
        lambda: page_of("/c/wijk/messages/letters/", "Rijtje Bewoner"),
        add_messages(community, coordinator, preferred_channel="letter", digital=False),
    )


def test_calls_page(assert_flat, page_of, community, coordinator, immediate_tasks):
    assert_flat(
        lambda: page_of("/c/wijk/messages/calls/", "Rijtje Bewoner"),
        add_messages(community, coordinator, preferred_channel="phone", digital=False),
    )


# Audit log ----------------------------------------------------------------------------------


def test_audit_log_page(assert_flat, page_of, community, coordinator):
    assert_flat(
        lambda: page_of("/c/wijk/audit/", "Rijtje"), add_audit_entries(community, coordinator)
    )


def test_audit_log_api(assert_flat, api_list, community, coordinator):
    assert_flat(lambda: api_list("c/wijk/audit"), add_audit_entries(community, coordinator))


# Exchange -----------------------------------------------------------------------------------


def test_requests_api(assert_flat, api_list, community, coordinator):
    assert_flat(lambda: api_list("c/wijk/requests"), add_matches(community, coordinator))


def test_offers_api(assert_flat, api_list, community, coordinator):
    assert_flat(lambda: api_list("c/wijk/offers"), add_matches(community, coordinator))


def test_matches_api(assert_flat, api_list, community, coordinator):
    assert_flat(lambda: api_list("c/wijk/matches"), add_matches(community, coordinator))


def test_contact_log_api(assert_flat, api_list, community, coordinator):
    assert_flat(lambda: api_list("c/wijk/contact-log"), add_matches(community, coordinator))


def test_followups_api(assert_flat, api_list, community, coordinator):
    assert_flat(
        lambda: api_list("c/wijk/followups"),
        add_matches(community, coordinator, active=True),
    )


def test_suggestions_api(assert_flat, api_list, community, coordinator):
    help_request = make_request(community)

    def add(n):
        for _ in range(n):
            make_offer(community)

    assert_flat(lambda: api_list(f"c/wijk/requests/{help_request.pk}/suggestions", limit=50), add)


# Matching plan ------------------------------------------------------------------------------


def add_open_pairs(community):
    def add(n):
        for _ in range(n):
            make_request(community)
            make_offer(community)

    return add


def test_plan_api(assert_flat, api_list, community):
    assert_flat(lambda: api_list("c/wijk/plan"), add_open_pairs(community))


def test_plan_page(assert_flat, page_of, community):
    add = add_open_pairs(community)

    def add_then_plan(n):  # the page shows the kept plan: the task worker renews it
        add(n)
        refresh_plan.call(community.pk)

    assert_flat(lambda: page_of("/c/wijk/workbench/plan/", 'name="request"'), add_then_plan)
