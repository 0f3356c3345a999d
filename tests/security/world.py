"""A rich, realistic world for the privacy and isolation probes: two communities full of data.

Every app that is installed adds its rows through its own demo seeders and services, so that the
probes walk pages and API answers that actually show something. Apps that are not there (yet) are
skipped, so the world builds while other engineers are still adding theirs.

Secrets are recognisable on purpose: every resident the viewers are not allowed to see in full has
a phone "06 9988xxxx", an email "geheim.<n>@voorbeeld.nl" and an address "Geheimstraat <n>"; visit
notes start with "GEHEIME NOTITIE" and contact-log notes with "GEHEIM CONTACTLOG". The viewers
(the people whose pages we walk) take part in no match, visit or referral that would legitimately
show them someone else's contact details, so any secret on their screen is a leak.
"""

import random
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from itertools import count

from django.apps import apps

from naober.communities.context import resolve_actor
from naober.communities.models import Role
from tests.factories import make_community, make_person

# The people whose pages are walked, one per role (a role the project drops is left out).
VIEWER_ROLES = tuple(
    role
    for role in ("resident", "volunteer", "partner", "funder", "core_group")
    if role in Role.values
)
_serial = count(1)


def optional(dotted: str, name: str):
    """`dotted.name` when that module exists (an app may still be on its way), else None."""
    app = ".".join(dotted.split(".")[:2])
    if not apps.is_installed(app) or find_spec(dotted) is None:
        return None
    return getattr(import_module(dotted), name, None)


def secret_contact(number: int) -> dict:
    return {
        "phone": f"06 9988{number:04d}",
        "email": f"geheim.{number}@voorbeeld.nl",
        "address": f"Geheimstraat {number}",
    }


@dataclass
class World:
    """One community with its staff, its viewers (one per role) and its secret residents."""

    community: object
    coordinator: object
    viewers: dict = field(default_factory=dict)
    residents: list = field(default_factory=list)

    def actor(self, person):
        return resolve_actor(person.user, self.community.slug)


def build_world(slug: str, name: str, seed: int, residents: int = 15) -> World:
    community = make_community(slug, name, streets=("Dorpsstraat", "Kerkstraat", "Geheimstraat"))
    streets = list(community.areas.filter(kind="street").order_by("name"))
    world = World(
        community,
        make_person(
            community,
            Role.COORDINATOR,
            name=f"Coördinator {slug.title()}",
            **secret_contact(next(_serial)),
        ),
    )
    rng = random.Random(seed)
    _seed_residents(world, streets, rng, residents)
    _seed_demo_data(world, rng)
    _hide_notes_behind_markers(world)
    for role in VIEWER_ROLES:
        roles = (Role.CORE_GROUP, Role.RESIDENT) if role == "core_group" else (role,)
        world.viewers[role] = make_person(
            community, *roles, name=f"Kijker {role} {slug}", **secret_contact(next(_serial))
        )
    _seed_viewer_flows(world)
    return world


def _seed_residents(world: World, streets, rng, number: int) -> None:
    """Demo residents (consent, languages, roles and all), then given recognisable secrets."""
    from naober.people.demo import seed_residents
    from naober.people.models import Person

    people = seed_residents(world.community, streets, rng, number)
    for person in people:
        for key, value in secret_contact(next(_serial)).items():
            setattr(person, key, value)
    Person.objects.bulk_update(people, ["phone", "email", "address"])
    world.residents = people


def _seed_demo_data(world: World, rng) -> None:
    """Every installed app's demo seeder, on the secret residents only."""
    for dotted, name in (
        ("naober.exchange.demo", "seed_exchange"),
        ("naober.directory.demo", "seed_directory"),
        ("naober.outreach.demo", "seed_outreach"),
        ("naober.volunteering.demo", "seed_volunteering"),
    ):
        seeder = optional(dotted, name)
        if seeder is not None:
            seeder(world.community, world.residents, rng)
    seed_initiatives = optional("naober.initiatives.demo", "seed_initiatives")
    seed_impact = optional("naober.impact.demo", "seed_impact")
    if seed_initiatives is not None:
        garden = seed_initiatives(world.community, world.residents, rng)
        if seed_impact is not None:  # the impact card tells the story of an initiative
            seed_impact(world.community, world.residents, rng, garden)


def _hide_notes_behind_markers(world: World) -> None:
    """Give every visit note, contact-log note and follow-up note a text the probes recognise."""
    for model_label, field_name, marker in (
        ("outreach.HouseVisit", "notes", "GEHEIME NOTITIE"),
        ("exchange.ContactLog", "note", "GEHEIM CONTACTLOG"),
        ("exchange.FollowUp", "notes", "GEHEIM NABELGESPREK"),
    ):
        if not _has_model(model_label):
            continue
        model = apps.get_model(model_label)
        scope = "community" if _has_field(model, "community") else "match__community"
        for pk in model.objects.filter(**{scope: world.community}).values_list("pk", flat=True):
            text = f"{marker} {world.community.slug} {pk}"
            model.objects.filter(pk=pk).update(**{field_name: text})


def _has_model(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def _has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


def _seed_viewer_flows(world: World) -> None:
    """The viewers' own rows, made through the services: a request, an offer, a self-made match,
    a referral in by the partner (of someone without contact details), a signal, a message."""
    exchange = optional("naober.exchange.services", "create_request")
    if exchange is None:
        return
    from naober.exchange import services as ex

    resident, volunteer = world.viewers["resident"], world.viewers["volunteer"]
    help_request = ex.create_request(
        world.actor(resident),
        {
            "category": "boodschappen",
            "title": "Boodschappen van de kijker",
            "description": "Graag op dinsdag.",
        },
    )
    offer = ex.create_offer(
        world.actor(volunteer), {"categories": ["boodschappen"], "description": "Ik help graag."}
    )
    ex.create_offer(
        world.actor(resident), {"categories": ["tuin"], "description": "Ik knip graag een heg."}
    )
    ex.respond(world.actor(volunteer), help_request, offer, note="Ik kan dinsdag.")
    refer_in = optional("naober.directory.referrals", "refer_in")
    if refer_in is not None:
        refer_in(
            world.actor(world.viewers["partner"]),
            name="Doorverwezen Bewoner",
            description="Kan na een operatie niet winkelen.",
            reachable_via_coordinator=True,
        )
    raise_signal = optional("naober.outreach.triage", "raise_signal")
    if raise_signal is not None:
        raise_signal(
            world.actor(resident),
            description="Losse stoeptegel bij de speeltuin.",
            kind="structural",
        )
    notify = optional("naober.notify.services", "notify")
    if notify is not None:
        from naober.exchange.models import Match

        match = Match.objects.filter(community=world.community).first()
        for person in (world.residents[0], resident):
            notify(person, "match_proposed", {"match": match})
