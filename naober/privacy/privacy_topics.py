"""The audit trail's entries about a person: who-read-what, for the data export."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from naober.people.models import Person
from naober.privacy.models import AuditEntry
from naober.privacy.topics import TOPICS, Group, Topic, leave_out, register


def fields_in_words(names: list[str]) -> str:
    """The data an entry is about, in words: a person's field by its label, an export by the
    headings it held; anything else (internal names) is left to the file."""
    titles = {t.key: str(t.title) for t in TOPICS}
    words = []
    for name in names:
        if name in titles:
            words.append(titles[name])
            continue
        try:
            words.append(str(Person._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            continue
    return ", ".join(dict.fromkeys(words)) or "–"


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
        # The purpose is the software's own note (in English): it stays in the file.
        hidden_on_page=frozenset({"id", "purpose"}),
        readable={"fields": fields_in_words},
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
