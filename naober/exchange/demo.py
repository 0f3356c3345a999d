"""Demo requests and offers across every category, in the words residents use."""

import random
from datetime import timedelta

from django.utils import timezone

from naober.exchange.models import (
    Category,
    Channel,
    ContactLog,
    FollowUp,
    HelpOffer,
    HelpRequest,
    Match,
    MatchEvent,
    MatchMode,
    MatchState,
    Recurrence,
    RequestStatus,
    Urgency,
)
from naober.exchange.services import FOLLOWUP_AFTER_COMPLETION, FOLLOWUP_AFTER_START

S = MatchState
# Each demo match walks this path from "proposed"; two matches end in every state.
PATHS = {
    S.PROPOSED: [],
    S.ACCEPTED: [S.ACCEPTED],
    S.INTRODUCED: [S.ACCEPTED, S.INTRODUCED],
    S.ACTIVE: [S.ACCEPTED, S.INTRODUCED, S.ACTIVE],
    S.COMPLETED: [S.ACCEPTED, S.INTRODUCED, S.ACTIVE, S.COMPLETED],
    S.DECLINED: [S.DECLINED],
    S.STOPPED: [S.ACCEPTED, S.STOPPED],
}
REQUEST_STATUS_AFTER = {
    S.COMPLETED: RequestStatus.DONE,
    S.DECLINED: RequestStatus.OPEN,
    S.STOPPED: RequestStatus.OPEN,
}
NOTES = {
    S.ACCEPTED: "Fijn, graag!",
    S.INTRODUCED: "Kennismaking in het buurthuis, het klikte.",
    S.ACTIVE: "Eerste keer geweest.",
    S.COMPLETED: "Klaar, dank je wel.",
    S.DECLINED: "Past nu niet.",
    S.STOPPED: "Het voelde niet goed.",
}

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
            community=community,
            helper=helper,
            description=OFFER_TEXTS[chosen[0].code],
            available=rng.random() < 0.85,
            max_per_month=rng.choice([1, 2, 2, 3, 4]),
        )
        offer.categories.set(chosen)
    askers = [p for p in people if p not in helpers]
    requests = []
    for asker in rng.sample(askers, k=min(len(askers), max(30, len(people) // 4))):
        code = rng.choices(list(REQUEST_TITLES), weights=[8, 8, 5, 7, 7, 2, 5, 5, 2, 2, 1, 1])[0]
        category = categories[code]
        channel = (
            Channel.WEB
            if asker.digital
            else rng.choice(
                [
                    Channel.PHONE,
                    Channel.PHONE,
                    Channel.WALK_IN,
                    Channel.NOTICE_BOARD,
                    Channel.HOUSE_VISIT,
                    Channel.REFERRAL,
                ]
            )
        )
        status = RequestStatus.OPEN if category.in_scope else RequestStatus.REFERRED
        requests.append(
            HelpRequest(
                community=community,
                requester=asker,
                category=category,
                title=rng.choice(REQUEST_TITLES[code]),
                description="Graag iemand uit de buurt. Bel gerust even van tevoren.",
                channel=channel,
                urgency=rng.choice([Urgency.LOW, Urgency.NORMAL, Urgency.NORMAL, Urgency.HIGH]),
                needs_mediation=asker.vulnerable or not asker.digital,
                recurrence=Recurrence.RECURRING if rng.random() < 0.3 else Recurrence.ONE_OFF,
                status=status,
                # Two in three residents online agreed to show their request on the public page.
                publish=asker.digital and asker.pk % 3 != 0,
            )
        )
    for number, item in enumerate(requests):
        item.code = f"V-{1000 + number * 7 + rng.randint(0, 6)}"
    created = HelpRequest.objects.bulk_create(requests)
    # Spread the creation times over the last weeks so deadlines and overdue items look real
    # (requests nobody answered within the deadline show up as overdue on the workbench).
    for item in created:
        item.created_at = now - timedelta(hours=rng.randint(1, 24 * 21))
        HelpRequest.objects.filter(pk=item.pk).update(created_at=item.created_at)
    seed_matches(community, created, rng)


def seed_matches(community, requests, rng: random.Random) -> None:
    """Matches in every state with their history, follow-ups, contact notes, a waiting list."""
    coordinator = community.people.filter(memberships__role="coordinator").first()
    open_requests = [r for r in requests if r.status == RequestStatus.OPEN]
    offers = list(
        HelpOffer.objects.filter(community=community, available=True)
        .prefetch_related("categories")
        .order_by("id")
    )
    chosen = rng.sample(open_requests, k=min(len(open_requests), 2 * len(PATHS) + 2))
    for help_request, final in zip(
        chosen, [state for state in PATHS for _ in (0, 1)], strict=False
    ):
        candidates = [o for o in offers if o.helper_id != help_request.requester_id]
        offer = rng.choice(candidates)
        mode = MatchMode.MEDIATED if help_request.needs_mediation else MatchMode.SELF
        started = help_request.created_at + timedelta(hours=rng.randint(2, 60))
        match = Match.objects.create(
            community=community,
            request=help_request,
            offer=offer,
            helper=offer.helper,
            mode=mode,
            state=final,
            created_by=coordinator if mode == MatchMode.MEDIATED else offer.helper,
        )
        if final in (S.INTRODUCED, S.ACTIVE, S.COMPLETED):
            match.intro_at, match.intro_place = started + timedelta(days=2), "Buurthuis"
            match.save(update_fields=["intro_at", "intro_place"])
        steps = [("", S.PROPOSED), *zip([S.PROPOSED, *PATHS[final]], PATHS[final], strict=False)]
        for hours, (before, after) in enumerate(steps):
            by = coordinator if after in (S.PROPOSED, S.INTRODUCED) else help_request.requester
            event = MatchEvent.objects.create(
                match=match, from_state=before, to_state=after, by=by, note=NOTES.get(after, "")
            )
            MatchEvent.objects.filter(pk=event.pk).update(at=started + timedelta(days=hours))
        said_yes = S.ACCEPTED in PATHS[final]
        Match.objects.filter(pk=match.pk).update(
            created_at=started,
            helper_yes_at=started if said_yes or mode == MatchMode.SELF else None,
            requester_yes_at=started if said_yes else None,
        )
        HelpRequest.objects.filter(pk=help_request.pk).update(
            status=REQUEST_STATUS_AFTER.get(final, RequestStatus.MATCHED), first_response_at=started
        )
        if final in (S.ACTIVE, S.COMPLETED):
            FollowUp.objects.create(
                match=match,
                kind="after_start",
                due_at=started + FOLLOWUP_AFTER_START,
                done_at=now_or(started + FOLLOWUP_AFTER_START, final),
                by=coordinator,
                how_did_it_go="Het gaat goed.",
                would_help_others="maybe",
            )
        if final == S.COMPLETED:
            FollowUp.objects.create(
                match=match,
                kind="after_completion",
                due_at=started + FOLLOWUP_AFTER_COMPLETION + timedelta(days=5),
            )
        if mode == MatchMode.MEDIATED:
            ContactLog.objects.create(
                community=community,
                request=help_request,
                match=match,
                person=help_request.requester,
                kind="call",
                outcome="reached",
                note="Vraag doorgesproken.",
                by=coordinator,
            )
    waiting = [r for r in open_requests if r not in chosen][:2]
    HelpRequest.objects.filter(pk__in=[r.pk for r in waiting]).update(
        status=RequestStatus.WAITING_LIST
    )
    spare = [r for r in open_requests if r not in chosen and r not in waiting]
    propose_to_demo_volunteer(community, spare, coordinator)


def propose_to_demo_volunteer(community, open_requests, coordinator) -> Match | None:
    """The demo volunteer (login "volunteer") has a standing offer and a proposal waiting for
    their yes, so that the demo shows a volunteer saying yes (issue 13.2)."""
    volunteer = community.people.filter(user__username="volunteer").first()
    if volunteer is None or not open_requests:
        return None
    offer = HelpOffer.objects.filter(helper=volunteer).first()
    if offer is None:
        offer = HelpOffer.objects.create(
            community=community,
            helper=volunteer,
            description=OFFER_TEXTS["boodschappen"],
            max_per_month=4,
        )
    kinds = {c.kind for c in Category.objects.filter(community=community, code="boodschappen")}
    offer.categories.add(*Category.objects.filter(community=community, code="boodschappen"))
    fitting = [r for r in open_requests if r.category.kind in kinds] or open_requests
    help_request = next((r for r in fitting if r.requester_id != volunteer.pk), None)
    if help_request is None:
        return None
    match = Match.objects.create(
        community=community,
        request=help_request,
        offer=offer,
        helper=volunteer,
        mode=MatchMode.MEDIATED,
        state=S.PROPOSED,
        created_by=coordinator,
    )
    MatchEvent.objects.create(
        match=match, from_state="", to_state=S.PROPOSED, by=coordinator, note="Past goed bij u."
    )
    HelpRequest.objects.filter(pk=help_request.pk).update(status=RequestStatus.MATCHED)
    return match


def now_or(when, final):
    """A follow-up of a finished match was made; one of a running match may still be open."""
    return when if final == S.COMPLETED else None
