"""Turning a held house visit into offers and requests, in one step and with the resident's
consent, through the exchange's own services."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.exchange import services as exchange_services
from naober.exchange.models import Channel
from naober.outreach.models import HouseVisit, VisitOutcome
from naober.outreach.policy import may_act_on
from naober.people.models import ConsentPurpose
from naober.people.selectors import has_consent


def _first_words(value, limit: int) -> str:
    """The start of a longer text as a title; the text itself is kept whole beside it."""
    return " ".join(str(value or "").split())[:limit]


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
