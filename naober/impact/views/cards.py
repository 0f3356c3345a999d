"""Impact cards: a coordinator writes one (with key figures and the sessions in which the
neighbourhood discussed the figures); a funder reads it on the page or as an A4 PDF."""

from pathlib import Path

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from naober.base.pages import on_form, page
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.impact import forms, selectors, services
from naober.impact.views.dashboard import figure_labels
from naober.initiatives.views import form_flow, form_page

PDF_CSS = Path(__file__).parent.parent / "pdf" / "card.css"


@community_page(Action.MANAGE_INITIATIVES)
def card_create(request, actor):
    return _card_form(request, actor, None)


@community_page(Action.MANAGE_INITIATIVES)
def card_edit(request, actor, card_id):
    return _card_form(request, actor, selectors.card_get(actor, card_id))


def _card_form(request, actor, card):
    form = forms.CardForm(request.POST or None, instance=card, community=actor.community)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.save_card(actor, form.cleaned_data, card))
    )
    if saved:
        messages.success(request, _("The impact card has been saved."))
        return redirect("impact:card", slug=actor.community.slug, card_id=saved.pk)
    return form_page(
        request, actor, form, title=_("Impact card"), back=f"/c/{actor.community.slug}/impact/"
    )


@community_page(Action.VIEW_AGGREGATES)
def card_detail(request, actor, card_id):
    card = selectors.card_get(actor, card_id)
    can_manage = actor.can(Action.MANAGE_INITIATIVES)
    return page(
        request,
        actor,
        "impact/card.html",
        **selectors.card_data(actor, card),
        labels=figure_labels(),
        can_manage=can_manage,
        sessions=card.sessions.prefetch_related("actions") if can_manage else [],
    )


@community_page(Action.VIEW_AGGREGATES)
def card_pdf(request, actor, card_id):
    """The impact card as an A4 PDF (WeasyPrint), from the same data as the page."""
    from weasyprint import CSS, HTML

    card = selectors.card_get(actor, card_id)
    html = render_to_string(
        "impact/card_pdf.html",
        {
            "community": actor.community,
            **selectors.card_data(actor, card),
            "labels": figure_labels(),
        },
        request=request,
    )
    # Tagged PDF/UA-1 with the page's language (<html lang>), so screen readers can read it.
    pdf = HTML(string=html).write_pdf(stylesheets=[CSS(filename=PDF_CSS)], pdf_variant="pdf/ua-1")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="impactkaart-{card.pk}.pdf"'
    return response


@community_page(Action.MANAGE_INITIATIVES)
def figure_add(request, actor, card_id):
    card = selectors.card_get(actor, card_id)
    return form_flow(
        request,
        actor,
        forms.KeyFigureForm(request.POST or None),
        lambda data: services.add_key_figure(actor, card, **data),
        message=_("The key figure has been added."),
        back=_card_url(actor, card),
        title=_("Add a key figure"),
        intro=_("A figure may be a range, such as 10–15, or 'more than 100'."),
    )


@community_page(Action.MANAGE_INITIATIVES)
def session_add(request, actor, card_id):
    card = selectors.card_get(actor, card_id)
    form = forms.SessionForm(request.POST or None)
    return form_flow(
        request,
        actor,
        form,
        lambda _data: services.record_session(actor, card, *form.session_data()),
        message=_("The interpretation session has been saved."),
        back=_card_url(actor, card),
        title=_("Discuss the figures together"),
        intro=_(
            "Four questions: do we recognise the figures, can we explain "
            "them, what do we think of them, what do we do next?"
        ),
    )


def _card_url(actor, card) -> str:
    return f"/c/{actor.community.slug}/impact/cards/{card.pk}/"
