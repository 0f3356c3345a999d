"""A simple ranking of helpers for one request: category first, then how close they live.

This stands in until the matching engine (naober/matching) is wired in; keep the signature
`suggest_for_request(actor, help_request, limit=10) -> list[Suggestion]` so callers do not change.

Points (the score is their sum divided by the maximum, so it lies in [0, 1]):
  same category 0.5, else same kind 0.25 (other offers are not suggested);
  same street 0.3, else same neighbourhood 0.2, else same district 0.1 (via the Area tree);
  the requester asked for this helper 0.2; helped this requester before 0.1;
  a shared language 0.05.
Never suggested: the requester, a helper the requester declined or stopped with, a paused offer,
a helper who already reached their maximum this month. One suggestion per helper (their best offer).
"""

from typing import NamedTuple

from django.utils.translation import gettext as _

from naober.communities.context import Actor
from naober.communities.models import AreaKind
from naober.communities.permissions import Action
from naober.exchange import selectors
from naober.exchange.models import HelpOffer, HelpRequest

SAME_CATEGORY, SAME_KIND = 0.5, 0.25
SAME_STREET, SAME_NEIGHBOURHOOD, SAME_DISTRICT = 0.3, 0.2, 0.1
PREFERRED, HELPED_BEFORE, SHARED_LANGUAGE = 0.2, 0.1, 0.05
MAXIMUM = SAME_CATEGORY + SAME_STREET + PREFERRED + HELPED_BEFORE + SHARED_LANGUAGE


class Suggestion(NamedTuple):
    offer: HelpOffer
    person: object
    score: float
    reasons: list[str]


def _nearness(home, there) -> tuple[float, str | None]:
    """Points and reason for how near `there` (the helper's area) is to `home` (the requester's)."""
    if home is None or there is None:
        return 0.0, None
    if home.pk == there.pk:
        return SAME_STREET, _("Lives in the same street")
    for kind, points, reason in (
        (AreaKind.NEIGHBOURHOOD, SAME_NEIGHBOURHOOD, _("Lives in the same neighbourhood")),
        (AreaKind.VILLAGE, SAME_NEIGHBOURHOOD, _("Lives in the same village")),
        (AreaKind.DISTRICT, SAME_DISTRICT, _("Lives in the same district")),
    ):
        mine, theirs = home.nearest(kind), there.nearest(kind)
        if mine is not None and theirs is not None and mine.pk == theirs.pk:
            return points, reason
    return 0.0, None


def _score(
    help_request: HelpRequest, offer: HelpOffer, helped: set[int]
) -> tuple[float, list[str]]:
    codes = {c.code for c in offer.categories.all()}
    kinds = {c.kind for c in offer.categories.all()}
    if help_request.category.code in codes:
        points, reasons = SAME_CATEGORY, [_("Offers this kind of help")]
    elif help_request.category.kind in kinds:
        points, reasons = SAME_KIND, [_("Offers similar help")]
    else:
        return 0.0, []
    near, reason = _nearness(help_request.requester.area, offer.area or offer.helper.area)
    points += near
    reasons += [reason] if reason else []
    if help_request.preferred_helper_id == offer.helper_id:
        points += PREFERRED
        reasons.append(_("Asked for by name"))
    if offer.helper_id in helped:
        points += HELPED_BEFORE
        reasons.append(_("Helped this person before"))
    if set(help_request.requester.languages or []) & set(offer.languages or []):
        points += SHARED_LANGUAGE
        reasons.append(_("Speaks the same language"))
    return points, reasons


def suggest_for_request(actor: Actor, help_request: HelpRequest, limit: int = 10) -> list:
    """The best `limit` helpers for this request, best first (ties: the oldest offer first).

    Permission: MANAGE_EXCHANGE. Returns Suggestion(offer, person, score, reasons).
    """
    actor.require(Action.MANAGE_EXCHANGE)
    excluded = selectors.declined_helpers(help_request) | {help_request.requester_id}
    helped = selectors.helped_before(help_request)
    offers = list(
        HelpOffer.objects.filter(
            community=actor.community,
            available=True,
            categories__kind=help_request.category.kind,
        )
        .exclude(helper_id__in=excluded)
        .exclude(helper__erased_at__isnull=False)
        .distinct()
        .select_related("helper__area__parent__parent", "area__parent__parent")
        .prefetch_related("categories")
        .order_by("created_at", "id")
    )
    load = selectors.helper_load(actor.community, {o.helper_id for o in offers})
    best: dict[int, Suggestion] = {}
    for offer in offers:
        used = load.get(offer.helper_id, 0)
        if used >= offer.max_per_month:
            continue
        points, reasons = _score(help_request, offer, helped)
        if not points:
            continue
        reasons.append(
            _("Has room this month (%(used)s of %(max)s)")
            % {"used": used, "max": offer.max_per_month}
        )
        score = round(points / MAXIMUM, 3)
        current = best.get(offer.helper_id)
        if current is None or score > current.score:
            best[offer.helper_id] = Suggestion(offer, offer.helper, score, reasons)
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.offer.created_at, s.offer.pk))
    return ranked[:limit]
