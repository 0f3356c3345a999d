"""Pages about referrals: the coordinators' list and detail, and the professionals' own forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naober.base.forms import apply_errors
from naober.base.pages import on_form
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.directory import selectors, services
from naober.directory.forms import ReferInForm, ReferOutForm, ReferralUpdateForm
from naober.directory.referrals import InvalidTransition
from naober.exchange.selectors import categories_of
from naober.people.selectors import people_of


def _context(actor, **extra) -> dict:
    return {
        "community": actor.community,
        "actor": actor,
        "is_staff": actor.can(Action.MANAGE_REFERRALS),
        **extra,
    }


@community_page(Action.REFER)
def referral_list(request, actor):
    """Coordinators: every referral, open ones first. Professionals: the ones they made."""
    referrals = selectors.referral_list(actor)[:300]
    template = (
        "directory/referral_list.html"
        if actor.can(Action.MANAGE_REFERRALS)
        else "directory/my_referrals.html"
    )
    return render(request, template, _context(actor, referrals=referrals))


@community_page(Action.REFER)
def my_referrals(request, actor):
    referrals = selectors.referral_list(actor).filter(referred_by=actor.person)[:300]
    return render(request, "directory/my_referrals.html", _context(actor, referrals=referrals))


@community_page(Action.REFER)
def referral_detail(request, actor, referral_id):
    referral = selectors.referral_get(actor, referral_id)
    form = None
    if actor.can(Action.MANAGE_REFERRALS):
        organisations = selectors.organisation_search(actor)
        form = ReferralUpdateForm(
            request.POST or None,
            organisations=organisations,
            initial={
                "status": referral.status,
                "organisation": referral.organisation,
                "outcome": referral.outcome,
                "feedback": referral.feedback,
            },
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.change_referral(
                    actor,
                    referral,
                    status=data["status"],
                    organisation=data["organisation"],
                    outcome=data["outcome"],
                    feedback=data["feedback"],
                    note=data["note"],
                )
            except InvalidTransition as error:
                form.add_error("status", error.messages)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The referral has been updated."))
                return redirect(
                    "directory:referral", slug=actor.community.slug, referral_id=referral.pk
                )
    elif request.method == "POST":
        actor.require(Action.MANAGE_REFERRALS)
    return render(
        request,
        "directory/referral_detail.html",
        _context(
            actor,
            referral=referral,
            view=selectors.referral_view(actor, referral),
            form=form,
            events=referral.events.select_related("actor"),
        ),
    )


@community_page(Action.REFER_OUT)
def refer_out(request, actor):
    people = people_of(actor.community).order_by("name", "id")
    form = ReferOutForm(
        request.POST or None,
        people=people,
        organisations=selectors.organisation_search(actor),
        initial={
            "person": request.GET.get("person", "")[:20] or None,
            "organisation": request.GET.get("organisation", "")[:20] or None,
        },
    )
    referral = (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form,
            lambda: services.refer_out(
                actor,
                **{k: form.cleaned_data[k] for k in ("person", "organisation", "need", "note")},
            ),
        )
    )
    if referral:
        messages.success(request, _("The referral has been recorded."))
        return redirect("directory:referral", slug=actor.community.slug, referral_id=referral.pk)
    return render(request, "directory/refer_out.html", _context(actor, form=form))


@community_page(Action.REFER)
def refer_in(request, actor):
    form = ReferInForm(request.POST or None, categories=categories_of(actor.community))
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.refer_in(actor, **form.cleaned_data))
    ):
        messages.success(
            request,
            _("Thank you. A coordinator will contact the resident and let you know the outcome."),
        )
        return redirect("directory:my_referrals", slug=actor.community.slug)
    return render(request, "directory/refer_in.html", _context(actor, form=form))
