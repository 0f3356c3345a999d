"""Change stories: what an initiative wants to change, its outcomes, their indicators and the
measurements of those, written by a coordinator and read by everyone who sees initiatives."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.pages import on_form, page
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.impact import forms, selectors, services
from naober.impact.models import Indicator
from naober.initiatives.views import form_page


@community_page(Action.VIEW_INITIATIVES)
def story(request, actor, initiative_id):
    initiative, story = selectors.story_for(actor, initiative_id)
    can_manage = actor.can(Action.MANAGE_INITIATIVES)
    form = forms.StoryForm(request.POST or None, instance=story)
    outcome_form = forms.OutcomeForm()
    if request.method == "POST":
        actor.require(Action.MANAGE_INITIATIVES)
        if form.is_valid() and on_form(
            form, lambda: services.save_story(actor, initiative, form.cleaned_data)
        ):
            messages.success(request, _("The change story has been saved."))
            return redirect("impact:story", slug=actor.community.slug, initiative_id=initiative.pk)
    return page(
        request,
        actor,
        "impact/story.html",
        initiative=initiative,
        story=story,
        form=form if can_manage else None,
        outcome_form=outcome_form if can_manage and story else None,
        indicator_form=forms.IndicatorForm(),
        measurement_form=forms.MeasurementForm(),
    )


def _story_part(request, actor, initiative_id, form_class, save, message):
    initiative, story = selectors.story_for(actor, initiative_id)
    form = form_class(request.POST)
    back = f"/c/{actor.community.slug}/initiatives/{initiative.pk}/story/"
    if (
        story is not None
        and form.is_valid()
        and on_form(form, lambda: save(story, form.cleaned_data))
    ):
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
