"""What the exchange pages share: bounded posted ids, going back to the page a form came from,
the requester-only look-up and what to know before proposing a helper. Rendering with the
community and a service's refusal in plain words are every app's (naober/base/pages.py); the
exchange's views take them from here under the names they have always used.
"""

from typing import NamedTuple

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from naober.base.next_url import local_next
from naober.base.pages import on_button as on_button
from naober.base.pages import on_form as on_form
from naober.base.pages import page as _page  # noqa: F401 (the exchange's views render with it)
from naober.exchange import integrations, policy, selectors
from naober.exchange.models import RequestStatus
from naober.people.models import ConsentPurpose

MAX_ID = 2**62


WORKBENCH_ROWS = 100


# A request can be cancelled until the help is done (live matches are then stopped).
CANCELLABLE = (RequestStatus.OPEN, RequestStatus.WAITING_LIST, RequestStatus.MATCHED)


def _posted_id(request, name: str) -> int | None:
    """A posted id within bounds, else None (so that no input can cause an error page)."""
    value = request.POST.get(name, "")
    if not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def _back(request, fallback: str):
    """Return to the page the form was posted from, if it is ours; else to `fallback`."""
    return redirect(local_next(request, fallback))


def _own_request(actor, request_id):
    """The actor's own request (or any, for staff); another person's gives 404."""
    help_request = selectors.request_get(actor, request_id)
    if not policy.may_change_request(actor, help_request.requester_id):
        raise Http404
    return help_request


class SuggestedHelper(NamedTuple):
    """A suggested helper as the coordinator chooses one, with what to know before proposing."""

    offer: object
    person: object
    score: float
    reasons: list[str]
    concerns: list[str]


def _suggestions(actor, help_request) -> list[SuggestedHelper]:
    """The best five helpers, each with the warnings about them (VOG), shown where the
    coordinator chooses, before proposing (issue 13.7)."""
    if help_request.status not in (RequestStatus.OPEN, RequestStatus.WAITING_LIST):
        return []
    return [
        SuggestedHelper(
            s.offer, s.person, s.score, s.reasons, helper_concerns(actor.community, s.person)
        )
        for s in integrations.suggestions(actor, help_request, limit=5)
    ]


def requester_concerns(requester) -> list[str]:
    """What a coordinator must know about the person helped before proposing anyone: they were
    never asked whether they agree to be matched, or they said no."""
    asked = requester.consents.filter(purpose=ConsentPurpose.MATCHING).order_by("-recorded_at")
    answer = asked.first()
    if answer is None:
        return [
            _(
                "Nobody has asked %(name)s yet whether they agree to be matched with a neighbour. "
                "Ask it and record the answer on their card."
            )
            % {"name": requester.name}
        ]
    if not answer.granted:
        return [_("%(name)s said no to being matched with a neighbour.") % {"name": requester.name}]
    return []


def helper_concerns(community, helper) -> list[str]:
    """What a coordinator must know about a helper before proposing them: no certificate of
    conduct (VOG) on record, or an expired one."""
    vog = integrations.vog_concern(community, helper)
    if vog == "missing":
        return [
            _("%(name)s has no certificate of conduct (VOG) on record.") % {"name": helper.name}
        ]
    if vog == "expired":
        return [
            _("The certificate of conduct (VOG) of %(name)s has expired.") % {"name": helper.name}
        ]
    return []


def proposal_concerns(actor, match) -> list[str]:
    """What a coordinator must know about an open match: the requester was never asked whether
    they agree to be matched, or the helper has no valid certificate of conduct (VOG)."""
    return requester_concerns(match.request.requester) + helper_concerns(
        actor.community, match.helper
    )
