"""Making the value visible: change stories, indicators, surveys, impact cards and the
interpretation session (the form of Movisie's COLLECTIEF, seed 004).

Survey answers are anonymous by construction: a Response has no person, no IP address, no
session key and only the date it came in, so nobody can trace an answer back to a resident.
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.initiatives.models import Initiative
from naober.people.models import Person


class Level(models.TextChoices):
    INDIVIDUAL = "individual", _("for individual residents")
    GROUP = "group", _("for the group")
    NEIGHBOURHOOD = "neighbourhood", _("for the neighbourhood")


class ChangeStory(models.Model):
    """Problem → goal → input → approach → output → outcome, for one initiative."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="change_story"
    )
    problem = models.TextField(_("problem: what was wrong?"), max_length=4000, blank=True)
    goal = models.TextField(_("goal: what do we want to reach?"), max_length=4000, blank=True)
    input = models.TextField(_("input: people, money, space"), max_length=4000, blank=True)
    approach = models.TextField(_("approach: what do we do?"), max_length=4000, blank=True)
    output = models.TextField(_("output: what did we deliver?"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("change story")

    def __str__(self) -> str:
        return str(self.initiative)


class StoryOutcome(models.Model):
    """An effect the initiative aims for, at the level of a person, the group or the area."""

    story = models.ForeignKey(ChangeStory, on_delete=models.CASCADE, related_name="outcomes")
    level = models.CharField(_("level"), max_length=15, choices=Level.choices)
    description = models.CharField(_("effect"), max_length=300)

    class Meta:
        verbose_name = _("outcome")
        ordering = ["level", "id"]

    def __str__(self) -> str:
        return self.description


class Indicator(models.Model):
    """How we see an outcome happen: a measurable figure with its baseline and target."""

    outcome = models.ForeignKey(StoryOutcome, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicator")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    value = models.DecimalField(_("measured value"), max_digits=12, decimal_places=2)
    measured_on = models.DateField(_("measured on"))

    class Meta:
        verbose_name = _("measurement")
        ordering = ["measured_on", "id"]

    def __str__(self) -> str:
        return f"{self.value} ({self.measured_on})"


class Theme(models.TextChoices):
    CONTACTS = "contacts", _("contacts")
    CONNECTEDNESS = "connectedness", _("connectedness")
    SUPPORT = "support", _("supportive network")
    EMPOWERMENT = "empowerment", _("empowerment")
    LIVEABILITY = "liveability", _("liveability")
    COHESION = "cohesion", _("social cohesion")
    LONELINESS = "loneliness", _("loneliness")
    SELF_RELIANCE = "self_reliance", _("self-reliance")
    SAFETY = "safety", _("social safety")
    MEANING = "meaning", _("meaning")


class Statement(models.Model):
    """A statement from the bank, in the residents' own language (Dutch), grouped by theme."""

    code = models.SlugField(max_length=40, unique=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    text = models.CharField(_("statement"), max_length=300)

    class Meta:
        verbose_name = _("statement")
        ordering = ["theme", "id"]

    def __str__(self) -> str:
        return self.text


class Agreement(models.IntegerChoices):
    STRONGLY_DISAGREE = 1, _("strongly disagree")
    DISAGREE = 2, _("disagree")
    NEUTRAL = 3, _("neither agree nor disagree")
    AGREE = 4, _("agree")
    STRONGLY_AGREE = 5, _("strongly agree")


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Survey(models.Model):
    """A questionnaire built from the bank; a follow-up points at its baseline."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="surveys")
    initiative = models.ForeignKey(
        Initiative,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        verbose_name=_("about initiative"),
    )
    title = models.CharField(_("title"), max_length=120)
    intro = models.TextField(_("introduction for residents"), max_length=1000, blank=True)
    statements = models.ManyToManyField(Statement, related_name="+", verbose_name=_("statements"))
    baseline = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
        verbose_name=_("follow-up of (baseline)"),
    )
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    is_open = models.BooleanField(_("open for answers"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ResponseChannel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("on paper")


class Response(models.Model):
    """One filled-in questionnaire: no person, no address, no time of day."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(max_length=10, choices=ResponseChannel.choices)
    received_on = models.DateField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(
        choices=Agreement.choices, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="answer_one_per_statement"
            )
        ]

    def __str__(self) -> str:
        return str(self.value)


class Contribution(models.TextChoices):
    LIVEABILITY = "liveability", _("liveability")
    COHESION = "cohesion", _("social cohesion")
    LONELINESS = "loneliness", _("less loneliness")
    SELF_RELIANCE = "self_reliance", _("self-reliance")
    SAFETY = "safety", _("social safety")
    MEANING = "meaning", _("meaning")
    CARE_COSTS = "care_costs", _("lower care costs")


class ImpactCard(models.Model):
    """One page that shows what an initiative (or the whole community) delivers in a period."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="impact_cards")
    initiative = models.ForeignKey(
        Initiative,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="impact_cards",
        verbose_name=_("initiative (empty: the whole community)"),
    )
    title = models.CharField(_("title"), max_length=120)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    target_group = models.TextField(_("target group"), max_length=1000, blank=True)
    approach = models.TextField(_("approach"), max_length=2000, blank=True)
    direct_effects = models.TextField(_("direct effects"), max_length=2000, blank=True)
    contributions = models.JSONField(_("indirect contributions"), default=list, blank=True)
    quote = models.CharField(_("quote"), max_length=500, blank=True)
    quote_person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("quote by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("impact card")
        ordering = ["-period_end", "-id"]

    def __str__(self) -> str:
        return self.title

    def contribution_labels(self) -> list[str]:
        labels = dict(Contribution.choices)
        return [labels[c] for c in self.contributions if c in labels]


class KeyFigure(models.Model):
    """A key figure as people say it: "12", "10–15" or "more than 100", with its period."""

    card = models.ForeignKey(ImpactCard, on_delete=models.CASCADE, related_name="figures")
    label = models.CharField(_("what"), max_length=120)
    low = models.PositiveIntegerField(_("number (or lowest)"))
    high = models.PositiveIntegerField(_("highest (for a range)"), null=True, blank=True)
    more_than = models.BooleanField(_("more than this number"), default=False)
    period = models.CharField(_("per (period)"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("key figure")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.display}"

    @property
    def display(self) -> str:
        from django.utils.translation import gettext

        if self.more_than:
            return gettext("more than %(n)s") % {"n": self.low}
        if self.high is not None and self.high != self.low:
            return f"{self.low}–{self.high}"
        return str(self.low)


class InterpretationSession(models.Model):
    """The figures discussed together: the four questions of COLLECTIEF and what was agreed."""

    card = models.ForeignKey(ImpactCard, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("held on"))
    participants = models.CharField(
        _("who took part"),
        max_length=300,
        help_text=_("Roles and numbers, for example '6 residents, 2 volunteers, 1 coordinator'."),
    )
    recognise = models.TextField(_("Do we recognise the figures?"), max_length=2000, blank=True)
    explain = models.TextField(_("Can we explain them?"), max_length=2000, blank=True)
    opinion = models.TextField(_("What do we think of them?"), max_length=2000, blank=True)
    next_steps = models.TextField(_("What do we do next?"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("interpretation session")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.card} {self.held_on}"


class AgreedAction(models.Model):
    session = models.ForeignKey(
        InterpretationSession, on_delete=models.CASCADE, related_name="actions"
    )
    what = models.CharField(_("action"), max_length=300)
    who = models.CharField(_("who"), max_length=120, blank=True)
    due_on = models.DateField(_("ready by"), null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.what
