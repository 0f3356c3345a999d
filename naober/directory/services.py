"""Writes on the social map: organisations, their services, and keeping the search key current."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.directory import csv_io, search
from naober.directory.models import Organisation, OrganisationKind, Service

# Referral writes live in referrals.py; other apps (exchange, outreach) call them from here.
from naober.directory.referrals import (  # noqa: F401
    change_referral,
    refer_in,
    refer_out,
    refer_request,
)
from naober.directory.validation import ORGANISATION_FIELDS, SERVICE_FIELDS, clean_fields


def refresh_search_key(organisation: Organisation) -> None:
    """Rebuild the stem key from the organisation, its kind and all its services."""
    texts = [
        organisation.name,
        organisation.description,
        organisation.for_whom,
        str(OrganisationKind(organisation.kind).label) if organisation.kind else "",
    ]
    for service in organisation.services.all():
        texts += [service.name, service.description, service.for_whom]
    key = search.search_key(*texts)
    Organisation.objects.filter(pk=organisation.pk).update(search_stems=key)
    organisation.search_stems = key


def _check_unique_name(community, name: str, exclude_pk: int | None) -> None:
    clash = Organisation.objects.filter(community=community, name__iexact=name)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"name": [_("There is already an organisation with this name.")]})


@transaction.atomic
def save_organisation(actor: Actor, organisation: Organisation | None, data: dict) -> Organisation:
    """Create an organisation (when `organisation` is None) or change the given fields of one."""
    actor.require(Action.MANAGE_DIRECTORY)
    cleaned = clean_fields(data, ORGANISATION_FIELDS)
    if organisation is None:
        if not cleaned.get("name"):
            raise ValidationError({"name": [_("Fill in a name.")]})
        _check_unique_name(actor.community, cleaned["name"], None)
        organisation = Organisation.objects.create(community=actor.community, **cleaned)
    else:
        if organisation.community_id != actor.community.pk:
            raise ValidationError(_("This organisation belongs to another community."))
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if "name" in cleaned:
            _check_unique_name(actor.community, cleaned["name"], organisation.pk)
        for field, value in cleaned.items():
            setattr(organisation, field, value)
        organisation.save()
    refresh_search_key(organisation)
    return organisation


@transaction.atomic
def save_service(
    actor: Actor, organisation: Organisation, service: Service | None, data: dict
) -> Service:
    """Add a service to an organisation or change one; the organisation's search key follows."""
    actor.require(Action.MANAGE_DIRECTORY)
    if organisation.community_id != actor.community.pk:
        raise ValidationError(_("This organisation belongs to another community."))
    cleaned = clean_fields(data, SERVICE_FIELDS)
    if service is None:
        if not cleaned.get("name"):
            raise ValidationError({"name": [_("Fill in a name.")]})
        service = Service.objects.create(organisation=organisation, **cleaned)
    else:
        if service.organisation_id != organisation.pk:
            raise ValidationError(_("This service belongs to another organisation."))
        for field, value in cleaned.items():
            setattr(service, field, value)
        service.save()
    refresh_search_key(organisation)
    return service


@dataclass
class ImportReport:
    """What an import did, or would do: counts, or the row-numbered errors that stopped it."""

    errors: list[tuple[int, str]]
    to_import: int = 0
    created: int = 0
    updated: int = 0


@transaction.atomic
def import_organisations(actor: Actor, content: bytes, *, dry_run: bool = False) -> ImportReport:
    """Load the coordinator's spreadsheet: all rows or none, matched on the organisation's name."""
    actor.require(Action.MANAGE_DIRECTORY)
    parsed = csv_io.parse(content)
    report = ImportReport(errors=parsed.errors, to_import=len(parsed.rows))
    if parsed.errors or dry_run:
        return report
    organisations, report.created, report.updated = csv_io.upsert(actor.community, parsed.rows)
    for organisation in organisations:
        refresh_search_key(organisation)
    return report
