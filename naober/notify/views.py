"""Pages for coordinators: the message log, letters to print, calls to make, send a message."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from naober.base.pages import on_form, paginate
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.notify import selectors, services
from naober.notify.forms import CallDoneForm, CustomMessageForm, LogFilterForm
from naober.people.selectors import person_get

PAGE_SIZE = 50


@community_page(Action.MANAGE_EXCHANGE)
def message_log(request, actor):
    form = LogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    log = selectors.message_log(
        actor, channel=filters.get("channel", ""), status=filters.get("status", "")
    )
    return render(
        request,
        "notify/log.html",
        {
            "community": actor.community,
            "actor": actor,
            "form": form,
            "page": paginate(request, log, PAGE_SIZE),
        },
    )


@community_page(Action.MANAGE_EXCHANGE, hide=True)
def person_history(request, actor, person_id):
    person = person_get(actor, person_id)
    return render(
        request,
        "notify/person.html",
        {
            "community": actor.community,
            "actor": actor,
            "person": person,
            "page": paginate(request, selectors.message_log(actor, person_id=person.pk), PAGE_SIZE),
        },
    )


@community_page(Action.MANAGE_EXCHANGE, hide=True)
def send_message(request, actor, person_id):
    person = person_get(actor, person_id)
    form = CustomMessageForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.send_custom(actor, person, **form.cleaned_data))
    ):
        messages.success(request, _("The message is on its way."))
        return redirect("notify:person", slug=actor.community.slug, person_id=person.pk)
    return render(
        request,
        "notify/send.html",
        {
            "community": actor.community,
            "actor": actor,
            "person": person,
            "form": form,
        },
    )


@community_page(Action.MANAGE_EXCHANGE)
def letters(request, actor):
    if request.method == "POST":
        ids = [
            int(value)
            for value in request.POST.getlist("letter")[:500]
            if value.isdigit() and len(value) < 19
        ]
        count = services.mark_letters_printed(actor, ids)
        messages.success(
            request,
            ngettext(
                "%(count)s letter marked as printed.", "%(count)s letters marked as printed.", count
            )
            % {"count": count},
        )
        return redirect("notify:letters", slug=actor.community.slug)
    return render(
        request,
        "notify/letters.html",
        {
            "community": actor.community,
            "actor": actor,
            "letters": selectors.letters_to_print(actor),
        },
    )


@community_page(Action.MANAGE_EXCHANGE)
def calls(request, actor):
    return render(
        request,
        "notify/calls.html",
        {
            "community": actor.community,
            "actor": actor,
            "calls": selectors.calls_to_make(actor),
            "form": CallDoneForm(),
        },
    )


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def call_done(request, actor, message_id):
    form = CallDoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Keep the note short."))
        return redirect("notify:calls", slug=actor.community.slug)
    services.mark_call_done(actor, message_id, note=form.cleaned_data["note"])
    messages.success(request, _("Marked as done."))
    return redirect("notify:calls", slug=actor.community.slug)
