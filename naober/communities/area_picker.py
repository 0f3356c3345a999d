"""Choosing a place (street, neighbourhood, village) in a form, without JavaScript, at any size.

A village has a few dozen streets and the select lists them all. A city has about 1,600: a select
of every street was 80-110 KB and 1-3 s a page (issue 16). There the select lists only the larger
areas (districts, neighbourhoods, villages: about a hundred), grouped by what they lie in, and a
text box finds a street by part of its name, within the neighbourhood chosen above when there is
one. One match is taken; several come back in the select to choose from, with a message.
"""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from naober.communities.models import Area, AreaKind

#: Up to this many choosable areas, the select lists them all, as before.
LIST_ALL_UP_TO = 150
#: At most this many streets found by the text box come back in the select.
FOUND_AT_MOST = 20
SEARCH_MAX_LENGTH = 120
FINE = (AreaKind.STREET,)


def _label(area: Area) -> str:
    """A street with the neighbourhood it lies in: two towns may both have a Kerkstraat."""
    if area.kind in FINE and area.parent_id:
        return f"{area.name} ({area.parent.name})"
    return area.name


class AreaPicker(forms.Widget):
    """A select of places plus, for a large community, a text box to find a street."""

    template_name = "communities/widgets/area_picker.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.groups: list[tuple[str, list[tuple[str, str]]]] = []
        self.searchable = False
        self.empty_label = ""
        # What the field's clean settled on from the typed text (the one street or person
        # found, or the first of several streets): shown chosen when the page comes back for
        # another field's error, so nobody has to search again.
        self.resolved = ""
        self.selected_label = lambda value: None  # the field's: (id, label) of a chosen street
        self.search_label = _("Or type the name of the street")
        self.search_help = _(
            "Part of the name is enough. If you chose a neighbourhood above, we only look there."
        )

    def use_required_attribute(self, initial):
        """Not when a typed street may stand in for the choice: the browser would refuse it."""
        return super().use_required_attribute(initial) and not self.searchable

    def value_from_datadict(self, data, files, name):
        return (data.get(name) or "", data.get(f"{name}_search") or "")

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_search" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen, search = value if isinstance(value, tuple | list) else (value, "")
        chosen = "" if chosen is None else str(getattr(chosen, "pk", chosen))
        chosen = self.resolved or chosen
        groups = list(self.groups)
        listed = {option for _group, options in groups for option, _label in options}
        known = self.selected_label(chosen) if chosen.isdigit() and chosen not in listed else None
        if known:  # a street chosen before (the edit form) or from the streets found
            groups.insert(0, ("", [known]))
        context["widget"].update(
            groups=[(group, options) for group, options in groups if options],
            selected=chosen,
            search=search if self.searchable else "",
            searchable=self.searchable,
            empty_label=self.empty_label,
            search_label=self.search_label,
            search_help=self.search_help,
        )
        return context


class AreaChoiceField(forms.Field):
    """An Area of one community, of the given kinds (``bind`` names the community).

    The value is the Area or None. The select's value wins when it is a street; else a text in
    the search box finds the street, inside the area chosen in the select when one is.
    """

    widget = AreaPicker
    default_error_messages = {
        "invalid_choice": _("Choose a place from the list."),
        "not_found": _(
            "No street found with that name. Check the spelling, or choose from the list."
        ),
        "several": _(
            "Several streets match; the first is chosen. Check it, or choose the right one "
            "from the list."
        ),
    }

    def __init__(self, *, kinds=tuple(AreaKind.values), empty_label="", **kwargs):
        super().__init__(**kwargs)
        self.kinds = tuple(kinds)
        self.empty_label = empty_label
        self.queryset: QuerySet[Area] = Area.objects.none()

    def bind(self, community) -> None:
        """The community's places: all of them when few, else the larger ones (one query each)."""
        self.queryset = Area.objects.filter(community=community, kind__in=self.kinds)
        widget: AreaPicker = self.widget
        widget.empty_label = self.empty_label
        widget.selected_label = self._selected_label
        coarse = [kind for kind in self.kinds if kind not in FINE]
        if self.queryset.count() <= LIST_ALL_UP_TO or len(coarse) == len(self.kinds):
            widget.groups = [("", [(str(a.pk), a.name) for a in self.queryset.order_by("name")])]
            return
        widget.searchable = True
        groups: dict[str, list[tuple[str, str]]] = {}
        for area in (
            self.queryset.filter(kind__in=coarse)
            .select_related("parent")
            .order_by("parent__name", "name")
        ):
            parent = area.parent.name if area.parent and area.parent.parent_id else ""
            groups.setdefault(parent, []).append((str(area.pk), area.name))
        widget.groups = sorted(groups.items())

    def _selected_label(self, value: str) -> tuple[str, str] | None:
        area = self.queryset.select_related("parent").filter(pk=int(value)).first()
        return (value, _label(area)) if area else None

    def clean(self, value):
        chosen, search = value if isinstance(value, tuple | list) else (value, "")
        area = self._chosen(str(chosen or "").strip())
        search = " ".join(str(search).replace("\x00", "").split())[:SEARCH_MAX_LENGTH]
        if search and self.widget.searchable and (area is None or area.kind not in FINE):
            area = self._search(search, within=area)
            self.widget.resolved = str(area.pk)
        if area is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return area

    def _chosen(self, value: str) -> Area | None:
        if value in self.empty_values:
            return None
        area = self.queryset.filter(pk=int(value)).first() if value.isdigit() else None
        if area is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid")
        return area

    def _search(self, text: str, within: Area | None) -> Area:
        found = self.queryset.filter(kind__in=FINE, name__icontains=text)
        if within is not None:
            found = found.filter(
                Q(parent=within) | Q(parent__parent=within) | Q(parent__parent__parent=within)
            )
        found = list(found.select_related("parent").order_by("name", "pk")[: FOUND_AT_MOST + 1])
        exact = [area for area in found if area.name.casefold() == text.casefold()]
        if len(found) == 1 or len(exact) == 1:
            return exact[0] if len(exact) == 1 else found[0]
        if not found:
            raise forms.ValidationError(self.error_messages["not_found"], code="not_found")
        self.widget.resolved = str(found[0].pk)  # the first found is chosen; another is a key away
        self.widget.groups = [
            (str(_("Streets found")), [(str(a.pk), _label(a)) for a in found[:FOUND_AT_MOST]]),
            *self.widget.groups,
        ]
        raise forms.ValidationError(self.error_messages["several"], code="several")
