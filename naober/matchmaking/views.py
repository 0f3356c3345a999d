"""Pages: the batch plan for coordinators, the matching settings for administrators and the
helper wish of a request. Thin: parse, call a selector or service, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.errors import DomainError
from naober.base.pages import on_form, page, paginate
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.matchmaking import plans, selectors, services, tasks
from naober.matchmaking.forms import SettingsForm, WishForm

MAX_ID = 2**62
PLAN_PAGE_SIZE = 50


def _posted_id(request, name: str) -> int | None:
    value = request.POST.get(name, "")
    if not value.isdigit() or len(value) > 19 or not 1 <= int(value) <= MAX_ID:
        return None
    return int(value)


@community_page(Action.MANAGE_EXCHANGE)
def plan(request, actor):
    """Who could help whom, for every open request at once; urgent and vulnerable first.
    The plan kept for the community (plans.py), PLAN_PAGE_SIZE lines a page; when something
    changed since it was made, a new one is asked of the task worker."""
    shown = plans.shown_plan(actor)
    if not shown.current and not tasks.waiting(shown.queued_at):  # no write when one waits
        tasks.queue_refresh(actor.community.pk)
    lines = paginate(request, shown.lines, PLAN_PAGE_SIZE)
    return page(
        request, actor, "matchmaking/plan.html", plan=shown, lines=lines.object_list, page=lines
    )


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def plan_refresh(request, actor):
    """Make a new plan now (the page's button, for when the worker is slow or not running)."""
    plans.refresh_now(actor)
    return redirect("matchmaking:plan", slug=actor.community.slug)


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def plan_propose(request, actor):
    """Propose one plan line (a mediated match). A line taken meanwhile gets a friendly note."""
    back = redirect("matchmaking:plan", slug=actor.community.slug)
    request_id, offer_id = _posted_id(request, "request"), _posted_id(request, "offer")
    if request_id is None or offer_id is None:
        messages.error(request, _("Choose a line of the plan."))
        return back
    try:
        match = services.propose_line(actor, request_id, offer_id)
    except DomainError:
        messages.warning(
            request, _("Someone else took this request in the meantime. Nothing has changed.")
        )
        return back
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
        return back
    messages.success(
        request,
        _(
            "%(name)s has been proposed. You will see the answer on the workbench, under "
            "“Waiting for a helper's answer”."
        )
        % {"name": match.helper.name},
    )
    return back


@community_page(Action.MANAGE_COMMUNITY)
def settings_page(request, actor):
    """How much each part of the fit counts in this community."""
    row = selectors.settings_of(actor)
    form = SettingsForm(request.POST or None, instance=row)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.save_settings(actor, form.cleaned_data))
    ):
        messages.success(request, _("The matching settings have been saved."))
        return redirect("matchmaking:settings", slug=actor.community.slug)
    return page(request, actor, "matchmaking/settings.html", form=form)


@community_page()
def wish(request, actor, request_id):
    """The requester's wish about the helper (only or preferably a woman or a man), set by a
    coordinator or by the requester for their own open request."""
    help_request, current = selectors.wish_of(actor, request_id)
    if not selectors.may_change_wish(actor, help_request):
        raise PermissionDenied
    form = WishForm(request.POST or None, initial={"gender": current.gender})
    if request.method == "POST" and form.is_valid():
        services.save_wish(actor, help_request.pk, form.cleaned_data["gender"])
        messages.success(request, _("The wish has been saved."))
        return redirect(
            "exchange:request_detail", slug=actor.community.slug, request_id=help_request.pk
        )
    return page(request, actor, "matchmaking/wish.html", form=form, help_request=help_request)
