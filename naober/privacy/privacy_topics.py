"""The audit trail's entries about a person: who-read-what, for the data export."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Role
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


# Who looked, as the person may know it: never a name (a coordinator's or a neighbour's work is
# not the person's data), but whether it was they themselves, a coordinator, a partner or a
# neighbour helping or visiting them (AVG art. 15: the recipients, by kind).
BY_WHOM = {
    # the page is read by the person and by a coordinator on their behalf: "you" would be wrong
    # for one of them
    "self": _("themselves, with their own login"),
    "coordinator": _("a coordinator"),
    "partner": _("a partner professional"),
    "neighbour": _("a neighbour who helps or visits you"),
    "system": _("Naober itself (automatically)"),
}


def by_whom(reader, entry: AuditEntry) -> str:
    if entry.actor_id is None:
        return "system"
    if reader.person is not None and entry.actor_id == reader.person.pk:
        return "self"
    roles = {m.role for m in entry.actor.memberships.all()}
    if roles & {Role.COORDINATOR, Role.ADMIN}:
        return "coordinator"
    if Role.PARTNER in roles:
        return "partner"
    return "neighbour"


def audit_view(reader, entry: AuditEntry) -> dict:
    """When, by whom (a kind, not a name) and why the person's data was read, shown, changed or
    exported (not the hash)."""
    return {
        "id": entry.pk,
        "at": entry.at,
        "by": by_whom(reader, entry),
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
        rows=lambda person: (
            AuditEntry.objects.filter(person=person)
            .select_related("actor")
            .prefetch_related("actor__memberships")
            .order_by("seq")
        ),
        view=audit_view,
        labels={"fields": _("which data"), "by": _("by whom")},
        # The purpose is the software's own note (in English): it stays in the file.
        hidden_on_page=frozenset({"id", "purpose"}),
        readable={"fields": fields_in_words, "by": lambda kind: str(BY_WHOM.get(kind, "–"))},
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
