"""Demo requests and offers across every category, in the words residents use."""

import random
from datetime import timedelta

from django.utils import timezone

from naober.exchange.models import (
    Category, Channel, HelpOffer, HelpRequest, Recurrence, RequestStatus, Urgency,
)

REQUEST_TITLES = {
    "boodschappen": ["Wekelijkse boodschappen bij de Jumbo", "Boodschappen na mijn operatie"],
    "klussen": ["Lamp ophangen in de gang", "Kastje in elkaar zetten", "Gordijnrail vastzetten"],
    "tuin": ["Heg knippen voor de winter", "Bladeren ruimen in de voortuin"],
    "vervoer": ["Meerijden naar het ziekenhuis in Emmen", "Begeleiding naar de huisarts"],
    "gezelschap": ["Samen wandelen op zondag", "Kopje koffie en een praatje"],
    "oppas": ["Oppas op woensdagmiddag"],
    "computer": ["Hulp met videobellen met mijn kleinkind", "Nieuwe telefoon instellen"],
    "formulieren": ["Hulp bij de huurtoeslag", "Post van de gemeente begrijpen"],
    "taalmaatje": ["Nederlands oefenen in gesprek"],
    "netwerkcoaching": ["Ik wil graag nieuwe mensen leren kennen"],
    "persoonlijke-verzorging": ["Hulp bij het douchen"],
    "huishoudelijke-hulp": ["Iemand om wekelijks schoon te maken"],
}
OFFER_TEXTS = {
    "boodschappen": "Ik doe graag een boodschap mee als ik zelf naar de winkel ga.",
    "klussen": "Handig met gereedschap: lampen, kastjes, kleine reparaties.",
    "tuin": "Ik heb een groene vinger en help graag in de tuin.",
    "vervoer": "Ik heb een auto en rijd mensen naar het ziekenhuis of de huisarts.",
    "gezelschap": "Ik wandel graag en drink graag een kop koffie met een buur.",
    "oppas": "Ik pas graag een middag op de kinderen.",
    "computer": "Ik help met de computer, de tablet en de telefoon.",
    "formulieren": "Ik help met formulieren en lastige brieven.",
    "taalmaatje": "Ik oefen graag Nederlands met iemand die de taal leert.",
    "netwerkcoaching": "Ik help mensen om weer aansluiting te vinden in de buurt.",
}


def seed_exchange(community, people, rng: random.Random) -> None:
    """Offers by about a third of the volunteers' neighbours, requests by others, all channels."""
    categories = {c.code: c for c in Category.objects.filter(community=community)}
    in_scope = [c for c in categories.values() if c.in_scope]
    now = timezone.now()
    helpers = people[::3]
    for helper in helpers:
        chosen = rng.sample(in_scope, k=rng.randint(1, 3))
        offer = HelpOffer.objects.create(
            community=community, helper=helper, description=OFFER_TEXTS[chosen[0].code],
            available=rng.random() < 0.85, max_per_month=rng.choice([1, 2, 2, 3, 4]),
        )
        offer.categories.set(chosen)
    askers = [p for p in people if p not in helpers]
    requests = []
    for asker in rng.sample(askers, k=min(len(askers), max(30, len(people) // 4))):
        code = rng.choices(list(REQUEST_TITLES), weights=[8, 8, 5, 7, 7, 2, 5, 5, 2, 2, 1, 1])[0]
        category = categories[code]
        channel = Channel.WEB if asker.digital else rng.choice(
            [Channel.PHONE, Channel.PHONE, Channel.WALK_IN, Channel.NOTICE_BOARD,
             Channel.HOUSE_VISIT, Channel.REFERRAL])
        status = RequestStatus.OPEN if category.in_scope else RequestStatus.REFERRED
        requests.append(HelpRequest(
            community=community, requester=asker, category=category,
            title=rng.choice(REQUEST_TITLES[code]),
            description="Graag iemand uit de buurt. Bel gerust even van tevoren.",
            channel=channel, urgency=rng.choice([Urgency.LOW, Urgency.NORMAL, Urgency.NORMAL,
                                                 Urgency.HIGH]),
            needs_mediation=asker.vulnerable or not asker.digital,
            recurrence=Recurrence.RECURRING if rng.random() < 0.3 else Recurrence.ONE_OFF,
            status=status,
        ))
    created = HelpRequest.objects.bulk_create(requests)
    # Spread the creation times over the last weeks so deadlines and overdue items look real.
    for item in created:
        HelpRequest.objects.filter(pk=item.pk).update(
            created_at=now - timedelta(hours=rng.randint(1, 24 * 21)))
