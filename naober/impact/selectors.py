"""Reads for impact: surveys and their results, impact cards, change stories. Community-scoped.

Survey results: per statement the number who answered it (n) and the share who agree (answer 4
or 5), in percent with one decimal; shares over fewer than SUPPRESS_BELOW answers are suppressed.
A follow-up is compared with its baseline in percentage points (follow-up share − baseline share).
"""

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.impact import policy
from naober.impact.figures import SUPPRESS_BELOW, month_end, month_starts, public_figures
from naober.impact.models import Answer, ChangeStory, ImpactCard, Survey
from naober.initiatives.models import Initiative


def survey_list(actor: Actor) -> QuerySet[Survey]:
    policy.require_any(actor, policy.SURVEY_READERS)
    return (
        Survey.objects.filter(community=actor.community)
        .annotate(n=Count("responses", distinct=True))
        .order_by("-created_at", "-id")
    )


def survey_get(actor: Actor, survey_id: int) -> Survey:
    survey = survey_list(actor).filter(pk=survey_id).first()
    if survey is None:
        raise Http404
    return survey


def survey_by_token(community, token: str) -> Survey:
    """The public link: the community in the URL and the token must both match."""
    survey = Survey.objects.filter(community=community, token=token[:40]).first()
    if survey is None:
        raise Http404
    return survey


def counted_responses(survey: Survey):
    """The responses the results count: whole blocks of SUPPRESS_BELOW, oldest first.

    Results never move by a single answer: someone who looks before and after a neighbour fills
    in the survey (online or on paper) sees no change until four more people have answered, so
    the difference never shows one person's answers (issue 12.8).
    """
    ids = list(survey.responses.order_by("id").values_list("id", flat=True))
    return ids[: len(ids) - len(ids) % SUPPRESS_BELOW]


def survey_results(survey: Survey) -> list[dict]:
    """One row per statement: theme, n, number agreeing, share (None when suppressed), over the
    counted responses only (see counted_responses)."""
    counted = counted_responses(survey)
    counts = {
        row["statement"]: row
        for row in Answer.objects.filter(response__survey=survey, response_id__in=counted)
        .values("statement")
        .annotate(n=Count("id"), agree=Count("id", filter=Q(value__gte=4)))
        .order_by()
    }
    rows = []
    for statement in survey.statements.order_by("theme", "id"):
        row = counts.get(statement.pk, {"n": 0, "agree": 0})
        share = round(100 * row["agree"] / row["n"], 1) if row["n"] >= SUPPRESS_BELOW else None
        rows.append(
            {
                "statement": statement,
                "theme": statement.get_theme_display(),
                "n": row["n"],
                "agree": row["agree"],
                "share": share,
            }
        )
    return rows


def survey_comparison(survey: Survey) -> list[dict] | None:
    """Baseline and follow-up shares side by side with the change in percentage points."""
    if survey.baseline_id is None:
        return None
    before = {r["statement"].pk: r for r in survey_results(survey.baseline)}
    rows = []
    for row in survey_results(survey):
        base = before.get(row["statement"].pk)
        base_share = base["share"] if base else None
        diff = (
            round(row["share"] - base_share, 1)
            if row["share"] is not None and base_share is not None
            else None
        )
        rows.append(
            {
                **row,
                "baseline_share": base_share,
                "baseline_n": base["n"] if base else 0,
                "difference": diff,
            }
        )
    return rows


def card_list(actor: Actor) -> QuerySet[ImpactCard]:
    policy.require_any(actor, policy.CARD_READERS)
    return ImpactCard.objects.filter(community=actor.community).select_related("initiative")


def card_get(actor: Actor, card_id: int) -> ImpactCard:
    card = card_list(actor).filter(pk=card_id).first()
    if card is None:
        raise Http404
    return card


def card_data(actor: Actor, card: ImpactCard) -> dict:
    """Everything the card shows. Aggregate-only readers (funders) get no quote: it is a
    resident's own words, and they see figures only."""
    members_view = policy.sees_quote(actor)
    exchange = public_figures(actor.community, card.period_start, card.period_end)
    return {
        "card": card,
        "key_figures": list(card.figures.all()),
        "exchange": exchange,
        # The reason for "not shown" must be readable on the page (and in the PDF), not only
        # in a tooltip that a phone or a printed card never shows.
        "month_hidden": any(f.get("hidden_month") for f in exchange.values()),
        "contributions": card.contribution_labels(),
        "quote": card.quote if members_view and card.quote_person_id else "",
        "quote_by": card.quote_person.display_name if members_view and card.quote_person_id else "",
        "story": ChangeStory.objects.filter(initiative_id=card.initiative_id).first()
        if card.initiative_id
        else None,
    }


def story_for(actor: Actor, initiative_id: int) -> tuple[Initiative, ChangeStory | None]:
    actor.require(Action.VIEW_INITIATIVES)
    initiative = Initiative.objects.filter(community=actor.community, pk=initiative_id).first()
    if initiative is None:
        raise Http404
    story = (
        ChangeStory.objects.filter(initiative=initiative)
        .prefetch_related("outcomes__indicators__measurements")
        .first()
    )
    return initiative, story


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last twelve whole months up to this month's end: the dashboard's period unless one is
    chosen. Whole months, as the figures count them, so the form shows what the heading says."""
    today = today or date.today()
    return month_starts(today)[0], month_end(today.replace(day=1))
