"""Reads for the coordinator's door queues: open volunteer sign-ups and talents, oldest first."""

from django.db.models import QuerySet

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.doors.models import Talent, VolunteerSignup


def open_signups(actor: Actor) -> QuerySet[VolunteerSignup]:
    """Volunteer sign-ups waiting for the intake talk."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    return VolunteerSignup.objects.filter(community=actor.community, closed_at__isnull=True)


def open_talents(actor: Actor) -> QuerySet[Talent]:
    """Talents waiting for the coordinator's review."""
    actor.require(Action.MANAGE_VOLUNTEERS)
    return Talent.objects.filter(community=actor.community, closed_at__isnull=True)
