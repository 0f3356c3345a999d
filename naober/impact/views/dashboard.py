"""The funder's dashboard: the public figures of a period, twelve months of charts, the surveys'
results, and the same figures per month as CSV or Excel."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from naober.base.exports import csv_response, xlsx_response
from naober.base.pages import page
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.impact import forms, selectors
from naober.impact.charts import bar_chart
from naober.impact.figures import FIGURES, monthly, public_figures, whole_months
from naober.impact.reciprocity import public_helped_now_helping


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
    form, asked_start, asked_end = _period(request)
    start, end = whole_months(asked_start, asked_end)  # the period the figures actually count
    months = monthly(actor.community, end)
    labels = figure_labels()
    charts = []
    for name in FIGURES:
        # "mrt 2026", not "03-2026": a month in words on a Dutch page (the CSV keeps 2026-03).
        points = [(date_format(m["month"], "b Y"), m[name]["value"]) for m in months]
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
                    % {"what": labels[name], "end": date_format(end, "F Y")},
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
    shown = [(labels[n], figures[n]) for n in FIGURES] + [
        (_("helped and now helping others themselves (up to the end date)"), reciprocal)
    ]
    return page(
        request,
        actor,
        "impact/dashboard.html",
        form=form,
        start=start,
        end=end,
        widened=(start, end) != (asked_start, asked_end),
        figures=shown,
        # Why a figure reads "not shown", in text a funder reads without hovering (a tooltip
        # never shows on a phone or when read aloud), as on the impact card.
        month_hidden=any(figure.get("hidden_month") for _label, figure in shown),
        charts=charts,
        surveys=surveys,
        cards=selectors.card_list(actor)[:50],
        can_manage=actor.can(Action.MANAGE_INITIATIVES),
        can_surveys=actor.can(Action.MANAGE_SURVEYS),
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
