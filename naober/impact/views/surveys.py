"""Surveys: a coordinator makes one, opens or closes it, types in paper questionnaires and reads
the results; anyone with the public link answers it once, anonymously."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.pages import on_form, page
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.impact import forms, selectors, services
from naober.initiatives.views import form_page
from naober.privacy.ratelimit import rate_limited

# Set on the survey's own path after answering: the browser, not the server, remembers it.
ANSWERED_COOKIE = "survey_answered"
ANSWERED_COOKIE_AGE = 366 * 24 * 3600


@community_page(Action.MANAGE_SURVEYS)
def survey_list(request, actor):
    return page(request, actor, "impact/survey_list.html", surveys=selectors.survey_list(actor))


@community_page(Action.MANAGE_SURVEYS)
def survey_create(request, actor):
    form = forms.SurveyForm(request.POST or None, community=actor.community)
    survey = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.create_survey(actor, **form.cleaned_data))
    )
    if survey:
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
    return page(
        request,
        actor,
        "impact/survey_detail.html",
        survey=survey,
        results=selectors.survey_results(survey),
        comparison=selectors.survey_comparison(survey),
        public_url=request.build_absolute_uri(f"/c/{actor.community.slug}/survey/{survey.token}/"),
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
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.enter_paper(actor, survey, form.answers()))
    ):
        messages.success(
            request, _("The paper questionnaire has been saved. You can type in the next one.")
        )
        return redirect("impact:survey_paper", slug=actor.community.slug, survey_id=survey.pk)
    return page(request, actor, "impact/survey_answer.html", survey=survey, form=form, paper=True)


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
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.submit_online(survey, form.answers()))
    ):
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
