"""Exchange rows with chosen dates, written straight to the database for figure tests."""

from datetime import datetime

from django.utils import timezone

from naober.exchange.models import Category, HelpOffer, HelpRequest, Match
from tests.factories import make_person


def at(year, month, day) -> datetime:
    return timezone.make_aware(datetime(year, month, day, 12, 0))


def request_on(community, when, requester=None, **fields) -> HelpRequest:
    requester = requester or make_person(community, "resident", login=False)
    category = Category.objects.filter(community=community).first()
    request = HelpRequest.objects.create(
        community=community, requester=requester, category=category, title="Boodschappen", **fields
    )
    HelpRequest.objects.filter(pk=request.pk).update(created_at=when)
    request.refresh_from_db()
    return request


def match_on(community, when, request, helper=None, state="accepted") -> Match:
    helper = helper or make_person(community, "volunteer", login=False)
    offer = HelpOffer.objects.create(community=community, helper=helper, description="Help")
    match = Match.objects.create(
        community=community, request=request, offer=offer, helper=helper, mode="self", state=state
    )
    Match.objects.filter(pk=match.pk).update(created_at=when)
    return match
