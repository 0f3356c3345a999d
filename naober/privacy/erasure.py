"""Erasure (AVG right to be forgotten): close what is open, then empty every copy of the person.

The rows stay, so the figures (requests, matches, visits, people helped) stay right; what goes is
everything that says who the person was:

1. Each app's erase hook closes the person's open business (privacy.topics.on_erase): requests
   cancelled, live matches stopped with a note to the other side and the coordinators, offers
   paused.
2. The rows about the person (every topic with `about=True`) lose their personal text, with the
   text of the rows that belong to them (a visit's life-domain answers, a match's steps).
3. The person and their login are anonymised.
4. Copies elsewhere are found by value: every text, character and JSON column of every table
   (walk lists and their print, visit addresses, messages sent to others, logbook notes on someone
   else's request, SMS outbox, the Django admin's history) is searched for the person's name,
   phone number, e-mail address and postal address, and each occurrence is replaced.

Other people's own details (a partner's shared landline) and the hash-chained audit trail (which
holds ids and field names, no text about people) are left alone.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from naober.api.tokens import revoke_all
from naober.people.models import Person
from naober.privacy import audit
from naober.privacy.models import AuditAction
from naober.privacy.subject import ANONYMOUS_NAME, require_rights_over
from naober.privacy.topics import ERASE_HOOKS, TOPICS

REMOVED = "[verwijderd]"
# Character fields that hold what someone typed about a person (text fields always count).
PERSONAL_CHAR_FIELDS = frozenset(
    {
        "title",
        "subject",
        "address",
        "note",
        "notes",
        "comment",
        "remarks",
        "quote",
        "intro_place",
        "review_note",
        "handled_note",
        "referred_by",
        "referred_by_text",
        "insurance_note",
        "will_not_do",
    }
)
PERSON_CLEARED = {
    "public_name": "",
    "phone": "",
    "email": "",
    "address": "",
    "date_of_birth": None,
    "languages": [],
    "gender": "",
    "reachable_via_coordinator": True,
    "digital": False,
    "preferred_channel": "via_coordinator",
}
# Tables the search by value leaves alone, and why.
NOT_SEARCHED = {
    "people.person": "other people's own details (the erased person's row is cleared by field)",
    "auth.user": "other people's own logins (the erased person's login is cleared by field)",
    "privacy.auditentry": "hash-chained; holds ids, actions and field names, no text about people",
    "privacy.auditchainhead": "the chain's head hash",
    "sessions.session": "encoded session data; a switched-off login cannot use its sessions",
    "contenttypes.contenttype": "model names",
    "auth.permission": "permission names",
}


@dataclass(frozen=True)
class Traces:
    """What identifies the person in free text: exact strings, and the phone number's digits."""

    strings: tuple[str, ...]
    phone_digits: str

    @classmethod
    def of(cls, person: Person) -> "Traces":
        strings = {person.name.strip(), person.email.strip(), person.address.strip()}
        if person.user_id:
            strings.add(person.user.email.strip())
        street = person.address.split(",")[0].strip()
        if any(ch.isdigit() for ch in street):
            strings.add(street)  # "Krakeelweg 12" as written on a walk list
        digits = re.sub(r"\D", "", person.phone)
        if digits.startswith("31") and len(digits) > 9:
            digits = digits[2:]
        digits = digits.lstrip("0")
        if len(digits) < 6:
            strings.add(person.phone.strip())
            digits = ""
        return cls(tuple(sorted(s for s in strings if len(s) >= 3)), digits)

    def pattern(self) -> str:
        """One regular expression (Python's and the databases' dialect alike) for every trace."""
        parts = [re.escape(s) for s in self.strings]
        if self.phone_digits:  # 06 1234 5678, 0612345678, +31 6 12 34 56 78, 0031-6-...
            digits = "[ .()-]{0,3}".join(self.phone_digits)
            parts.append(f"(?:[+]?31|0031|0)?[ .()-]{{0,3}}{digits}")
        # Whole values only: "Dorpsstraat 1" must not touch "Dorpsstraat 12".
        return "|".join(f"(?<![0-9a-z]){part}(?![0-9a-z])" for part in parts)


def _community_path(model, depth: int = 3) -> str | None:
    """The lookup from `model` to its community ("walk_list__community"), or None."""
    if depth == 0:
        return None
    for f in model._meta.concrete_fields:
        related = f.related_model if f.is_relation else None
        if related is not None and related._meta.label == "communities.Community":
            return f.name
    for f in model._meta.concrete_fields:
        if f.many_to_one and f.related_model is not None and f.related_model is not model:
            rest = _community_path(f.related_model, depth - 1)
            if rest:
                return f"{f.name}__{rest}"
    return None


def text_columns() -> list[tuple[type[models.Model], models.Field]]:
    """Every character, text and JSON column of every table (the search's reach)."""
    columns = []
    for model in apps.get_models():
        if model._meta.label_lower in NOT_SEARCHED or model._meta.proxy:
            continue
        for f in model._meta.concrete_fields:
            if isinstance(f, models.CharField | models.TextField | models.JSONField):
                columns.append((model, f))
    return columns


def _replace(value, regex: re.Pattern):
    if isinstance(value, str):
        return regex.sub(REMOVED, value)
    if isinstance(value, list):
        return [_replace(v, regex) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, regex) for k, v in value.items()}
    return value


def sweep(community, traces: Traces) -> int:
    """Replace every trace in every searched column (within the community where a row has one).

    Returns the number of values changed.
    """
    pattern = traces.pattern()
    if not pattern:
        return 0
    regex = re.compile(pattern, re.IGNORECASE)
    changed = 0
    for model, f in text_columns():
        qs = model._default_manager.all()
        path = _community_path(model)
        if path:
            qs = qs.filter(**{path: community})
        if isinstance(f, models.JSONField):
            qs = qs.annotate(_as_text=Cast(f.name, TextField())).filter(_as_text__iregex=pattern)
        else:
            qs = qs.filter(**{f"{f.name}__iregex": pattern})
        for pk, value in qs.values_list("pk", f.name):
            new = _replace(value, regex)
            if isinstance(f, models.CharField) and f.max_length:
                new = new[: f.max_length]
            if new == value:
                continue
            try:
                with transaction.atomic():
                    model._default_manager.filter(pk=pk).update(**{f.name: new})
            except IntegrityError:  # a unique column: keep it unique
                suffix = f"-{pk}"
                model._default_manager.filter(pk=pk).update(**{f.name: REMOVED + suffix})
            changed += 1
    return changed


def _personal_text(model, names: tuple[str, ...] | None) -> dict:
    """The emptied values of a model's personal text fields."""
    cleared = {}
    for f in model._meta.concrete_fields:
        if names is not None:
            chosen = f.name in names
        else:
            chosen = isinstance(f, models.TextField) or (
                isinstance(f, models.CharField) and not f.choices and f.name in PERSONAL_CHAR_FIELDS
            )
        if not chosen:
            continue
        if f.null:
            cleared[f.name] = None
        elif f.blank or isinstance(f, models.TextField):
            cleared[f.name] = ""
        else:
            cleared[f.name] = REMOVED[: f.max_length]
    return cleared


def _clear_rows(model, pks: list[int], names: tuple[str, ...] | None) -> None:
    """Empty the personal text of these rows and of the rows that belong to them."""
    if not pks:
        return
    cleared = _personal_text(model, names)
    if cleared:
        model._default_manager.filter(pk__in=pks).update(**cleared)
    if names is not None:
        return
    for child in model._meta.related_objects:
        if child.on_delete is models.CASCADE and not child.many_to_many and child.field.concrete:
            child_cleared = _personal_text(child.related_model, None)
            if child_cleared:
                child.related_model._default_manager.filter(
                    **{f"{child.field.name}__in": pks}
                ).update(**child_cleared)


def _anonymise(person: Person) -> None:
    user = person.user
    for name, value in PERSON_CLEARED.items():
        setattr(person, name, value)
    person.name = ANONYMOUS_NAME
    person.user = None
    person.erased_at = timezone.now()
    person.save()
    if user is not None and not user.people.filter(erased_at__isnull=True).exists():
        user.is_active = False
        user.email = ""
        user.first_name = user.last_name = ""
        user.username = f"verwijderd-{user.pk}"
        user.set_unusable_password()
        user.save()
        revoke_all(user.pk)


@transaction.atomic
def erase(actor, person: Person) -> Person:
    """Close what is open, empty every copy of the person, keep the rows for the figures."""
    require_rights_over(actor, person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        return person
    traces = Traces.of(person)
    for hook in ERASE_HOOKS:
        hook(actor, person)
    for topic in TOPICS:
        if not topic.about or topic.model is Person:
            continue
        rows = topic.rows(person)
        pks = [obj.pk for obj in rows]
        if topic.erase_delete:
            topic.model._default_manager.filter(pk__in=pks).delete()
        else:
            _clear_rows(topic.model, pks, topic.erase_fields)
    _anonymise(person)
    sweep(actor.community, traces)
    audit.append(
        actor.community,
        AuditAction.ERASE,
        person,
        "erasure request",
        actor_person=actor.person,
        fields=sorted([*PERSON_CLEARED, "name", "user", "tags", "free text", "copies"]),
    )
    return person
