"""Wrong turns (issue 13.8) and the shared form layout (issue 13.10): a coordinator editing
someone's request reads whose it is; "(optional)" is never doubled; after an error the summary takes
the focus and links to each field; amounts read "€ 150,00" in Dutch; a walk list keeps walking order
(2, 10, 10a) however addresses were added; signal tables have captions."""

from decimal import Decimal

from django import forms
from django.template.loader import render_to_string
from django.utils import translation

from naober.initiatives.money import euro
from naober.outreach import services as outreach
from tests.exchange_pages.builders import actor_of, make_request


def test_a_coordinator_editing_a_request_reads_whose_it_is(
    community, resident, coordinator, as_person
):
    help_request = make_request(community, resident)
    url = f"/c/wijk/requests/{help_request.pk}/edit/"
    staff_page = as_person(coordinator).get(url).content.decode()
    assert (
        "Vraag van Annie de Vries wijzigen" in staff_page and "Uw vraag wijzigen" not in staff_page
    )
    assert "Uw vraag wijzigen" in as_person(resident).get(url).content.decode()


class _Form(forms.Form):
    name = forms.CharField(label="Naam")
    note = forms.CharField(label="Notitie (mag leeg blijven)", required=False)
    extra = forms.CharField(label="Extra", required=False)


def test_optional_is_said_once_and_errors_are_summarised_with_links():
    with translation.override("nl"):
        html = render_to_string("core/includes/form_fields.html", {"form": _Form(data={})})
    assert html.count("(mag leeg blijven)") == 2  # the note's own words, and "Extra"
    assert "data-error-summary" in html and "autofocus" in html and 'tabindex="-1"' in html
    assert 'href="#id_name"' in html


def test_amounts_read_the_dutch_way():
    with translation.override("nl"):
        assert euro(Decimal("150")) == "€\u00a0150,00"
        assert euro(Decimal("1150.5")) == "€\u00a01.150,50"


def test_a_walk_list_keeps_walking_order(community, coordinator, person_factory):
    from naober.outreach.models import WalkList

    staff = actor_of(coordinator)
    walk_list = WalkList.objects.create(
        community=community, area=coordinator.area, name="Ronde", round=1, capacity_per_visitor=20
    )
    for address in ("Dorpsstraat 10a", "Dorpsstraat 10"):
        outreach.add_person(
            staff, walk_list, person_factory(community, address=address), kind="self_registered"
        )
    outreach.add_number_range(staff, walk_list, street="Dorpsstraat", first=2, last=2)
    order = list(walk_list.entries.order_by("position").values_list("address", flat=True))
    assert order == ["Dorpsstraat 2", "Dorpsstraat 10", "Dorpsstraat 10a"]


def test_signal_tables_have_captions(community, coordinator, person_factory, as_person):
    from naober.outreach import triage

    triage.raise_signal(actor_of(coordinator), description="Het gras is erg hoog.")
    html = as_person(coordinator).get("/c/wijk/signals/").content.decode()
    assert "<caption" in html and "Signalen: nieuw" in html
