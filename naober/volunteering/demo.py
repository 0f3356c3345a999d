"""Demo volunteer profiles: agreements, certificates of conduct (some about to expire), trainings,
limits and appreciation."""

import random
from datetime import timedelta

from django.utils import timezone

from naober.communities.models import Role
from naober.volunteering.models import (
    Appreciation,
    AppreciationKind,
    Training,
    VolunteeringSettings,
    VolunteerProfile,
)
from naober.volunteering.selectors import add_months

WILL_NOT_DO = [
    "Geen persoonlijke verzorging",
    "Geen zwaar tilwerk",
    "Niet autorijden",
    "Geen geldzaken",
    "",
]
AVAILABILITY = [
    "Doordeweeks overdag",
    "Alleen in het weekend",
    "Dinsdag- en donderdagmiddag",
    "'s Avonds na zessen",
]
TRAININGS = [
    "Huisbezoeken afleggen",
    "Signaleren in de buurt",
    "Omgaan met dementie",
    "Grenzen stellen",
]


def seed_volunteering(community, people, rng: random.Random) -> None:
    VolunteeringSettings.objects.get_or_create(community=community)
    coordinator = community.people.filter(memberships__role=Role.COORDINATOR).first()
    volunteers = list(
        community.people.filter(memberships__role=Role.VOLUNTEER).distinct().order_by("pk")[:40]
    )
    today = timezone.localdate()
    for number, person in enumerate(volunteers):
        if number % 6 == 0:  # a VOG that expires within the warning period, or just did
            vog = add_months(today, -36) + timedelta(days=rng.randint(-20, 50))
        elif number % 7 == 0:
            vog = None
        else:
            vog = today - timedelta(days=rng.randint(30, 900))
        profile = VolunteerProfile.objects.create(
            community=community,
            person=person,
            vog_issued_on=vog,
            agreement_signed_on=today - timedelta(days=rng.randint(30, 1200)),
            insurance_note="Vrijwilligersverzekering van de gemeente",
            will_not_do=rng.choice(WILL_NOT_DO),
            max_per_month=rng.choice([1, 2, 2, 4, 6]),
            availability=rng.choice(AVAILABILITY),
        )
        for name in rng.sample(TRAININGS, k=rng.randint(0, 2)):
            Training.objects.create(
                profile=profile, name=name, held_on=today - timedelta(days=rng.randint(10, 700))
            )
        if rng.random() < 0.4:
            Appreciation.objects.create(
                profile=profile,
                kind=rng.choice(AppreciationKind.values),
                by=coordinator,
                given_on=today - timedelta(days=rng.randint(1, 200)),
                note=rng.choice(
                    ["Bos bloemen na een druk jaar", "Bedankkaart", "Vrijwilligersavond", ""]
                ),
            )
