"""The doors' pages: four public forms with their confirmation pages and a printable talent form,
and the coordinator's two queues (volunteer sign-ups, talents) with the paper entry.

Public forms work without JavaScript and without a login; a POST counts against the shared
`public_form` limit per client address (naober/privacy/ratelimit.py) and must look human
(guard.py). A robot is sent to the confirmation page as if all went well; nothing is stored.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naober.base.pages import on_form, paginate
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.doors import forms, guard, selectors, services
from naober.exchange.selectors import categories_of
from naober.privacy.ratelimit import rate_limited

DOORS = {
    "callback": (forms.CallbackForm, lambda c, d: services.call_me_back(c, **d)),
    "concern": (forms.ConcernForm, lambda c, d: services.share_concern(c, **d)),
    "volunteer": (forms.VolunteerForm, services.sign_up_to_help),
    "talent": (forms.TalentForm, services.tell_talent),
}


def _context(actor, **extra) -> dict:
    """The doors are public pages: they show the community's own desk number only, never the
    fallback to a coordinator's personal phone that messages to a known resident may use."""
    community = actor.community
    return {"community": community, "actor": actor, "desk_phone": community.phone, **extra}


EXPIRED_MESSAGE = gettext_lazy(
    "This page was open for more than a day, so nothing has been sent yet. Check what you "
    "filled in and press the button once more."
)


@rate_limited("public_form")
@community_page(members_only=False)
def door(request, actor, door):
    """One door: the form, and on a good POST the confirmation page (after a redirect)."""
    if door not in DOORS:
        raise Http404
    form_class, submit = DOORS[door]
    form = form_class(request.POST or None)
    if request.method == "POST":
        seen = guard.verdict(door, request.POST)
        if seen == guard.ROBOT:
            return redirect("doors:thanks", slug=actor.community.slug, door=door)
        if seen == guard.EXPIRED:
            # left open overnight: show what was typed again, with a new start time
            data = request.POST.copy()
            data["started"] = guard.issue(door)
            form = form_class(data)
            form.is_valid()
            form.add_error(None, EXPIRED_MESSAGE)
        elif form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "started"}
            if on_form(form, lambda: submit(actor.community, data)):
                return redirect("doors:thanks", slug=actor.community.slug, door=door)
    return render(request, f"doors/{door}.html", _context(actor, form=form, door=door))


@community_page(members_only=False)
def thanks(request, actor, door):
    """What happens next, and the desk's number for whoever cannot wait."""
    if door not in DOORS:
        raise Http404
    return render(request, "doors/thanks.html", _context(actor, door=door))


@community_page(members_only=False)
def talent_paper(request, actor):
    """The talent question on one A4 page, to print and hand out or put through letterboxes."""
    return render(request, "doors/talent_paper.html", _context(actor, form=forms.TalentForm()))


@community_page(Action.MANAGE_VOLUNTEERS)
def signups(request, actor):
    """The coordinator's queue of volunteer sign-ups for the intake talk."""
    if request.method == "POST":
        try:
            services.close_signup(
                actor, int(request.POST.get("signup") or 0), talked="talked" in request.POST
            )
        except (ValidationError, ValueError):
            messages.error(request, _("This sign-up is not part of this neighbourhood."))
        else:
            messages.success(request, _("The sign-up has left the list."))
        return redirect("doors:signups", slug=actor.community.slug)
    page = paginate(request, selectors.open_signups(actor), 20)
    return render(request, "doors/signups.html", _context(actor, page=page))


@community_page(Action.MANAGE_VOLUNTEERS)
def talents(request, actor):
    """The coordinator's review of talents, and the paper form typed in on the same page."""
    form = forms.PaperTalentForm(request.POST if request.POST.get("op") == "enter" else None)
    if request.method == "POST" and request.POST.get("op") == "close":
        try:
            services.close_talent(actor, int(request.POST.get("talent") or 0))
        except (ValidationError, ValueError):
            messages.error(request, _("This talent is not part of this neighbourhood."))
        else:
            messages.success(request, _("The talent has left the list."))
        return redirect("doors:talents", slug=actor.community.slug)
    if request.method == "POST" and request.POST.get("op") == "offer":
        try:
            offer = services.talent_to_offer(
                actor,
                int(request.POST.get("talent") or 0),
                category=request.POST.get("category", ""),
            )
        except ValueError:
            messages.error(request, _("This talent is not part of this neighbourhood."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s now offers help.") % {"name": offer.helper.name},
            )
        return redirect("doors:talents", slug=actor.community.slug)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "started"}
        if on_form(form, lambda: services.enter_paper_talent(actor, data)):
            messages.success(request, _("The paper form has been entered."))
            return redirect("doors:talents", slug=actor.community.slug)
    page = paginate(request, selectors.open_talents(actor), 20)
    categories = categories_of(actor.community).filter(active=True)
    return render(
        request,
        "doors/talents.html",
        _context(actor, page=page, form=form, categories=categories),
    )
