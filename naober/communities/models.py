"""Tenancy: a Community is one buurthulp project; every row a community owns points to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Community(models.Model):
    """One neighbourhood help project (a tenant). Its slug appears in every URL it owns."""

    slug = models.SlugField(_("short name in web addresses"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    municipality = models.CharField(_("municipality"), max_length=120)
    response_deadline_hours = models.PositiveIntegerField(
        _("answer every request within (hours)"),
        default=48,
        help_text=_(
            "Every request gets an answer within this time. Mondenzorg(t) promises two days."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AreaKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    DISTRICT = "district", _("district")
    NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")
    STREET = "street", _("street")
    VILLAGE = "village", _("village")


class Area(models.Model):
    """A place in the tree municipality > district > neighbourhood > street or village."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="areas")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AreaKind.choices)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "parent", "name"], name="area_unique_name_per_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Area"]:
        """This area and every area above it, nearest first (a few steps: the tree is shallow)."""
        chain, node = [], self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def nearest(self, *kinds: str) -> "Area | None":
        """The closest area of one of these kinds at or above this one."""
        return next((a for a in self.ancestors() if a.kind in kinds), None)

    @property
    def public_label(self) -> str:
        """Street or village, the most a stranger may learn about where someone lives."""
        return self.name


class Role(models.TextChoices):
    RESIDENT = "resident", _("resident")
    VOLUNTEER = "volunteer", _("volunteer")
    COORDINATOR = "coordinator", _("coordinator")
    CORE_GROUP = "core_group", _("core group member")
    PARTNER = "partner", _("partner professional")
    FUNDER = "funder", _("funder or municipality")
    ADMIN = "admin", _("administrator")


class Membership(models.Model):
    """A person holds a role in the community they belong to; one row per role."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["person", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"
