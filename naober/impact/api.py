"""Impact API (extends API.md): aggregates only, for funders and the municipality.

GET /c/{community}/impact/summary?from=&to=  the exchange's figures for the period and per month;
each figure is {"value": n, "suppressed": false} or {"value": null, "suppressed": true} below 5;
`helped_now_helping` (added later, so older clients may ignore it): people helped up to `to` who
help others by then (issue 15.4), the same figure as the dashboard's.
GET /c/{community}/impact/cards, /impact/cards/{id}  impact cards (no quote for aggregate readers).
GET /c/{community}/impact/surveys/{id}/results  shares agreeing per statement, with n.
"""

from datetime import date

from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from naober.api.deps import ERRORS, actor_for
from naober.api.pagination import Pagination
from naober.base.periods import check_period
from naober.communities.permissions import Action
from naober.impact import selectors
from naober.impact.figures import FIGURES, monthly, public_figures, whole_months
from naober.impact.reciprocity import public_helped_now_helping

router = Router(tags=["impact"])
ID = Path(..., ge=1, le=2**62)
DATE_FROM, DATE_TO = Query(None, alias="from"), Query(None, alias="to")


class Figure(Schema):
    value: int | None
    suppressed: bool


class Figures(Schema):
    requests: Figure
    matches: Figure
    people_reached: Figure
    volunteers_active: Figure
    hours_estimate: Figure


class MonthOut(Figures):
    month: str


class SummaryOut(Schema):
    date_from: date = Field(..., alias="from")
    date_to: date = Field(..., alias="to")
    figures: Figures
    months: list[MonthOut]
    helped_now_helping: Figure = Field(
        ..., description="People helped up to `to` who now help others themselves (reciprocity)."
    )


class KeyFigureOut(Schema):
    label: str
    display: str
    low: int
    high: int | None
    more_than: bool
    period: str


class CardOut(Schema):
    id: int
    title: str
    initiative: int | None
    period_start: date
    period_end: date
    target_group: str
    approach: str
    direct_effects: str
    contributions: list[str]
    key_figures: list[KeyFigureOut]
    exchange: Figures
    quote: str


class ResultRow(Schema):
    statement: str
    theme: str
    n: int
    share_agree: float | None
    suppressed: bool
    baseline_share_agree: float | None = None
    difference_points: float | None = None


class SurveyResultsOut(Schema):
    id: int
    title: str
    responses: int
    baseline: int | None
    results: list[ResultRow]


@router.get("/c/{community}/impact/summary", response={200: SummaryOut, **ERRORS}, by_alias=True)
def summary(
    request, community: str, date_from: date | None = DATE_FROM, date_to: date | None = DATE_TO
):
    """The exchange's figures for a period (default: the last twelve months) and per month."""
    actor = actor_for(request, community)
    actor.require(Action.VIEW_AGGREGATES)
    start, end = selectors.default_period()
    date_from, date_to = date_from or start, date_to or end
    check_period(date_from, date_to, fields=("from", "to"))
    months = [
        {"month": m["month"].strftime("%Y-%m"), **{n: m[n] for n in FIGURES}}
        for m in monthly(actor.community, date_to)
    ]
    date_from, date_to = whole_months(date_from, date_to)  # the period actually counted
    return {
        "from": date_from,
        "to": date_to,
        "figures": public_figures(actor.community, date_from, date_to),
        "months": months,
        "helped_now_helping": public_helped_now_helping(actor.community, date_to),
    }


def _card_out(actor, card) -> dict:
    data = selectors.card_data(actor, card)
    return {
        "id": card.pk,
        "title": card.title,
        "initiative": card.initiative_id,
        "period_start": card.period_start,
        "period_end": card.period_end,
        "target_group": card.target_group,
        "approach": card.approach,
        "direct_effects": card.direct_effects,
        "contributions": list(card.contributions),
        "key_figures": [
            {
                "label": f.label,
                "display": f.display,
                "low": f.low,
                "high": f.high,
                "more_than": f.more_than,
                "period": f.period,
            }
            for f in data["key_figures"]
        ],
        "exchange": data["exchange"],
        "quote": data["quote"],
    }


@router.get("/c/{community}/impact/cards", response=list[CardOut])
@paginate(Pagination)
def list_cards(request, community: str):
    actor = actor_for(request, community)
    return [_card_out(actor, card) for card in selectors.card_list(actor)]


@router.get("/c/{community}/impact/cards/{card_id}", response={200: CardOut, **ERRORS})
def get_card(request, community: str, card_id: int = ID):
    actor = actor_for(request, community)
    return _card_out(actor, selectors.card_get(actor, card_id))


@router.get(
    "/c/{community}/impact/surveys/{survey_id}/results", response={200: SurveyResultsOut, **ERRORS}
)
def survey_results(request, community: str, survey_id: int = ID):
    actor = actor_for(request, community)
    survey = selectors.survey_get(actor, survey_id)
    rows = selectors.survey_comparison(survey) or selectors.survey_results(survey)
    return {
        "id": survey.pk,
        "title": survey.title,
        "responses": survey.n,
        "baseline": survey.baseline_id,
        "results": [
            {
                "statement": r["statement"].text,
                "theme": r["theme"],
                "n": r["n"],
                "share_agree": r["share"],
                "suppressed": r["share"] is None,
                "baseline_share_agree": r.get("baseline_share"),
                "difference_points": r.get("difference"),
            }
            for r in rows
        ],
    }
