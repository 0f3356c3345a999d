"""Demo initiatives like those in COLLECTIEF (seed 004): the neighbourhood garden "Buurttuin
Krakeel" with its project card, a debated budget, decisions, payments by the municipality, a
fast-fund item and a petty-cash book with receipts. Rows are written directly: the amounts are
chosen so that every ledger rule holds (the tests prove the services keep them)."""

from datetime import date
from decimal import Decimal

from naober.communities.models import Role
from naober.initiatives.models import (
    BudgetProposal,
    CashEntry,
    Decision,
    FastFundItem,
    Initiative,
    InitiativeStatus,
    LedgerSettings,
    Payment,
    Task,
    Voice,
)


def seed_initiatives(community, people, rng) -> Initiative:
    core = list(community.people.filter(memberships__role=Role.CORE_GROUP).distinct())
    coordinator = community.people.filter(memberships__role=Role.COORDINATOR).first()
    year = date.today().year
    garden = Initiative.objects.create(
        community=community,
        title="Buurttuin Krakeel",
        status=InitiativeStatus.RUNNING,
        summary="Een moestuin op het braakliggende veld achter de Zuiderweg, voor en door "
        "bewoners.",
        goals="Bewoners leren elkaar kennen.\nOudere bewoners komen vaker buiten.\n"
        "Het veld wordt een fijne plek.",
        activities="Elke zaterdag samen tuinieren, een oogstmaaltijd per seizoen, "
        "tuinlessen voor kinderen van de basisschool.",
        starts_on=date(year - 1, 3, 1),
        ends_on=date(year + 1, 12, 31),
        planned_budget=Decimal("4200.00"),
    )
    helpers = rng.sample(people, 3)
    Task.objects.bulk_create(
        [
            Task(
                initiative=garden,
                description="Grond en compost bestellen",
                responsible=core[0] if core else None,
                due_on=date(year - 1, 3, 15),
                done=True,
            ),
            Task(
                initiative=garden,
                description="Rooster voor het water geven",
                responsible=helpers[0],
                due_on=date(year - 1, 4, 1),
                done=True,
            ),
            Task(
                initiative=garden,
                description="Afspraak met de basisschool",
                responsible_name="Juf Ellen (De Wegwijzer)",
                due_on=date(year, 5, 1),
            ),
        ]
    )
    Initiative.objects.create(
        community=community,
        title="Koffieochtend in het buurthuis",
        status=InitiativeStatus.IDEA,
        summary="Elke dinsdag koffie voor wie even wil praten.",
        planned_budget=Decimal("600"),
    )
    proposals = [
        (
            "Plantenbakken, grond en gereedschap",
            "2400.00",
            "2400.00",
            "approved",
            [("1200.00", "GEM-2024-0311"), ("900.00", "GEM-2024-0418")],
        ),
        (
            "Oogstmaaltijd voor de hele buurt",
            "800.00",
            "650.00",
            "approved",
            [("650.00", "GEM-2024-0902")],
        ),
        ("Een tuinhuisje met slot", "3500.00", "0.00", "rejected", []),
    ]
    for index, (purpose, asked, granted, outcome, payments) in enumerate(proposals):
        proposal = BudgetProposal.objects.create(
            community=community, initiative=garden, amount=Decimal(asked), purpose=purpose
        )
        Voice.objects.bulk_create(
            [
                Voice(
                    proposal=proposal,
                    stance="support",
                    count=rng.randint(9, 30),
                    who="bewoners op de buurtavond",
                    said="Goed voor de buurt, ik help mee.",
                    said_on=date(year - 1, 2 + index, 10),
                ),
                Voice(
                    proposal=proposal,
                    stance="objection",
                    count=rng.randint(1, 4),
                    who="omwonenden Zuiderweg",
                    said="Zorg dat het netjes blijft.",
                    said_on=date(year - 1, 2 + index, 10),
                ),
            ]
        )
        decision = Decision.objects.create(
            community=community,
            proposal=proposal,
            outcome=outcome,
            amount=Decimal(granted),
            decided_on=date(year - 1, 2 + index, 20),
            minutes="Besproken in de kerngroep; de buurt is vooral positief.",
        )
        decision.decided_by.set(core[:3])
        for paid_index, (amount, reference) in enumerate(payments):
            Payment.objects.create(
                community=community,
                decision=decision,
                amount=Decimal(amount),
                reference=reference,
                paid_on=date(year - 1, 3 + index + paid_index, 1),
            )
    LedgerSettings.objects.get_or_create(community=community)
    FastFundItem.objects.create(
        community=community,
        initiative=garden,
        amount=Decimal("185.00"),
        spent_on=date(year, 1, 15),
        purpose="Zaden en plantjes",
        decided_by=coordinator,
    )
    cash = [
        ("in", "150.00", "Opname voor de kas", ""),
        ("out", "23.45", "Koffie en koek voor de tuindag", "B-001"),
        ("out", "12.99", "Tuinhandschoenen", "B-002"),
        ("in", "40.00", "Opbrengst verkoop pompoenen", ""),
        ("out", "31.20", "Boodschappen oogstmaaltijd", "B-003"),
    ]
    CashEntry.objects.bulk_create(
        CashEntry(
            community=community,
            direction=d,
            amount=Decimal(a),
            what=w,
            receipt=r,
            entered_on=date(year, 1 + i, 5),
            recorded_by=coordinator,
        )
        for i, (d, a, w, r) in enumerate(cash)
    )
    return garden
