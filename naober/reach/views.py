"""Pages: a helper's yes or no through a signed link (no login), and the coordinator's send-out
page (the suggestions preselected; who was asked and what they answered)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from naober.api.errors import ApiError
from naober.communities.decorators import community_page
from naober.communities.models import Community
from naober.communities.permissions import Action
from naober.exchange.models import RequestStatus
from naober.exchange.selectors import request_get
from naober.exchange.suggestions import suggest_for_request
from naober.privacy.ratelimit import rate_limited
from naober.reach import links, selectors, services


@rate_limited("code")
def answer(request, slug, token):
    """The link in an e-mail ask. Shows only what the public page may show of the request."""
    community = Community.objects.filter(slug=slug).first()
    ask_id = links.ask_id_from(token)
    ask = selectors.ask_for_link(community, ask_id) if community and ask_id else None
    if ask is None:
        return render(request, "reach/answer_invalid.html", {"community": community}, status=404)
    outcome = "already" if ask.answer else ""
    if request.method == "POST" and not ask.answer:
        choice = request.POST.get("answer")
        if choice not in ("yes", "no"):
            raise Http404
        outcome = services.answer(ask, yes=choice == "yes")
    return render(
        request,
        "reach/answer.html",
        {
            "community": community,
            "ask": ask,
            "summary": services.public_summary(ask.request),
            "outcome": outcome,
        },
    )


@community_page(Action.VIEW_EXCHANGE)
def send_out(request, actor, request_id):
    """Send the request out to the chosen helpers; shows who was asked and what they answered."""
    help_request = request_get(actor, request_id)
    if not services.may_send(actor, help_request):
        raise Http404
    staff = actor.can(Action.MANAGE_EXCHANGE)
    asks = selectors.asks_for_request(actor, help_request)
    is_open = help_request.status in (RequestStatus.OPEN, RequestStatus.WAITING_LIST)
    pairs = []
    if staff and is_open:
        asked = {ask.person_id for ask in asks}
        suggested = suggest_for_request(actor, help_request, limit=10)
        pairs = [(s.person, s.reasons) for s in suggested if s.person.pk not in asked]
    if request.method == "POST":
        try:
            if staff:
                ids = [int(v) for v in request.POST.getlist("helpers") if v.isdigit()]
                _callout, sent = services.send(actor, help_request, helpers=ids)
            else:
                _callout, sent = services.send(actor, help_request, top=5)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except ApiError as error:
            messages.error(request, str(error.detail))
        else:
            text = ngettext("%(count)s helper asked.", "%(count)s helpers asked.", sent)
            messages.success(request, text % {"count": sent})
            return redirect("reach:send_out", slug=actor.community.slug, request_id=request_id)
    return render(
        request,
        "reach/send_out.html",
        {
            "actor": actor,
            "community": actor.community,
            "help_request": help_request,
            "summary": services.public_summary(help_request),
            "suggestions": pairs,
            "asks": asks,
            "staff": staff,
            "is_open": is_open,
        },
    )
