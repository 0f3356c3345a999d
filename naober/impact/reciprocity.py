"""Reciprocity that leads somewhere (issue 15.4): how many who were helped now help others.

Helped: the person asked for help in a match that was accepted or went further. Helping now:
they have an available offer of their own, or they were the helper in such a match. Counted up
to the end of the period (people do not start helping in the same month they were helped), and,
like every aggregate figure, suppressed below five so that it never points at one household.
"""

from datetime import date

from django.db.models import Q

from naober.exchange.models import HELPED_STATES, HelpOffer, Match
from naober.exchange.reports import period_bounds
from naober.impact.figures import suppressed


def helped_now_helping(community, date_to: date) -> int:
    """Distinct people who were helped up to `date_to` and who help others by then.

    Read from the helped side (the community's reached matches, a few thousand rows), not from
    every resident: in a city of 100,000 the people table made this one count 83 ms on
    PostgreSQL."""
    _start, end = period_bounds(date_to, date_to)
    reached = Match.objects.filter(community=community, state__in=HELPED_STATES, created_at__lt=end)
    offers = HelpOffer.objects.filter(community=community, available=True, created_at__lt=end)
    helping = Q(request__requester__in=offers.values("helper")) | Q(
        request__requester__in=reached.values("helper")
    )
    return reached.filter(helping).values("request__requester").distinct().count()


def public_helped_now_helping(community, date_to: date) -> dict:
    """The figure as aggregate readers see it: {"value", "suppressed"}."""
    return suppressed(helped_now_helping(community, date_to))
