"""Choosing a person in a form, without JavaScript, in a community of any size.

A select of every resident was 7.7 MB and 25 s for the coordinator's "enter a request" page in a
city of 100,000 (issue 16). With up to 150 people the select still lists them all; above that it
lists only the person already chosen (or found), and a text box finds people by name, street or
phone number, as the desk's caller search does. One match is taken; several (at most 20) come
back in the select to choose from. The widget is the place picker's (communities.area_picker).
"""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from naober.communities.area_picker import FOUND_AT_MOST, LIST_ALL_UP_TO, AreaPicker
from naober.people.models import Person
from naober.people.phone import normalise

SEARCH_MAX_LENGTH = 100


def label(person: Person) -> str:
    """Name and street, so that two neighbours called Jan are told apart."""
    return f"{person.name}, {person.public_place}" if person.public_place else person.name


def found_by(text: str) -> Q:
    """Staff search: part of the name or the street, or six or more digits of the phone."""
    digits = normalise(text)
    if len(digits) >= 6:
        return Q(phone_digits__contains=digits)
    return Q(name__icontains=text) | Q(area__name__icontains=text)


def public_label(person: Person) -> str:
    """What neighbours may see of each other: public name and street (issue 16's initiative
    tasks, chosen by core-group residents, who must not see full names or numbers)."""
    shown = person.display_name
    return f"{shown}, {person.public_place}" if person.public_place else shown


def found_by_public_name(text: str) -> Q:
    """A search that reveals no more than `public_label`: the public name, the first word of the
    name of someone without one, or the street; never the rest of a name or a number."""
    where = Q(public_name__icontains=text) | Q(area__name__icontains=text)
    if " " not in text:
        where |= Q(public_name="", name__istartswith=text)
    return where


class PersonPicker(AreaPicker):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.search_label = _("Or find the person: name, street or phone number")
        self.search_help = _("Part of the name is enough, or at least six digits of the number.")


class PersonSearchField(forms.Field):
    """A Person of ``bind``'s queryset (or None). A typed search wins unless the person chosen
    in the select is among what it finds. ``label`` and ``found_by`` say what the chooser may see
    and search by (staff: full name and phone; others: `public_label`, `found_by_public_name`)."""

    widget = PersonPicker
    default_error_messages = {
        # Django's own words, as the select of everyone said them.
        "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"],
        "not_found": _("Nobody found. Check the spelling, or register the person first."),
        "several": _("Several people match. Choose the right one from the list."),
    }

    def __init__(self, *, empty_label="", label_of=label, found_by=found_by, **kwargs):
        super().__init__(**kwargs)
        self.empty_label = empty_label
        self.label_of, self.found_by = label_of, found_by
        self.queryset: QuerySet[Person] = Person.objects.none()

    def bind(self, queryset: QuerySet[Person]) -> None:
        self.queryset = queryset.select_related("area")
        widget: PersonPicker = self.widget
        widget.empty_label = self.empty_label
        widget.selected_label = self._selected_label
        few = list(self.queryset.order_by("name", "id")[: LIST_ALL_UP_TO + 1])
        if len(few) <= LIST_ALL_UP_TO:
            widget.groups = [("", [(str(p.pk), self.label_of(p)) for p in few])]
        else:
            widget.groups, widget.searchable = [], True

    def _selected_label(self, value: str) -> tuple[str, str] | None:
        person = self.queryset.filter(pk=int(value)).first()
        return (value, self.label_of(person)) if person else None

    def clean(self, value):
        chosen, search = value if isinstance(value, tuple | list) else (value, "")
        person = self._chosen(str(chosen or "").strip())
        search = " ".join(str(search).replace("\x00", "").split())[:SEARCH_MAX_LENGTH]
        if search and self.widget.searchable:
            person = self._search(search, keep=person)
            self.widget.resolved = str(person.pk)
        if person is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return person

    def _chosen(self, value: str) -> Person | None:
        if value in self.empty_values:
            return None
        person = self.queryset.filter(pk=int(value)).first() if value.isdigit() else None
        if person is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid")
        return person

    def _search(self, text: str, keep: Person | None) -> Person:
        found = list(
            self.queryset.filter(self.found_by(text)).order_by("name", "id")[: FOUND_AT_MOST + 1]
        )
        if keep is not None and keep in found:
            return keep
        if len(found) == 1:
            return found[0]
        if not found:
            raise forms.ValidationError(self.error_messages["not_found"], code="not_found")
        self.widget.groups = [
            (str(_("People found")), [(str(p.pk), self.label_of(p)) for p in found[:FOUND_AT_MOST]])
        ]
        raise forms.ValidationError(self.error_messages["several"], code="several")
