"""What two doors keep until a coordinator has acted on it: volunteer sign-ups and talents.

Call-backs live in the desk (`desk.Callback`) and concerns in outreach (`outreach.Signal`); these
two have no home yet because their people are not residents of the community until a coordinator
has talked to them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community
from naober.people.models import Person


class Channel(models.TextChoices):
    """How a door's answer came in: the public page, the API, or typed in from paper."""

    WEB = "web", _("public page")
    API = "api", _("API")
    PAPER = "paper", _("paper form")


class VolunteerSignup(models.Model):
    """ "Ik wil helpen": someone offers to volunteer; the coordinator follows up with the intake
    talk and then registers them (people, volunteering) or closes the sign-up."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    contact = models.CharField(_("how to reach them"), max_length=200)
    likes = models.CharField(_("what they like to do"), max_length=1000)
    available = models.CharField(_("when they can"), max_length=200, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    created_at = models.DateTimeField(auto_now_add=True)
    talked_at = models.DateTimeField(_("intake talk held on"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("volunteer sign-up")
        verbose_name_plural = _("volunteer sign-ups")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["community", "closed_at"])]

    def __str__(self) -> str:
        return self.name


class Talent(models.Model):
    """ "Waar bent u goed in?" (Roggel): what someone is good at and would like to do for
    neighbours. With consent to be asked, a coordinator turns it into an offer."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    good_at = models.CharField(_("what they are good at"), max_length=1000)
    would_do = models.CharField(_("what they would like to do for neighbours"), max_length=1000)
    contact = models.CharField(_("how to reach them"), max_length=200)
    may_ask = models.BooleanField(_("may be asked to help"), default=False)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    created_at = models.DateTimeField(auto_now_add=True)
    entered_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offer = models.ForeignKey(
        "exchange.HelpOffer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("talent")
        verbose_name_plural = _("talents")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["community", "closed_at"])]

    def __str__(self) -> str:
        return self.name
