"""The audit trail: who saw or changed whose personal data, when and why, in a hash chain."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Community


class AuditAction(models.TextChoices):
    VIEW = "view", _("viewed")
    CHANGE = "change", _("changed")
    EXPORT = "export", _("downloaded")
    ERASE = "erase", _("erased")
    PURGE = "purge", _("removed after the retention period")


class AuditChainHead(models.Model):
    """The newest link of one community's chain. Writers lock this row, so the chain cannot fork."""

    community = models.OneToOneField(
        Community, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="")

    def __str__(self) -> str:
        return f"{self.community_id}#{self.seq}"


class AuditEntry(models.Model):
    """One access to personal data. Never edited: each entry's hash covers the previous hash.

    The people are kept as plain ids without a database constraint (DO_NOTHING), so that the chain
    stays verifiable even if a row it mentions disappears later.
    """

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveBigIntegerField(_("number"))
    actor = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("done by"),
    )
    action = models.CharField(_("what"), max_length=10, choices=AuditAction.choices)
    object_type = models.CharField(_("kind of data"), max_length=100)
    object_id = models.CharField(_("record"), max_length=64)
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="audit_entries",
        verbose_name=_("about"),
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    at = models.DateTimeField(_("when"))
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-seq"]
        constraints = [
            models.UniqueConstraint(fields=["community", "seq"], name="audit_unique_seq")
        ]
        indexes = [models.Index(fields=["community", "person", "at"])]

    def __str__(self) -> str:
        return f"{self.community_id}#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class SecondFactorSetupCode(models.Model):
    """A one-time code that lets one login set up its code app (see privacy/twofactor.py).

    An administrator (or `manage.py twofactor_setup_code` on the server) issues it, so that knowing
    someone's password is not enough to register a code app in their name. Only a hash is kept.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("code to set up two-step login")

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d}"
