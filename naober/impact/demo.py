"""Demo impact for the garden of naober.initiatives.demo: its change story, a baseline survey
and a follow-up a year later (about a hundred answers each), an impact card with a quote from a
resident who agreed to quotes, and an interpretation session with the actions agreed."""

from datetime import date

from naober.impact.bank import statement_bank
from naober.impact.models import (
    AgreedAction,
    Answer,
    ChangeStory,
    ImpactCard,
    Indicator,
    InterpretationSession,
    KeyFigure,
    Level,
    Measurement,
    Response,
    StoryOutcome,
    Survey,
)
from naober.people.models import Consent, ConsentMethod, ConsentPurpose

SURVEY_CODES = [
    "contacts-new-people",
    "contacts-chat",
    "connected-neighbourhood",
    "support-know-who",
    "empower-matter",
    "lonely-less",
]


def _answers(survey, rng, count: int, agree_chance: float) -> None:
    statements = list(survey.statements.all())
    for _i in range(count):
        response = Response.objects.create(
            survey=survey, channel=rng.choice(["online", "online", "paper"])
        )
        Answer.objects.bulk_create(
            Answer(
                response=response,
                statement=s,
                value=rng.choice([4, 5]) if rng.random() < agree_chance else rng.choice([1, 2, 3]),
            )
            for s in statements
            if rng.random() > 0.05
        )


def seed_impact(community, people, rng, garden) -> ImpactCard:
    year = date.today().year
    story = ChangeStory.objects.create(
        initiative=garden,
        problem="Veel bewoners kennen hun buren niet; ouderen komen weinig buiten.",
        goal="Een plek waar bewoners elkaar ontmoeten en samen iets moois maken.",
        input="12 vrijwilligers, € 3.050 bewonersbudget, het veld van de woningcorporatie.",
        approach="Elke zaterdag samen tuinieren, oogstmaaltijden, tuinlessen voor kinderen.",
        output="40 tuindagen, 3 oogstmaaltijden, 6 tuinlessen.",
    )
    outcomes = [
        (Level.INDIVIDUAL, "Bewoners voelen zich minder alleen"),
        (Level.GROUP, "Tuinders helpen elkaar ook buiten de tuin"),
        (Level.NEIGHBOURHOOD, "Het veld is een verzorgde ontmoetingsplek"),
    ]
    for level, text in outcomes:
        outcome = StoryOutcome.objects.create(story=story, level=level, description=text)
        indicator = Indicator.objects.create(
            outcome=outcome, name=f"{text}: aandeel eens", unit="%", baseline=35, target=60
        )
        Measurement.objects.create(
            indicator=indicator, value=rng.randint(50, 70), measured_on=date(year, 3, 1)
        )
    statements = statement_bank().filter(code__in=SURVEY_CODES)
    baseline = Survey.objects.create(
        community=community, initiative=garden, title="Nulmeting Buurttuin Krakeel", is_open=False
    )
    baseline.statements.set(statements)
    _answers(baseline, rng, 104, 0.4)
    follow_up = Survey.objects.create(
        community=community,
        initiative=garden,
        baseline=baseline,
        title="Vervolgmeting Buurttuin Krakeel",
    )
    follow_up.statements.set(statements)
    _answers(follow_up, rng, 111, 0.68)
    speaker = next(p for p in people if p.digital)
    Consent.objects.create(
        person=speaker,
        purpose=ConsentPurpose.MEDIA,
        granted=True,
        method=ConsentMethod.PAPER,
        note="Citaat voor de impactkaart",
    )
    card = ImpactCard.objects.create(
        community=community,
        initiative=garden,
        title="Buurttuin Krakeel",
        period_start=date(year - 1, 1, 1),
        period_end=date(year - 1, 12, 31),
        target_group="Alle bewoners van Krakeel, in het bijzonder ouderen die alleen wonen.",
        approach="Samen tuinieren, samen eten, samen leren: laagdrempelig en voor iedereen.",
        direct_effects="Bewoners leren elkaar kennen, maken vaker een praatje en helpen "
        "elkaar vaker.",
        contributions=["liveability", "cohesion", "loneliness", "meaning", "care_costs"],
        quote="Sinds de tuin ken ik de halve straat. Ik kom er elke zaterdag.",
        quote_person=speaker,
    )
    KeyFigure.objects.bulk_create(
        [
            KeyFigure(card=card, label="vrijwilligers", low=12),
            KeyFigure(card=card, label="bezoekers per tuindag", low=10, high=15),
            KeyFigure(card=card, label="activiteiten per maand", low=4, high=6),
            KeyFigure(card=card, label="bewoners bereikt", low=100, more_than=True, period="jaar"),
        ]
    )
    session = InterpretationSession.objects.create(
        card=card,
        held_on=date(year, 2, 15),
        participants="7 bewoners, 2 vrijwilligers, 1 coördinator, 1 beleidsmedewerker",
        recognise="Ja, vooral dat mensen elkaar beter kennen.",
        explain="De vaste zaterdag maakt het makkelijk om aan te sluiten.",
        opinion="Trots; jongeren doen nog weinig mee.",
        next_steps="Jongeren en nieuwe bewoners persoonlijk uitnodigen.",
    )
    AgreedAction.objects.bulk_create(
        [
            AgreedAction(
                session=session,
                what="Uitnodiging schrijven voor nieuwe bewoners",
                who="kerngroep",
                due_on=date(year, 4, 1),
            ),
            AgreedAction(
                session=session,
                what="Tuinles op de middelbare school aanbieden",
                who="coördinator",
                due_on=date(year, 6, 1),
            ),
        ]
    )
    return card
