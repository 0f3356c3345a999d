"""Volunteers pages for coordinators: overview (VOG, idle, overloaded, appreciation) and profile."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naober.base.pages import on_form, paginate
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.volunteering import forms, selectors, services

DEFAULT_IDLE_WEEKS = 8
PAGE_SIZE = 50


def _weeks(raw: str) -> int:
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= 104 else DEFAULT_IDLE_WEEKS


@community_page(Action.MANAGE_VOLUNTEERS)
def overview(request, actor):
    op = request.POST.get("op") if request.method == "POST" else None
    rules = selectors.rules_for(actor.community)
    # The new volunteer is chosen from the search results below, never from a list of everyone.
    chosen = selectors.new_volunteer(
        actor, request.POST.get("new-person") if op == "new" else request.GET.get("person")
    )
    new_form = forms.NewProfileForm(
        request.POST if op == "new" else None,
        prefix="new",
        community=actor.community,
        initial={"person": chosen.pk if chosen else None},
    )
    settings_form = forms.SettingsForm(
        request.POST if op == "settings" else None,
        prefix="rules",
        initial={
            "vog_max_age_months": rules.vog_max_age_months,
            "vog_warning_days": rules.vog_warning_days,
        },
    )
    form = {"new": new_form, "settings": settings_form}.get(op)
    saves = {
        "new": lambda data: services.save_profile(actor, data.pop("person"), data),
        "settings": lambda data: services.update_settings(actor, **data),
    }
    saved = (
        form is not None
        and form.is_valid()
        and on_form(form, lambda: saves[op](dict(form.cleaned_data)))
    )
    if saved:
        messages.success(request, _("Saved."))
        if op == "new":
            return redirect("volunteering:profile", slug=actor.community.slug, profile_id=saved.pk)
        return redirect("volunteering:overview", slug=actor.community.slug)
    weeks = _weeks(request.GET.get("weeks", ""))
    query = request.GET.get("q", "").strip()[:100]
    # One page of the list from the database: a city has thousands of volunteers (issue 16).
    page = paginate(request, selectors.profiles(actor).order_by("person__name", "pk"), PAGE_SIZE)
    return render(
        request,
        "volunteering/overview.html",
        {
            "community": actor.community,
            "actor": actor,
            "rules": rules,
            "page": page,
            "rows": [(p, selectors.vog_valid_until(p, rules.vog_max_age_months)) for p in page],
            "expiring": selectors.vog_expiring(actor.community),
            "idle": selectors.idle(actor, weeks=weeks),
            "weeks": weeks,
            "overloaded": selectors.overloaded(actor),
            "appreciations": selectors.appreciations(actor)[:30],
            "new_form": new_form,
            "query": query,
            "found": selectors.find_residents(actor, query) if query else [],
            "chosen": chosen,
            "settings_form": settings_form,
        },
    )


@community_page(Action.MANAGE_VOLUNTEERS)
def profile(request, actor, profile_id):
    volunteer = selectors.profile_get(actor, profile_id)
    op = request.POST.get("op") if request.method == "POST" else None
    page_forms = {
        "profile": forms.ProfileForm(
            request.POST if op == "profile" else None, instance=volunteer, prefix="profile"
        ),
        "training": forms.TrainingForm(
            request.POST if op == "training" else None, prefix="training"
        ),
        "appreciation": forms.AppreciationForm(
            request.POST if op == "appreciation" else None, prefix="appreciation"
        ),
    }
    form = page_forms.get(op)
    saves = {
        "profile": lambda data: services.save_profile(actor, volunteer.person, data),
        "training": lambda data: services.add_training(actor, volunteer, **data),
        "appreciation": lambda data: services.record_appreciation(actor, volunteer, **data),
    }
    if form is not None and form.is_valid() and on_form(form, lambda: saves[op](form.cleaned_data)):
        messages.success(request, _("Saved."))
        return redirect("volunteering:profile", slug=actor.community.slug, profile_id=volunteer.pk)
    if op == "profile" and not page_forms["profile"].is_valid():
        volunteer.refresh_from_db()  # the form changed the instance while validating
    rules = selectors.rules_for(actor.community)
    return render(
        request,
        "volunteering/profile.html",
        {
            "community": actor.community,
            "actor": actor,
            "volunteer": volunteer,
            "valid_until": selectors.vog_valid_until(volunteer, rules.vog_max_age_months),
            "appreciations": volunteer.appreciations.select_related("by"),
            "forms": page_forms,
        },
    )
