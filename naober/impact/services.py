"""Writes for change stories, surveys, impact cards and interpretation sessions.

Online survey answers come from people without a login: `submit_online` takes no actor and stores
nothing about who answered (see models.Response). A quote on an impact card needs the speaker's
consent for "media" at the moment it is saved; without it the card is refused.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from naober.base.periods import check_period
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.impact.models import (
    AgreedAction,
    Answer,
    ChangeStory,
    Contribution,
    ImpactCard,
    Indicator,
    InterpretationSession,
    KeyFigure,
    Measurement,
    Response,
    ResponseChannel,
    StoryOutcome,
    Survey,
)
from naober.initiatives.models import Initiative
from naober.people.selectors import has_consent, people_of

STORY_FIELDS = ("problem", "goal", "input", "approach", "output")
CARD_FIELDS = (
    "title",
    "initiative",
    "period_start",
    "period_end",
    "target_group",
    "approach",
    "direct_effects",
    "contributions",
    "quote",
    "quote_person",
)
SESSION_FIELDS = ("held_on", "participants", "recognise", "explain", "opinion", "next_steps")


def _clean(obj, *exclude) -> None:
    obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)


def _own_initiative(actor: Actor, value) -> Initiative | None:
    if value in (None, ""):
        return None
    initiative = Initiative.objects.filter(
        community=actor.community, pk=getattr(value, "pk", value)
    ).first()
    if initiative is None:
        raise ValidationError({"initiative": _("This initiative does not exist.")})
    return initiative


# --- change story -------------------------------------------------------------------------


@transaction.atomic
def save_story(actor: Actor, initiative: Initiative, data: dict) -> ChangeStory:
    actor.require(Action.MANAGE_INITIATIVES)
    initiative = _own_initiative(actor, initiative)
    story, _created = ChangeStory.objects.select_for_update().get_or_create(initiative=initiative)
    for key in STORY_FIELDS:
        if key in data:
            setattr(story, key, data[key])
    _clean(story, "initiative")
    story.save()
    return story


@transaction.atomic
def add_outcome(actor: Actor, story: ChangeStory, *, level: str, description: str) -> StoryOutcome:
    actor.require(Action.MANAGE_INITIATIVES)
    outcome = StoryOutcome(story=story, level=level, description=description)
    _clean(outcome, "story")
    outcome.save()
    return outcome


@transaction.atomic
def add_indicator(
    actor: Actor, outcome: StoryOutcome, *, name: str, unit: str = "", baseline=None, target=None
) -> Indicator:
    actor.require(Action.MANAGE_INITIATIVES)
    indicator = Indicator(outcome=outcome, name=name, unit=unit, baseline=baseline, target=target)
    _clean(indicator, "outcome")
    indicator.save()
    return indicator


@transaction.atomic
def add_measurement(actor: Actor, indicator: Indicator, *, value, measured_on) -> Measurement:
    actor.require(Action.MANAGE_INITIATIVES)
    measurement = Measurement(indicator=indicator, value=value, measured_on=measured_on)
    _clean(measurement, "indicator")
    measurement.save()
    return measurement


# --- surveys ------------------------------------------------------------------------------


@transaction.atomic
def create_survey(
    actor: Actor, *, title: str, statements, intro: str = "", initiative=None, baseline=None
) -> Survey:
    actor.require(Action.MANAGE_SURVEYS)
    statements = list(statements)
    if not statements:
        raise ValidationError({"statements": _("Choose at least one statement.")})
    if baseline not in (None, ""):
        baseline = Survey.objects.filter(
            community=actor.community, pk=getattr(baseline, "pk", baseline)
        ).first()
        if baseline is None:
            raise ValidationError({"baseline": _("This survey does not exist.")})
    survey = Survey(
        community=actor.community,
        title=title,
        intro=intro,
        initiative=_own_initiative(actor, initiative),
        baseline=baseline or None,
    )
    _clean(survey, "community", "statements")
    survey.save()
    survey.statements.set(statements)
    return survey


def _store_answers(survey: Survey, answers: dict, channel: str) -> Response:
    allowed = set(survey.statements.values_list("pk", flat=True))
    clean = {}
    for statement_id, value in answers.items():
        if value in (None, ""):
            continue  # a statement left open is allowed: people may skip one
        try:
            statement_id, value = int(statement_id), int(value)
        except (TypeError, ValueError):
            raise ValidationError(_("Choose one of the five answers.")) from None
        if statement_id not in allowed or not 1 <= value <= 5:
            raise ValidationError(_("Choose one of the five answers."))
        clean[statement_id] = value
    if not clean:
        raise ValidationError(_("Answer at least one statement."))
    response = Response.objects.create(survey=survey, channel=channel)
    Answer.objects.bulk_create(
        Answer(response=response, statement_id=s, value=v) for s, v in clean.items()
    )
    return response


@transaction.atomic
def submit_online(survey: Survey, answers: dict) -> Response:
    """An anonymous answer through the public link: no actor, nothing about the person kept."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not survey.is_open:
        raise ValidationError(_("This survey is closed."))
    return _store_answers(survey, answers, ResponseChannel.ONLINE)


@transaction.atomic
def enter_paper(actor: Actor, survey: Survey, answers: dict) -> Response:
    """A coordinator types in a questionnaire that was filled in on paper."""
    actor.require(Action.MANAGE_SURVEYS)
    if survey.community_id != actor.community.pk:
        raise ValidationError(_("This survey does not exist."))
    return _store_answers(survey, answers, ResponseChannel.PAPER)


@transaction.atomic
def set_survey_open(actor: Actor, survey: Survey, is_open: bool) -> Survey:
    actor.require(Action.MANAGE_SURVEYS)
    Survey.objects.filter(pk=survey.pk, community=actor.community).update(is_open=is_open)
    survey.refresh_from_db()
    return survey


# --- impact card --------------------------------------------------------------------------


def _check_quote(actor: Actor, card: ImpactCard) -> None:
    if card.quote_person_id is None:
        if card.quote.strip():
            raise ValidationError({"quote_person": _("Say who said the quote.")})
        return
    person = people_of(actor.community).filter(pk=card.quote_person_id).first()
    if person is None:
        raise ValidationError({"quote_person": _("This person does not exist.")})
    if not has_consent(person, "media"):
        raise ValidationError(
            {
                "quote_person": _(
                    "This person has not agreed to the use of quotes. "
                    "Ask for consent for photos and quotes first."
                )
            }
        )
    if not card.quote.strip():
        raise ValidationError({"quote": _("Write the quote.")})


@transaction.atomic
def save_card(actor: Actor, data: dict, card: ImpactCard | None = None) -> ImpactCard:
    actor.require(Action.MANAGE_INITIATIVES)
    if card is None:
        card = ImpactCard(community=actor.community)
    else:
        card = ImpactCard.objects.select_for_update().get(pk=card.pk, community=actor.community)
    for key in CARD_FIELDS:
        if key not in data:
            continue
        value = data[key]
        if key == "initiative":
            value = _own_initiative(actor, value)
        if key == "quote_person":
            card.quote_person_id = getattr(value, "pk", value) or None
            continue
        setattr(card, key, value)
    card.contributions = list(dict.fromkeys(card.contributions or []))
    if any(c not in Contribution.values for c in card.contributions):
        raise ValidationError({"contributions": _("Choose from the list.")})
    check_period(
        card.period_start, card.period_end, bounded=False, fields=("period_start", "period_end")
    )
    _check_quote(actor, card)
    _clean(card, "community", "quote_person", "initiative")
    card.save()
    return card


@transaction.atomic
def add_key_figure(
    actor: Actor,
    card: ImpactCard,
    *,
    label: str,
    low: int,
    high: int | None = None,
    more_than: bool = False,
    period: str = "",
) -> KeyFigure:
    actor.require(Action.MANAGE_INITIATIVES)
    if high is not None and high < low:
        raise ValidationError({"high": _("The highest number must be at least the lowest.")})
    if more_than and high is not None:
        raise ValidationError({"high": _("Give a range or 'more than', not both.")})
    figure = KeyFigure(
        card=card, label=label, low=low, high=high, more_than=more_than, period=period
    )
    _clean(figure, "card")
    figure.save()
    return figure


# --- interpretation session ---------------------------------------------------------------


@transaction.atomic
def record_session(
    actor: Actor, card: ImpactCard, data: dict, actions: list[dict]
) -> InterpretationSession:
    """The four questions answered together, with the actions agreed (at least one)."""
    actor.require(Action.MANAGE_INITIATIVES)
    session = InterpretationSession(card=card, **{k: data.get(k, "") for k in SESSION_FIELDS})
    _clean(session, "card")
    session.save()
    for item in actions:
        action = AgreedAction(session=session, **item)
        _clean(action, "session")
        action.save()
    return session
