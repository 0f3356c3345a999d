"""Pages of the help exchange: asking, offering, browsing, my help, the coordinator's workbench,
the notice-board sheet and the summary.

Views stay thin: a form parses the input, a service makes the change (and checks who may), a
selector reads. What a service refuses is shown as a message next to the field or at the top of
the page, never as an error page: a resident of 80 must understand what to do next.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.api.errors import ApiError
from naober.communities.decorators import community_page
from naober.communities.models import Area, Role
from naober.communities.permissions import Action
from naober.core.forms import apply_errors
from naober.core.next_url import local_next
from naober.exchange import reports, selectors, services, states, workbench_queues
from naober.exchange.forms import (
    AskHelpForm,
    BrowseFilterForm,
    ContactLogForm,
    EnterRequestForm,
    FollowUpForm,
    IntroductionForm,
    LookupForm,
    OfferEditForm,
    OfferForm,
    PeriodForm,
    RequestEditForm,
    RespondForm,
    ReviewForm,
)
from naober.exchange.models import Channel, MatchMode, MatchState, RequestStatus
from naober.exchange.steps import YES, next_steps
from naober.matchmaking.selectors import may_change_wish
from naober.people.selectors import people_of

MAX_ID = 2**62
WORKBENCH_ROWS = 100
# A request can be cancelled until the help is done (live matches are then stopped).
CANCELLABLE = (RequestStatus.OPEN, RequestStatus.WAITING_LIST, RequestStatus.MATCHED)


# --- helpers -------------------------------------------------------------------------------------


def _page(request, actor, template: str, **context):
    return render(request, template, {"community": actor.community, "actor": actor, **context})


def _refusal(error: Exception) -> str:
    """A service's refusal (Conflict, ApiError, ValidationError) in plain words."""
    if isinstance(error, ApiError) and error.code == "request_taken":
        return _("Someone else is already helping with this question.")
    if isinstance(error, ApiError) and error.code == "invalid_transition":
        return _("This step is not possible any more. The page now shows how things stand.")
    if isinstance(error, ApiError):
        return error.detail
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return _("That did not work. Please try again.")


def _posted_id(request, name: str) -> int | None:
    """A posted id within bounds, else None (so that no input can cause an error page)."""
    value = request.POST.get(name, "")
    if not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def _back(request, fallback: str):
    """Return to the page the form was posted from, if it is ours; else to `fallback`."""
    return redirect(local_next(request, fallback))


def proposal_concerns(actor, match) -> list[str]:
    """What a coordinator must know about an open match: the requester was never asked whether
    they agree to be matched, or the helper has no valid certificate of conduct (VOG)."""
    from naober.people.models import ConsentPurpose
    from naober.volunteering.selectors import vog_concern

    concerns = []
    requester = match.request.requester
    asked = requester.consents.filter(purpose=ConsentPurpose.MATCHING).order_by("-recorded_at")
    answer = asked.first()
    if answer is None:
        concerns.append(
            _(
                "Nobody has asked %(name)s yet whether they agree to be matched with a neighbour. "
                "Ask it and record the answer on their card."
            )
            % {"name": requester.name}
        )
    elif not answer.granted:
        concerns.append(
            _("%(name)s said no to being matched with a neighbour.") % {"name": requester.name}
        )
    vog = vog_concern(actor.community, match.helper)
    if vog == "missing":
        concerns.append(
            _("%(name)s has no certificate of conduct (VOG) on record.")
            % {"name": match.helper.name}
        )
    elif vog == "expired":
        concerns.append(
            _("The certificate of conduct (VOG) of %(name)s has expired.")
            % {"name": match.helper.name}
        )
    return concerns


# --- asking for help -----------------------------------------------------------------------------


@community_page(Action.ASK_HELP)
def ask(request, actor):
    form = AskHelpForm(
        request.POST or None,
        community=actor.community,
        earlier_helpers=selectors.earlier_helpers(actor, actor.person),
    )
    if request.method == "POST" and form.is_valid():
        try:
            help_request = services.create_request(actor, form.request_data())
        except ValidationError as error:
            apply_errors(form, error)
        except ApiError as error:
            form.add_error(None, _refusal(error))
        else:
            name = (
                "exchange:referred"
                if help_request.status == RequestStatus.REFERRED
                else "exchange:sent"
            )
            return redirect(name, slug=actor.community.slug, request_id=help_request.pk)
    return _page(request, actor, "exchange/ask_form.html", form=form)


def _own_request(actor, request_id):
    """The actor's own request (or any, for staff); another person's gives 404."""
    help_request = selectors.request_get(actor, request_id)
    if help_request.requester_id != actor.person.pk and not selectors.is_staff(actor):
        raise Http404
    return help_request


@community_page(Action.VIEW_EXCHANGE)
def sent(request, actor, request_id):
    return _page(
        request, actor, "exchange/request_sent.html", help_request=_own_request(actor, request_id)
    )


@community_page(Action.VIEW_EXCHANGE)
def referred(request, actor, request_id):
    return _page(
        request,
        actor,
        "exchange/request_referred.html",
        help_request=_own_request(actor, request_id),
    )


@community_page(Action.ENTER_FOR_OTHERS)
def enter(request, actor):
    community = actor.community
    person = request.GET.get("person", "")[:20]
    form = EnterRequestForm(
        request.POST or None,
        initial={"requester": person} if person.isdigit() else None,
        community=community,
        people=people_of(community).select_related("area").order_by("name"),
        helpers=people_of(community).filter(offers__isnull=False).distinct().order_by("name"),
        partners=people_of(community)
        .filter(memberships__role=Role.PARTNER)
        .select_related("area")
        .distinct()
        .order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.request_data()
        requester = data.pop("requester")
        try:
            help_request = services.create_request(actor, data, requester=requester)
        except ValidationError as error:
            apply_errors(form, error)
        except ApiError as error:
            form.add_error(None, _refusal(error))
        else:
            if help_request.status == RequestStatus.REFERRED:
                messages.info(
                    request,
                    _("This kind of help is for professionals: the request has been referred."),
                )
            else:
                messages.success(
                    request, _("The request %(code)s has been saved.") % {"code": help_request.code}
                )
            return redirect(
                "exchange:request_detail", slug=community.slug, request_id=help_request.pk
            )
    return _page(
        request,
        actor,
        "exchange/enter_form.html",
        form=form,
        can_register=actor.can(Action.CREATE_PERSON),
    )


# --- offering help -------------------------------------------------------------------------------


@community_page(Action.OFFER_HELP)
def offer_new(request, actor):
    form = OfferForm(request.POST or None, community=actor.community)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_offer(actor, form.offer_data())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your offer is now visible to neighbours."))
            return redirect("exchange:my_help", slug=actor.community.slug)
    return _page(request, actor, "exchange/offer_form.html", form=form)


@community_page(Action.OFFER_HELP)
def offer_edit(request, actor, offer_id):
    """The helper changes their own offer; a coordinator changes anyone's (e.g. after a call)."""
    offer = selectors.offer_get(actor, offer_id)
    own = offer.helper_id == actor.person.pk
    if not (own or actor.can(Action.MANAGE_EXCHANGE)):
        raise PermissionDenied
    form = OfferEditForm(request.POST or None, offer=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_offer(actor, offer, form.offer_data())
        except ValidationError as error:
            apply_errors(form, error)
        except ApiError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(request, _("The offer has been saved."))
            if own:
                return redirect("exchange:my_help", slug=actor.community.slug)
            return redirect("exchange:offer_detail", slug=actor.community.slug, offer_id=offer.pk)
    return _page(request, actor, "exchange/offer_edit.html", form=form, offer=offer, own=own)


@require_POST
@community_page(Action.OFFER_HELP)
def offer_pause(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id)
    available = request.POST.get("available") == "1"
    try:
        services.update_offer(actor, offer, {"available": available})
    except (ValidationError, ApiError) as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(
            request,
            _("Your offer is visible again.")
            if available
            else _("Your offer is paused. Nobody will ask you for now."),
        )
    return redirect("exchange:my_help", slug=actor.community.slug)


# --- browsing ------------------------------------------------------------------------------------


@community_page(Action.VIEW_EXCHANGE)
def request_list(request, actor):
    """The public board: open requests with first name and street only."""
    filters = BrowseFilterForm(request.GET or None, community=actor.community)
    items = selectors.board_requests(actor)
    if filters.is_valid():
        category, area = filters.cleaned_data["category"], filters.cleaned_data["area"]
        if category:
            items = items.filter(category=category)
        if area:
            items = items.filter(requester__area__in=selectors.area_and_below(area))
    return _page(
        request, actor, "exchange/request_list.html", filters=filters, items=items[:WORKBENCH_ROWS]
    )


@community_page(Action.VIEW_EXCHANGE)
def request_detail(request, actor, request_id):
    if (
        request.method == "POST"
        and selectors.taken_from_board(actor, request_id)
        and not selectors.visible_requests(actor).filter(pk=request_id).exists()
    ):
        messages.error(request, _("Someone else is already helping with this question."))
        return redirect("exchange:requests", slug=actor.community.slug)
    help_request = selectors.request_get(actor, request_id)
    staff = selectors.is_staff(actor)
    can_respond = actor.can(Action.OFFER_HELP) and help_request.requester_id != actor.person.pk
    my_offers = selectors.offer_list(actor, mine=True, available=True)
    respond_form = None
    if can_respond and my_offers.exists():
        respond_form = RespondForm(request.POST or None, offers=my_offers)
    if request.method == "POST":
        if respond_form is None:
            raise Http404
        if respond_form.is_valid():
            try:
                match = services.respond(actor, help_request, respond_form.cleaned_data["offer"])
            except ValidationError as error:
                apply_errors(respond_form, error)
            except ApiError as error:
                respond_form.add_error(None, _refusal(error))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you! We have told the neighbour that you want "
                        "to help. You will hear when they say yes."
                    ),
                )
                return redirect(
                    "exchange:match_detail", slug=actor.community.slug, match_id=match.pk
                )
    context = {}
    if staff:
        context = {
            "matches": selectors.match_list(actor, request=help_request.pk),
            "suggestions": _suggestions(actor, help_request),
            "contact_log": selectors.contact_log(actor, request=help_request),
            "log_form": ContactLogForm(people=[help_request.requester]),
            "log_action": request.path + "log/",
            "overdue": getattr(help_request, "overdue", False),
        }
    view = selectors.request_view(actor, help_request)
    own = help_request.requester_id == actor.person.pk
    if own or staff:
        context["show_wish"] = True
        context["wish"] = _helper_wish(help_request)
        context["can_change_wish"] = may_change_wish(actor, help_request)
    return _page(
        request,
        actor,
        "exchange/request_detail.html",
        help_request=help_request,
        is_staff=staff,
        can_respond=can_respond,
        respond_form=respond_form,
        show_disclosure="disclosure" in view,
        can_edit=(own or staff) and help_request.status == RequestStatus.OPEN,
        can_cancel=(own or staff) and help_request.status in CANCELLABLE,
        **context,
    )


def _helper_wish(help_request):
    """The requester's wish about the helper (kept by the matching app), or None if not given."""
    try:
        return help_request.wish
    except ObjectDoesNotExist:
        return None


@community_page(Action.VIEW_EXCHANGE)
def request_edit(request, actor, request_id):
    """The requester (or a coordinator) changes the title, description or urgency while open."""
    help_request = _own_request(actor, request_id)
    back = redirect(
        "exchange:request_detail", slug=actor.community.slug, request_id=help_request.pk
    )
    if help_request.status != RequestStatus.OPEN:
        messages.error(request, _("This request can no longer be changed."))
        return back
    form = RequestEditForm(
        request.POST or None,
        initial={
            "title": help_request.title,
            "description": help_request.description,
            "urgency": help_request.urgency,
            "publish": help_request.publish,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_request(actor, help_request, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except ApiError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(request, _("Your changes have been saved."))
            return back
    return _page(request, actor, "exchange/request_edit.html", form=form, help_request=help_request)


@community_page(Action.VIEW_EXCHANGE)
def request_cancel(request, actor, request_id):
    """Cancel a request after a confirmation page: a tap by mistake must not close it."""
    help_request = _own_request(actor, request_id)
    back = redirect(
        "exchange:request_detail", slug=actor.community.slug, request_id=help_request.pk
    )
    if help_request.status not in CANCELLABLE:
        messages.error(request, _("This request is already closed."))
        return back
    if request.method == "POST":
        try:
            services.update_request(actor, help_request, {"status": RequestStatus.CANCELLED})
        except (ValidationError, ApiError) as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(request, _("Your question has been cancelled."))
        return back
    return _page(request, actor, "exchange/request_cancel.html", help_request=help_request)


def _suggestions(actor, help_request) -> list:
    from naober.exchange.suggestions import suggest_for_request

    if help_request.status not in (RequestStatus.OPEN, RequestStatus.WAITING_LIST):
        return []
    return suggest_for_request(actor, help_request, limit=5)


@community_page(Action.VIEW_EXCHANGE)
def offer_list(request, actor):
    """Offer-first ("Hulp die buren aanbieden"): a shy neighbour accepts a standing offer."""
    return _page(
        request,
        actor,
        "exchange/offer_list.html",
        offers=selectors.standing_offers(actor)[:WORKBENCH_ROWS],
        can_ask=actor.can(Action.ASK_HELP),
    )


@require_POST
@community_page(Action.ASK_HELP)
def offer_accept(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id)
    category = request.POST.get("category", "")[:40] or None
    try:
        match = services.accept_offer(actor, offer, category=category)
    except (ValidationError, ApiError) as error:
        messages.error(request, _refusal(error))
        return redirect("exchange:offers", slug=actor.community.slug)
    if match.mode == MatchMode.SELF:
        messages.success(
            request,
            _(
                "Thank you! We have asked %(name)s. When %(name)s says yes, you will both see "
                "here how to reach each other."
            )
            % {"name": offer.helper.display_name},
        )
    else:
        messages.success(request, _("Thank you! A coordinator will call you to arrange it."))
    return redirect("exchange:match_detail", slug=actor.community.slug, match_id=match.pk)


# --- my help and matches -------------------------------------------------------------------------


@community_page(Action.VIEW_EXCHANGE)
def my_help(request, actor):
    me = actor.person
    matches = [
        {
            "match": match,
            "steps": next_steps(actor, match),
            "contact": selectors.match_contact(actor, match),
            "i_help": match.helper_id == me.pk,
        }
        for match in selectors.my_matches(actor)
    ]
    return _page(
        request,
        actor,
        "exchange/my_help.html",
        my_requests=selectors.request_list(actor, mine=True)[:WORKBENCH_ROWS],
        my_offers=selectors.offer_list(actor, mine=True),
        matches=matches,
        safety_advice=selectors.SAFETY_ADVICE,
        can_ask=actor.can(Action.ASK_HELP),
        can_offer=actor.can(Action.OFFER_HELP),
    )


@community_page(Action.VIEW_EXCHANGE)
def match_detail(request, actor, match_id):
    match = selectors.match_get(actor, match_id)
    staff = selectors.is_staff(actor)
    context = {}
    if staff:
        path = request.path
        context = {
            "intro_form": IntroductionForm(initial={"intro_place": match.intro_place}),
            "review_form": ReviewForm(
                initial={"review_flag": match.review_flag, "review_note": match.review_note}
            ),
            "contact_log": selectors.contact_log(actor, match=match),
            "log_form": ContactLogForm(people=[match.request.requester, match.helper]),
            "log_action": path + "log/",
            "followups": match.followups.all(),
            "concerns": proposal_concerns(actor, match) if match.is_open else [],
        }
    return _page(
        request,
        actor,
        "exchange/match_detail.html",
        match=match,
        steps=next_steps(actor, match),
        contact=selectors.match_contact(actor, match),
        events=selectors.events_of(match, staff=staff),
        safety_advice=selectors.SAFETY_ADVICE,
        is_staff=staff,
        can_introduce=staff and states.can_move(match.state, MatchState.INTRODUCED, match.mode),
        **context,
    )


@require_POST
@community_page(Action.VIEW_EXCHANGE)
def match_step(request, actor, match_id):
    match = selectors.match_get(actor, match_id)
    to = request.POST.get("to", "")[:16]
    note = request.POST.get("note", "")[:500]
    fallback = f"/c/{actor.community.slug}/matches/{match.pk}/"
    try:
        if to.startswith(YES):
            match = services.say_yes(actor, match, to.removeprefix(YES), note)
        else:
            services.transition(actor, match, to, note)
    except (ValidationError, ApiError, PermissionDenied) as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _step_done(match, to))
    return _back(request, fallback)


def _step_done(match, to: str) -> str:
    """What the person who pressed a step button reads next."""
    if not to.startswith(YES):
        return _("Saved: %(state)s.") % {"state": MatchState(to).label}
    if match.state == MatchState.ACCEPTED:
        return _("Both said yes. You can now see how to reach each other.")
    other = (
        match.helper if states.HELPER in services.missing_yes(match) else match.request.requester
    )
    return _("Thank you, the yes is saved. Now we wait for %(name)s.") % {
        "name": other.display_name
    }


@community_page(Action.MANAGE_EXCHANGE)
def match_introduce(request, actor, match_id):
    """Plan and record the introduction meeting (koppelingsgesprek)."""
    match = selectors.match_get(actor, match_id)
    form = IntroductionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(
                actor, match, MatchState.INTRODUCED, _("Introduction meeting"), **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        except ApiError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(request, _("The introduction meeting has been recorded."))
            return redirect("exchange:match_detail", slug=actor.community.slug, match_id=match.pk)
    return _page(request, actor, "exchange/introduction_form.html", match=match, form=form)


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def match_review(request, actor, match_id):
    match = selectors.match_get(actor, match_id)
    form = ReviewForm(request.POST)
    if form.is_valid():
        services.flag_match(
            actor,
            match,
            flagged=form.cleaned_data["review_flag"],
            note=form.cleaned_data["review_note"],
        )
        messages.success(
            request,
            _("Paused for review.")
            if form.cleaned_data["review_flag"]
            else _("The pause has been lifted."),
        )
    else:
        messages.error(request, _("The reason can be at most 500 characters."))
    return _back(request, f"/c/{actor.community.slug}/matches/{match.pk}/")


def _log(request, actor, *, help_request=None, match=None, people=()):
    form = ContactLogForm(request.POST, people=people)
    if form.is_valid():
        try:
            services.log_contact(actor, request=help_request, match=match, **form.log_data())
        except (ValidationError, ApiError) as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(request, _("The contact has been recorded."))
    else:
        messages.error(request, _("The contact was not recorded: choose who, how and the result."))


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def request_log(request, actor, request_id):
    help_request = selectors.request_get(actor, request_id)
    _log(request, actor, help_request=help_request, people=[help_request.requester])
    return redirect(
        "exchange:request_detail", slug=actor.community.slug, request_id=help_request.pk
    )


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def match_log(request, actor, match_id):
    match = selectors.match_get(actor, match_id)
    _log(request, actor, match=match, people=[match.request.requester, match.helper])
    return redirect("exchange:match_detail", slug=actor.community.slug, match_id=match.pk)


# --- the coordinator's workbench -----------------------------------------------------------------


@community_page(Action.MANAGE_EXCHANGE)
def workbench(request, actor):
    """The workbench as queues: counts at the top, one queue at a time, 10 rows a page.

    Suggestions are not computed here: each request links to its own small suggestions page.
    """
    counts = workbench_queues.counts(actor)
    # Without a choice, the first queue that has work in it.
    first = next((queue for queue, count in counts if count), workbench_queues.QUEUES[0])
    queue = workbench_queues.BY_KEY.get(request.GET.get("queue", ""), first)
    page = Paginator(
        workbench_queues.queue_rows(actor, queue.key), workbench_queues.PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return _page(
        request,
        actor,
        "exchange/workbench.html",
        queue=queue,
        counts=counts,
        page=page,
        lookup_form=LookupForm(),
        areas=selectors.noticeboard_areas(actor.community),
    )


@community_page(Action.MANAGE_EXCHANGE)
def workbench_suggestions(request, actor, request_id):
    """The suggested helpers of one request, computed only when the coordinator asks for them."""
    help_request = selectors.request_get(actor, request_id)
    return _page(
        request,
        actor,
        "exchange/workbench_suggestions.html",
        req=help_request,
        suggestions=_suggestions(actor, help_request),
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
    try:
        match = services.propose(actor, help_request, offer)
    except (ValidationError, ApiError) as error:
        messages.error(request, _refusal(error))
        return _back(request, fallback)
    messages.success(
        request, _("%(name)s has been proposed. We have asked them.") % {"name": offer.helper.name}
    )
    for concern in proposal_concerns(actor, match):
        messages.warning(request, concern)
    return redirect("exchange:match_detail", slug=actor.community.slug, match_id=match.pk)


@require_POST
@community_page(Action.MANAGE_EXCHANGE)
def waiting_list(request, actor, request_id):
    help_request = selectors.request_get(actor, request_id)
    try:
        if request.POST.get("waiting") == "1":
            services.move_to_waiting_list(actor, help_request)
            messages.success(request, _("The request is on the waiting list."))
        else:
            services.take_off_waiting_list(actor, help_request)
            messages.success(request, _("The request is open again."))
    except (ValidationError, ApiError) as error:
        messages.error(request, _refusal(error))
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


@community_page(Action.VIEW_EXCHANGE)
def offer_detail(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id)
    return _page(
        request,
        actor,
        "exchange/offer_detail.html",
        offer=offer,
        code=selectors.offer_code(offer),
        is_staff=selectors.is_staff(actor),
        can_ask=actor.can(Action.ASK_HELP) and offer.helper_id != actor.person.pk,
        can_edit=offer.helper_id == actor.person.pk or actor.can(Action.MANAGE_EXCHANGE),
    )


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
    if request.method == "POST" and form.is_valid():
        try:
            services.record_followup(actor, item, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The follow-up call has been recorded."))
            return redirect("exchange:workbench", slug=actor.community.slug)
    return _page(
        request,
        actor,
        "exchange/followup_form.html",
        followup=item,
        caller=selectors.followup_caller(actor, item),
        form=form,
    )


# --- notice board and summary --------------------------------------------------------------------


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
