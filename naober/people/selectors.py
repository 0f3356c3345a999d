"""Reads of people, always within one community and shaped by what the caller may see."""

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from naober.communities.auditing import record_access_many, record_contact_view
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.people.access import visible_people
from naober.people.models import Consent, ConsentPurpose, Person, PersonTag

# The fields of a person card that are contact details: showing them to someone else is audited.
CONTACT_FIELDS = ("phone", "email", "address", "date_of_birth")


def people_of(community) -> QuerySet[Person]:
    """Everyone of this community who has not been erased."""
    return Person.objects.filter(community=community, erased_at__isnull=True)


def person_list(actor: Actor, *, search: str = "") -> QuerySet[Person]:
    """The people list for staff and the core group; nobody else gets a list of residents."""
    actor.require(Action.VIEW_PEOPLE)
    qs = people_of(actor.community).select_related("area").prefetch_related("memberships")
    search = search.replace("\x00", "").strip()  # PostgreSQL refuses NUL in a query
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(area__name__icontains=search))
    return qs.order_by("name", "id")


def person_get(actor: Actor, person_id: int) -> Person:
    """One person this actor may see (`access`); anyone else, like another community's id or an
    id that does not exist, is simply not found (404)."""
    person = (
        visible_people(actor, people_of(actor.community))
        .select_related("area")
        .prefetch_related("memberships")
        .filter(pk=person_id)
        .first()
    )
    if person is None:
        raise Http404
    return person


class Visibility:
    """How much of a person one caller may see: public card, member card or everything."""

    PUBLIC = "public"  # first name and street: what a request, offer, match... joins need
    MEMBER = "member"  # also full name and roles: core group
    FULL = "full"  # contact details too: staff, and the person themselves


def visibility(actor: Actor, person: Person) -> str:
    if actor.person is not None and actor.person.pk == person.pk:
        return Visibility.FULL
    if actor.can(Action.VIEW_CONTACT_DETAILS):
        return Visibility.FULL
    if actor.can(Action.VIEW_PEOPLE):
        return Visibility.MEMBER
    return Visibility.PUBLIC


def person_view(actor: Actor, person: Person) -> dict:
    """The fields of `person` this actor may see, as a plain dict (pages and API share it)."""
    level = visibility(actor, person)
    data = {
        "id": person.pk,
        "name": person.display_name,
        "area": person.area_id,
        "area_name": person.public_place,
    }
    if level == Visibility.PUBLIC:
        return data
    data.update(name=person.name, roles=person.role_codes)
    if level == Visibility.MEMBER:
        return data
    data.update(
        public_name=person.display_name,
        phone=person.phone,
        email=person.email,
        address=person.address,
        digital=person.digital,
        preferred_channel=person.preferred_channel,
        reachable_via_coordinator=person.reachable_via_coordinator,
        languages=person.languages,
        date_of_birth=person.date_of_birth,
        gender=person.gender,
        vulnerable=person.vulnerable,
    )
    return data


def contact_card(actor: Actor, person: Person, purpose: str) -> dict:
    """`person_view`, and when it holds someone else's contact details, the audit entry for that
    read: every page and API answer that shows a person card goes through here."""
    view = person_view(actor, person)
    record_contact_view(actor, person, view, purpose)
    return view


def contact_cards(actor: Actor, people, purpose: str) -> list[dict]:
    """`contact_card` for a list page: the same views, audited in one step for the page."""
    views = [person_view(actor, person) for person in people]
    own = actor.person.pk if actor.person is not None else None
    by_fields: dict[tuple, list[Person]] = {}
    for person, view in zip(people, views, strict=True):
        fields = tuple(name for name in CONTACT_FIELDS if name in view)
        if fields and person.pk != own:
            by_fields.setdefault(fields, []).append(person)
    for fields, shown in by_fields.items():
        record_access_many(actor, shown, purpose, list(fields))
    return views


def record_shown(actor: Actor, people, purpose: str, fields: list[str]) -> None:
    """One audit entry per person whose `fields` (contact details, notes) a list shows this actor.

    Selectors that return rows with someone's phone, address or notes call this with the rows'
    people once the rows are chosen, so no view can show them unrecorded. The actor themselves,
    rows without a person and repeats are skipped.
    """
    shown: dict[int, Person] = {}
    own = actor.person.pk if actor.person is not None else None
    for person in people:
        if person is not None and person.pk != own:
            shown.setdefault(person.pk, person)
    record_access_many(actor, shown.values(), purpose, fields)


def current_consents(person: Person) -> dict[str, Consent | None]:
    """The newest consent record per purpose (None where nothing was ever recorded)."""
    latest: dict[str, Consent | None] = {p.value: None for p in ConsentPurpose}
    for consent in person.consents.select_related("recorded_by").order_by("recorded_at", "id"):
        latest[consent.purpose] = consent
    return latest


def has_consent(person: Person, purpose: str) -> bool:
    consent = person.consents.filter(purpose=purpose).order_by("-recorded_at", "-id").first()
    return bool(consent and consent.granted)


def consenting(people: QuerySet[Person], purpose: str) -> QuerySet[Person]:
    """Those of `people` whose latest answer for `purpose` is yes: `has_consent` in one query,
    for a chooser that must offer only them (a quote on the impact card needs media consent)."""
    latest = Consent.objects.filter(person=OuterRef("pk"), purpose=purpose).order_by(
        "-recorded_at", "-id"
    )
    return people.annotate(_consented=Subquery(latest.values("granted")[:1])).filter(
        _consented=True
    )


def person_tags(person: Person) -> dict[str, list[PersonTag]]:
    """The person's talents and needs, each with its tag and life domain, for the detail page."""
    grouped: dict[str, list[PersonTag]] = {kind: [] for kind in PersonTag.Kind.values}
    for item in person.tags.select_related("tag").order_by("tag__label"):
        grouped[item.kind].append(item)
    return grouped
