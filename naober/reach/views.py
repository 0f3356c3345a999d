"""Pages: a helper's yes or no through a signed link (no login), and the coordinator's send-out
page (the suggestions preselected; who was asked and what they answered)."""

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from naober.base.pages import on_button, on_form
from naober.communities.decorators import community_page
from naober.communities.models import Community
from naober.communities.permissions import Action
from naober.exchange.models import RequestStatus
from naober.exchange.selectors import request_get
from naober.exchange.views._common import helper_concerns, requester_concerns
from naober.matchmaking.ranking import suggestions
from naober.notify.channels import channel_for
from naober.privacy.ratelimit import rate_limited
from naober.reach import forms, links, policy, selectors, services

SETTINGS = ("self_service", "asks_per_week", "quiet_from", "quiet_until")
#: suggestions the send-out page lists (ticked)
SHOWN = 10


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
    policy.require_may_send(actor, help_request)
    staff = actor.can(Action.MANAGE_EXCHANGE)
    asks = selectors.asks_for_request(actor, help_request)
    is_open = help_request.status in (RequestStatus.OPEN, RequestStatus.WAITING_LIST)
    pairs, nearby, place = [], [], None
    if is_open:
        asked = {ask.person_id for ask in asks}
        place, nearby = selectors.everyone_nearby(help_request)
        nearby = [pair for pair in nearby if pair[0].pk not in asked]
    if staff and is_open:
        # the ten best not yet asked: after a send-out the list goes on with the next ones
        suggested = suggestions(actor, help_request, limit=SHOWN + len(asked))
        # (person, reasons, concerns, askable): one who has no e-mail or text messages cannot be
        # asked this way; not ticked, and the page says so (the coordinator phones them)
        pairs = [
            (
                s.person,
                s.reasons,
                helper_concerns(actor.community, s.person),
                channel_for(s.person) in services.ASKABLE,
            )
            for s in suggested
            if s.person.pk not in asked
        ]
    whom = _whom(request.POST, staff) if request.method == "POST" else {}
    sending = request.method == "POST" and on_button(
        request, lambda: services.send(actor, help_request, **whom)
    )
    if sending:
        callout, sent = sending
        text = ngettext("%(count)s helper asked.", "%(count)s helpers asked.", sent)
        messages.success(request, text % {"count": sent})
        # ticked but left out by the service's limits: say who and why, or the coordinator
        # wonders (and cannot phone them instead)
        skipped = selectors.not_asked(callout, whom.get("helpers", []))
        if skipped:
            text = ngettext(
                "Not asked now: %(names)s (no e-mail or text messages, or asked as often this "
                "week as they allow). You can phone them yourself.",
                "Not asked now: %(names)s (no e-mail or text messages, or asked as often this "
                "week as they allow). You can phone them yourself.",
                len(skipped),
            )
            messages.info(request, text % {"names": ", ".join(p.name for p in skipped)})
        target = reverse("reach:send_out", args=[actor.community.slug, request_id])
        back = _back(request, actor)
        return redirect(f"{target}?back={quote(back)}" if back else target)
    return render(
        request,
        "reach/send_out.html",
        {
            "actor": actor,
            "community": actor.community,
            "help_request": help_request,
            "summary": services.public_summary(help_request),
            "suggestions": pairs,
            "requester_concerns": requester_concerns(help_request.requester) if staff else [],
            "nearby": nearby,
            "place": place,
            "back": _back(request, actor),
            "asks": asks,
            "staff": staff,
            "is_open": is_open,
            "status": help_request.get_status_display(),
        },
    )


def _whom(posted, staff: bool) -> dict:
    """Who the form chose: everyone in the street or village, or the ticked suggestions
    (coordinators), or the best five (a resident sending their own request out)."""
    if posted.get("who") == "everyone":
        return {"everyone": True}
    if staff:
        return {"helpers": [int(v) for v in posted.getlist("helpers") if v.isdigit()][:100]}
    return {"top": 5}


def _back(request, actor) -> str:
    """Where the coordinator came from (the intake screen), to return to after sending."""
    back = request.POST.get("back") or request.GET.get("back") or ""
    prefix = f"/c/{actor.community.slug}/"
    return back if back.startswith(prefix) and "//" not in back and len(back) < 300 else ""


@community_page(Action.MANAGE_EXCHANGE)
def settings_page(request, actor):
    """A coordinator sets the community's call-out rules: quiet hours, self-service, how often."""
    rules = services.settings_of(actor.community)
    initial = {key: getattr(rules, key) for key in SETTINGS}
    form = forms.SettingsForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.update_settings(actor, **form.cleaned_data))
    ):
        messages.success(request, _("The settings have been saved."))
        return redirect("reach:settings", slug=actor.community.slug)
    return render(
        request, "reach/settings.html", {"actor": actor, "community": actor.community, "form": form}
    )


@community_page(Action.OFFER_HELP)
def my_limit(request, actor):
    """A helper says how often they may be asked to help per week (their own setting)."""
    if actor.person is None:
        raise Http404
    default = services.settings_of(actor.community).asks_per_week
    own = services.limit_of(actor.person)
    form = forms.LimitForm(
        request.POST or None, default=default, initial={"asks_per_week": "" if own is None else own}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.set_own_limit(actor, form.cleaned_data["asks_per_week"]))
    ):
        messages.success(request, _("Your choice has been saved."))
        return redirect("reach:my_limit", slug=actor.community.slug)
    return render(
        request, "reach/my_limit.html", {"actor": actor, "community": actor.community, "form": form}
    )
