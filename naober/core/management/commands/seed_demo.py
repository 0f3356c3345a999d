"""Create the demo communities `demo` and `demo-noord` with people, requests and offers.

Idempotent: a community that exists already is left alone, only the demo logins are reset to the
password `demo`. It refuses to run without DEBUG, so that nobody fills a real database with fake
residents by accident; `--force` overrides that.
"""

import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from naober.communities.models import AreaKind, Community, Role
from naober.communities.services import add_area, create_community
from naober.directory.demo import seed_directory
from naober.exchange.demo import seed_exchange
from naober.impact.demo import seed_impact
from naober.initiatives.demo import seed_initiatives
from naober.matchmaking.demo import seed_matchmaking
from naober.outreach.demo import seed_outreach
from naober.people.demo import seed_account, seed_residents
from naober.volunteering.demo import seed_volunteering

DEMO_COMMUNITIES = [
    {
        "slug": "demo",
        "name": "Naoberschap Hoogeveen-Zuid",
        "municipality": "Hoogeveen",
        "district": "Hoogeveen-Zuid",
        "neighbourhoods": {
            "Krakeel": [
                "Krakeelweg",
                "Zuiderweg",
                "Mercuriusstraat",
                "Venusstraat",
                "Saturnusstraat",
            ],
            "De Weide": ["Weidehof", "Boterbloemstraat", "Klaverstraat", "Madeliefstraat"],
            "Erflanden": ["Erfgooiersweg", "Marsstraat", "Jupiterstraat"],
        },
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
        "district": "Odoorn en omstreken",
        "neighbourhoods": {
            "Odoorn": ["Hoofdstraat", "Zuiderstraat", "Kampweg"],
            "Exloo": ["Hunebedstraat", "Vreding"],
            "Valthe": ["Odoornerweg", "Dorpsstraat"],
            "Klijndijk": ["Klijndijk"],
        },
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
        root = community.areas.get(parent=None)
        district = add_area(community, root, AreaKind.DISTRICT, spec["district"])
        streets = []
        for hood_name, street_names in spec["neighbourhoods"].items():
            hood = add_area(community, district, AreaKind.NEIGHBOURHOOD, hood_name)
            streets += [add_area(community, hood, AreaKind.STREET, s) for s in street_names]
        for username, name, roles, superuser in spec["accounts"]:
            seed_account(community, username, name, roles, streets[0], is_superuser=superuser)
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
