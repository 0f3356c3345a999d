"""The audit trail's entries about a person: who-read-what, for the data export."""

from django.utils.translation import gettext_lazy as _

from naober.privacy.models import AuditEntry
from naober.privacy.topics import Group, Topic, leave_out, register


def audit_view(reader, entry: AuditEntry) -> dict:
    """When and why the person's data was read, shown, changed or exported (not the hash)."""
    return {
        "id": entry.pk,
        "at": entry.at,
        "action": entry.action,
        "purpose": entry.purpose,
        "fields": entry.fields,
    }


register(
    Topic(
        key="privacy.audit",
        title=_("When the data was looked at"),
        group=Group.LOG,
        model=AuditEntry,
        covers=("privacy.AuditEntry.person",),
        rows=lambda person: AuditEntry.objects.filter(person=person).order_by("seq"),
        view=audit_view,
        labels={"fields": _("which data")},
        hidden_on_page=frozenset({"id"}),
        about=False,
    )
)
leave_out(
    "privacy.AuditEntry.actor",
    "what a staff member read of other people: the log of their work, in those people's data",
)
leave_out(
    "privacy.SecondFactorSetupCode.issued_by",
    "the administrator who issued someone else's setup code: security bookkeeping",
)
