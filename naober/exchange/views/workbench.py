"""The coordinator's pages: the workbench queues, suggested helpers, proposing a helper, the
waiting list, finding a row by its code, follow-up calls, the notice-board sheet and the summary.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.pages import paginate
from naober.communities.decorators import community_page
from naober.communities.models import Area
from naober.communities.permissions import Action
from naober.exchange import reports, selectors, services, workbench_queues
from naober.exchange.forms import (
    FollowUpForm,
    LookupForm,
    OfferForm,
    PeriodForm,
)
from naober.exchange.models import Channel, MatchMode, MatchState, RequestStatus, WouldHelp
from naober.exchange.views._common import (
    SuggestedHelper,
    _back,
    _page,
    _posted_id,
    _suggestions,
    helper_concerns,
    on_button,
    on_form,
    proposal_concerns,
    requester_concerns,
)

# A helper can be proposed for a request that is open or on the waiting list (services.propose).
PROPOSABLE = (RequestStatus.OPEN, RequestStatus.WAITING_LIST)


@community_page(Action.MANAGE_EXCHANGE)
def workbench(request, actor):
    """The workbench as queues: counts at the top, one queue at a time, 10 rows a page.

    Suggestions are not computed here: each request links to its own small suggestions page.
    """
    counts = workbench_queues.counts(actor)
    # Without a choice, the first queue that has work in it.
    first = next((queue for queue, count in counts if count), workbench_queues.QUEUES[0])
    queue = workbench_queues.BY_KEY.get(request.GET.get("queue", ""), first)
    page = paginate(
        request, workbench_queues.queue_rows(actor, queue.key), workbench_queues.PAGE_SIZE
    )
    # The pager names the queue: without it, page 2 would be of whichever queue is first then.
    pager_query = request.GET.copy()
    pager_query["queue"] = queue.key
    return _page(
        request,
        actor,
        "exchange/workbench.html",
        queue=queue,
        counts=counts,
        page=page,
        pager_query=pager_query,
        lookup_form=LookupForm(),
        areas=selectors.noticeboard_areas(actor.community),
    )


@community_page(Action.MANAGE_EXCHANGE)
def workbench_suggestions(request, actor, request_id):
    """The suggested helpers of one request, computed only when the coordinator asks for them."""
    help_request = selectors.request_get(actor, request_id)
    suggestions = _suggestions(actor, help_request)
    wanted = request.GET.get("helper", "")[:100].strip()
    found = (
        [
            SuggestedHelper(
                offer, offer.helper, 0, [], helper_concerns(actor.community, offer.helper)
            )
            for offer in selectors.offers_by_helper_name(
                actor, wanted, not_of=help_request.requester_id
            )
        ]
        if wanted and help_request.status in PROPOSABLE
        else []
    )
    return _page(
        request,
        actor,
        "exchange/workbench_suggestions.html",
        req=help_request,
        suggestions=suggestions,
        requester_concerns=requester_concerns(help_request.requester),
        proposable=help_request.status in PROPOSABLE,
        wanted=wanted,
        found=found,
    )


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def propose(request, actor):
    """Propose a suggested helper in one action (a mediated match)."""
    request_id, offer_id = _posted_id(request, "request"), _posted_id(request, "offer")
    fallback = f"/c/{actor.community.slug}/workbench/"
    if request_id is None or offer_id is None:
        messages.error(request, _("Choose a request and a helper."))
        return redirect(fallback)
    help_request = selectors.request_get(actor, request_id)
    offer = selectors.offer_get(actor, offer_id)
    match = on_button(request, lambda: services.propose(actor, help_request, offer))
    if not match:
        return _back(request, fallback)
    messages.success(
        request,
        _(
            "%(name)s has been proposed. You will see the answer on the workbench, under "
            "“Waiting for a helper's answer”."
        )
        % {"name": offer.helper.name},
    )
    for concern in proposal_concerns(actor, match):
        messages.warning(request, concern)
    return redirect("exchange:match_detail", slug=actor.community.slug, match_id=match.pk)


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def waiting_list(request, actor, request_id):
    help_request = selectors.request_get(actor, request_id)
    if request.POST.get("waiting") == "1":
        if on_button(request, lambda: services.move_to_waiting_list(actor, help_request)):
            messages.success(request, _("The request is on the waiting list."))
    elif on_button(request, lambda: services.take_off_waiting_list(actor, help_request)):
        messages.success(request, _("The request is open again."))
    return redirect(
        "exchange:request_detail", slug=actor.community.slug, request_id=help_request.pk
    )


@community_page(Action.MANAGE_EXCHANGE)
def lookup(request, actor):
    """Find a request (V-1234) or an offer (A-12) by the code on the notice board."""
    form = LookupForm(request.GET or None)
    if form.is_valid():
        code = form.cleaned_data["code"].strip().upper()
        found = selectors.find_by_code(actor, code)
        if found is not None:
            kind, pk = found
            if kind == "request":
                return redirect("exchange:request_detail", slug=actor.community.slug, request_id=pk)
            return redirect("exchange:offer_detail", slug=actor.community.slug, offer_id=pk)
        form.add_error("code", _("Nothing found with this code. Check the letters and digits."))
    return _page(request, actor, "exchange/lookup.html", form=form)


@community_page(Action.MANAGE_EXCHANGE)
def followup(request, actor, followup_id):
    """Record the answers of a follow-up call (nabellen)."""
    item = selectors.followup_get(actor, followup_id)
    form = FollowUpForm(
        request.POST or None,
        initial={
            "how_did_it_go": item.how_did_it_go,
            "would_help_others": item.would_help_others,
            "notes": item.notes,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.record_followup(actor, item, **form.cleaned_data))
    ):
        messages.success(request, _("The follow-up call has been recorded."))
        if form.cleaned_data.get("would_help_others") in (WouldHelp.YES, WouldHelp.MAYBE):
            # Back to the call, where the answer becomes an offer in one step.
            return redirect("exchange:followup", slug=actor.community.slug, followup_id=item.pk)
        return redirect("exchange:workbench", slug=actor.community.slug)
    return _page(
        request,
        actor,
        "exchange/followup_form.html",
        followup=item,
        caller=selectors.followup_caller(actor, item),
        form=form,
    )


@community_page(Action.MANAGE_EXCHANGE)
def followup_offer(request, actor, followup_id):
    """Reciprocity that leads somewhere (issue 15.4): the person helped said in the follow-up
    call that they would like to help someone else too (yes or maybe); the coordinator turns
    that answer into their offer in one step, on the offer form filled in from the call."""
    item = selectors.followup_get(actor, followup_id)
    if item.would_help_others not in (WouldHelp.YES, WouldHelp.MAYBE):
        raise Http404
    person = item.match.request.requester
    form = OfferForm(
        request.POST or None,
        community=actor.community,
        initial={
            "categories": [item.match.request.category_id],
            "description": _("Was helped, and would like to help someone else too."),
            "max_per_month": 1,
            "area": person.area_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        offer = on_form(
            form, lambda: services.create_offer(actor, form.offer_data(), helper=person)
        )
        if offer:
            messages.success(request, _("%(name)s now offers help.") % {"name": person.name})
            return redirect("exchange:offer_detail", slug=actor.community.slug, offer_id=offer.pk)
    return _page(
        request, actor, "exchange/followup_offer.html", followup=item, person=person, form=form
    )


@community_page(Action.VIEW_EXCHANGE)
def noticeboard(request, actor, area_id):
    area = Area.objects.filter(community=actor.community, pk=area_id).first()
    if area is None:
        raise Http404
    board = selectors.noticeboard(actor, area)
    return _page(
        request,
        actor,
        "exchange/noticeboard.html",
        area=area,
        sheets=selectors.noticeboard_sheets(board),
        more_requests=board["more_requests"],
        more_offers=board["more_offers"],
        can_settings=actor.can(Action.MANAGE_COMMUNITY),
        today=timezone.localdate(),
    )


def _labelled(counts: dict, choices) -> list[tuple[str, int]]:
    """Every choice with its count (zero included), in the order of the choices."""
    return [(label, counts.get(value, 0)) for value, label in choices]


@community_page(Action.VIEW_REPORTS)
def summary(request, actor):
    """The figures of a period; without a period chosen, the last 30 days."""
    form = PeriodForm(request.GET or None, initial=PeriodForm.default_initial())
    figures = None
    period = PeriodForm.default_initial() if not request.GET else None
    if request.GET and form.is_valid():
        period = form.cleaned_data
    if period is not None:
        figures = reports.summary(actor, period["start"], period["end"])
        figures["by_channel"] = _labelled(figures["requests_by_channel"], Channel.choices)
        figures["by_status"] = _labelled(figures["requests_by_status"], RequestStatus.choices)
        figures["by_mode"] = _labelled(figures["matches_by_mode"], MatchMode.choices)
        figures["by_state"] = _labelled(figures["matches_by_state"], MatchState.choices)
        share = figures["answered_within_deadline"]
        figures["within_percent"] = None if share is None else round(share * 100)
    return _page(request, actor, "exchange/summary.html", form=form, figures=figures)
