"""The help exchange: categories, requests (hulpvragen), offers (hulpaanbod), matches
(koppelingen) with their history, contact logs and follow-up calls (nabellen).

Decisions worth knowing:
- The answer deadline of a request is derived, not stored: `created_at` plus the community's
  `response_deadline_hours` (see `HelpRequest.answer_by`). A change of the community's promise then
  applies to every open request at once, and nothing can drift out of sync.
- Offer availability is a list of codes such as "mon-morning" (seven days x three parts of the day,
  see `AVAILABILITY_CODES`): readable in the database, the API and exports.
- "Pausing" a self-made match is the `review_flag` on the match: it stays in its state, but the
  contact details are no longer shared until a coordinator clears the flag. Stopping it for good is
  the `stopped` state.

Why over 400 lines: the exchange's tables, their state groups and choices are one schema; one
module keeps the migrations' picture and the state names in one place.
"""

from datetime import timedelta

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Area, Community
from naober.people.models import Person


class CategoryKind(models.TextChoices):
    PRACTICAL = "practical", _("practical help")
    COMPANY = "company", _("company and going along")
    COACHING = "coaching", _("coaching towards a wider network")


class Category(models.Model):
    """A kind of help. Out-of-scope categories lead to a referral instead of publication."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="categories")
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("name (Dutch)"), max_length=80)
    label_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CategoryKind.choices)
    in_scope = models.BooleanField(
        _("neighbours can help with this"),
        default=True,
        help_text=_("When off, a request is referred to a professional organisation instead."),
    )
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("When off, nobody can choose this category for new requests or offers."),
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(fields=["community", "code"], name="category_unique_code")
        ]

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        """The label in the reader's language (Dutch is the community's own wording)."""
        if translation.get_language() == "en" and self.label_en:
            return self.label_en
        return self.label


class Channel(models.TextChoices):
    WEB = "web", _("website")
    PHONE = "phone", _("phone")
    WALK_IN = "walk_in", _("walk-in hours")
    NOTICE_BOARD = "notice_board", _("notice board")
    HOUSE_VISIT = "house_visit", _("house visit")
    REFERRAL = "referral", _("referral by a professional")


class Urgency(models.TextChoices):
    LOW = "low", _("no hurry")
    NORMAL = "normal", _("normal")
    HIGH = "high", _("urgent")


class Recurrence(models.TextChoices):
    ONE_OFF = "one_off", _("once")
    RECURRING = "recurring", _("more often")


class Rhythm(models.TextChoices):
    """How often a recurring request comes back (with a weekday: "weekly on Tuesday")."""

    WEEKLY = "weekly", _("every week")
    FORTNIGHTLY = "fortnightly", _("every two weeks")
    MONTHLY = "monthly", _("every month")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("open")
    MATCHED = "matched", _("helper found")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")
    REFERRED = "referred", _("referred")
    WAITING_LIST = "waiting_list", _("on the waiting list")


class HelpRequest(models.Model):
    """A request for help, posted online or entered by a coordinator from any channel."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="requests")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="requests")
    title = models.CharField(_("what do you need help with?"), max_length=120)
    description = models.TextField(_("tell a bit more"), max_length=4000, blank=True)
    channel = models.CharField(
        _("how did the request come in?"),
        max_length=20,
        choices=Channel.choices,
        default=Channel.WEB,
    )
    urgency = models.CharField(
        _("how urgent"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    needs_mediation = models.BooleanField(_("a coordinator arranges the match"), default=False)
    recurrence = models.CharField(
        _("once or more often"),
        max_length=10,
        choices=Recurrence.choices,
        default=Recurrence.ONE_OFF,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    entered_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    code = models.CharField(
        _("request number"),
        max_length=12,
        blank=True,
        help_text=_("A short number such as V-4821, for the notice board and the phone."),
    )
    rhythm = models.CharField(_("how often"), max_length=12, choices=Rhythm.choices, blank=True)
    weekday = models.PositiveSmallIntegerField(
        _("on which day"), choices=Weekday.choices, null=True, blank=True
    )
    referred_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("referred by (partner)"),
    )
    referred_by_text = models.CharField(_("referred by"), max_length=120, blank=True)
    preferred_helper = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("preferred helper"),
    )
    disclosure = models.TextField(
        _("what a helper should know first"),
        max_length=1000,
        blank=True,
        help_text=_("For example a disability. Shown to a helper before they say yes."),
    )
    first_response_at = models.DateTimeField(_("first answer on"), null=True, blank=True)
    # The requester's consent to show the request to anyone, logged in or not, on the public
    # community page (issue 12.7). Off unless they say yes: the board for members is not public.
    publish = models.BooleanField(
        _("show on the public page"),
        default=False,
        help_text=_("The requester agreed: the title and first name, never the address or street."),
    )

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["community", "status", "created_at"]),
            # The request list and API, newest first, without joining every requester first
            # (PostgreSQL hash-joined 100,000 people for 50 rows; bench/city_pages.py).
            models.Index(fields=["community", "created_at"], name="request_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "code"],
                condition=~models.Q(code=""),
                name="helprequest_unique_code",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def answer_by(self):
        """When this request must have had an answer: the community's promise (derived)."""
        return self.created_at + timedelta(hours=self.community.response_deadline_hours)


class HelpOffer(models.Model):
    """A standing offer of help by a neighbour."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="offers")
    helper = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="offers")
    categories = models.ManyToManyField(
        Category, related_name="offers", verbose_name=_("kinds of help")
    )
    description = models.TextField(_("what can you do?"), max_length=4000)
    available = models.BooleanField(_("available now"), default=True)
    max_per_month = models.PositiveSmallIntegerField(
        _("at most this many times a month"), default=2
    )
    created_at = models.DateTimeField(_("offered on"), auto_now_add=True)
    availability = models.JSONField(
        _("when can you help?"),
        default=list,
        blank=True,
        help_text=_("Days and parts of the day, such as mon-morning. Empty means: ask me."),
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("where can you help?"),
    )
    radius_m = models.PositiveIntegerField(_("how far from home (metres)"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)

    class Meta:
        verbose_name = _("help offer")
        verbose_name_plural = _("help offers")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["community", "available", "created_at"]),
            # Newest first without sorting a city's offers (SQLite tests `available` as a bare
            # column, which the index above cannot serve; bench/city_pages.py).
            models.Index(fields=["community", "created_at"], name="offer_newest"),
        ]

    def __str__(self) -> str:
        return self.description[:60]


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_PARTS = ("morning", "afternoon", "evening")
# Every valid availability code, in week order: "mon-morning" ... "sun-evening".
AVAILABILITY_CODES = tuple(f"{day}-{part}" for day in DAYS for part in DAY_PARTS)


class MatchMode(models.TextChoices):
    SELF = "self", _("found each other")
    MEDIATED = "mediated", _("arranged by a coordinator")


class MatchState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    INTRODUCED = "introduced", _("introduced")
    ACTIVE = "active", _("helping")
    COMPLETED = "completed", _("completed")
    DECLINED = "declined", _("declined")
    STOPPED = "stopped", _("stopped")


# Open states: the match still holds its request. Closed states never change again.
OPEN_STATES = frozenset(
    {MatchState.PROPOSED, MatchState.ACCEPTED, MatchState.INTRODUCED, MatchState.ACTIVE}
)
# States that release the request so that someone else can help.
RELEASING_STATES = frozenset({MatchState.DECLINED, MatchState.STOPPED})
# Both said yes and the help is under way: the two sides may see how to reach each other.
CONTACT_STATES = frozenset({MatchState.ACCEPTED, MatchState.INTRODUCED, MatchState.ACTIVE})
# The help came about (accepted or later): "helped before", and the figures' people helped.
HELPED_STATES = CONTACT_STATES | {MatchState.COMPLETED}
# A helper's load this month: every match started, except a proposal they declined (the offer's
# max_per_month, the standing-offer list, the suggestions and the volunteer overview all count so).
LOAD_STATES = frozenset(MatchState) - {MatchState.DECLINED}


class Match(models.Model):
    """A helper's offer joined to a request. At most one match per request is not declined/stopped:
    the services check it under a row lock, and the constraint below is the last line of defence.
    """

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="matches")
    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="matches")
    offer = models.ForeignKey(HelpOffer, on_delete=models.PROTECT, related_name="matches")
    helper = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="helper_matches")
    mode = models.CharField(_("how the match was made"), max_length=10, choices=MatchMode.choices)
    state = models.CharField(
        _("state"), max_length=12, choices=MatchState.choices, default=MatchState.PROPOSED
    )
    created_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("made on"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    intro_at = models.DateTimeField(_("introduction meeting on"), null=True, blank=True)
    intro_place = models.CharField(_("introduction meeting place"), max_length=200, blank=True)
    intro_notes = models.TextField(_("notes of the introduction"), max_length=2000, blank=True)
    review_flag = models.BooleanField(
        _("paused for review"),
        default=False,
        help_text=_("A coordinator looks at this match. Contact details are not shared meanwhile."),
    )
    review_note = models.CharField(_("why it is paused"), max_length=500, blank=True)
    # The two yeses of a proposal (issue 13.2): each side says yes on its own, on the web or to a
    # coordinator on the phone (who records it for them). Both are needed before `accepted`, and
    # only then does either side see how to reach the other.
    helper_yes_at = models.DateTimeField(_("the helper said yes on"), null=True, blank=True)
    helper_yes_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requester_yes_at = models.DateTimeField(_("the requester said yes on"), null=True, blank=True)
    requester_yes_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["community", "state", "created_at"]),
            models.Index(fields=["community", "created_at"], name="match_newest"),  # as above
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=~models.Q(state__in=["declined", "stopped"]),
                name="match_one_live_per_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} – {self.helper}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class MatchEventKind(models.TextChoices):
    """What a row of a match's history records: a step of the state machine, one side's yes (the
    state stays `proposed`), or a coordinator pausing the match for review or ending the pause.
    The history's words for every reader come from this, the state and who took the step
    (selectors.matches.step_text), never from the note, which not every reader may see."""

    STEP = "step", _("step")
    HELPER_YES = "helper_yes", _("the helper's yes")
    REQUESTER_YES = "requester_yes", _("the asker's yes")
    PAUSED = "paused", _("paused for review")
    RESUMED = "resumed", _("review finished")


class MatchEvent(models.Model):
    """One step in a match's history: who moved it from which state to which, when and why."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(_("from"), max_length=12, choices=MatchState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=12, choices=MatchState.choices)
    kind = models.CharField(
        _("what happened"),
        max_length=16,
        choices=MatchEventKind.choices,
        default=MatchEventKind.STEP,
    )
    by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("match step")
        verbose_name_plural = _("match steps")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state or '-'} -> {self.to_state}"


class ContactKind(models.TextChoices):
    CALL = "call", _("phone call")
    SMS = "sms", _("text message")
    EMAIL = "email", _("email")
    LETTER = "letter", _("letter")
    VISIT = "visit", _("visit")


class ContactOutcome(models.TextChoices):
    REACHED = "reached", _("spoke to them")
    NO_ANSWER = "no_answer", _("no answer")
    MESSAGE_LEFT = "message_left", _("left a message")
    CALL_BACK = "call_back", _("call back later")


class ContactLog(models.Model):
    """A coordinator's note of a contact about a request or a match (the logbook).

    Only staff read it (VIEW_CONTACT_LOG); the first entry on a request counts as its first answer.
    """

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(
        HelpRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="contact_logs"
    )
    match = models.ForeignKey(
        Match, null=True, blank=True, on_delete=models.CASCADE, related_name="contact_logs"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("who was contacted")
    )
    kind = models.CharField(_("how"), max_length=10, choices=ContactKind.choices)
    outcome = models.CharField(_("result"), max_length=15, choices=ContactOutcome.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact note")
        verbose_name_plural = _("contact notes")
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(request__isnull=False) | models.Q(match__isnull=False),
                name="contactlog_about_something",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_outcome_display()}"


class FollowUpKind(models.TextChoices):
    AFTER_START = "after_start", _("after the start")
    AFTER_COMPLETION = "after_completion", _("after it was finished")


class WouldHelp(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    MAYBE = "maybe", _("maybe")


class FollowUp(models.Model):
    """A follow-up call (nabellen): how did it go, and would you help someone else too?

    Reciprocity is recorded as an answer to a question, never as credit or points.
    """

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="followups")
    kind = models.CharField(_("when"), max_length=20, choices=FollowUpKind.choices)
    due_at = models.DateTimeField(_("call on"))
    done_at = models.DateTimeField(_("called on"), null=True, blank=True)
    by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("called by"),
    )
    how_did_it_go = models.TextField(_("how did it go?"), max_length=2000, blank=True)
    would_help_others = models.CharField(
        _("would you like to help someone else too?"),
        max_length=5,
        choices=WouldHelp.choices,
        blank=True,
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up call")
        verbose_name_plural = _("follow-up calls")
        ordering = ["due_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.due_at:%Y-%m-%d})"
