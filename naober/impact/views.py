"""Impact pages: the dashboard for funders, surveys (and the public answer page), impact cards
with their PDF, change stories and interpretation sessions.

Why over 400 lines: one short view per impact page listed above; each is thin (it calls the
impact services and selectors), and splitting by page would scatter one small app's pages.
"""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.exports import csv_response, xlsx_response
from naober.base.forms import apply_errors
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.impact import forms, selectors, services
from naober.impact.charts import bar_chart
from naober.impact.figures import FIGURES, monthly, public_figures, whole_months
from naober.impact.models import Indicator
from naober.impact.reciprocity import public_helped_now_helping
from naober.initiatives.views import form_page
from naober.privacy.ratelimit import rate_limited

# Set on the survey's own path after answering: the browser, not the server, remembers it.
ANSWERED_COOKIE = "survey_answered"
ANSWERED_COOKIE_AGE = 366 * 24 * 3600
PDF_CSS = Path(__file__).parent / "pdf" / "card.css"


def figure_labels() -> dict[str, str]:
    return {
        "requests": _("Requests for help"),
        "matches": _("Matches"),
        "people_reached": _("People helped"),
        "volunteers_active": _("Volunteers active"),
        "hours_estimate": _("Hours of help (estimate)"),
    }


def _period(request):
    form = forms.PeriodForm(request.GET or None)
    if request.GET and form.is_valid():
        return form, form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    start, end = selectors.default_period()
    if not request.GET:
        form = forms.PeriodForm(initial={"date_from": start, "date_to": end})
    return form, start, end


@community_page(Action.VIEW_AGGREGATES)
def dashboard(request, actor):
    form, start, end = _period(request)
    start, end = whole_months(start, end)  # the period the figures actually count
    months = monthly(actor.community, end)
    labels = figure_labels()
    charts = []
    for name in FIGURES:
        points = [(m["month"].strftime("%m-%Y"), m[name]["value"]) for m in months]
        charts.append(
            {
                "name": name,
                "label": labels[name],
                "points": points,
                "svg": bar_chart(
                    labels[name],
                    _(
                        "%(what)s per month, twelve months up to "
                        "%(end)s. Numbers below 5 are not shown."
                    )
                    % {"what": labels[name], "end": end.strftime("%m-%Y")},
                    points,
                    f"chart-{name}",
                ),
            }
        )
    surveys = [
        {
            "survey": s,
            "results": selectors.survey_results(s),
            "comparison": selectors.survey_comparison(s),
        }
        for s in selectors.survey_list(actor)[:10]
    ]
    figures = public_figures(actor.community, start, end)
    reciprocal = public_helped_now_helping(actor.community, end)
    return render(
        request,
        "impact/dashboard.html",
        {
            "community": actor.community,
            "actor": actor,
            "form": form,
            "start": start,
            "end": end,
            "figures": [(labels[n], figures[n]) for n in FIGURES]
            + [(_("helped and now helping others themselves (up to the end date)"), reciprocal)],
            "charts": charts,
            "surveys": surveys,
            "cards": selectors.card_list(actor)[:50],
            "can_manage": actor.can(Action.MANAGE_INITIATIVES),
            "can_surveys": actor.can(Action.MANAGE_SURVEYS),
        },
    )


@community_page(Action.VIEW_AGGREGATES)
def dashboard_export(request, actor):
    """The dashboard's figures per month as CSV (suppressed counts are written as "< 5")."""
    return csv_response("impact.csv", *_export_table(request, actor))


@community_page(Action.VIEW_AGGREGATES)
def dashboard_export_xlsx(request, actor):
    """The same table as the CSV as an Excel file: counts are numbers, suppressed ones "< 5"."""
    return xlsx_response("impact.xlsx", *_export_table(request, actor))


def _export_table(request, actor) -> tuple[list, list[list]]:
    """Header and rows per month; the second row holds the Dutch names of the figures."""
    _form, _start, end = _period(request)
    labels = figure_labels()
    rows = [["", *(labels[n] for n in FIGURES)]]
    for month in monthly(actor.community, end):
        rows.append(
            [
                month["month"].strftime("%Y-%m"),
                *("< 5" if month[n]["suppressed"] else month[n]["value"] for n in FIGURES),
            ]
        )
    return ["month", *FIGURES], rows


# --- surveys ------------------------------------------------------------------------------


@community_page(Action.MANAGE_SURVEYS)
def survey_list(request, actor):
    return render(
        request,
        "impact/survey_list.html",
        {
            "community": actor.community,
            "actor": actor,
            "surveys": selectors.survey_list(actor),
        },
    )


@community_page(Action.MANAGE_SURVEYS)
def survey_create(request, actor):
    form = forms.SurveyForm(request.POST or None, community=actor.community)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.create_survey(actor, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The survey has been made."))
            return redirect("impact:survey", slug=actor.community.slug, survey_id=survey.pk)
    return form_page(
        request,
        actor,
        form,
        title=_("New survey"),
        back=f"/c/{actor.community.slug}/impact/surveys/",
    )


@community_page(Action.MANAGE_SURVEYS)
def survey_detail(request, actor, survey_id):
    survey = selectors.survey_get(actor, survey_id)
    return render(
        request,
        "impact/survey_detail.html",
        {
            "community": actor.community,
            "actor": actor,
            "survey": survey,
            "results": selectors.survey_results(survey),
            "comparison": selectors.survey_comparison(survey),
            "public_url": request.build_absolute_uri(
                f"/c/{actor.community.slug}/survey/{survey.token}/"
            ),
        },
    )


@require_POST
@community_page(Action.MANAGE_SURVEYS)
def survey_toggle(request, actor, survey_id):
    survey = selectors.survey_get(actor, survey_id)
    services.set_survey_open(actor, survey, not survey.is_open)
    return redirect("impact:survey", slug=actor.community.slug, survey_id=survey.pk)


@community_page(Action.MANAGE_SURVEYS)
def survey_paper(request, actor, survey_id):
    """A coordinator types in a paper questionnaire, one at a time."""
    survey = selectors.survey_get(actor, survey_id)
    form = forms.AnswerForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.enter_paper(actor, survey, form.answers())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("The paper questionnaire has been saved. You can type in the next one.")
            )
            return redirect("impact:survey_paper", slug=actor.community.slug, survey_id=survey.pk)
    return render(
        request,
        "impact/survey_answer.html",
        {
            "community": actor.community,
            "actor": actor,
            "survey": survey,
            "form": form,
            "paper": True,
        },
    )


@rate_limited("public_form")
@community_page(members_only=False)
def survey_public(request, actor, token):
    """The anonymous public link. One answer per browser; nothing about who answers is stored:
    no login, no person, no IP address (see models.Response). "Already answered" lives in a cookie
    of this link only, never in the session, which for a logged-in resident is tied to them."""
    survey = selectors.survey_by_token(actor.community, token)
    context = {"community": actor.community, "actor": actor, "survey": survey}
    if request.COOKIES.get(ANSWERED_COOKIE) == "1":
        return render(request, "impact/survey_thanks.html", {**context, "again": True})
    if not survey.is_open:
        return render(request, "impact/survey_thanks.html", {**context, "closed": True})
    # Bound on every POST, an empty one too: sending nothing is an error, not a fresh form.
    form = forms.AnswerForm(request.POST if request.method == "POST" else None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_online(survey, form.answers())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            response = render(request, "impact/survey_thanks.html", context)
            response.set_cookie(
                ANSWERED_COOKIE,
                "1",
                max_age=ANSWERED_COOKIE_AGE,
                path=request.path,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
            return response
    return render(
        request,
        "impact/survey_answer.html",
        {**context, "form": form},
        status=400 if form.errors else 200,
    )


# --- impact cards -------------------------------------------------------------------------


@community_page(Action.MANAGE_INITIATIVES)
def card_create(request, actor):
    return _card_form(request, actor, None)


@community_page(Action.MANAGE_INITIATIVES)
def card_edit(request, actor, card_id):
    return _card_form(request, actor, selectors.card_get(actor, card_id))


def _card_form(request, actor, card):
    form = forms.CardForm(request.POST or None, instance=card, community=actor.community)
    if request.method == "POST" and form.is_valid():
        try:
            card = services.save_card(actor, form.cleaned_data, card)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The impact card has been saved."))
            return redirect("impact:card", slug=actor.community.slug, card_id=card.pk)
    return form_page(
        request, actor, form, title=_("Impact card"), back=f"/c/{actor.community.slug}/impact/"
    )


@community_page(Action.VIEW_AGGREGATES)
def card_detail(request, actor, card_id):
    card = selectors.card_get(actor, card_id)
    return render(
        request,
        "impact/card.html",
        {
            "community": actor.community,
            "actor": actor,
            **selectors.card_data(actor, card),
            "labels": figure_labels(),
            "can_manage": actor.can(Action.MANAGE_INITIATIVES),
            "sessions": card.sessions.prefetch_related("actions")
            if actor.can(Action.MANAGE_INITIATIVES)
            else [],
        },
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
    form = forms.KeyFigureForm(request.POST or None)
    back = f"/c/{actor.community.slug}/impact/cards/{card.pk}/"
    if request.method == "POST" and form.is_valid():
        try:
            services.add_key_figure(actor, card, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The key figure has been added."))
            return redirect(back)
    return form_page(
        request,
        actor,
        form,
        title=_("Add a key figure"),
        back=back,
        intro=_("A figure may be a range, such as 10–15, or 'more than 100'."),
    )


@community_page(Action.MANAGE_INITIATIVES)
def session_add(request, actor, card_id):
    card = selectors.card_get(actor, card_id)
    form = forms.SessionForm(request.POST or None)
    back = f"/c/{actor.community.slug}/impact/cards/{card.pk}/"
    if request.method == "POST" and form.is_valid():
        try:
            services.record_session(actor, card, *form.session_data())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The interpretation session has been saved."))
            return redirect(back)
    return form_page(
        request,
        actor,
        form,
        title=_("Discuss the figures together"),
        back=back,
        intro=_(
            "Four questions: do we recognise the figures, can we explain "
            "them, what do we think of them, what do we do next?"
        ),
    )


# --- change story -------------------------------------------------------------------------


@community_page(Action.VIEW_INITIATIVES)
def story(request, actor, initiative_id):
    initiative, story = selectors.story_for(actor, initiative_id)
    can_manage = actor.can(Action.MANAGE_INITIATIVES)
    form = forms.StoryForm(request.POST or None, instance=story)
    outcome_form = forms.OutcomeForm()
    if request.method == "POST":
        actor.require(Action.MANAGE_INITIATIVES)
        if form.is_valid():
            try:
                services.save_story(actor, initiative, form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The change story has been saved."))
                return redirect(
                    "impact:story", slug=actor.community.slug, initiative_id=initiative.pk
                )
    return render(
        request,
        "impact/story.html",
        {
            "community": actor.community,
            "actor": actor,
            "initiative": initiative,
            "story": story,
            "form": form if can_manage else None,
            "outcome_form": outcome_form if can_manage and story else None,
            "indicator_form": forms.IndicatorForm(),
            "measurement_form": forms.MeasurementForm(),
        },
    )


def _story_part(request, actor, initiative_id, form_class, save, message):
    initiative, story = selectors.story_for(actor, initiative_id)
    form = form_class(request.POST)
    back = f"/c/{actor.community.slug}/initiatives/{initiative.pk}/story/"
    if story is not None and form.is_valid():
        try:
            save(story, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, message)
            return redirect(back)
    return form_page(request, actor, form, title=initiative.title, back=back)


@require_POST
@community_page(Action.MANAGE_INITIATIVES)
def outcome_add(request, actor, initiative_id):
    return _story_part(
        request,
        actor,
        initiative_id,
        forms.OutcomeForm,
        lambda story, data: services.add_outcome(actor, story, **data),
        _("The outcome has been added."),
    )


@require_POST
@community_page(Action.MANAGE_INITIATIVES)
def indicator_add(request, actor, initiative_id, outcome_id):
    def save(story, data):
        outcome = story.outcomes.filter(pk=outcome_id).first()
        if outcome is None:
            raise ValidationError(_("This outcome does not exist."))
        services.add_indicator(actor, outcome, **data)

    return _story_part(
        request, actor, initiative_id, forms.IndicatorForm, save, _("The indicator has been added.")
    )


@require_POST
@community_page(Action.MANAGE_INITIATIVES)
def measurement_add(request, actor, initiative_id, indicator_id):
    def save(story, data):
        indicator = Indicator.objects.filter(outcome__story=story, pk=indicator_id).first()
        if indicator is None:
            raise ValidationError(_("This indicator does not exist."))
        services.add_measurement(actor, indicator, **data)

    return _story_part(
        request,
        actor,
        initiative_id,
        forms.MeasurementForm,
        save,
        _("The measurement has been added."),
    )
