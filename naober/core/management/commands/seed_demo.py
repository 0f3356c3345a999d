"""Create the demo communities `demo` and `demo-noord` with people, requests and offers.

Idempotent: a community that exists already is left alone, only the demo logins are reset to the
password `demo`. It refuses to run without DEBUG, so that nobody fills a real database with fake
residents by accident; `--force` overrides that.
"""

import random
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from naober.communities.context import Actor
from naober.communities.models import Area, AreaKind, Community, Role
from naober.communities.services import (
    create_community,
    import_areas,
    set_walk_in_points,
    update_settings,
)
from naober.directory.demo import seed_directory
from naober.exchange.demo import seed_exchange
from naober.impact.demo import seed_impact
from naober.initiatives.demo import seed_initiatives
from naober.matchmaking.demo import seed_matchmaking
from naober.outreach.demo import seed_outreach
from naober.people.demo import seed_account, seed_residents
from naober.volunteering.demo import seed_volunteering

DEMO_DATA = Path(__file__).resolve().parents[2] / "demo_data"

DEMO_COMMUNITIES = [
    {
        "slug": "demo",
        "name": "Naoberschap Hoogeveen-Zuid",
        "municipality": "Hoogeveen",
        "areas": "areas-demo.csv",
        "settings": {
            "phone": "0528 234 567",
            "email": "balie@naoberschap-hoogeveen.example",
            "opening_hours": "maandag tot en met vrijdag 10:00 tot 12:00 uur",
            "outside_hours": "daarna de voicemail, wij bellen u de volgende werkdag terug",
            "self_signup": "approval",
            "house_rules": (
                "We helpen elkaar voor niets. We praten niet door over wat we bij iemand thuis "
                "zien of horen. Gaat er iets mis, dan bellen we de coördinator."
            ),
        },
        "walk_in": [
            {
                "name": "Buurthuis De Weide",
                "address": "Weidehof 2, Hoogeveen",
                "hours": "dinsdag en donderdag 10:00 tot 12:00 uur",
            }
        ],
        "residents": 230,
        "accounts": [
            ("coordinator", "Carla Hofstede", [Role.COORDINATOR], False),
            ("volunteer", "Vincent Dijkstra", [Role.VOLUNTEER], False),
            ("resident", "Rika Zuidema", [Role.RESIDENT], False),
            ("partner", "Paula Wijkverpleging", [Role.PARTNER], False),
            ("kerngroep", "Koen Tiemens", [Role.CORE_GROUP, Role.RESIDENT], False),
            ("gemeente", "Gemeente Hoogeveen (subsidie)", [Role.FUNDER], False),
            ("admin", "Anke Beheer", [Role.ADMIN, Role.COORDINATOR], True),
        ],
    },
    {
        "slug": "demo-noord",
        "name": "Burenhulp Odoorn en omstreken",
        "municipality": "Borger-Odoorn",
        "areas": "areas-demo-noord.csv",
        "settings": {
            "phone": "0591 345 678",
            "opening_hours": "maandag, woensdag en vrijdag 9:00 tot 11:00 uur",
            "outside_hours": "daarna het dorpshuis of de voicemail",
        },
        "walk_in": [],
        "residents": 210,
        "accounts": [("coordinator-noord", "Nienke Stevens", [Role.COORDINATOR], False)],
    },
]


class Command(BaseCommand):
    help = "Fill the database with two demo communities (password of every demo login: demo)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off; add --force if you mean it."
            )
        for spec in DEMO_COMMUNITIES:
            self.seed(spec)

    @transaction.atomic
    def seed(self, spec: dict) -> None:
        rng = random.Random(spec["slug"])
        community = Community.objects.filter(slug=spec["slug"]).first()
        fresh = community is None
        if fresh:
            community = create_community(
                slug=spec["slug"], name=spec["name"], municipality=spec["municipality"]
            )
        # The same services an administrator uses: the areas CSV import and the settings page.
        seed_admin = Actor(community=community, roles=frozenset({Role.ADMIN}))
        areas_file = DEMO_DATA / spec["areas"]
        plan = import_areas(seed_admin, areas_file.read_bytes())
        if plan.errors:
            raise CommandError(f"{areas_file.name}: {plan.errors}")
        if fresh or not community.phone:  # an administrator's own changes are kept
            update_settings(seed_admin, **spec["settings"])
            set_walk_in_points(seed_admin, spec["walk_in"])
        streets = demo_streets(community, areas_file)
        for username, name, roles, superuser in spec["accounts"]:
            seed_account(
                community, username, name, roles, streets[0], is_superuser=superuser, by=seed_admin
            )
        if fresh:
            people = seed_residents(community, streets, rng, spec["residents"])
            seed_exchange(community, people, rng)
            seed_directory(community, people, rng)
            seed_matchmaking(community, people, rng)
            seed_outreach(community, people, rng)
            seed_volunteering(community, people, rng)
            if spec["slug"] == "demo":
                seed_impact(community, people, rng, seed_initiatives(community, people, rng))
        self.stdout.write(
            f"{community.slug}: {community.people.count()} people "
            f"({'created' if fresh else 'already there'})"
        )


def demo_streets(community: Community, areas_file: Path) -> list[Area]:
    """The streets of the demo file in its order (the seeded people depend on that order)."""
    import csv

    streets = []
    with areas_file.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            streets.append(
                Area.objects.get(
                    community=community,
                    kind=AreaKind.STREET,
                    name=row["street"],
                    parent__name=row["neighbourhood"],
                )
            )
    return streets
