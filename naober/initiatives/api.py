"""API for initiatives and the budget ledger: /api/v1/c/{community}/initiatives, proposals,
decisions, payments and budget. Amounts are strings with two decimals (Decimal, never float)."""

from datetime import date
from decimal import Decimal

from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Pagination
from naober.initiatives import selectors, services
from naober.initiatives.models import InitiativeStatus, Outcome, Stance

router = Router(tags=["initiatives"])
ID = Path(..., ge=1, le=2**62)
Amount = Field(..., max_digits=12, decimal_places=2, gt=0)


class InitiativeOut(Schema):
    id: int
    title: str
    summary: str
    goals: str
    activities: str
    status: str
    starts_on: date | None
    ends_on: date | None
    planned_budget: Decimal
    signal: int | None = Field(None, alias="signal_id")


class InitiativeIn(Schema):
    title: str = Field(..., min_length=1, max_length=120)
    summary: str = Field("", max_length=2000)
    goals: str = Field("", max_length=4000)
    activities: str = Field("", max_length=4000)
    status: InitiativeStatus = InitiativeStatus.IDEA
    starts_on: date | None = None
    ends_on: date | None = None
    planned_budget: Decimal = Field(Decimal("0"), max_digits=12, decimal_places=2, ge=0)
    signal: int | None = Field(None, ge=1, le=2**62)


class ProposalIn(Schema):
    amount: Decimal = Amount
    purpose: str = Field(..., min_length=1, max_length=300)


class ProposalOut(Schema):
    id: int
    initiative: int = Field(..., alias="initiative_id")
    amount: Decimal
    purpose: str


class VoiceIn(Schema):
    stance: Stance
    count: int = Field(1, ge=1, le=100_000)
    who: str = Field("", max_length=120)
    said: str = Field("", max_length=2000)
    said_on: date


class VoiceOut(Schema):
    id: int
    stance: str
    count: int
    said_on: date


class DecisionIn(Schema):
    outcome: Outcome
    amount: Decimal | None = Field(None, max_digits=12, decimal_places=2, gt=0)
    decided_on: date
    decided_by: list[int] = Field(..., min_length=1, max_length=20)
    minutes: str = Field("", max_length=2000)


class DecisionOut(Schema):
    id: int
    proposal: int = Field(..., alias="proposal_id")
    outcome: str
    amount: Decimal
    decided_on: date


class PaymentIn(Schema):
    amount: Decimal = Amount
    paid_on: date
    reference: str = Field(..., min_length=1, max_length=60)


class PaymentOut(Schema):
    id: int
    decision: int = Field(..., alias="decision_id")
    amount: Decimal
    paid_on: date
    reference: str


class DecisionBalance(Schema):
    decision: int
    initiative: int
    decided: Decimal
    paid: Decimal
    remaining: Decimal


class BudgetOut(Schema):
    year: int
    decided: Decimal
    paid: Decimal
    remaining: Decimal
    decisions: list[DecisionBalance]
    fast_fund_size: Decimal
    fast_fund_item_limit: Decimal
    fast_fund_used: Decimal
    fast_fund_left: Decimal
    petty_cash_balance: Decimal


@router.get("/c/{community}/initiatives", response=list[InitiativeOut])
@paginate(Pagination)
def list_initiatives(request, community: str):
    return selectors.initiative_list(actor_for(request, community))


@router.post("/c/{community}/initiatives", response={201: InitiativeOut, **ERRORS})
def create_initiative(request, community: str, payload: InitiativeIn):
    actor = actor_for(request, community)
    return 201, services.create_initiative(actor, payload.dict())


@router.get("/c/{community}/initiatives/{initiative_id}", response={200: InitiativeOut, **ERRORS})
def get_initiative(request, community: str, initiative_id: int = ID):
    return selectors.initiative_get(actor_for(request, community), initiative_id)


@router.post(
    "/c/{community}/initiatives/{initiative_id}/proposals", response={201: ProposalOut, **ERRORS}
)
def propose(request, community: str, payload: ProposalIn, initiative_id: int = ID):
    actor = actor_for(request, community)
    initiative = selectors.initiative_get(actor, initiative_id)
    return 201, services.propose_budget(actor, initiative, **payload.dict())


@router.post("/c/{community}/proposals/{proposal_id}/voices", response={201: VoiceOut, **ERRORS})
def add_voice(request, community: str, payload: VoiceIn, proposal_id: int = ID):
    actor = actor_for(request, community)
    proposal = selectors.proposal_get(actor, proposal_id)
    return 201, services.record_voice(actor, proposal, **payload.dict())


@router.post(
    "/c/{community}/proposals/{proposal_id}/decision", response={201: DecisionOut, **ERRORS}
)
def decide(request, community: str, payload: DecisionIn, proposal_id: int = ID):
    """The core group decides (DECIDE_BUDGET); a proposal is decided once."""
    actor = actor_for(request, community)
    proposal = selectors.proposal_get(actor, proposal_id)
    return 201, services.decide(actor, proposal, **payload.dict())


@router.post(
    "/c/{community}/decisions/{decision_id}/payments", response={201: PaymentOut, **ERRORS}
)
def pay(request, community: str, payload: PaymentIn, decision_id: int = ID):
    """Book a payment by the municipality; 422 when it exceeds what remains of the decision."""
    actor = actor_for(request, community)
    decision = selectors.decision_to_pay(actor, decision_id)
    return 201, services.record_payment(actor, decision, **payload.dict())


@router.get("/c/{community}/budget", response={200: BudgetOut, **ERRORS})
def budget(request, community: str, year: int | None = Query(None, ge=2000, le=2200)):
    """Every balance: per approved decision decided/paid/remaining, fast fund, petty cash."""
    book = selectors.ledger(actor_for(request, community), year)
    return {
        "year": book["year"],
        "decided": book["decided"],
        "paid": book["paid"],
        "remaining": book["remaining"],
        "decisions": [
            {
                "decision": r["decision"].pk,
                "initiative": r["decision"].proposal.initiative_id,
                "decided": r["decided"],
                "paid": r["paid"],
                "remaining": r["remaining"],
            }
            for r in book["decisions"]
        ],
        "fast_fund_size": book["fast_fund"]["size"],
        "fast_fund_item_limit": book["fast_fund"]["item_limit"],
        "fast_fund_used": book["fast_fund"]["used"],
        "fast_fund_left": book["fast_fund"]["left"],
        "petty_cash_balance": book["cash"]["balance"],
    }
