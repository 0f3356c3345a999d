"""Reads for privacy pages and the API, always within the actor's community."""

from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.people.models import Person
from naober.people.selectors import person_get
from naober.privacy.models import AuditEntry


def audit_log(
    actor: Actor,
    *,
    person: int | None = None,
    by: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEntry]:
    """The community's audit trail, newest first, for coordinators (VIEW_AUDIT_LOG)."""
    actor.require(Action.VIEW_AUDIT_LOG)
    qs = AuditEntry.objects.filter(community=actor.community).select_related("actor", "person")
    if person:
        qs = qs.filter(person_id=person)
    if by:
        qs = qs.filter(actor_id=by)
    zone = timezone.get_current_timezone()
    if date_from:
        qs = qs.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=zone))
    if date_to:
        qs = qs.filter(at__lte=datetime.combine(date_to, time.max, tzinfo=zone))
    return qs.order_by("-seq")


def audit_people(actor: Actor) -> QuerySet[Person]:
    """Everyone of the community, erased people too: their entries stay in the log."""
    actor.require(Action.VIEW_AUDIT_LOG)
    return Person.objects.filter(community=actor.community).order_by("name", "id")


def subject(actor: Actor, person_id: int | None = None) -> Person:
    """The person whose rights are exercised: oneself, or anyone for staff (ACT_ON_PRIVACY_RIGHTS).

    Another community's person and, for anyone but staff, another resident of one's own
    community are not found (404): "not allowed" looks exactly like "not there".
    """
    if person_id is None or (actor.person is not None and actor.person.pk == person_id):
        if actor.person is None:
            raise PermissionDenied
        return actor.person
    if not actor.can(Action.ACT_ON_PRIVACY_RIGHTS):
        raise Http404
    return person_get(actor, person_id)
