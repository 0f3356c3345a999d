"""Outreach (Zuid voor Elkaar, steps 5 and 6): walk lists, house visits, signals, meetings.

Visit notes are sensitive: they are read only through selectors that check who may see them and
record every read in the privacy audit trail.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Area, Community
from naober.people.models import LifeDomain, Person


class WalkList(models.Model):
    """The addresses of one round of house visits in one area, shared out among visitors."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="walk_lists")
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="walk_lists",
        verbose_name=_("street or neighbourhood"),
    )
    name = models.CharField(_("name"), max_length=120)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    capacity_per_visitor = models.PositiveSmallIntegerField(
        _("visits per visitor"),
        default=15,
        help_text=_("A visitor gets at most this many addresses on this list."),
    )
    created_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("walk list")
        verbose_name_plural = _("walk lists")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class EntryKind(models.TextChoices):
    EVERY_NTH = "every_nth", _("chosen address (every so many houses)")
    SELF_REGISTERED = "self_registered", _("signed up themselves")
    REFERRED = "referred", _("referred by an organisation")


class WalkEntry(models.Model):
    """One address to visit. `person` is empty when nobody at the address is known yet."""

    walk_list = models.ForeignKey(WalkList, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("why this address"), max_length=20, choices=EntryKind.choices)
    address = models.CharField(_("address"), max_length=200)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="walk_entries"
    )
    referred_by = models.CharField(_("referred by"), max_length=120, blank=True)
    visitor = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_assignments",
        verbose_name=_("visitor"),
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("address on a walk list")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.address


class VisitOutcome(models.TextChoices):
    HELD = "held", _("we had a conversation")
    NOBODY_HOME = "nobody_home", _("nobody was home")
    REFUSED = "refused", _("the resident did not want a visit")
    COME_BACK = "come_back", _("come back another time")


class Trits(models.TextChoices):
    """Who can solve it: first yourself, then neighbours, only then a professional."""

    SELF = "self", _("the resident can do it themselves")
    NEIGHBOURS = "neighbours", _("neighbours can help")
    PROFESSIONAL = "professional", _("a professional is needed")


class HouseVisit(models.Model):
    """One doorbell rung: a conversation, or a note that nobody was home or the door stayed shut."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="visits")
    entry = models.ForeignKey(
        WalkEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="visits"
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="house_visits",
        verbose_name=_("resident"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    visitor = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="visits_made", verbose_name=_("visitor")
    )
    visited_on = models.DateField(_("date of the visit"))
    outcome = models.CharField(_("how did it go?"), max_length=20, choices=VisitOutcome.choices)
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    converted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_requests = models.ManyToManyField("exchange.HelpRequest", blank=True, related_name="+")
    created_offers = models.ManyToManyField("exchange.HelpOffer", blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("house visit")
        verbose_name_plural = _("house visits")
        ordering = ["-visited_on", "-id"]
        indexes = [models.Index(fields=["community", "visited_on"])]

    def __str__(self) -> str:
        return f"{self.visited_on} {self.address}"


class VisitDomain(models.Model):
    """What was said about one of the five life domains, and who could solve it (the trits)."""

    visit = models.ForeignKey(HouseVisit, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)
    talents = models.TextField(_("talents"), max_length=1000, blank=True)
    wishes = models.TextField(_("wishes and possibilities"), max_length=1000, blank=True)
    could_offer = models.TextField(_("what the resident could offer"), max_length=1000, blank=True)
    needs = models.TextField(_("what the resident needs"), max_length=1000, blank=True)
    trits = models.CharField(
        _("who can solve it"), max_length=20, choices=Trits.choices, blank=True
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "domain"], name="visitdomain_unique")
        ]

    def __str__(self) -> str:
        return str(self.get_domain_display())


class Urgency(models.TextChoices):
    LOW = "low", _("no hurry")
    NORMAL = "normal", _("normal")
    HIGH = "high", _("urgent")
    ACUTE = "acute", _("acute: act today")


class SignalKind(models.TextChoices):
    INDIVIDUAL = "individual", _("about one person or household")
    STRUCTURAL = "structural", _("about the neighbourhood as a whole")


class SignalStatus(models.TextChoices):
    NEW = "new", _("new")
    DISCUSSING = "discussing", _("being discussed")
    IN_PROGRESS = "in_progress", _("being acted on")
    CLOSED = "closed", _("finished")


class SignalAction(models.TextChoices):
    NONE = "", _("not decided yet")
    MATCH = "match", _("match with a neighbour")
    REFERRAL = "referral", _("refer to a professional")
    PASS_TO_PROVIDER = "pass_to_provider", _("pass on to an organisation")
    START_INITIATIVE = "start_initiative", _("start an initiative")


class Signal(models.Model):
    """Something seen or heard that asks for action. The raiser hears back via `public_outcome`."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="signals")
    # Empty for a concern shared on the public page by someone without a login (naober/doors):
    # then `raiser_name` and `raiser_contact` say who it was, and only staff ever read them.
    raised_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="signals_raised"
    )
    raiser_name = models.CharField(_("name of who raised it"), max_length=120, blank=True)
    raiser_contact = models.CharField(
        _("how they would like to hear the outcome"), max_length=200, blank=True
    )
    visit = models.ForeignKey(
        HouseVisit, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals"
    )
    urgency = models.CharField(
        _("how urgent"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    kind = models.CharField(
        _("kind of signal"),
        max_length=12,
        choices=SignalKind.choices,
        default=SignalKind.INDIVIDUAL,
    )
    person_concerned = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signals_about",
        verbose_name=_("who is it about"),
    )
    description = models.TextField(_("what did you notice?"), max_length=4000)
    status = models.CharField(
        _("status"), max_length=12, choices=SignalStatus.choices, default=SignalStatus.NEW
    )
    assignee = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signals_assigned",
        verbose_name=_("who looks into it"),
    )
    action = models.CharField(
        _("what will we do?"), max_length=20, choices=SignalAction.choices, blank=True
    )
    due_on = models.DateField(_("ready by"), null=True, blank=True)
    outcome = models.TextField(_("outcome (for the core group)"), max_length=4000, blank=True)
    public_outcome = models.TextField(
        _("what we tell the person who raised it"),
        max_length=1000,
        blank=True,
        help_text=_("Write it so that nobody's privacy is hurt: no names, no details."),
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signals",
        verbose_name=_("passed on to"),
    )
    created_at = models.DateTimeField(_("raised on"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["community", "status"])]

    def __str__(self) -> str:
        return self.description[:60]


class SignalEvent(models.Model):
    """One change to a signal: who changed what, when. The history is never edited."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="events")
    by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=dict)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {sorted(self.changes)}"


class Meeting(models.Model):
    """A meeting of the resident core group, where signals and proposals are decided on."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=120, blank=True)
    attendees = models.ManyToManyField(
        Person, blank=True, related_name="meetings_attended", verbose_name=_("present")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("core-group meeting")
        verbose_name_plural = _("core-group meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on}"


class AgendaKind(models.TextChoices):
    SIGNAL = "signal", _("signal")
    PROPOSAL = "proposal", _("proposal")
    OTHER = "other", _("other")


class AgendaItem(models.Model):
    """A point on the agenda: an open signal, a proposal, or anything added by hand."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    kind = models.CharField(
        _("kind"), max_length=10, choices=AgendaKind.choices, default=AgendaKind.OTHER
    )
    title = models.CharField(_("subject"), max_length=200)
    signal = models.ForeignKey(
        Signal, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    position = models.PositiveIntegerField(default=0)
    closed = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    """What the core group decided, who decided it, and which signals it is about."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    text = models.TextField(_("decision"), max_length=2000)
    action = models.CharField(_("action"), max_length=20, choices=SignalAction.choices, blank=True)
    decided_by = models.ManyToManyField(Person, related_name="+", verbose_name=_("decided by"))
    signals = models.ManyToManyField(Signal, blank=True, related_name="decisions")
    recorded_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]
