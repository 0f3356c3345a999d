"""Walk lists: a coordinator makes a list for a street or neighbourhood, fills it (every Nth
known address, a range of house numbers, a resident who asked or was referred) in walking order,
and gives addresses to visitors."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.models import Area
from naober.communities.permissions import Action
from naober.outreach.models import EntryKind, WalkEntry, WalkList
from naober.outreach.policy import may_visit
from naober.people.models import Person
from naober.people.selectors import people_of

MAX_RANGE = 2000


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
