"""One resident with a row in every app, and copies of her name, phone, e-mail and address in the
places they end up in real use (a walk list, a message to her helper, a logbook note on someone
else's request, the SMS outbox, the Django admin's history)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from naober.directory.models import Organisation, Referral
from naober.exchange.models import Category, ContactLog, HelpOffer, HelpRequest, Match, MatchEvent
from naober.impact.models import ImpactCard
from naober.initiatives.models import Initiative, Task
from naober.matchmaking.models import PersonLocation
from naober.notify.models import Message, SmsOutbox
from naober.outreach.models import (
    Decision,
    HouseVisit,
    Meeting,
    Signal,
    VisitDomain,
    WalkEntry,
    WalkList,
)
from naober.people.models import Consent, Person, PersonTag, Tag
from naober.privacy.audit import record_access
from naober.volunteering.models import Appreciation, Training, VolunteerProfile
from tests.factories import make_person, street

NAME = "Rika Zonderland"
PHONE = "06 9876 5432"
EMAIL = "rika.zonderland@voorbeeld.nl"
ADDRESS = "Krakeelweg 12, 7908 AB Hoogeveen"
STREET = "Krakeelweg 12"
SECRETS = {
    "raiser_note": "Gezien door de kerngroep: geheim resultaat",
    "review_note": "Pauze: helper klaagde over bejegening",
    "intro_notes": "Kennismaking: let op de hond",
    "referral_outcome": "Uitkomst alleen voor coordinatoren",
}


@dataclass
class Rich:
    subject: Person
    coordinator: Person
    helper: Person
    core: Person
    partner: Person
    neighbour: Person
    open_request: HelpRequest
    open_match: Match
    helper_match: Match
    signal: Signal
    referral_made: Referral


def build(community) -> Rich:
    """Everything about one resident, in every app, plus the people around her."""
    subject = make_person(
        community,
        "resident",
        "volunteer",
        name=NAME,
        phone=PHONE,
        email=EMAIL,
        address=ADDRESS,
        date_of_birth=date(1946, 5, 14),
        languages=["nl", "tr"],
    )
    subject.user.email = EMAIL
    subject.user.save()
    coordinator = make_person(community, "coordinator")
    helper = make_person(community, "volunteer")
    core = make_person(community, "core_group")
    partner = make_person(community, "partner")
    neighbour = make_person(community)
    category = Category.objects.filter(community=community, in_scope=True).first()
    now = timezone.now()

    Consent.objects.create(
        person=subject, purpose="contact", granted=True, method="paper", recorded_by=coordinator
    )
    tag = Tag.objects.create(community=community, label="Breien", life_domain="activities")
    PersonTag.objects.create(person=subject, tag=tag, kind="talent")
    PersonLocation.objects.create(person=subject, x=233000.0, y=527000.0, source="recorded")

    open_request = HelpRequest.objects.create(
        community=community,
        requester=subject,
        category=category,
        title=f"Boodschappen naar {STREET}",
        description=f"Bel {PHONE} voor de boodschappen",
        code="V-1001",
    )
    matched_request = HelpRequest.objects.create(
        community=community,
        requester=subject,
        category=category,
        title="Samen wandelen",
        status="matched",
        code="V-1002",
    )
    helper_offer = HelpOffer.objects.create(
        community=community, helper=helper, description="Ik wandel graag"
    )
    helper_offer.categories.add(category)
    open_match = Match.objects.create(
        community=community,
        request=matched_request,
        offer=helper_offer,
        helper=helper,
        mode="mediated",
        state="accepted",
        created_by=coordinator,
        intro_notes=SECRETS["intro_notes"],
        review_flag=True,
        review_note=SECRETS["review_note"],
    )
    MatchEvent.objects.create(match=open_match, to_state="proposed", by=coordinator)
    MatchEvent.objects.create(
        match=open_match,
        from_state="accepted",
        to_state="accepted",
        by=coordinator,
        note=SECRETS["review_note"],
    )
    MatchEvent.objects.create(
        match=open_match, from_state="proposed", to_state="accepted", by=helper, note="Graag!"
    )
    # She helps a neighbour too: a match where she is the helper.
    own_offer = HelpOffer.objects.create(
        community=community,
        helper=subject,
        description="Ik lees voor",
        availability=["mon-morning"],
    )
    own_offer.categories.add(category)
    neighbour_request = HelpRequest.objects.create(
        community=community,
        requester=neighbour,
        category=category,
        title="Voorlezen",
        status="matched",
        code="V-1003",
    )
    helper_match = Match.objects.create(
        community=community,
        request=neighbour_request,
        offer=own_offer,
        helper=subject,
        mode="mediated",
        state="proposed",
        created_by=coordinator,
        review_note=SECRETS["review_note"],
    )
    ContactLog.objects.create(
        community=community,
        request=open_request,
        person=subject,
        kind="call",
        outcome="reached",
        note="Wil op dinsdag",
        by=coordinator,
    )
    # A logbook note on someone else's request that names her.
    ContactLog.objects.create(
        community=community,
        request=neighbour_request,
        person=neighbour,
        kind="call",
        outcome="reached",
        note=f"{NAME} komt voorlezen, haar nummer {PHONE.replace(' ', '')}",
        by=coordinator,
    )

    organisation = Organisation.objects.create(community=community, name="Welzijn Zuid")
    Referral.objects.create(
        community=community,
        direction="out",
        person=subject,
        organisation=organisation,
        source="coordinator",
        referred_by=coordinator,
        need="Hulp bij formulieren",
        outcome=SECRETS["referral_outcome"],
        feedback="Is geholpen",
    )
    referral_made = Referral.objects.create(
        community=community,
        direction="in",
        person=neighbour,
        source="partner",
        referred_by=partner,
        need="Eenzaam",
        outcome=SECRETS["referral_outcome"],
    )

    Message.objects.create(
        community=community,
        person=subject,
        event="match_accepted",
        channel="email",
        subject="De hulp kan beginnen",
        body="Samen met Jan.",
    )
    # The message her helper got: her name and phone in someone else's message.
    Message.objects.create(
        community=community,
        person=helper,
        event="match_accepted",
        channel="sms",
        subject=f"Hulp voor {NAME}",
        body=f"De hulp kan beginnen, samen met {NAME}. Contact: {PHONE}",
        related=f"match:{open_match.pk}",
    )
    SmsOutbox.objects.create(to=PHONE, sender="Naober", text="Naober: uw vraag is ontvangen")

    walk_list = WalkList.objects.create(
        community=community, area=street(community), name="Ronde Krakeel", created_by=coordinator
    )
    entry = WalkEntry.objects.create(
        walk_list=walk_list, kind="every_nth", address=STREET, person=subject, visitor=helper
    )
    WalkEntry.objects.create(
        walk_list=walk_list, kind="every_nth", address="Krakeelweg 120", visitor=subject
    )
    visit = HouseVisit.objects.create(
        community=community,
        entry=entry,
        person=subject,
        address=STREET,
        visitor=helper,
        visited_on=date.today() - timedelta(days=3),
        outcome="held",
        notes="Woont alleen, dochter in Assen",
    )
    for domain in ("surroundings", "activities", "contacts", "health", "lifestyle"):
        VisitDomain.objects.create(
            visit=visit, domain=domain, talents="Breien", needs="Vervoer", trits="neighbours"
        )
    HouseVisit.objects.create(
        community=community,
        person=neighbour,
        address="Krakeelweg 14",
        visitor=subject,
        visited_on=date.today(),
        outcome="nobody_home",
    )
    signal = Signal.objects.create(
        community=community,
        raised_by=core,
        person_concerned=subject,
        assignee=coordinator,
        description="Mevrouw lijkt vergeetachtig",
        outcome=SECRETS["raiser_note"],
        public_outcome="Er wordt naar gekeken",
    )
    Signal.objects.create(
        community=community, raised_by=subject, description="Losse stoeptegels bij de kerk"
    )
    meeting = Meeting.objects.create(community=community, held_on=date.today(), place="Buurthuis")
    meeting.attendees.add(subject, core)
    decision = Decision.objects.create(meeting=meeting, text="Bankje plaatsen", recorded_by=core)
    decision.decided_by.add(subject, core)

    profile = VolunteerProfile.objects.create(community=community, person=subject)
    Training.objects.create(profile=profile, name="EHBO", held_on=date.today())
    Appreciation.objects.create(
        profile=profile, kind="thank_you", given_on=date.today(), note="Dank!", by=coordinator
    )
    initiative = Initiative.objects.create(community=community, title="Moestuin")
    Task.objects.create(initiative=initiative, description="Zaad kopen", responsible=subject)
    ImpactCard.objects.create(
        community=community,
        initiative=initiative,
        title="Moestuin 2026",
        period_start=date.today() - timedelta(days=90),
        period_end=date.today(),
        quote="Ik ken nu mijn buren",
        quote_person=subject,
    )
    from naober.communities.context import resolve_actor

    record_access(resolve_actor(coordinator.user, community.slug), subject, "phone call", ["phone"])
    LogEntry.objects.create(
        user=coordinator.user,
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(subject.pk),
        object_repr=NAME,
        action_flag=CHANGE,
        change_message="[]",
        action_time=now,
    )
    _sign_up_rows(community, subject, coordinator)
    _desk_rows(community, subject, coordinator)
    _reach_rows(community, subject, coordinator, neighbour_request, own_offer)
    return Rich(
        subject=subject,
        coordinator=coordinator,
        helper=helper,
        core=core,
        partner=partner,
        neighbour=neighbour,
        open_request=open_request,
        open_match=open_match,
        helper_match=helper_match,
        signal=signal,
        referral_made=referral_made,
    )


def _sign_up_rows(community, subject, coordinator) -> None:
    """Her invitation and sign-up, where the accounts app is installed."""
    from django.apps import apps

    if not apps.is_installed("naober.accounts"):
        return
    Invitation = apps.get_model("accounts", "Invitation")
    JoinRequest = apps.get_model("accounts", "JoinRequest")
    Invitation.objects.create(
        community=community,
        person=subject,
        via="letter",
        code_hash="0" * 64,
        created_by=coordinator,
        expires_at=timezone.now() + timedelta(days=7),
    )
    JoinRequest.objects.create(
        community=community,
        name=NAME,
        email=EMAIL,
        phone=PHONE,
        address=ADDRESS,
        accepted_rules_at=timezone.now(),
        status="approved",
        person=subject,
        decided_by=coordinator,
    )


def _desk_rows(community, subject, coordinator) -> None:
    """Her call to the front desk and a duty shift, where the desk app is installed."""
    from datetime import time

    from django.apps import apps

    if not apps.is_installed("naober.desk"):
        return
    apps.get_model("desk", "Call").objects.create(
        community=community,
        person=subject,
        number=PHONE,
        caller_name=NAME,
        subject="Vroeg of de tuinclub doorgaat",
        at=timezone.now(),
        taken_by=coordinator,
    )
    apps.get_model("desk", "DutyShift").objects.create(
        community=community, person=subject, day=date.today(), starts=time(10), ends=time(12)
    )
    apps.get_model("desk", "Callback").objects.create(
        community=community,
        person=subject,
        due_on=date.today(),
        good_time="na tienen",
        note="Vraag of de heg al geknipt is",
        created_by=coordinator,
        done_by=coordinator,
    )


def _reach_rows(community, subject, coordinator, request, offer) -> None:
    """She was asked about a neighbour's request in a call-out, and set how often she may be."""
    from naober.reach.models import Ask, Callout, HelperLimit

    callout = Callout.objects.create(community=community, request=request, sent_by=coordinator)
    Ask.objects.create(
        callout=callout,
        request=request,
        person=subject,
        offer=offer,
        channel="sms",
        reply_code="4821",
        answer="yes",
        answered_at=timezone.now(),
    )
    HelperLimit.objects.create(person=subject, asks_per_week=1)
