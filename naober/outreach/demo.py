"""Demo outreach as in Zuid voor Elkaar round one: a walk list, about fifty visits, signals in every
status, and a core-group meeting with decisions."""

import random
from datetime import timedelta

from django.utils import timezone

from naober.communities.models import Membership, Role
from naober.outreach.models import (
    AgendaItem,
    AgendaKind,
    Decision,
    EntryKind,
    HouseVisit,
    Meeting,
    Signal,
    SignalAction,
    SignalEvent,
    SignalKind,
    SignalStatus,
    Trits,
    Urgency,
    VisitDomain,
    VisitOutcome,
    WalkEntry,
    WalkList,
)

DOMAIN_TEXTS = {
    "surroundings": (
        "Kent de hele straat",
        "Wil de speeltuin opknappen",
        "Kan een buurtapp beheren",
        "Hulp bij het snoeien van de heg",
    ),
    "activities": (
        "Bakt graag",
        "Wil weer gaan zingen",
        "Taart bakken voor de buurtkoffie",
        "Iemand om mee naar het koor te gaan",
    ),
    "contacts": (
        "Goede luisteraar",
        "Meer mensen leren kennen",
        "Wekelijks koffie drinken",
        "Iemand die af en toe langskomt",
    ),
    "health": (
        "Was verpleegkundige",
        "Blijven bewegen",
        "Meelopen naar de huisarts",
        "Vervoer naar het ziekenhuis",
    ),
    "lifestyle": (
        "Handig met de computer",
        "Leren videobellen",
        "Uitleg over de tablet",
        "Hulp bij formulieren",
    ),
}
SIGNAL_TEXTS = [
    ("Mevrouw woont alleen en ziet bijna niemand meer.", SignalKind.INDIVIDUAL),
    ("De stoep bij de flat is slecht, rollators blijven haken.", SignalKind.STRUCTURAL),
    (
        "Veel ouderen weten niet waar ze met vragen over de Wmo terecht kunnen.",
        SignalKind.STRUCTURAL,
    ),
    ("Meneer krijgt de post niet meer open en heeft schulden.", SignalKind.INDIVIDUAL),
    ("Jongeren hebben geen plek om samen te komen.", SignalKind.STRUCTURAL),
    ("Het echtpaar redt het huishouden niet meer goed.", SignalKind.INDIVIDUAL),
    ("De bus naar het gezondheidscentrum rijdt niet meer op zaterdag.", SignalKind.STRUCTURAL),
    ("Buurman is na zijn val bang om naar buiten te gaan.", SignalKind.INDIVIDUAL),
]
PUBLIC_OUTCOMES = {
    SignalStatus.IN_PROGRESS: "De kerngroep heeft iemand gevraagd om dit op te pakken.",
    SignalStatus.CLOSED: "Er is een oplossing gevonden. Dank voor het doorgeven!",
}


def _visitors(community) -> list:
    return list(community.people.filter(memberships__role=Role.VOLUNTEER).distinct()[:6])


def seed_outreach(community, people, rng: random.Random) -> None:
    visitors = _visitors(community)
    core = list(community.people.filter(memberships__role=Role.CORE_GROUP).distinct())
    if not visitors or not people:
        return
    if len(core) < 3:
        for person in rng.sample(people, k=3 - len(core)):
            Membership.objects.get_or_create(person=person, role=Role.CORE_GROUP)
            core.append(person)
    today = timezone.localdate()
    area = people[0].area
    walk_list = WalkList.objects.create(
        community=community, area=area.parent or area, name="Ronde 1: elke tiende deur", round=1
    )
    chosen = sorted(people, key=lambda p: p.address)[::4][:60]
    entries = WalkEntry.objects.bulk_create(
        WalkEntry(
            walk_list=walk_list,
            position=i,
            address=p.address,
            person=p,
            kind=rng.choices(
                [EntryKind.EVERY_NTH, EntryKind.SELF_REGISTERED, EntryKind.REFERRED],
                weights=[8, 2, 1],
            )[0],
            referred_by="",
            visitor=visitors[i % len(visitors)],
        )
        for i, p in enumerate(chosen, start=1)
    )
    for entry in entries:
        if entry.kind == EntryKind.REFERRED:
            WalkEntry.objects.filter(pk=entry.pk).update(referred_by="Wijkverpleging Zuid")
    visits = []
    for entry in entries[:52]:
        outcome = rng.choices(list(VisitOutcome.values), weights=[7, 2, 1, 1])[0]
        visit = HouseVisit.objects.create(
            community=community,
            entry=entry,
            person=entry.person,
            address=entry.address,
            visitor=entry.visitor,
            visited_on=today - timedelta(days=rng.randint(5, 90)),
            outcome=outcome,
            notes="Open gesprek aan de keukentafel." if outcome == VisitOutcome.HELD else "",
        )
        visits.append(visit)
        if outcome != VisitOutcome.HELD:
            continue
        for domain in rng.sample(list(DOMAIN_TEXTS), k=rng.randint(1, 3)):
            talents, wishes, offer, need = DOMAIN_TEXTS[domain]
            VisitDomain.objects.create(
                visit=visit,
                domain=domain,
                talents=talents,
                wishes=wishes,
                could_offer=offer if rng.random() < 0.6 else "",
                needs=need if rng.random() < 0.5 else "",
                trits=rng.choice(Trits.values),
            )
    signals = []
    statuses = list(SignalStatus.values)
    for number, (text, kind) in enumerate(SIGNAL_TEXTS):
        status = statuses[number % len(statuses)]
        raiser = visitors[number % len(visitors)] if number % 2 == 0 else rng.choice(people)
        held = [v for v in visits if v.visitor_id == raiser.pk and v.outcome == "held"]
        signal = Signal.objects.create(
            community=community,
            raised_by=raiser,
            description=text,
            kind=kind,
            urgency=rng.choice(Urgency.values),
            status=status,
            visit=held[0] if held and kind == SignalKind.INDIVIDUAL else None,
            person_concerned=held[0].person if held and kind == SignalKind.INDIVIDUAL else None,
            assignee=rng.choice(core) if status != SignalStatus.NEW else None,
            action=rng.choice(SignalAction.values[1:])
            if status in (SignalStatus.IN_PROGRESS, SignalStatus.CLOSED)
            else "",
            due_on=today + timedelta(days=14) if status == SignalStatus.IN_PROGRESS else None,
            public_outcome=PUBLIC_OUTCOMES.get(status, ""),
            outcome="Besproken in de kerngroep." if status == SignalStatus.CLOSED else "",
        )
        SignalEvent.objects.create(signal=signal, by=raiser, changes={"status": "new"})
        if status != SignalStatus.NEW:
            SignalEvent.objects.create(signal=signal, by=core[0], changes={"status": status})
        signals.append(signal)
    meeting = Meeting.objects.create(
        community=community, held_on=today - timedelta(days=7), place="Buurthuis De Schoof"
    )
    meeting.attendees.set(core)
    items = [
        AgendaItem.objects.create(
            meeting=meeting, kind=AgendaKind.SIGNAL, signal=s, title=s.description[:200], position=i
        )
        for i, s in enumerate(signals[:4], start=1)
    ]
    AgendaItem.objects.create(
        meeting=meeting,
        kind=AgendaKind.PROPOSAL,
        position=len(items) + 1,
        title="Voorstel: maandelijkse buurtsoep in het buurthuis",
    )
    for item in items[1:3]:
        decision = Decision.objects.create(
            meeting=meeting,
            item=item,
            recorded_by=core[0],
            action=item.signal.action,
            text="Oppakken: " + (item.signal.get_action_display() or "verder bespreken"),
        )
        decision.decided_by.set(core)
        decision.signals.set([item.signal])
        AgendaItem.objects.filter(pk=item.pk).update(closed=True)
