"""Closing what a person still has open in the exchange before their data is erased."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.exchange import integrations
from naober.exchange.models import (
    OPEN_STATES,
    HelpOffer,
    HelpRequest,
    Match,
    MatchState,
    RequestStatus,
)
from naober.exchange.selectors import coordinators_of
from naober.exchange.services._common import _record_step
from naober.people.models import Person


@transaction.atomic
def close_for_erasure(actor: Actor, person: Person) -> None:
    """Close what a person still has open before their data is erased (privacy.erasure).

    Their open requests are cancelled (off the public page, the workbench and the plan) and their
    offers paused. A proposed match is stopped; a match where the help had begun is ended as
    completed, because the help did take place and the figures must keep counting it. The other
    side hears that the help has stopped, and the coordinators get a note with the request number
    (no name), all through notify.
    """
    note = _("Ended because the data of one of the two people was erased.")
    matches = (
        Match.objects.select_for_update()
        .filter(Q(helper=person) | Q(request__requester=person), community=actor.community)
        .filter(state__in=OPEN_STATES)
        .select_related("request__requester", "helper")
    )
    coordinators = coordinators_of(actor.community)
    for match in matches:
        begun = match.state != MatchState.PROPOSED
        _record_step(actor, match, MatchState.COMPLETED if begun else MatchState.STOPPED, note)
        other = match.request.requester if match.helper_id == person.pk else match.helper
        integrations.notify(other, "match_stopped", {"match": match})
        body = _(
            "The match for request %(code)s has stopped because the data of one of the two "
            "people was erased. Please look at what is needed now."
        ) % {"code": match.request.code or match.request.pk}
        for coordinator in coordinators:
            integrations.notify(
                coordinator, "custom", {"subject": _("A match has stopped"), "body": body}
            )
    HelpRequest.objects.filter(
        requester=person,
        status__in=[RequestStatus.OPEN, RequestStatus.MATCHED, RequestStatus.WAITING_LIST],
    ).update(status=RequestStatus.CANCELLED)
    for offer in HelpOffer.objects.select_for_update().filter(helper=person, available=True):
        offer.available = False
        offer.save(update_fields=["available"])  # saved one by one: the matching index hears it
