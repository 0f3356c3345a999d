"""Writes for outreach: walk lists, house visits, turning a visit into offers and requests.

Signals and meetings have their own modules (signals.py, meetings.py) to keep each one small.

Why over 400 lines: a walk list, its visits and the visit's conversion into offers and requests
are one flow written by one role; each function is short, and the flow reads top to bottom.
"""

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.models import Area
from naober.communities.permissions import Action
from naober.exchange import services as exchange_services
from naober.exchange.models import Channel
from naober.outreach.models import (
    EntryKind,
    HouseVisit,
    VisitDomain,
    VisitOutcome,
    WalkEntry,
    WalkList,
)
from naober.outreach.policy import may_act_on, may_visit
from naober.people.models import ConsentMethod, ConsentPurpose, LifeDomain, Person
from naober.people.selectors import has_consent, people_of
from naober.people.services import record_consent

DOMAIN_FIELDS = ("talents", "wishes", "could_offer", "needs", "trits")
MAX_RANGE = 2000


def _first_words(value, limit: int) -> str:
    """The start of a longer text as a title; the text itself is kept whole beside it."""
    return " ".join(str(value or "").split())[:limit]


def _area_ids(area: Area) -> list[int]:
    """This area and everything below it (streets of a neighbourhood)."""
    ids, frontier = [area.pk], [area.pk]
    while frontier:
        frontier = list(Area.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids += frontier
    return ids


def _house_number(address: str) -> tuple[str, int, str]:
    """Sort key: street, then house number as a number, so 9 comes before 10 and 10 before 10a."""
    match = re.match(r"^(.*?)(\d+)(.*)$", address)
    if not match:
        return (address.lower(), 0, "")
    return (match.group(1).strip().lower(), int(match.group(2)), match.group(3).strip().lower())


@transaction.atomic
def create_walk_list(
    actor: Actor, *, area: Area, name: str, round: int = 1, capacity_per_visitor: int = 15
) -> WalkList:
    actor.require(Action.PLAN_VISITS)
    errors = {}
    if area is None or area.community_id != actor.community.pk:
        errors["area"] = [_("Choose a street or neighbourhood of this community.")]
    name = bounded_text(name, 120, "name", errors=errors)
    if not name and "name" not in errors:
        errors["name"] = [_("Fill in a name.")]
    if not 1 <= int(capacity_per_visitor) <= 100:
        errors["capacity_per_visitor"] = [_("Choose a number from 1 to 100.")]
    if not 1 <= int(round) <= 100:
        errors["round"] = [_("Choose a number from 1 to 100.")]
    if errors:
        raise ValidationError(errors)
    return WalkList.objects.create(
        community=actor.community,
        area=area,
        name=name,
        round=round,
        capacity_per_visitor=capacity_per_visitor,
        created_by=actor.person,
    )


def _add_entries(
    walk_list: WalkList, rows: list[tuple[str, Person | None]], kind: str, referred_by: str = ""
) -> list[WalkEntry]:
    """Add addresses that are not on the list yet; the list stays in walking order (street, then
    house number as a number: 2, 10, 10a), however the addresses were added."""
    known = set(walk_list.entries.values_list("address", flat=True))
    position = walk_list.entries.count()
    new = []
    for address, person in rows:
        if address in known:
            continue
        known.add(address)
        position += 1
        new.append(
            WalkEntry(
                walk_list=walk_list,
                kind=kind,
                address=address,
                person=person,
                referred_by=referred_by,
                position=position,
            )
        )
    created = WalkEntry.objects.bulk_create(new)
    _walking_order(walk_list)
    return created


def _walking_order(walk_list: WalkList) -> None:
    """Number the list's entries by street and natural house number."""
    entries = sorted(walk_list.entries.all(), key=lambda e: (_house_number(e.address), e.pk))
    for position, entry in enumerate(entries, start=1):
        entry.position = position
    WalkEntry.objects.bulk_update(entries, ["position"])


@transaction.atomic
def add_every_nth_resident(
    actor: Actor, walk_list: WalkList, *, every: int, start: int = 1
) -> list[WalkEntry]:
    """Every Nth known address in the list's area ("every tenth house"), starting at `start`."""
    actor.require(Action.PLAN_VISITS)
    walk_list = WalkList.objects.select_for_update().get(pk=walk_list.pk)
    if not (1 <= every <= 100 and 1 <= start <= every):
        raise ValidationError({"every": [_("Choose 'every' from 1 to 100 and a start no higher.")]})
    residents = (
        people_of(actor.community).filter(area_id__in=_area_ids(walk_list.area)).exclude(address="")
    )
    ordered = sorted(residents, key=lambda p: _house_number(p.address))
    chosen = ordered[start - 1 :: every]
    return _add_entries(walk_list, [(p.address, p) for p in chosen], EntryKind.EVERY_NTH)


@transaction.atomic
def add_number_range(
    actor: Actor, walk_list: WalkList, *, street: str, first: int, last: int, every: int = 1
) -> list[WalkEntry]:
    """Addresses from a house-number range, for streets where few residents are known yet."""
    actor.require(Action.PLAN_VISITS)
    walk_list = WalkList.objects.select_for_update().get(pk=walk_list.pk)
    errors = {}
    street = bounded_text(street, 150, "street", errors=errors)
    if not street and "street" not in errors:
        errors["street"] = [_("Fill in the street.")]
    if not (1 <= first <= last <= 100_000) or last - first > MAX_RANGE:
        errors["last"] = [_("Give a first and last house number, at most 2000 apart.")]
    if not 1 <= every <= 100:
        errors["every"] = [_("Choose a number from 1 to 100.")]
    if errors:
        raise ValidationError(errors)
    addresses = [f"{street} {n}" for n in range(first, last + 1, every)]
    residents = {p.address: p for p in people_of(actor.community).filter(address__in=addresses)}
    rows = [(address, residents.get(address)) for address in addresses]
    return _add_entries(walk_list, rows, EntryKind.EVERY_NTH)


@transaction.atomic
def add_person(
    actor: Actor, walk_list: WalkList, person: Person, *, kind: str, referred_by: str = ""
) -> WalkEntry:
    """A resident who asked for a visit, or one an organisation referred."""
    actor.require(Action.PLAN_VISITS)
    walk_list = WalkList.objects.select_for_update().get(pk=walk_list.pk)
    if person is None or person.community_id != actor.community.pk:
        raise ValidationError({"person": [_("Choose a resident of this community.")]})
    if kind not in (EntryKind.SELF_REGISTERED, EntryKind.REFERRED):
        raise ValidationError({"kind": [_("Choose why this resident is on the list.")]})
    referred_by = bounded_text(referred_by, 120, "referred_by")
    if kind == EntryKind.REFERRED and not referred_by:
        raise ValidationError({"referred_by": [_("Fill in which organisation referred them.")]})
    address = person.address or _("(address unknown) %(name)s") % {"name": person.name}
    entries = _add_entries(walk_list, [(address[:200], person)], kind, referred_by)
    if not entries:
        raise ValidationError({"person": [_("This address is on the list already.")]})
    return entries[0]


@transaction.atomic
def assign_visitor(actor: Actor, walk_list: WalkList, entry_ids: list[int], visitor: Person) -> int:
    """Give addresses to a visitor, never more than the list's capacity per visitor."""
    actor.require(Action.PLAN_VISITS)
    walk_list = WalkList.objects.select_for_update().get(pk=walk_list.pk)
    if visitor is None or visitor.community_id != actor.community.pk or not may_visit(visitor):
        raise ValidationError({"visitor": [_("Choose a volunteer who makes house visits.")]})
    entries = walk_list.entries.filter(pk__in=entry_ids).exclude(visitor=visitor)
    if not entries:
        raise ValidationError({"entries": [_("Choose at least one address.")]})
    current = walk_list.entries.filter(visitor=visitor).count()
    if current + len(entries) > walk_list.capacity_per_visitor:
        raise ValidationError(
            {
                "visitor": [
                    ngettext(
                        "%(name)s already has %(count)s address; at most %(max)s per visitor. "
                        "Choose fewer addresses or another visitor.",
                        "%(name)s already has %(count)s addresses; at most %(max)s per visitor. "
                        "Choose fewer addresses or another visitor.",
                        current,
                    )
                    % {
                        "name": visitor.name,
                        "count": current,
                        "max": walk_list.capacity_per_visitor,
                    }
                ]
            }
        )
    return walk_list.entries.filter(pk__in=[e.pk for e in entries]).update(visitor=visitor)


def _clean_domains(domains: dict) -> dict[str, dict]:
    cleaned, errors = {}, {}
    for domain, values in (domains or {}).items():
        if domain not in LifeDomain.values:
            errors["domains"] = [_("Unknown life domain.")]
            continue
        row = {
            f: bounded_text(values.get(f), 1000, f"{domain}-{f}", errors=errors)
            for f in DOMAIN_FIELDS
            if f != "trits"
        }
        trits = values.get("trits") or ""
        if trits and trits not in ("self", "neighbours", "professional"):
            errors[f"{domain}-trits"] = [_("Choose who can solve it.")]
        row["trits"] = trits
        if any(row.values()):
            cleaned[domain] = row
    if errors:
        raise ValidationError(errors)
    return cleaned


def _record_visit_consent(
    actor: Actor, person: Person, purpose: str, granted: bool, visit: HouseVisit
) -> None:
    """Write down the yes or no the resident said at the door, through people's own service.

    A trained visitor may not record consent in general, only the answer heard during their own
    visit (`heard_as` RECORD_VISIT, see people.policy): that record says so in its note.
    """
    record_consent(
        actor,
        person,
        purpose=purpose,
        granted=granted,
        method=ConsentMethod.SPOKEN,
        note=_("said during house visit %(id)s") % {"id": visit.pk},
        heard_as=Action.RECORD_VISIT,
    )


def _may_copy_address(actor: Actor, person, entry) -> bool:
    """Whether a new visit may take over the resident's postal address: for the roles that see
    contact details, and for the address someone was given on a walk list. Anyone else (the core
    group picking a name from the people list) types the address they stood at, so that recording
    a visit never reveals where someone lives (issue 12.8)."""
    if actor.can(Action.VIEW_CONTACT_DETAILS):
        return True
    if entry is not None and entry.person_id == person.pk:
        return True
    return person.walk_entries.filter(visitor=actor.person).exists()


@transaction.atomic
def record_visit(
    actor: Actor,
    *,
    visited_on: date,
    outcome: str,
    person: Person | None = None,
    address: str = "",
    notes: str = "",
    domains: dict | None = None,
    entry: WalkEntry | None = None,
    consent_notes: bool | None = None,
    consent_matching: bool | None = None,
) -> HouseVisit:
    """Record a visit. Nobody home or a refusal is recorded too, without notes or domains."""
    actor.require(Action.RECORD_VISIT)
    errors: dict[str, list[str]] = {}
    if entry is not None:
        if entry.walk_list.community_id != actor.community.pk:
            raise ValidationError({"entry": [_("This address is not on a walk list of yours.")]})
        if entry.visitor_id != actor.person.pk and not actor.can(Action.PLAN_VISITS):
            raise ValidationError({"entry": [_("This address is not on a walk list of yours.")]})
        person = person or entry.person
        address = address or entry.address
    if person is not None and person.community_id != actor.community.pk:
        errors["person"] = [_("Choose a resident of this community.")]
    elif (
        person is not None
        and not actor.can(Action.VIEW_PEOPLE)
        and not (person.walk_entries.filter(visitor=actor.person).exists())
    ):
        # A visitor records visits to the residents on their own walk list, nobody else.
        errors["person"] = [_("Choose a resident from your own walk list.")]
    if not address and person is not None and _may_copy_address(actor, person, entry):
        address = person.address
    address = bounded_text(address, 200, "address", errors=errors)
    if person is None and not address:
        errors["address"] = [_("Fill in the address or choose the resident.")]
    if outcome not in VisitOutcome.values:
        errors["outcome"] = [_("Choose how the visit went.")]
    if visited_on is None or not date(2000, 1, 1) <= visited_on <= timezone.localdate():
        errors["visited_on"] = [_("Enter the date of the visit; it cannot be in the future.")]
    notes = bounded_text(notes, 4000, "notes", one_line=False, errors=errors)
    cleaned_domains = {}
    try:
        cleaned_domains = _clean_domains(domains or {})
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    held = outcome == VisitOutcome.HELD
    visit = HouseVisit.objects.create(
        community=actor.community,
        entry=entry,
        person=person,
        address=address,
        visitor=actor.person,
        visited_on=visited_on,
        outcome=outcome,
        notes=notes if held else "",
    )
    if held:
        VisitDomain.objects.bulk_create(
            VisitDomain(visit=visit, domain=domain, **values)
            for domain, values in cleaned_domains.items()
        )
    if held and person is not None:
        for purpose, answer in (
            (ConsentPurpose.VISIT_NOTES, consent_notes),
            (ConsentPurpose.MATCHING, consent_matching),
        ):
            if answer is not None:
                _record_visit_consent(actor, person, purpose, answer, visit)
    return visit


def can_convert(visit: HouseVisit) -> bool:
    """Only a held conversation with a known resident who agreed to be matched."""
    return (
        visit.outcome == VisitOutcome.HELD
        and visit.person is not None
        and visit.converted_at is None
        and has_consent(visit.person, ConsentPurpose.MATCHING)
    )


def _through_exchange(field: str, create, *args, **kwargs):
    """Create an offer or request with the exchange's own service, so that its rules apply (a
    request code, the resident's confirmation, the kinds of help neighbours take on); its
    complaints are shown at the chosen part of the conversation."""
    try:
        return create(*args, **kwargs)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


@transaction.atomic
def convert_visit(
    actor: Actor, visit: HouseVisit, *, offers: dict[str, object], requests: dict[str, object]
) -> tuple[list, list]:
    """Turn what the resident said into offers and requests, in one step, with their consent.

    `offers` and `requests` map a life domain to the help category to file it under. Requests are
    mediated by default: a coordinator calls the resident before any neighbour does. Without the
    resident's consent to be matched nothing is created. Both are made by the exchange's services
    (as entered at a house visit), so a request gets its code and the resident's confirmation, and
    an out-of-scope kind of help is referred (request) or refused (offer) as anywhere else.
    """
    if not may_act_on(actor, visit):
        raise PermissionDenied
    visit = HouseVisit.objects.select_for_update().get(pk=visit.pk)
    if visit.converted_at is not None:
        raise ValidationError(_("This visit has been turned into offers and requests already."))
    if visit.outcome != VisitOutcome.HELD or visit.person is None:
        raise ValidationError(
            _("Only a conversation with a known resident can be turned into offers and requests.")
        )
    if not has_consent(visit.person, ConsentPurpose.MATCHING):
        raise ValidationError(
            _(
                "The resident has not agreed to be matched with neighbours. "
                "Nothing has been created."
            )
        )
    domains = {d.domain: d for d in visit.domains.all()}
    errors = {}
    for field, chosen, text_field in (
        ("offers", offers, "could_offer"),
        ("requests", requests, "needs"),
    ):
        for domain, category in chosen.items():
            row = domains.get(domain)
            if row is None or not getattr(row, text_field):
                errors[field] = [_("Choose only parts of the conversation that have text.")]
            elif category is None or category.community_id != actor.community.pk:
                errors[field] = [_("Choose a kind of help for every chosen part.")]
    if not offers and not requests:
        errors["offers"] = [_("Choose at least one offer or request.")]
    if errors:
        raise ValidationError(errors)
    created_offers = [
        _through_exchange(
            "offers",
            exchange_services.create_offer,
            actor,
            {
                "categories": [category],
                "description": domains[domain].could_offer,
                "max_per_month": 2,
            },
            helper=visit.person,
            entered_via=Channel.HOUSE_VISIT,
        )
        for domain, category in offers.items()
    ]
    created_requests = [
        _through_exchange(
            "requests",
            exchange_services.create_request,
            actor,
            {
                "category": category,
                "title": _first_words(domains[domain].needs, 120),
                "description": domains[domain].needs,
                "needs_mediation": True,
            },
            requester=visit.person,
            entered_via=Channel.HOUSE_VISIT,
        )
        for domain, category in requests.items()
    ]
    visit.created_offers.add(*created_offers)
    visit.created_requests.add(*created_requests)
    visit.converted_at = timezone.now()
    visit.save(update_fields=["converted_at"])
    return created_offers, created_requests
