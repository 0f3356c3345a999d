"""Empty free text that is older than settings.RETENTION_DAYS, as declared in the retention lists.

`plan()` says what would be purged (the dry run); `purge()` does it, one transaction per entry, and
writes one audit entry per community and model.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, FieldError, ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from naober.apps_registry import modules_named
from naober.communities.models import Community
from naober.privacy import audit
from naober.privacy.models import AuditAction
from naober.privacy.retention import Purgeable

DEFAULT_RETENTION_DAYS = 730


@dataclass(frozen=True)
class PurgeItem:
    model: str
    fields: tuple[str, ...]
    count: int


def _field_at(model, path: str):
    """The field a lookup path ("visit__visited_on") ends at; FieldDoesNotExist if it does not."""
    *steps, name = path.split("__")
    for step in steps:
        model = model._meta.get_field(step).related_model
        if model is None:
            raise FieldDoesNotExist(f"{step} is not a relation")
    return model._meta.get_field(name)


def _resolve(entry: Purgeable) -> type[models.Model]:
    """The entry's model, after checking that every field it names exists."""
    try:
        model = apps.get_model(entry.model)
        for path in (entry.date_field, entry.community_field, *entry.text_fields):
            _field_at(model, path)
        model._default_manager.filter(**entry.closed)  # builds the query only: no database
    except (LookupError, ValueError, FieldDoesNotExist, FieldError) as error:
        raise ImproperlyConfigured(f"retention entry {entry}: {error}") from error
    return model


def registered() -> list[tuple[Purgeable, type[models.Model], tuple[str, ...]]]:
    """Every declared entry with its model. A misspelt model or field fails here rather than
    being skipped (a skipped entry would keep personal text forever); the privacy app calls this
    at start-up."""
    found, seen = [], set()
    for module in modules_named("retention"):
        for entry in getattr(module, "PURGEABLE", []):
            model = _resolve(entry)
            if (entry.model, entry.text_fields) in seen:
                continue
            seen.add((entry.model, entry.text_fields))
            found.append((entry, model, entry.text_fields))
    return found


def cutoff(now=None):
    """The moment before which finished rows lose their free text (settings.RETENTION_DAYS)."""
    days = getattr(settings, "RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    return (now or timezone.now()) - timedelta(days=days)


def expired(entry: Purgeable, model, fields: tuple[str, ...], now=None) -> models.QuerySet:
    """Finished rows older than the retention period that still hold some of the text."""
    limit = cutoff(now)
    if isinstance(_field_at(model, entry.date_field), models.DateTimeField):
        bound = limit
    else:
        bound = date(limit.year, limit.month, limit.day)
    holds_text = Q()
    for name in fields:
        holds_text |= ~Q(**{name: ""}) & Q(**{f"{name}__isnull": False})
    return model._default_manager.filter(
        **{f"{entry.date_field}__lt": bound}, **entry.closed
    ).filter(holds_text)


def plan(now=None) -> list[PurgeItem]:
    """What `purge` would clear now, per model, without changing anything (the dry run)."""
    return [
        PurgeItem(entry.model, fields, expired(entry, model, fields, now).count())
        for entry, model, fields in registered()
    ]


def purge(now=None) -> list[PurgeItem]:
    """Clear the free text of expired rows of every registered model, one audit entry per
    community and model; returns what was cleared."""
    done = []
    for entry, model, fields in registered():
        with transaction.atomic():
            rows = expired(entry, model, fields, now).select_for_update()
            per_community: dict[int, int] = {}
            for community_id in rows.values_list(entry.community_field, flat=True):
                per_community[community_id] = per_community.get(community_id, 0) + 1
            pks = list(rows.values_list("pk", flat=True))
            count = model._default_manager.filter(pk__in=pks).update(
                **{name: (None if model._meta.get_field(name).null else "") for name in fields}
            )
            for community in Community.objects.filter(pk__in=per_community):
                audit.append(
                    community,
                    AuditAction.PURGE,
                    None,
                    "retention period ended",
                    object_type=model._meta.label_lower,
                    object_id=f"{per_community[community.pk]} rows",
                    fields=list(fields),
                )
        done.append(PurgeItem(entry.model, fields, count))
    return done
