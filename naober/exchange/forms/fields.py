"""The exchange forms' own fields and widget: categories by their label, people by name and
street, the availability grid with its labels, and the categories people may choose."""

from django import forms
from django.utils.translation import gettext_lazy as _

from naober.exchange.models import Category


class CategoryChoiceField(forms.ModelChoiceField):
    """Categories by their label in the reader's language (the community's own Dutch words)."""

    def label_from_instance(self, obj):
        return obj.display_label


class CategoriesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_label


class PersonChoiceField(forms.ModelChoiceField):
    """People by name and street, so that two neighbours called Jan are told apart."""

    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.public_place}" if obj.public_place else obj.name


class AvailabilityGrid(forms.CheckboxSelectMultiple):
    """Days as rows and parts of the day as columns, one labelled checkbox per cell."""

    template_name = "exchange/widgets/availability_grid.html"

    def __init__(self, days, parts, attrs=None):
        super().__init__(attrs)
        self.days, self.parts = days, parts

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = set(value or [])
        context["widget"]["parts"] = self.parts
        context["widget"]["rows"] = [
            {
                "label": day_label,
                "cells": [
                    {
                        "value": f"{day}-{part}",
                        "label": f"{day_label} {part_label}",
                        "checked": f"{day}-{part}" in chosen,
                    }
                    for part, part_label in self.parts
                ],
            }
            for day, day_label in self.days
        ]
        return context


DAY_PART_LABELS = {"morning": _("morning"), "afternoon": _("afternoon"), "evening": _("evening")}


def community_categories(community):
    """The categories people may choose: those the administrators have not switched off."""
    return Category.objects.filter(community=community, active=True).order_by("position", "label")
