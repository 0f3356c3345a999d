"""Pages of a help request: asking (or entering one for someone else), the confirmation pages,
the public board, one request with the respond form, changing and cancelling it.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from naober.communities.decorators import community_page
from naober.communities.models import Role
from naober.communities.permissions import Action
from naober.exchange import integrations, selectors, services
from naober.exchange.forms import (
    AskHelpForm,
    BrowseFilterForm,
    ContactLogForm,
    EnterRequestForm,
    RequestEditForm,
    RespondForm,
)
from naober.exchange.models import RequestStatus
from naober.exchange.views._common import (
    CANCELLABLE,
    WORKBENCH_ROWS,
    _own_request,
    _page,
    _suggestions,
    on_button,
    on_form,
    requester_concerns,
)
from naober.people.selectors import people_of


@community_page(Action.ASK_HELP)
def ask(request, actor):
    form = AskHelpForm(
        request.POST or None,
        community=actor.community,
        earlier_helpers=selectors.earlier_helpers(actor, actor.person),
    )
    if request.method == "POST" and form.is_valid():
        help_request = on_form(form, lambda: services.create_request(actor, form.request_data()))
        if help_request:
            name = (
                "exchange:referred"
                if help_request.status == RequestStatus.REFERRED
                else "exchange:sent"
            )
            return redirect(name, slug=actor.community.slug, request_id=help_request.pk)
    return _page(request, actor, "exchange/ask_form.html", form=form)


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
        help_request = on_form(
            form, lambda: services.create_request(actor, data, requester=requester)
        )
        if help_request:
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
    can_respond = (
        actor.can(Action.OFFER_HELP)
        and help_request.requester_id != actor.person.pk
        # staff arrange such a request themselves: "call the coordinator" is not for them
        and not (staff and help_request.needs_mediation)
    )
    my_offers = selectors.offer_list(actor, mine=True, available=True)
    respond_form = None
    if can_respond and my_offers.exists():
        respond_form = RespondForm(request.POST or None, offers=my_offers)
    if request.method == "POST":
        if respond_form is None:
            raise Http404
        if respond_form.is_valid():
            match = on_form(
                respond_form,
                lambda: services.respond(actor, help_request, respond_form.cleaned_data["offer"]),
            )
            if match:
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
            "requester_concerns": requester_concerns(help_request.requester),
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
        context["can_change_wish"] = integrations.may_change_wish(actor, help_request)
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
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.update_request(actor, help_request, form.cleaned_data))
    ):
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
        if on_button(
            request,
            lambda: services.update_request(
                actor, help_request, {"status": RequestStatus.CANCELLED}
            ),
        ):
            messages.success(request, _("Your question has been cancelled."))
        return back
    return _page(request, actor, "exchange/request_cancel.html", help_request=help_request)
