"""Writes in the exchange."""

from naober.exchange.defaults import DEFAULT_CATEGORIES
from naober.exchange.models import Category


def ensure_default_categories(community) -> list[Category]:
    """Give a community the standard categories; existing ones (perhaps renamed) are kept."""
    existing = set(Category.objects.filter(community=community).values_list("code", flat=True))
    Category.objects.bulk_create(
        Category(community=community, code=code, label=label, label_en=label_en, kind=kind,
                 in_scope=in_scope, position=position)
        for position, (code, label, label_en, kind, in_scope) in enumerate(DEFAULT_CATEGORIES)
        if code not in existing
    )
    return list(Category.objects.filter(community=community))
