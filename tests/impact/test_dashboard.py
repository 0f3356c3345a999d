"""The funder dashboard: every figure recomputed from the raw rows, suppression below 5, SVG
charts with their data tables, CSV export, the summary API, permissions and tenant isolation."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from naober.exchange.models import HelpRequest, Match
from naober.impact.charts import bar_chart
from naober.impact.figures import HOURS_ONE_OFF, HOURS_RECURRING, public_figures, suppressed
from tests.impact.builders import at, match_on, request_on

pytestmark = pytest.mark.django_db
REACHED = {"accepted", "introduced", "active", "completed"}


def independent_figures(community, start: date, end: date) -> dict:
    """The figures recomputed in plain Python from every row, without the app's queries."""

    def inside(dt):
        return start <= dt.astimezone(ZoneInfo("Europe/Amsterdam")).date() <= end

    requests = [
        r
        for r in HelpRequest.objects.all()
        if r.community_id == community.pk and inside(r.created_at)
    ]
    matches = [
        m
        for m in Match.objects.select_related("request").all()
        if m.community_id == community.pk and inside(m.created_at)
    ]
    reached = [m for m in matches if m.state in REACHED]
    hours = sum(
        HOURS_RECURRING if m.request.recurrence == "recurring" else HOURS_ONE_OFF for m in reached
    )
    return {
        "requests": len(requests),
        "matches": len(matches),
        "people_reached": len({m.request.requester_id for m in reached}),
        "volunteers_active": len({m.helper_id for m in reached}),
        "hours_estimate": hours,
        "reached": len(reached),
    }


@pytest.fixture
def busy(community, other_community):
    """Seven requests and six matches in March 2026, two in April, noise elsewhere."""
    helper = None
    for day in range(1, 8):
        request = request_on(
            community, at(2026, 3, day), recurrence="recurring" if day % 3 == 0 else "one_off"
        )
        if day <= 6:
            match = match_on(
                community,
                at(2026, 3, day),
                request,
                helper,
                state="declined" if day == 6 else "active",
            )
            helper = match.helper if day % 2 else None
    for day in (1, 2):
        request_on(community, at(2026, 4, day))
    request_on(other_community, at(2026, 3, 3))
    return community


def test_every_figure_equals_the_raw_rows(busy):
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    expected = independent_figures(busy, start, end)
    shown = public_figures(busy, start, end)
    for name in ("requests", "matches", "people_reached", "volunteers_active", "hours_estimate"):
        value = expected[name]
        if value < 5 or (name == "hours_estimate" and expected["reached"] < 5):
            assert shown[name] == {"value": None, "suppressed": True}, name
        else:
            assert shown[name] == {"value": value, "suppressed": False}, name
    assert shown["requests"]["value"] == 7


def test_counts_below_five_are_suppressed():
    assert suppressed(4) == {"value": None, "suppressed": True}
    assert suppressed(0) == {"value": None, "suppressed": True}
    assert suppressed(5) == {"value": 5, "suppressed": False}


def test_summary_api_for_a_funder(busy, person_factory, api):
    funder = person_factory(busy, "funder")
    response = api.login(funder).get(
        "c/wijk/impact/summary", **{"from": "2026-03-01", "to": "2026-04-30"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    # March and April together would be 9, and March alone is 7: showing the total would give
    # away April's 2. A period is shown only when each of its months is (issue 12.8).
    assert body["figures"]["requests"] == {"value": None, "suppressed": True}
    april = next(m for m in body["months"] if m["month"] == "2026-04")
    assert april["requests"] == {"value": None, "suppressed": True}
    march = next(m for m in body["months"] if m["month"] == "2026-03")
    assert march["requests"] == {"value": 7, "suppressed": False}
    assert len(body["months"]) == 12


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-05-01", "to": "2026-01-01"},
        {"from": "2000-01-01", "to": "2026-01-01"},
        {"from": "gisteren"},
    ],
)
def test_summary_api_refuses_bad_periods(community, person_factory, api, params):
    funder = person_factory(community, "funder")
    assert api.login(funder).get("c/wijk/impact/summary", **params).status_code == 422


def test_summary_api_permissions_and_isolation(community, other_community, person_factory, api):
    resident = person_factory(community, "resident")
    assert api.login(resident).get("c/wijk/impact/summary").status_code == 403
    funder = person_factory(community, "funder")
    assert api.login(funder).get("c/elders/impact/summary").status_code == 404
    assert (
        api.login(person_factory(community, "core_group")).get("c/wijk/impact/summary").status_code
        == 200
    )


def test_dashboard_page_shows_charts_with_their_tables(busy, person_factory):
    funder = person_factory(busy, "funder")
    client = Client()
    client.force_login(funder.user)
    response = client.get("/c/wijk/impact/", {"date_from": "2026-03-01", "date_to": "2026-04-30"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('role="img"') == 5
    assert html.count('class="chart-data"') == 5
    assert '<title id="chart-requests-t">' in html
    assert "&lt; 5" in html


def test_dashboard_is_refused_to_residents_and_volunteers(community, person_factory):
    for role in ("resident", "volunteer", "partner"):
        client = Client()
        client.force_login(person_factory(community, role).user)
        assert client.get("/c/wijk/impact/").status_code == 403, role
        assert client.get("/c/wijk/impact/export.csv").status_code == 403, role


def test_csv_export_per_month_with_suppression(busy, person_factory):
    client = Client()
    client.force_login(person_factory(busy, "funder").user)
    response = client.get(
        "/c/wijk/impact/export.csv", {"date_from": "2026-01-01", "date_to": "2026-04-30"}
    )
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("month,requests,matches")
    march = next(line for line in lines if line.startswith("2026-03"))
    april = next(line for line in lines if line.startswith("2026-04"))
    assert march.split(",")[1] == "7"
    assert april.split(",")[1] == "< 5"


def test_svg_chart_is_accessible_and_escapes_text():
    svg = bar_chart("Vragen <b>", "Per maand", [("01-2026", 7), ("02-2026", None)], "c1")
    assert 'role="img"' in svg and '<title id="c1-t">Vragen &lt;b&gt;</title>' in svg
    assert '<desc id="c1-d">Per maand</desc>' in svg
    assert "&lt; 5" in svg and ">7<" in svg
    assert "style=" not in svg


def test_periods_are_whole_months_so_days_cannot_be_subtracted(busy):
    """The 1st to the 30th and the 1st to the 31st of March answer the same: all of March."""
    whole = public_figures(busy, date(2026, 3, 1), date(2026, 3, 31))
    for start, end in [(date(2026, 3, 1), date(2026, 3, 6)), (date(2026, 3, 7), date(2026, 3, 7))]:
        assert public_figures(busy, start, end) == whole


def test_a_period_is_shown_when_every_month_in_it_is(busy):
    for day in range(1, 4):  # April reaches five requests
        request_on(busy, at(2026, 4, 10 + day))
    both = public_figures(busy, date(2026, 3, 1), date(2026, 4, 30))
    assert both["requests"] == {"value": 12, "suppressed": False}


def test_the_dashboard_says_which_period_it_counts_and_hides_the_total(busy, person_factory):
    client = Client()
    client.force_login(person_factory(busy, "funder").user)
    html = client.get("/c/wijk/impact/", {"date_from": "2026-03-05", "date_to": "2026-04-02"})
    text = html.content.decode()
    assert "1 maart 2026" in text and "30 april 2026" in text
    assert "niet getoond" in text
    assert "De cijfers tellen altijd hele maanden" in text  # 5 March became 1 March: say why


def test_the_default_period_is_whole_months_as_the_heading_says(busy, person_factory):
    """The form said "tot en met 8-12-2026" above figures "tot en met 31 december 2026"."""
    from naober.impact.selectors import default_period

    assert default_period(date(2026, 12, 8)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert default_period(date(2026, 2, 14)) == (date(2025, 3, 1), date(2026, 2, 28))
    client = Client()
    client.force_login(person_factory(busy, "funder").user)
    response = client.get("/c/wijk/impact/")
    form = response.context["form"]
    start, end = response.context["start"], response.context["end"]
    assert (form["date_from"].value(), form["date_to"].value()) == (start, end)
    assert "De cijfers tellen altijd hele maanden" not in response.content.decode()


def test_a_card_says_once_in_plain_text_why_a_figure_is_not_shown(busy, person_factory):
    """The reason was only in a tooltip; a phone or a printed card never shows a tooltip."""
    from naober.impact import services
    from tests.initiatives.helpers import actor_of

    core = person_factory(busy, "core_group")
    card = services.save_card(
        actor_of(core),
        {"title": "Buurttuin", "period_start": date(2026, 3, 1), "period_end": date(2026, 4, 30)},
    )
    client = Client()
    client.force_login(core.user)
    text = client.get(f"/c/wijk/impact/cards/{card.pk}/", HTTP_ACCEPT_LANGUAGE="nl").content
    text = text.decode()
    assert "niet getoond" in text
    assert text.count("in een maand van deze periode waren het er minder dan 5. Dan tonen") == 1


def test_the_dashboard_says_in_plain_text_why_a_figure_is_not_shown(busy, person_factory):
    """A funder reads the reason for "niet getoond" without hovering: a tooltip never shows on a
    phone, on paper or read aloud, so the reason stands once under the figures, as on a card."""
    client = Client()
    client.force_login(person_factory(busy, "funder").user)
    text = client.get(
        "/c/wijk/impact/",
        {"date_from": "2026-03-01", "date_to": "2026-04-30"},
        HTTP_ACCEPT_LANGUAGE="nl",
    ).content.decode()
    assert "niet getoond" in text
    assert text.count("in een maand van deze periode waren het er minder dan 5. Dan tonen") == 1


def test_the_dashboard_has_no_note_when_no_month_hides_a_figure(busy, person_factory):
    """One month alone hides nothing for another month's sake: no note then."""
    client = Client()
    client.force_login(person_factory(busy, "funder").user)
    text = client.get(
        "/c/wijk/impact/", {"date_from": "2026-03-01", "date_to": "2026-03-31"}
    ).content.decode()
    assert "hidden-month-note" not in text


def test_the_charts_name_their_months_in_words(busy, person_factory):
    """A month reads "mrt 2026" on the page and in the chart, not "03-2026"."""
    client = Client()
    client.force_login(person_factory(busy, "funder").user)
    text = client.get(
        "/c/wijk/impact/",
        {"date_from": "2026-01-01", "date_to": "2026-04-30"},
        HTTP_ACCEPT_LANGUAGE="nl",
    ).content.decode()
    assert "<td>mrt 2026</td>" in text and "tot en met april 2026" in text
    assert "03-2026" not in text
