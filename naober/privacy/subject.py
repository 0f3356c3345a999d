"""Data subject rights (AVG): everything stored about one person, and erasing it.

Rows are found generically through the relations that point to people.Person, so the tables a new
app adds are exported and anonymised without changes here. A model can keep a field out of the
export by listing it in a class attribute `privacy_internal_fields`.
"""

from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Model
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.communities.permissions import Action
from naober.communities.roles import require_may_act_on
from naober.people.models import Person
from naober.privacy import audit
from naober.privacy.models import AuditAction

ANONYMOUS_NAME = "Geanonimiseerde bewoner"
# Never part of an export: secrets and the community key (the reader knows their own community).
ALWAYS_INTERNAL = {"password", "key_hash", "hash", "prev_hash", "community"}
# CharFields that hold free text someone typed about a person (TextFields always count).
FREE_TEXT_NAMES = {"note", "notes", "comment", "remarks"}
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


@dataclass
class Section:
    """The rows of one model that point to the person, ready for JSON and for a page."""

    key: str
    title: str
    rows: list[dict] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)


def _internal(model) -> set[str]:
    return ALWAYS_INTERNAL | set(getattr(model, "privacy_internal_fields", ()))


def _value(obj: Model, f) -> object:
    if f.choices and getattr(obj, f.attname) not in (None, ""):
        return str(getattr(obj, f"get_{f.name}_display")())
    value = f.value_from_object(obj)
    return value


def row_dict(obj: Model) -> dict:
    """A row's own fields (links as ids, choices as readable text), minus internal fields."""
    hidden = _internal(type(obj))
    data = {
        f.attname if f.is_relation else f.name: _value(obj, f)
        for f in obj._meta.concrete_fields
        if f.name not in hidden
    }
    for m2m in obj._meta.many_to_many:
        if m2m.name not in hidden:
            data[m2m.name] = [o.pk for o in getattr(obj, m2m.name).all()]
    return data


def _labels(model) -> dict[str, str]:
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return {
        (f.attname if f.is_relation and f.concrete and not f.many_to_many else f.name): str(
            getattr(f, "verbose_name", f.name)
        )
        for f in fields
    }


def person_relations() -> list:
    """Every relation of another model to Person (reverse FKs, one-to-ones and many-to-manys)."""
    return [rel for rel in Person._meta.related_objects if rel.related_model is not Person]


def rows_about(person: Person, rel) -> models.QuerySet:
    return rel.related_model._default_manager.filter(**{rel.field.name: person}).order_by("pk")


def collect(person: Person) -> list[Section]:
    """The person, their login and every row of every app that points to them."""
    person_row = row_dict(person)
    person_row.pop("user_id", None)
    person_row["area"] = person.public_place
    sections = [Section("person", _("Your details"), [person_row], _labels(Person))]
    if person.user_id:
        user = person.user
        sections.append(
            Section(
                "account",
                _("Your login"),
                [
                    {
                        "username": user.get_username(),
                        "email": user.email,
                        "date_joined": user.date_joined,
                        "last_login": user.last_login,
                    }
                ],
                {
                    "username": _("user name"),
                    "email": _("email address"),
                    "date_joined": _("login made on"),
                    "last_login": _("last logged in"),
                },
            )
        )
    for rel in person_relations():
        model = rel.related_model
        rows = [row_dict(obj) for obj in rows_about(person, rel)]
        if rows:
            key = f"{model._meta.label_lower}.{rel.field.name}"
            title = f"{str(model._meta.verbose_name_plural).capitalize()}"
            if len([r for r in person_relations() if r.related_model is model]) > 1:
                title += f" ({rel.field.verbose_name})"
            sections.append(Section(key, title, rows, _labels(model)))
    return sections


def require_rights_over(actor, person: Person) -> None:
    """Oneself, or anyone of the community with ACT_ON_PRIVACY_RIGHTS; another community: 404.

    The pages and the API find the person through `selectors.subject`, which asks the same; the
    services ask again so that no caller can export or erase someone it was not allowed to find.
    """
    if person.community_id != actor.community.pk:
        raise Http404
    if actor.person is None or actor.person.pk != person.pk:
        actor.require(Action.ACT_ON_PRIVACY_RIGHTS)
        require_may_act_on(actor, person)


def record_export(actor, person: Person, sections: list[Section]) -> None:
    """Showing or downloading someone's data is itself written to the audit trail."""
    require_rights_over(actor, person)
    audit.append(
        actor.community,
        AuditAction.EXPORT,
        person,
        "subject access request",
        actor_person=actor.person,
        fields=[s.key for s in sections],
    )


def export(actor, person: Person) -> dict:
    """Everything about `person` as JSON-ready data (audited)."""
    sections = collect(person)
    record_export(actor, person, sections)
    encoder = DjangoJSONEncoder()
    return {
        "exported_at": timezone.now().isoformat(),
        "community": actor.community.slug,
        "sections": {s.key: [_jsonable(r, encoder) for r in s.rows] for s in sections},
    }


def _jsonable(row: dict, encoder) -> dict:
    plain = (str, int, float, bool, type(None), list, dict)
    return {k: (v if isinstance(v, plain) else encoder.default(v)) for k, v in row.items()}


def free_text_fields(model) -> list:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.TextField)
        or (isinstance(f, models.CharField) and f.name in FREE_TEXT_NAMES and not f.choices)
    ]


def _clear_text(queryset) -> int:
    """Empty the free text of these rows and of rows that belong to them; count the fields."""
    model = queryset.model
    cleared = 0
    texts = free_text_fields(model)
    if texts:
        cleared += queryset.update(**{f.name: (None if f.null else "") for f in texts}) * len(texts)
    for child in model._meta.related_objects:
        if child.on_delete is models.CASCADE and not child.many_to_many and child.field.concrete:
            child_texts = free_text_fields(child.related_model)
            if child_texts:
                children = child.related_model._default_manager.filter(
                    **{f"{child.field.name}__in": queryset}
                )
                cleared += children.update(
                    **{f.name: (None if f.null else "") for f in child_texts}
                ) * len(child_texts)
    return cleared


@transaction.atomic
def erase(actor, person: Person) -> Person:
    """Anonymise the person but keep their rows, so the counts in reports stay right.

    The login is unlinked; it is switched off unless it still belongs to a person elsewhere.
    """
    from naober.api.models import ApiToken
    from naober.people.models import PersonTag

    require_rights_over(actor, person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        return person
    for rel in person_relations():
        if rel.many_to_many or rel.related_model is PersonTag:
            continue
        _clear_text(rows_about(person, rel))
    PersonTag.objects.filter(person=person).delete()
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
        user.set_unusable_password()
        user.save()
        ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    audit.append(
        actor.community,
        AuditAction.ERASE,
        person,
        "erasure request",
        actor_person=actor.person,
        fields=sorted([*PERSON_CLEARED, "name", "user", "tags", "free text"]),
    )
    return person
