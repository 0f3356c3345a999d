"""Quotes of a person on an impact card, for the data export and erasure (see privacy.topics)."""

from django.utils.translation import gettext_lazy as _

from naober.impact.models import ImpactCard
from naober.privacy.topics import Group, Topic, register


def quote_view(reader, card: ImpactCard) -> dict:
    return {"id": card.pk, "title": card.title, "quote": card.quote}


register(
    Topic(
        key="impact.quotes",
        title=_("Quotes on an impact card"),
        group=Group.COMMUNITY,
        model=ImpactCard,
        covers=("impact.ImpactCard.quote_person",),
        rows=lambda person: ImpactCard.objects.filter(quote_person=person).order_by("pk"),
        view=quote_view,
        hidden_on_page=frozenset({"id"}),
        erase_fields=("quote",),
    )
)
