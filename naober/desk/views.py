"""Pages of the front desk. Thin: each page calls the desk's selectors and services."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.pages import on_form, paginate
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.desk import forms, selectors, services
from naober.people.phone import normalise


def _context(actor, **extra) -> dict:
    return {"community": actor.community, "actor": actor, **extra}


@community_page(Action.WORK_DESK)
def desk_page(request, actor):
    """Today at the desk: who is on duty, the caller look-up, a call to note, the last calls."""
    now = timezone.now()
    return render(
        request,
        "desk/desk.html",
        _context(
            actor,
            on_duty=selectors.on_duty(actor.community, now),
            today=selectors.rota(actor, timezone.localdate())[timezone.localdate().weekday()][1],
            lookup_form=forms.LookupForm(),
            call_form=forms.CallForm(),
            recent=selectors.calls(actor)[:5],
            ringing=selectors.ringing(actor),
        ),
    )


@community_page(Action.WORK_DESK)
def rota_page(request, actor):
    """Who is on duty this week; coordinators add and remove shifts here."""
    day = parse_date(request.GET.get("week", "") or "") or timezone.localdate()
    coordinators = selectors.coordinators(actor.community)
    form = forms.ShiftForm(
        request.POST or None,
        coordinators=coordinators,
        initial={"day": day, "starts": datetime.time(10), "ends": datetime.time(12)},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form,
            lambda: services.add_shift(
                actor,
                person_id=form.cleaned_data["person"],
                **{k: form.cleaned_data[k] for k in ("day", "starts", "ends", "note")},
            ),
        )
    ):
        messages.success(request, _("The shift has been added."))
        return redirect(f"{request.path}?week={form.cleaned_data['day']:%Y-%m-%d}")
    monday, _sunday = selectors.week_of(day)
    return render(
        request,
        "desk/rota.html",
        _context(
            actor,
            week=selectors.rota(actor, day),
            monday=monday,
            previous=monday - datetime.timedelta(days=7),
            next=monday + datetime.timedelta(days=7),
            today=timezone.localdate(),
            form=form,
            may_edit=actor.can(Action.EDIT_ROTA),
        ),
    )


@require_POST
@community_page(Action.EDIT_ROTA)
def shift_remove(request, actor, shift_id):
    shift = selectors.shift_get(actor, shift_id)
    if shift is None:
        raise Http404
    services.remove_shift(actor, shift)
    messages.success(request, _("The shift has been removed."))
    return redirect(f"/c/{actor.community.slug}/desk/rota/?week={shift.day:%Y-%m-%d}")


@community_page(Action.WORK_DESK)
def call_log(request, actor):
    """The log of calls (GET, paginated) and writing one down (POST)."""
    form = forms.CallForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.log_call(actor, **form.cleaned_data))
    ):
        messages.success(request, _("The call has been written down."))
        back = form.cleaned_data["person"]
        if back:
            return redirect("desk:caller", slug=actor.community.slug, person_id=back)
        return redirect("desk:calls", slug=actor.community.slug)
    page = paginate(request, selectors.calls(actor), 25)
    return render(request, "desk/calls.html", _context(actor, form=form, page=page))


@community_page(Action.WORK_DESK)
def caller_lookup(request, actor):
    """Who is calling: by phone number, name or street. A number that belongs to exactly one
    person opens their card. With `partial=1` (the live search while typing) only the results."""
    form = forms.LookupForm(request.GET or None)
    found = None
    if form.is_valid():
        query = form.cleaned_data["q"]
        found = selectors.find_callers(actor, query)
        by_number = len(normalise(query)) >= 6
        if by_number and len(found) == 1 and not request.GET.get("partial"):
            return redirect("desk:caller", slug=actor.community.slug, person_id=found[0].pk)
    template = "desk/includes/found.html" if request.GET.get("partial") else "desk/lookup.html"
    return render(request, template, _context(actor, form=form, found=found))


@community_page(Action.WORK_DESK, hide=True)
def caller_page(request, actor, person_id):
    """The caller's card: contact details, open requests, matches, last contacts and calls."""
    card = selectors.caller_card(actor, person_id)
    form = forms.CallForm(initial={"person": person_id})
    for known in ("caller_name", "number"):  # the caller is this person: only what it was about
        del form.fields[known]
    return render(request, "desk/caller.html", _context(actor, form=form, **card))


@community_page(Action.WORK_DESK)
def ringing(request, actor):
    """The small notice "Mevrouw Jansen belt", polled by the desk's pages."""
    return render(
        request, "desk/includes/ringing.html", _context(actor, ringing=selectors.ringing(actor))
    )


@require_POST
@community_page(Action.WORK_DESK)
def ringing_seen(request, actor, call_id):
    services.mark_seen(actor, call_id)
    target = request.POST.get("person")
    if target and target.isdigit():
        return redirect("desk:caller", slug=actor.community.slug, person_id=int(target))
    return redirect("desk:desk", slug=actor.community.slug)


@community_page(Action.WORK_DESK)
def callbacks_page(request, actor):
    """The call-backs due today or earlier (the same queue as the workbench's "Terugbellen")."""
    page = paginate(request, selectors.callbacks_due(actor), 25)
    return render(request, "desk/callbacks.html", _context(actor, page=page))


@require_POST
@community_page(Action.WORK_DESK)
def callback_done(request, actor, callback_id):
    """Called back: off the queue. Back to where the button was (the workbench or this page)."""
    try:
        callback = services.callback_done(actor, callback_id)
    except ValidationError:
        raise Http404 from None
    visited = callback.person_id and callback.person and not callback.person.phone
    messages.success(
        request,
        (
            _("Someone has been round to %(name)s.")
            if visited
            else _("%(name)s has been called back.")
        )
        % {"name": callback.who},
    )
    target = request.POST.get("next", "")
    if target.startswith(f"/c/{actor.community.slug}/") and "//" not in target:
        return redirect(target)
    return redirect("desk:callbacks", slug=actor.community.slug)
