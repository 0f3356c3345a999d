"""House visits: a visitor records the visit, what the resident said about the five parts of
life, and the yes or no they gave at the door to notes and to being matched."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.base.text import bounded_text
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.outreach.models import HouseVisit, VisitDomain, VisitOutcome, WalkEntry
from naober.people.models import ConsentMethod, ConsentPurpose, LifeDomain, Person
from naober.people.selectors import has_consent
from naober.people.services import record_consent

DOMAIN_FIELDS = ("talents", "wishes", "could_offer", "needs", "trits")


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
