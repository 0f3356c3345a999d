"""Initiatives and the ledger: permissions per action, money rules, bad input, tenant isolation."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from naober.initiatives import selectors, services
from naober.initiatives.models import (
    BudgetProposal,
    CashEntry,
    Decision,
    FastFundItem,
    Initiative,
    Payment,
    Voice,
)
from tests.initiatives.helpers import actor_of, funded_initiative

pytestmark = pytest.mark.django_db


def page_client(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


# --- permissions: allowed and denied per action --------------------------------------------


def test_core_group_creates_an_initiative_and_a_resident_may_not(community, person_factory, api):
    core = person_factory(community, "core_group")
    resident = person_factory(community, "resident")
    assert api.login(resident).post("c/wijk/initiatives", {"title": "Tuin"}).status_code == 403
    response = api.login(core).post(
        "c/wijk/initiatives", {"title": "Tuin", "planned_budget": "250.00"}
    )
    assert response.status_code == 201, response.content
    assert response.json()["planned_budget"] in ("250.00", 250.0, "250")
    assert Initiative.objects.filter(community=community).count() == 1


def test_only_the_core_group_decides_on_budgets(community, person_factory):
    core = person_factory(community, "core_group")
    coordinator = person_factory(community, "coordinator")
    initiative = Initiative.objects.create(community=community, title="Tuin")
    proposal = services.propose_budget(
        actor_of(coordinator), initiative, amount="100", purpose="Zaden"
    )
    with pytest.raises(PermissionDenied):
        services.decide(
            actor_of(coordinator),
            proposal,
            outcome="approved",
            decided_on=date(2026, 1, 1),
            decided_by=[core],
        )
    decision = services.decide(
        actor_of(core), proposal, outcome="approved", decided_on=date(2026, 1, 1), decided_by=[core]
    )
    assert decision.amount == Decimal("100.00")
    assert list(decision.decided_by.all()) == [core]


def test_decided_by_must_be_core_group_members(community, person_factory):
    core = person_factory(community, "core_group")
    resident = person_factory(community, "resident")
    initiative = Initiative.objects.create(community=community, title="Tuin")
    proposal = services.propose_budget(actor_of(core), initiative, amount="100", purpose="Zaden")
    with pytest.raises(ValidationError):
        services.decide(
            actor_of(core),
            proposal,
            outcome="approved",
            decided_on=date(2026, 1, 1),
            decided_by=[resident],
        )
    assert not Decision.objects.exists()


def test_a_proposal_is_decided_once_and_never_above_the_asked_amount(community, person_factory):
    core = person_factory(community, "core_group")
    _i, proposal, _d = funded_initiative(core, "300.00")
    with pytest.raises(ValidationError):
        services.decide(
            actor_of(core),
            proposal,
            outcome="rejected",
            decided_on=date(2026, 1, 2),
            decided_by=[core],
        )
    other = services.propose_budget(
        actor_of(core), proposal.initiative, amount="50", purpose="Koffie"
    )
    with pytest.raises(ValidationError):
        services.decide(
            actor_of(core),
            other,
            outcome="approved",
            amount="60",
            decided_on=date(2026, 1, 2),
            decided_by=[core],
        )
    assert Decision.objects.count() == 1


def test_fast_fund_is_for_coordinators_within_the_item_limit(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    core = person_factory(community, "core_group")
    with pytest.raises(PermissionDenied):
        services.spend_fast_fund(
            actor_of(core), amount="10", spent_on=date(2026, 2, 1), purpose="Zaden"
        )
    services.spend_fast_fund(
        actor_of(coordinator), amount="250.00", spent_on=date(2026, 2, 1), purpose="Gereedschap"
    )
    with pytest.raises(ValidationError):
        services.spend_fast_fund(
            actor_of(coordinator), amount="250.01", spent_on=date(2026, 2, 1), purpose="Te veel"
        )
    assert FastFundItem.objects.count() == 1
    book = selectors.ledger(actor_of(coordinator), year=2026)
    assert book["fast_fund"]["used"] == Decimal("250.00")
    assert book["fast_fund"]["left"] == Decimal("2250.00")


def test_ledger_is_not_for_funders(community, person_factory):
    funder = person_factory(community, "funder")
    with pytest.raises(PermissionDenied):
        selectors.ledger(actor_of(funder))


# --- money rules through the API -----------------------------------------------------------


def test_payment_beyond_what_remains_is_refused_and_stores_nothing(community, person_factory, api):
    core = person_factory(community, "core_group")
    _i, _p, decision = funded_initiative(core, "500.00")
    api.login(person_factory(community, "coordinator"))
    ok = api.post(
        f"c/wijk/decisions/{decision.pk}/payments",
        {"amount": "300.00", "paid_on": "2026-04-01", "reference": "GEM-17"},
    )
    assert ok.status_code == 201, ok.content
    too_much = api.post(
        f"c/wijk/decisions/{decision.pk}/payments",
        {"amount": "200.01", "paid_on": "2026-04-02", "reference": "GEM-18"},
    )
    assert too_much.status_code == 422
    assert too_much.json()["code"] == "invalid"
    assert Payment.objects.count() == 1
    budget = api.get("c/wijk/budget", year=2026).json()
    assert Decimal(str(budget["decided"])) == Decimal("500.00")
    assert Decimal(str(budget["paid"])) == Decimal("300.00")
    assert Decimal(str(budget["remaining"])) == Decimal("200.00")


def test_no_payment_on_a_rejected_decision(community, person_factory):
    core = person_factory(community, "core_group")
    initiative = Initiative.objects.create(community=community, title="Tuin")
    proposal = services.propose_budget(actor_of(core), initiative, amount="80", purpose="Verf")
    decision = services.decide(
        actor_of(core), proposal, outcome="rejected", decided_on=date(2026, 1, 1), decided_by=[core]
    )
    assert decision.amount == 0
    coordinator = actor_of(person_factory(community, "coordinator"))
    with pytest.raises(ValidationError):
        services.record_payment(
            coordinator, decision, amount="1", paid_on=date(2026, 1, 2), reference="X"
        )
    assert not Payment.objects.exists()


def test_petty_cash_never_goes_below_zero_and_needs_a_receipt(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    actor = actor_of(coordinator)
    services.record_cash(
        actor, direction="in", amount="50", entered_on=date(2026, 1, 1), what="Opname kas"
    )
    with pytest.raises(ValidationError):
        services.record_cash(
            actor,
            direction="out",
            amount="10",
            entered_on=date(2026, 1, 2),
            what="Koffie",
            receipt="",
        )
    with pytest.raises(ValidationError):
        services.record_cash(
            actor,
            direction="out",
            amount="50.01",
            entered_on=date(2026, 1, 2),
            what="Koffie",
            receipt="B-2",
        )
    services.record_cash(
        actor,
        direction="out",
        amount="12.40",
        entered_on=date(2026, 1, 2),
        what="Koffie",
        receipt="B-1",
    )
    assert CashEntry.objects.count() == 2
    assert selectors.ledger(actor)["cash"]["balance"] == Decimal("37.60")


def test_voices_record_supporters_and_objections(community, person_factory, api):
    core = person_factory(community, "core_group")
    initiative = Initiative.objects.create(community=community, title="Tuin")
    proposal = services.propose_budget(actor_of(core), initiative, amount="80", purpose="Verf")
    api.login(core)
    assert (
        api.post(
            f"c/wijk/proposals/{proposal.pk}/voices",
            {
                "stance": "support",
                "count": 12,
                "who": "bewoners Zuiderweg",
                "said": "Goed plan",
                "said_on": "2026-02-01",
            },
        ).status_code
        == 201
    )
    assert (
        api.post(
            f"c/wijk/proposals/{proposal.pk}/voices",
            {"stance": "objection", "count": 2, "said_on": "2026-02-01"},
        ).status_code
        == 201
    )
    [shown] = selectors.proposals_of(initiative)
    assert (shown.supporters, shown.objectors) == (12, 2)


# --- bad input: a clear 4xx and nothing stored --------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        {"amount": "0", "purpose": "x"},
        {"amount": "-5", "purpose": "x"},
        {"amount": "12.345", "purpose": "x"},
        {"amount": "1e20", "purpose": "x"},
        {"amount": "abc", "purpose": "x"},
        {"amount": "10", "purpose": ""},
        {"amount": "10", "purpose": "x" * 301},
    ],
)
def test_bad_proposals_are_refused(community, person_factory, api, payload):
    core = person_factory(community, "core_group")
    initiative = Initiative.objects.create(community=community, title="Tuin")
    response = api.login(core).post(f"c/wijk/initiatives/{initiative.pk}/proposals", payload)
    assert response.status_code == 422
    assert set(response.json()) >= {"detail", "code"}
    assert not BudgetProposal.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"title": ""},
        {"title": "x" * 121},
        {"title": "T", "status": "bogus"},
        {"title": "T", "planned_budget": "-1"},
        {"title": "T", "signal": 0},
        {"title": "T", "starts_on": "2026-05-01", "ends_on": "2026-04-01"},
        {"title": "T", "signal": 999999},
    ],
)
def test_bad_initiatives_are_refused(community, person_factory, api, payload):
    core = person_factory(community, "core_group")
    response = api.login(core).post("c/wijk/initiatives", payload)
    assert response.status_code == 422, response.content
    assert not Initiative.objects.exists()


def test_malformed_json_is_a_400(community, person_factory, api):
    core = person_factory(community, "core_group")
    response = api.login(core).post("c/wijk/initiatives", raw="{bad")
    assert response.status_code == 400
    assert not Initiative.objects.exists()


def test_page_form_with_a_bad_amount_shows_an_error_and_stores_nothing(community, person_factory):
    core = person_factory(community, "core_group")
    _i, _p, decision = funded_initiative(core, "100.00")
    client = page_client(person_factory(community, "coordinator"))
    response = client.post(
        f"/c/wijk/decisions/{decision.pk}/payments/new/",
        {"amount": "150", "paid_on": "2026-04-01", "reference": "GEM"},
    )
    assert response.status_code == 200
    assert b"errorlist" in response.content
    assert not Payment.objects.exists()


# --- tenant isolation -----------------------------------------------------------------------


def test_other_communities_rows_are_never_seen(community, other_community, person_factory, api):
    core = person_factory(community, "core_group")
    stranger = person_factory(other_community, "core_group")
    _i, proposal, decision = funded_initiative(stranger, "100.00", title="Elders tuin")
    api.login(core)
    assert api.get("c/wijk/initiatives").json()["count"] == 0
    assert api.get(f"c/wijk/initiatives/{proposal.initiative_id}").status_code == 404
    assert (
        api.post(
            f"c/wijk/decisions/{decision.pk}/payments",
            {"amount": "1", "paid_on": "2026-01-01", "reference": "x"},
        ).status_code
        == 404
    )
    assert (
        api.post(
            f"c/wijk/proposals/{proposal.pk}/voices", {"stance": "support", "said_on": "2026-01-01"}
        ).status_code
        == 404
    )
    assert api.get("c/elders/initiatives").status_code == 404
    assert selectors.ledger(actor_of(core))["decisions"] == []
    assert selectors.export_rows(actor_of(core), date(2000, 1, 1), date(2100, 1, 1)) == []
    client = page_client(core)
    assert client.get(f"/c/wijk/initiatives/{proposal.initiative_id}/").status_code == 404
    assert client.get(f"/c/wijk/proposals/{proposal.pk}/decide/").status_code == 404
    assert not Voice.objects.filter(proposal__community=community).exists()


# --- pages and export -----------------------------------------------------------------------


def test_pages_render_for_the_core_group(community, person_factory):
    core = person_factory(community, "core_group", "coordinator")
    initiative, proposal, decision = funded_initiative(core)
    services.add_task(actor_of(core), initiative, description="Grond bestellen", responsible=core)
    client = page_client(core)
    for url in [
        "/c/wijk/initiatives/",
        "/c/wijk/initiatives/new/",
        f"/c/wijk/initiatives/{initiative.pk}/",
        f"/c/wijk/initiatives/{initiative.pk}/edit/",
        f"/c/wijk/initiatives/{initiative.pk}/tasks/new/",
        f"/c/wijk/initiatives/{initiative.pk}/proposals/new/",
        f"/c/wijk/proposals/{proposal.pk}/voices/new/",
        f"/c/wijk/proposals/{proposal.pk}/decide/",
        f"/c/wijk/decisions/{decision.pk}/payments/new/",
        "/c/wijk/budget/",
        "/c/wijk/budget/fast-fund/new/",
        "/c/wijk/budget/cash/new/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    detail = client.get(f"/c/wijk/initiatives/{initiative.pk}/").content.decode()
    assert "Grond bestellen" in detail and core.display_name in detail
    assert core.phone not in detail and core.email not in detail


def test_a_resident_reads_but_cannot_change(community, person_factory):
    resident = person_factory(community, "resident")
    initiative = Initiative.objects.create(community=community, title="Tuin")
    client = page_client(resident)
    assert client.get(f"/c/wijk/initiatives/{initiative.pk}/").status_code == 200
    assert client.get("/c/wijk/initiatives/new/").status_code == 403
    assert client.post("/c/wijk/initiatives/new/", {"title": "X"}).status_code == 403
    assert client.get("/c/wijk/budget/fast-fund/new/").status_code == 403
    assert Initiative.objects.count() == 1


def test_page_flow_creates_an_initiative_and_a_proposal(community, person_factory):
    core = person_factory(community, "core_group")
    client = page_client(core)
    response = client.post(
        "/c/wijk/initiatives/new/",
        {"title": "Buurttuin", "status": "planned", "planned_budget": "750.00"},
    )
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    client.post(
        f"/c/wijk/initiatives/{initiative.pk}/proposals/new/",
        {"amount": "300", "purpose": "Bakken"},
    )
    proposal = BudgetProposal.objects.get()
    client.post(
        f"/c/wijk/proposals/{proposal.pk}/decide/",
        {"outcome": "approved", "decided_on": "2026-03-01", "decided_by": [core.pk]},
    )
    assert Decision.objects.get().amount == Decimal("300.00")


def test_export_lists_decisions_and_payments_of_the_period(community, person_factory):
    core = person_factory(community, "core_group")
    _i, _p, decision = funded_initiative(core, "500.00", title="=HYPERLINK(1)")
    payer = actor_of(person_factory(community, "coordinator"))
    services.record_payment(
        payer, decision, amount="120.50", paid_on=date(2026, 4, 1), reference="GEM-9"
    )
    services.record_payment(
        payer, decision, amount="10", paid_on=date(2027, 1, 1), reference="GEM-10"
    )
    client = page_client(core)
    response = client.get(
        "/c/wijk/budget/export.csv", {"date_from": "2026-01-01", "date_to": "2026-12-31"}
    )
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert len(lines) == 3  # header, the decision, one payment (the 2027 one is outside)
    assert "GEM-9" in lines[2] and "120.50" in lines[2]
    assert "'=HYPERLINK(1)" in lines[1]
    bad = client.get(
        "/c/wijk/budget/export.csv", {"date_from": "2026-12-01", "date_to": "2026-01-01"}
    )
    assert bad.status_code == 400


# --- who books the municipality's payments (issue 12.8) -------------------------------------


PAYMENT = {"amount": "10.00", "paid_on": "2026-04-01", "reference": "GEM-1"}


@pytest.mark.parametrize("role", ["coordinator", "admin", "funder"])
def test_the_funder_or_staff_book_a_payment_on_page_and_api(community, person_factory, api, role):
    _i, _p, decision = funded_initiative(person_factory(community, "core_group"), "100.00")
    payer = person_factory(community, role)
    response = api.login(payer).post(f"c/wijk/decisions/{decision.pk}/payments", PAYMENT)
    assert response.status_code == 201, response.content
    page = page_client(payer).post(
        f"/c/wijk/decisions/{decision.pk}/payments/new/", {**PAYMENT, "reference": "GEM-2"}
    )
    assert page.status_code == 302
    assert Payment.objects.count() == 2


@pytest.mark.parametrize("role", ["core_group", "resident", "volunteer", "partner"])
def test_nobody_else_books_a_payment(community, person_factory, api, role):
    _i, _p, decision = funded_initiative(person_factory(community, "core_group"), "100.00")
    other = person_factory(community, role)
    assert (
        api.login(other).post(f"c/wijk/decisions/{decision.pk}/payments", PAYMENT).status_code
        == 403
    )
    page = page_client(other).post(f"/c/wijk/decisions/{decision.pk}/payments/new/", PAYMENT)
    assert page.status_code == 403
    assert not Payment.objects.exists()
