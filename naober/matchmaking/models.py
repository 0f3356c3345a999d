"""Rows the matching layer owns: where people live (coordinates), the index version per community,
the weights per community and the requester's wishes the exchange model does not hold."""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.exchange.models import HelpRequest
from naober.matching import DEFAULT_WEIGHTS
from naober.people.models import Person


class LocationSource(models.TextChoices):
    RECORDED = "recorded", _("demo address list")
    PDOK = "pdok", _("PDOK address service")
    MANUAL = "manual", _("entered by hand")


class PersonLocation(models.Model):
    """Where a person lives, in Dutch RD New metres (EPSG:28992). Never shown to anyone: only the
    rounded distance to a helper appears in a suggestion's reasons."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="location")
    x = models.FloatField(_("x (RD metres)"))
    y = models.FloatField(_("y (RD metres)"))
    source = models.CharField(_("source"), max_length=20, choices=LocationSource.choices)
    geocoded_at = models.DateTimeField(_("found on"), default=timezone.now)

    class Meta:
        verbose_name = _("location of a person")
        verbose_name_plural = _("locations of people")

    def __str__(self) -> str:
        return f"{self.person_id}: ({self.x:.0f}, {self.y:.0f})"


def fresh_version() -> int:
    """A random start, so that a cache never mistakes a re-created community (same id after a
    restore, or in a test database) for the one it cached."""
    return secrets.randbits(52)


class MatchingVersion(models.Model):
    """One integer per community, bumped whenever something the offer index holds changes.

    Every process compares its cached index's version with this row before ranking (one cheap
    query) and rebuilds when they differ. See naober/matchmaking/cache.py.

    The plan (plans.py) also depends on the open requests, which the index does not hold:
    `requests_version` is bumped when a request, its wish or what the plan reads of its
    requester changes, and `plan_queued_at` says a new plan has been asked of the task worker
    (so a burst of changes queues one task, not one each).
    """

    community = models.OneToOneField(Community, on_delete=models.CASCADE, related_name="+")
    version = models.BigIntegerField(default=fresh_version)
    requests_version = models.BigIntegerField(default=fresh_version)
    plan_queued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.community_id}: {self.version}"


class MatchingChange(models.Model):
    """One step of a community's MatchingVersion: what changed, so that other processes can
    apply it as a small delta to their cached index instead of rebuilding (cache.py).

    `version` is the version the step produced. Writers take the MatchingVersion row's lock
    (``UPDATE ... version + 1``) before writing their row, so per community the versions are
    gap-free and in commit order on SQLite and PostgreSQL alike. A step with `helper_id` says
    "re-read this helper's offers"; a step without one says "rebuild" (a category,
    an area or the weights changed). Old steps are pruned by the writers (cache.KEEP_CHANGES).
    """

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    version = models.BigIntegerField()
    #: The Person id, not a foreign key: the step must outlive a deleted helper (then the delta
    #: removes their rows).
    helper_id = models.BigIntegerField(null=True)

    class Meta:
        indexes = [models.Index(fields=["community", "version"], name="matching_change_seq")]

    def __str__(self) -> str:
        return f"{self.community_id}@{self.version}: {self.helper_id or 'all'}"


class PlanSnapshot(models.Model):
    """The community's last batch plan, made by the task worker (or on demand), with the
    versions it was made from: the plan page shows it without planning, and says how old it is
    when something changed since (plans.py).

    `lines`: the plan's lines in page order, each ``[request id, offer id, score, priority,
    reasons]`` with the reasons as the engine's codes and parameters (turned into sentences in
    the reader's language when shown).
    """

    community = models.OneToOneField(Community, on_delete=models.CASCADE, related_name="+")
    index_version = models.BigIntegerField()
    requests_version = models.BigIntegerField()
    month = models.DateTimeField()  # room is counted per month: a new month means a new plan
    made_at = models.DateTimeField()
    lines = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"{self.community_id}: {len(self.lines)} lines at {self.made_at:%Y-%m-%d %H:%M}"


W = DEFAULT_WEIGHTS


def _weight(label, default, help_text, *, maximum=100.0):
    return models.FloatField(
        label,
        default=default,
        validators=[MinValueValidator(0.0), MaxValueValidator(maximum)],
        help_text=help_text,
    )


class MatchingSettings(models.Model):
    """How much each part of the fit counts in this community (the engine's ``Weights``).

    The defaults are the engine's DEFAULT_WEIGHTS; each is justified in the docstring of
    naober/matching/weights.py and in docs/matching.md. Only the ratios between the weights
    matter for the order of suggestions.
    """

    community = models.OneToOneField(
        Community, on_delete=models.CASCADE, related_name="matching_settings"
    )
    category = _weight(
        _("offers the kind of help asked for"),
        W.category,
        _("The strongest signal, together with distance."),
    )
    distance = _weight(
        _("lives nearby"), W.distance, _("Neighbour help is local: as strong as the kind of help.")
    )
    availability = _weight(
        _("free at the time asked"),
        W.availability,
        _("Saves phone calls, but times can often be changed."),
    )
    language = _weight(
        _("speaks the same language"),
        W.language,
        _("Matters for company and forms, less for odd jobs."),
    )
    preference = _weight(
        _("fits the wish of the person asking"),
        W.preference,
        _("Soft wishes, such as 'preferably a woman'."),
    )
    room = _weight(
        _("still has room this month"),
        W.room,
        _("Ask helpers with room first: overloaded volunteers drop out."),
    )
    continuity = _weight(
        _("helped this person before"), W.continuity, _("People like the same helper again.")
    )
    idle = _weight(
        _("has waited long for a request"), W.idle, _("Volunteers who are never asked drop out.")
    )
    reliability = _weight(
        _("finishes what they start"),
        W.reliability,
        _("Completed against stopped matches; a light weight."),
    )
    kind_credit = _weight(
        _("credit for similar help (0 to 1)"),
        W.kind_credit,
        _("0 means: only helpers who offer exactly this kind of help."),
        maximum=1.0,
    )
    distance_scale_m = models.FloatField(
        _("distance that halves the nearness (metres)"),
        default=W.distance_scale_m,
        validators=[MinValueValidator(10.0), MaxValueValidator(100_000.0)],
    )
    room_saturation = models.PositiveSmallIntegerField(
        _("room that counts as fully free"),
        default=W.room_saturation,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    idle_saturation_days = models.FloatField(
        _("days of waiting that count as long"),
        default=W.idle_saturation_days,
        validators=[MinValueValidator(1.0), MaxValueValidator(3650.0)],
    )
    reliability_prior_completed = _weight(
        _("head start: completed matches"), W.reliability_prior_completed, ""
    )
    reliability_prior_stopped = _weight(
        _("head start: stopped matches"), W.reliability_prior_stopped, ""
    )
    waiting_long_days = models.FloatField(
        _("say 'waits for a request' after this many days"),
        default=W.waiting_long_days,
        validators=[MinValueValidator(0.0), MaxValueValidator(3650.0)],
    )
    reliable_threshold = _weight(
        _("say 'reliable' from this share (0 to 1)"), W.reliable_threshold, "", maximum=1.0
    )
    reliable_min_completed = models.PositiveSmallIntegerField(
        _("say 'reliable' after this many completed matches"),
        default=W.reliable_min_completed,
        validators=[MaxValueValidator(1000)],
    )
    urgency_weight = _weight(_("priority of urgent requests in the plan"), W.urgency_weight, "")
    vulnerable_weight = _weight(
        _("priority of people who need extra care in the plan"), W.vulnerable_weight, ""
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")

    def __str__(self) -> str:
        return str(self.community)


class GenderWish(models.TextChoices):
    ANY = "any", _("no wish")
    ONLY_WOMEN = "only_women", _("only a woman")
    ONLY_MEN = "only_men", _("only a man")
    PREFER_WOMEN = "prefer_women", _("preferably a woman")
    PREFER_MEN = "prefer_men", _("preferably a man")


class RequestWish(models.Model):
    """Wishes of the person asking that the exchange's request does not hold. "Only" is a hard
    rule (nobody else is suggested); "preferably" only moves matching helpers up."""

    request = models.OneToOneField(HelpRequest, on_delete=models.CASCADE, related_name="wish")
    gender = models.CharField(
        _("helper: man or woman?"),
        max_length=20,
        choices=GenderWish.choices,
        default=GenderWish.ANY,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("wish of the person asking")
        verbose_name_plural = _("wishes of people asking")

    def __str__(self) -> str:
        return self.get_gender_display()
