"""Invitations, sign-up requests and login codes. Codes are never stored, only their hashes."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community


class Via(models.TextChoices):
    EMAIL = "email", _("e-mail with a link")
    SMS = "sms", _("text message with a code")
    LETTER = "letter", _("printed letter with a code")


class Invitation(models.Model):
    """A one-time code that lets an existing Person set a user name and password."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="invitations"
    )
    via = models.CharField(_("sent by"), max_length=10, choices=Via.choices)
    code_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    used_at = models.DateTimeField(_("used on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_via_display()})"

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class Want(models.TextChoices):
    ASK = "ask", _("ask for help")
    OFFER = "offer", _("offer help")
    VOLUNTEER = "volunteer", _("become a volunteer")


class JoinStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("e-mail or phone not yet confirmed")
    PENDING = "pending", _("waiting for a coordinator")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class JoinRequest(models.Model):
    """Someone who signed up on the public site, before they are a Person."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    wants = models.JSONField(_("wants to"), default=list)
    accepted_rules_at = models.DateTimeField()
    status = models.CharField(
        _("status"), max_length=12, choices=JoinStatus.choices, default=JoinStatus.UNVERIFIED
    )
    verify_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    verify_expires_at = models.DateTimeField(null=True, blank=True)
    verify_attempts = models.PositiveSmallIntegerField(default=0)
    verified_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sign-up")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def via(self) -> str:
        return Via.EMAIL if self.email else Via.SMS


class LoginCode(models.Model):
    """A code of six digits, valid for minutes, sent to someone who cannot keep a password."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_codes"
    )
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"
