"""Outreach pages: walk lists, house visits, signals, the triage board and core-group meetings."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from naober.base.pages import on_button, on_form, page
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.exchange.selectors import categories_of
from naober.outreach import forms, meetings, selectors, services, triage
from naober.outreach.models import EntryKind, SignalStatus, WalkEntry

# Walk lists -------------------------------------------------------------------------------------


@community_page(Action.PLAN_VISITS)
def walk_list_index(request, actor):
    form = forms.WalkListForm(request.POST or None, community=actor.community)
    walk_list = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.create_walk_list(actor, **form.cleaned_data))
    )
    if walk_list:
        messages.success(request, _("The walk list has been made."))
        return redirect("outreach:walk_list", slug=actor.community.slug, walk_list_id=walk_list.pk)
    return page(
        request,
        actor,
        "outreach/walk_list_index.html",
        form=form,
        walk_lists=selectors.walk_lists(actor)[:200],
    )


WALK_LIST_FORMS = {
    "every_nth": forms.EveryNthForm,
    "range": forms.RangeForm,
    "person": forms.AddPersonForm,
    "assign": forms.AssignForm,
}


def _walk_list_forms(walk_list, op: str | None, data):
    """Every form on the walk-list page; only the posted one is bound."""
    community = walk_list.community
    extra = {"person": {"community": community}, "assign": {"walk_list": walk_list}}
    return {
        name: cls(data if name == op else None, prefix=name, **extra.get(name, {}))
        for name, cls in WALK_LIST_FORMS.items()
    }


@community_page(Action.PLAN_VISITS)
def walk_list_detail(request, actor, walk_list_id):
    walk_list = selectors.walk_list_get(actor, walk_list_id)
    op = request.POST.get("op") if request.method == "POST" else None
    page_forms = _walk_list_forms(walk_list, op, request.POST)
    form = page_forms.get(op)
    done = (
        form is not None
        and form.is_valid()
        and on_form(form, lambda: _change_walk_list(actor, walk_list, op, form.cleaned_data))
    )
    if done:
        messages.success(request, done)
        return redirect("outreach:walk_list", slug=actor.community.slug, walk_list_id=walk_list.pk)
    return page(
        request,
        actor,
        "outreach/walk_list_detail.html",
        walk_list=walk_list,
        entries=selectors.walk_entries(actor, walk_list),
        forms=page_forms,
        kinds=EntryKind,
    )


def _change_walk_list(actor, walk_list, op: str, data) -> str:
    """Make the change the posted form `op` asks for; say how many addresses it changed."""
    if op == "every_nth":
        count = len(services.add_every_nth_resident(actor, walk_list, **data))
    elif op == "range":
        count = len(services.add_number_range(actor, walk_list, **data))
    elif op == "person":
        services.add_person(
            actor, walk_list, data["person"], kind=data["kind"], referred_by=data["referred_by"]
        )
        count = 1
    else:
        count = services.assign_visitor(
            actor, walk_list, [e.pk for e in data["entries"]], data["visitor"]
        )
    return ngettext("%(count)s address changed.", "%(count)s addresses changed.", count) % {
        "count": count
    }


@community_page(Action.PLAN_VISITS)
def walk_list_print(request, actor, walk_list_id):
    walk_list = selectors.walk_list_get(actor, walk_list_id)
    visitor = request.GET.get("visitor", "")
    visitor_id = int(visitor) if visitor.isdigit() and len(visitor) < 19 else None
    entries = selectors.walk_entries(actor, walk_list, visitor_id=visitor_id)
    return page(
        request, actor, "outreach/walk_list_print.html", walk_list=walk_list, entries=entries
    )


# House visits -----------------------------------------------------------------------------------


@community_page(Action.RECORD_VISIT)
def visit_index(request, actor):
    return page(
        request,
        actor,
        "outreach/visit_index.html",
        visits=selectors.visit_list(actor),
        assignments=selectors.assignment_list(actor),
    )


@community_page(Action.RECORD_VISIT)
def visit_create(request, actor):
    entry = None
    entry_id = request.GET.get("entry", "")
    if entry_id.isdigit() and len(entry_id) < 19:
        entry = (
            WalkEntry.objects.filter(
                pk=int(entry_id), walk_list__community=actor.community, visitor=actor.person
            )
            .select_related("person")
            .first()
        )
        if entry is None and not actor.can(Action.PLAN_VISITS):
            raise Http404
    initial = {"person": entry.person, "address": entry.address} if entry else {}
    form = forms.VisitForm(
        request.POST or None, people=selectors.visit_candidates(actor), initial=initial
    )
    visit = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.record_visit(actor, entry=entry, **form.visit_data()))
    )
    if visit:
        messages.success(request, _("The visit has been recorded."))
        return redirect("outreach:visit", slug=actor.community.slug, visit_id=visit.pk)
    return page(request, actor, "outreach/visit_form.html", form=form, entry=entry)


@community_page(Action.RECORD_VISIT)
def visit_detail(request, actor, visit_id):
    visit = selectors.visit_get(actor, visit_id)
    notes = selectors.visit_notes(actor, visit, purpose="visit page")
    convert_form = None
    if notes is not None and services.can_convert(visit):
        convert_form = forms.ConvertForm(
            request.POST or None, visit=visit, categories=categories_of(actor.community)
        )
    if request.method == "POST":
        if convert_form is None:
            raise PermissionDenied
        if convert_form.is_valid():
            offers, requests = convert_form.chosen()
            if on_form(
                convert_form,
                lambda: services.convert_visit(actor, visit, offers=offers, requests=requests),
            ):
                messages.success(request, _("The offers and requests have been made."))
                return redirect("outreach:visit", slug=actor.community.slug, visit_id=visit.pk)
    return page(
        request,
        actor,
        "outreach/visit_detail.html",
        visit=visit,
        notes=notes,
        convert_form=convert_form,
        offers=visit.created_offers.all(),
        requests=visit.created_requests.all(),
    )


# Signals ----------------------------------------------------------------------------------------


@community_page(Action.RAISE_SIGNAL)
def signal_create(request, actor):
    can_name = actor.can(Action.VIEW_PEOPLE)
    form = forms.SignalForm(
        request.POST or None, community=actor.community, can_name_person=can_name
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: triage.raise_signal(actor, **form.cleaned_data))
    ):
        messages.success(
            request,
            _(
                "Thank you. The core group will look at your signal. "
                "You can follow it under 'My signals'."
            ),
        )
        return redirect("outreach:my_signals", slug=actor.community.slug)
    return page(request, actor, "outreach/signal_form.html", form=form)


@community_page(Action.RAISE_SIGNAL)
def my_signals(request, actor):
    signals = selectors.signals_for(actor).filter(raised_by=actor.person)[:200]
    return page(request, actor, "outreach/my_signals.html", signals=signals)


@community_page(Action.TRIAGE_SIGNALS)
def triage_board(request, actor):
    board = selectors.triage_board(actor)
    columns = [(SignalStatus(status).label, board[status]) for status in SignalStatus.values]
    return page(request, actor, "outreach/triage_board.html", columns=columns)


@community_page(Action.TRIAGE_SIGNALS)
def signal_detail(request, actor, signal_id):
    signal = selectors.signal_get(actor, signal_id)
    op = request.POST.get("op") if request.method == "POST" else None
    initial = {f: getattr(signal, f) for f in triage.TRIAGE_FIELDS}
    form = forms.TriageForm(
        request.POST if op == "triage" else None,
        initial=initial,
        community=actor.community,
        prefix="triage",
    )
    pass_form = forms.PassOnForm(
        request.POST if op == "pass" else None, prefix="pass", community=actor.community
    )
    org_text = None
    if op == "triage" and form.is_valid():
        data = dict(form.cleaned_data)
        note = data.pop("note")
        if on_form(form, lambda: triage.update_signal(actor, signal, data, note=note)):
            messages.success(request, _("The signal has been updated."))
            return redirect("outreach:signal", slug=actor.community.slug, signal_id=signal.pk)
    elif op == "pass" and pass_form.is_valid():
        org_text = triage.pass_to_organisation(actor, signal, **pass_form.cleaned_data)
        signal.refresh_from_db()
    elif op == "ask":
        if on_button(request, lambda: triage.ask_coordinators(actor, signal)):
            messages.success(request, _("The coordinators have been asked to take the next step."))
        return redirect("outreach:signal", slug=actor.community.slug, signal_id=signal.pk)
    return page(
        request,
        actor,
        "outreach/signal_detail.html",
        signal=signal,
        form=form,
        pass_form=pass_form,
        org_text=org_text,
        events=selectors.signal_history(signal),
        next_step=signal.action in triage.SHOWN_NEXT_STEPS,
        followups=selectors.signal_followups(actor, signal),
        can_enter=actor.can(Action.ENTER_FOR_OTHERS),
        can_refer=actor.can(Action.REFER_OUT),
        can_start_initiative=actor.can(Action.MANAGE_INITIATIVES),
        show_raiser=actor.can(Action.VIEW_CONTACT_DETAILS),
    )


# Meetings ---------------------------------------------------------------------------------------


@community_page(Action.TRIAGE_SIGNALS)
def meeting_index(request, actor):
    form = forms.MeetingForm(request.POST or None, community=actor.community)
    meeting = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: meetings.create_meeting(actor, **form.cleaned_data))
    )
    if meeting:
        messages.success(request, _("The meeting has been planned with its agenda."))
        return redirect("outreach:meeting", slug=actor.community.slug, meeting_id=meeting.pk)
    return page(
        request,
        actor,
        "outreach/meeting_index.html",
        form=form,
        meetings=selectors.meetings(actor)[:100],
    )


@community_page(Action.TRIAGE_SIGNALS)
def meeting_detail(request, actor, meeting_id):
    meeting = selectors.meeting_get(actor, meeting_id)
    op = request.POST.get("op") if request.method == "POST" else None
    item_form = forms.AgendaItemForm(request.POST if op == "item" else None, prefix="item")
    decision_form = forms.DecisionForm(
        request.POST if op == "decision" else None, meeting=meeting, prefix="decision"
    )
    form = {"item": item_form, "decision": decision_form}.get(op)
    if (
        form is not None
        and form.is_valid()
        and on_form(form, lambda: _change_meeting(actor, meeting, op, form.cleaned_data))
    ):
        messages.success(request, _("Saved."))
        return redirect("outreach:meeting", slug=actor.community.slug, meeting_id=meeting.pk)
    return page(
        request,
        actor,
        "outreach/meeting_detail.html",
        meeting=meeting,
        agenda=meeting.agenda.select_related("signal").prefetch_related("decisions"),
        decisions=meeting.decisions.prefetch_related("decided_by", "signals"),
        item_form=item_form,
        decision_form=decision_form,
    )


def _change_meeting(actor, meeting, op: str, data):
    """Add the posted agenda item, or record the posted decision (with the item's signal)."""
    if op == "item":
        return meetings.add_agenda_item(actor, meeting, **data)
    item = data["item"]
    return meetings.record_decision(
        actor,
        meeting,
        text=data["text"],
        decided_by=data["decided_by"],
        item=item,
        action=data["action"],
        signals=[item.signal] if item and item.signal else [],
    )
