"""The printed notice-board sheet of a neighbourhood and the short codes on it (V-4821, A-12):
what hangs on the sheet, how it is cut into A4 pages, and finding a row by its code.
"""

from django.db.models import Q

from naober.communities.context import Actor
from naober.communities.models import Area, AreaKind
from naober.exchange.selectors.offers import OFFER_CODE_PREFIX, offer_code, visible_offers
from naober.exchange.selectors.requests import board_requests, visible_requests

SHEET_ITEMS = 20  # per kind on the notice board of one neighbourhood


SHEET_PAGE_ITEMS = 6  # on one A4 sheet, in type that is readable from a metre away (print.css)


def area_and_below(area) -> list[int]:
    """The ids of this area and every area under it (the tree is a few levels deep)."""
    ids, frontier = [area.pk], [area.pk]
    while frontier:
        frontier = list(
            Area.objects.filter(community_id=area.community_id, parent_id__in=frontier).values_list(
                "pk", flat=True
            )
        )
        ids.extend(frontier)
    return ids


def noticeboard_area_of(person):
    """The neighbourhood or village a person lives in (the sheet that hangs near them), found by
    walking up from their street; None without an address in one."""
    area = getattr(person, "area", None)
    for _depth in range(10):  # the tree is a few levels deep; a loop in it must not hang a page
        if area is None or area.kind in (AreaKind.NEIGHBOURHOOD, AreaKind.VILLAGE):
            return area
        area = area.parent
    return None


def noticeboard_areas(community):
    """Neighbourhoods and villages: one notice-board sheet each."""
    return Area.objects.filter(
        community=community, kind__in=[AreaKind.NEIGHBOURHOOD, AreaKind.VILLAGE]
    ).order_by("name")


def normalise_code(code: str) -> str:
    """A code as printed (V-4821, A-12), however it was typed: "v4821", "V 4821" and "V–4821"
    all find the same request. Letters first, then the digits, joined by one dash."""
    squeezed = "".join(ch for ch in str(code or "").upper() if ch.isalnum())[:12]
    letters = squeezed.rstrip("0123456789")
    digits = squeezed[len(letters) :]
    return f"{letters}-{digits}" if letters and digits else squeezed


def find_by_code(actor: Actor, code: str) -> tuple[str, int] | None:
    """("request", id) for V-1234, ("offer", id) for A-12, None when this actor finds nothing."""
    code = normalise_code(code)
    if code.startswith(OFFER_CODE_PREFIX):
        number = code[len(OFFER_CODE_PREFIX) :]
        if number.isdigit() and len(number) <= 18:
            offer = visible_offers(actor).filter(pk=int(number)).first()
            return ("offer", offer.pk) if offer else None
        return None
    request = visible_requests(actor).filter(code__iexact=code).first()
    return ("request", request.pk) if request else None


def noticeboard(actor: Actor, area) -> dict:
    """Open requests and available offers of people living in `area` (or offers for it), for the
    printed sheet. The sheet hangs where anyone reads it, so it holds only the requests their
    requester agreed to publish, as the public community page does."""
    below = area_and_below(area)
    requests = board_requests(actor).filter(requester__area_id__in=below, publish=True)
    # Two queries, each served by an index, instead of one with an OR across the helper's street
    # and the offer's own area: PostgreSQL joined every resident with every offer for that OR
    # (75 ms a board in a city of 100,000; bench/city_pages.py, issue 16).
    offers = visible_offers(actor).filter(available=True).distinct().order_by("-created_at", "-id")
    found = {
        offer.pk: offer
        for part in (Q(helper__area_id__in=below), Q(area_id__in=below))
        for offer in offers.filter(part)[:SHEET_ITEMS]
    }
    newest = sorted(found.values(), key=lambda o: (o.created_at, o.pk), reverse=True)
    shown = list(requests[:SHEET_ITEMS])
    # The sheet says how many requests did not fit, so none is left off without a word.
    more = requests.count() - len(shown) if len(shown) == SHEET_ITEMS else 0
    return {
        "requests": shown,
        "offers": newest[:SHEET_ITEMS],
        "more_requests": more,
        "more_offers": len(newest) > SHEET_ITEMS,
    }


def noticeboard_sheets(board: dict) -> list[list[dict]]:
    """The items of a board cut into A4 sheets of SHEET_PAGE_ITEMS each, requests first: more
    items than fit go onto a next sheet instead of into smaller print. Every sheet carries the
    desk's number, so no sheet is ever without a way to answer."""
    items = [{"kind": "request", "item": r, "code": r.code} for r in board["requests"]]
    items += [{"kind": "offer", "item": o, "code": offer_code(o)} for o in board["offers"]]
    return [
        items[start : start + SHEET_PAGE_ITEMS] for start in range(0, len(items), SHEET_PAGE_ITEMS)
    ] or [[]]
