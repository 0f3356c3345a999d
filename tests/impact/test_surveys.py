"""Surveys: built from the statement bank, answered anonymously online (one per browser session)
or typed in from paper, results as the share agreeing with n, baseline compared with follow-up."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from naober.impact import selectors, services
from naober.impact.models import Answer, Response, Statement, Survey
from tests.initiatives.helpers import actor_of

pytestmark = pytest.mark.django_db


def statements(*codes):
    return list(Statement.objects.filter(code__in=codes).order_by("id"))


@pytest.fixture
def survey(community, person_factory):
    coordinator = person_factory(community, "coordinator")
    return services.create_survey(
        actor_of(coordinator),
        title="Nulmeting Buurttuin",
        statements=statements("contacts-new-people", "empower-matter"),
    )


def answer(survey, *values):
    first, second = survey.statements.order_by("theme", "id")
    for value in values:
        services.submit_online(survey, {first.pk: value, second.pk: 5})


def test_the_bank_holds_dutch_statements_for_every_theme():
    themes = set(Statement.objects.values_list("theme", flat=True))
    assert {
        "contacts",
        "connectedness",
        "support",
        "empowerment",
        "liveability",
        "cohesion",
        "loneliness",
        "self_reliance",
        "safety",
        "meaning",
    } <= themes
    assert Statement.objects.filter(text="Ik voel me meer verbonden met de buurt.").exists()


def test_only_survey_managers_build_surveys(community, person_factory):
    for role in ("resident", "volunteer", "funder"):
        with pytest.raises(PermissionDenied):
            services.create_survey(
                actor_of(person_factory(community, role)),
                title="X",
                statements=statements("empower-matter"),
            )
    core = person_factory(community, "core_group")
    assert services.create_survey(
        actor_of(core), title="X", statements=statements("empower-matter")
    ).pk


def test_a_survey_needs_statements(community, person_factory):
    with pytest.raises(ValidationError):
        services.create_survey(
            actor_of(person_factory(community, "coordinator")), title="X", statements=[]
        )
    assert not Survey.objects.exists()


def test_anonymous_online_answer_stores_no_person_and_no_ip(survey):
    client = Client(REMOTE_ADDR="203.0.113.77")
    url = f"/c/wijk/survey/{survey.token}/"
    page = client.get(url)
    assert page.status_code == 200
    first, second = survey.statements.order_by("theme", "id")
    response = client.post(url, {f"s{first.pk}": "4", f"s{second.pk}": "2"})
    assert response.status_code == 200
    assert Response.objects.count() == 1 and Answer.objects.count() == 2
    stored = Response.objects.get()
    fields = {f.name for f in Response._meta.get_fields()}
    assert fields == {"id", "survey", "channel", "received_on", "answers"}
    assert stored.channel == "online"
    for row in Response.objects.values(), Answer.objects.values():
        assert "203.0.113.77" not in str(list(row))
    # one submission per browser session
    again = client.post(url, {f"s{first.pk}": "5"})
    assert "already filled in" in again.content.decode() or "al ingevuld" in again.content.decode()
    assert Response.objects.count() == 1


def test_a_logged_in_residents_session_keeps_nothing_about_the_survey(
    survey, community, person_factory
):
    """The session belongs to the resident: "answered survey 2" there would tie them to it."""
    from django.contrib.sessions.models import Session

    client = Client()
    client.force_login(person_factory(community, "resident").user)
    url = f"/c/wijk/survey/{survey.token}/"
    first, second = survey.statements.order_by("theme", "id")
    before = dict(client.session.items())
    assert client.post(url, {f"s{first.pk}": "4", f"s{second.pk}": "2"}).status_code == 200
    assert dict(client.session.items()) == before
    for stored in Session.objects.all():
        assert "survey" not in str(stored.get_decoded())
    again = client.post(url, {f"s{first.pk}": "5"})  # the browser's cookie remembers it
    assert "al ingevuld" in again.content.decode() or "already filled in" in again.content.decode()
    assert Response.objects.count() == 1


@pytest.mark.parametrize("data", [{}, {"sX": "4"}, {"s999999": "4"}, {"S1": "9"}])
def test_bad_online_answers_store_nothing(survey, data):
    client = Client()
    first = survey.statements.first()
    data = {k.replace("S1", f"s{first.pk}"): v for k, v in data.items()}
    response = client.post(f"/c/wijk/survey/{survey.token}/", data)
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_unknown_or_other_communities_token_is_404(survey, other_community):
    assert Client().get("/c/wijk/survey/nope/").status_code == 404
    assert Client().get(f"/c/elders/survey/{survey.token}/").status_code == 404


def test_a_closed_survey_takes_no_answers(survey, community, person_factory):
    services.set_survey_open(actor_of(person_factory(community, "coordinator")), survey, False)
    first = survey.statements.first()
    Client().post(f"/c/wijk/survey/{survey.token}/", {f"s{first.pk}": "4"})
    with pytest.raises(ValidationError):
        services.submit_online(survey, {first.pk: 4})
    assert not Response.objects.exists()


def test_paper_answers_by_a_coordinator_only(survey, community, person_factory):
    first = survey.statements.first()
    with pytest.raises(PermissionDenied):
        services.enter_paper(actor_of(person_factory(community, "resident")), survey, {first.pk: 4})
    client = Client()
    client.force_login(person_factory(community, "coordinator").user)
    client.post(f"/c/wijk/impact/surveys/{survey.pk}/paper/", {f"s{first.pk}": "5"})
    assert Response.objects.get().channel == "paper"


def test_results_share_agreeing_with_n_and_suppression(survey):
    answer(survey, 5, 4, 3)
    rows = selectors.survey_results(survey)
    assert all(r["share"] is None for r in rows)  # n = 3 < 5: suppressed
    answer(survey, 2, 4, 1, 5, 4, 2, 5)
    first = next(
        r for r in selectors.survey_results(survey) if r["statement"].code == "contacts-new-people"
    )
    values = list(
        Answer.objects.filter(statement__code="contacts-new-people")
        .order_by("response_id")
        .values_list("value", flat=True)
    )[:10]  # results count whole blocks of five responses: 10 of the 10 so far
    assert first["n"] == len(values) == 10
    assert first["share"] == round(100 * sum(v >= 4 for v in values) / len(values), 1)


def test_results_never_move_by_one_answer(survey):
    """Looking before and after one neighbour answers shows no difference (issue 12.8)."""
    answer(survey, 5, 5, 5, 5, 5)
    before = selectors.survey_results(survey)
    for count in range(1, 5):
        answer(survey, 1)
        assert selectors.survey_results(survey) == before, f"moved after {count} more"
    answer(survey, 1)
    assert selectors.survey_results(survey) != before  # a whole new block of five counts


def test_follow_up_compared_with_baseline_in_percentage_points(survey, community, person_factory):
    answer(survey, 2, 2, 2, 4, 5)  # 40% agree
    follow = services.create_survey(
        actor_of(person_factory(community, "coordinator")),
        title="Vervolgmeting",
        baseline=survey.pk,
        statements=list(survey.statements.all()),
    )
    answer(follow, 4, 4, 5, 5, 1)  # 80% agree
    row = next(
        r
        for r in selectors.survey_comparison(follow)
        if r["statement"].code == "contacts-new-people"
    )
    assert (row["baseline_share"], row["share"], row["difference"]) == (40.0, 80.0, 40.0)


def test_baseline_of_another_community_is_refused(survey, other_community, person_factory):
    stranger = person_factory(other_community, "coordinator")
    with pytest.raises(ValidationError):
        services.create_survey(
            actor_of(stranger),
            title="X",
            baseline=survey.pk,
            statements=list(survey.statements.all()),
        )
    assert Survey.objects.count() == 1


def test_survey_results_api_and_isolation(survey, community, other_community, person_factory, api):
    answer(survey, 4, 4, 4, 4, 1)
    funder = person_factory(community, "funder")
    body = api.login(funder).get(f"c/wijk/impact/surveys/{survey.pk}/results").json()
    row = next(r for r in body["results"] if r["statement"].startswith("Ik heb hier"))
    assert (row["n"], row["share_agree"], row["suppressed"]) == (5, 80.0, False)
    stranger = person_factory(other_community, "funder")
    assert (
        api.login(stranger).get(f"c/elders/impact/surveys/{survey.pk}/results").status_code == 404
    )
    assert (
        api.login(person_factory(community, "resident"))
        .get(f"c/wijk/impact/surveys/{survey.pk}/results")
        .status_code
        == 403
    )


def test_survey_pages_render_for_a_coordinator(survey, community, person_factory):
    client = Client()
    client.force_login(person_factory(community, "coordinator").user)
    for url in [
        "/c/wijk/impact/surveys/",
        "/c/wijk/impact/surveys/new/",
        f"/c/wijk/impact/surveys/{survey.pk}/",
        f"/c/wijk/impact/surveys/{survey.pk}/paper/",
    ]:
        assert client.get(url).status_code == 200, url
    response = client.post("/c/wijk/impact/surveys/new/", {"title": "Nieuw"})
    assert response.status_code == 200 and Survey.objects.count() == 1


def test_form_labels_start_with_a_capital_on_the_page_and_in_the_error_summary(
    community, person_factory
):
    """The impact and initiative forms name their fields in lower case ("titel"); the shared form
    layout shows every label as the start of a sentence."""
    client = Client()
    client.force_login(person_factory(community, "coordinator").user)
    page = client.post(
        "/c/wijk/impact/surveys/new/", {"title": ""}, HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    assert ">Titel<" in page and "Titel: Dit veld is verplicht." in page
    assert ">titel<" not in page and "titel: Dit veld" not in page


def test_too_few_answers_are_said_in_words(survey, community, person_factory):
    """'n < 5' is a statistician's note; the results say why a share is missing."""
    client = Client()
    client.force_login(person_factory(community, "coordinator").user)
    page = client.get(f"/c/wijk/impact/surveys/{survey.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    html = page.content.decode()
    assert "minder dan 5 antwoorden" in html and "n &lt; 5" not in html


def test_survey_results_become_cards_on_a_phone(survey, community, person_factory):
    """At 320 px the results table (theme, statement, share) scrolled sideways inside its box;
    on a phone each row is a card whose cells name their column."""
    answer(survey, 5, 4, 2, 5, 5, 1)
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(person_factory(community, "funder").user)
    html = client.get("/c/wijk/impact/").content.decode()
    assert 'class="cards-on-phone"' in html
    assert 'data-label="Stelling"' in html
