"""Pages of matches: "my help", one match with its step buttons, taking a step or saying yes, the
introduction meeting, pausing for review, and contact notes on a request or match.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.errors import DomainError, refusal
from naober.base.next_url import local_next
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.exchange import selectors, services, states
from naober.exchange.forms import (
    ContactLogForm,
    IntroductionForm,
    ReviewForm,
)
from naober.exchange.models import MatchState
from naober.exchange.steps import YES, next_steps
from naober.exchange.views._common import (
    WORKBENCH_ROWS,
    _back,
    _page,
    on_button,
    on_form,
    proposal_concerns,
)

# The steps that end a match: the button first asks "are you sure?" on a page of its own (no
# JavaScript needed), which says what happens next.
ENDING_STEPS = (MatchState.DECLINED, MatchState.STOPPED)


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
        events=selectors.events_of(match, staff=staff, me=getattr(actor.person, "pk", None)),
        safety_advice=selectors.SAFETY_ADVICE,
        is_staff=staff,
        can_introduce=MatchState.INTRODUCED in services.allowed_transitions(actor, match),
        **context,
    )


@require_POST
@community_page(Action.VIEW_EXCHANGE)
def match_step(request, actor, match_id):
    match = selectors.match_get(actor, match_id)
    to = request.POST.get("to", "")[:16]
    note = request.POST.get("note", "")
    fallback = f"/c/{actor.community.slug}/matches/{match.pk}/"
    try:
        if to.startswith(YES):
            match = services.say_yes(actor, match, to.removeprefix(YES), note)
        else:
            services.transition(actor, match, to, note)
    except (ValidationError, DomainError, PermissionDenied) as error:
        messages.error(request, refusal(error))
    else:
        messages.success(request, _step_done(actor, match, to))
    return _back(request, fallback)


@community_page(Action.VIEW_EXCHANGE)
def match_end(request, actor, match_id):
    """ "Are you sure?" before a no or a stop, with what happens next; the button on this page
    posts the step (match_step). A step that is not (or no longer) allowed: back to the match."""
    match = selectors.match_get(actor, match_id)
    to = request.GET.get("to", "")[:16]
    back = local_next(request, f"/c/{actor.community.slug}/matches/{match.pk}/")
    if to not in ENDING_STEPS or to not in services.allowed_transitions(actor, match):
        return redirect(back)
    label = dict(next_steps(actor, match)).get(to, MatchState(to).label)
    return _page(
        request,
        actor,
        "exchange/match_end.html",
        match=match,
        to=to,
        label=label,
        back=back,
        what_next=_what_happens_next(actor, match, to),
        on_behalf=_on_behalf(actor, match),
    )


def _on_behalf(actor, match) -> bool:
    """A coordinator who is neither side: records the step for the neighbours."""
    return getattr(actor.person, "pk", None) not in (match.request.requester_id, match.helper_id)


def _what_happens_next(actor, match, to: str) -> str:
    """In plain words: what a no or a stop sets going, for the person about to press it."""
    requester, helper = match.request.requester, match.helper
    if _on_behalf(actor, match):
        return _(
            "The request is then open again: you can propose another helper. %(requester)s "
            "and %(helper)s both get a message."
        ) % {"requester": requester.name, "helper": helper.name}
    if match.helper_id == actor.person.pk:
        if to == MatchState.DECLINED:
            return _(
                "The coordinator then looks for someone else to help %(name)s. You do not need "
                "to do anything else."
            ) % {"name": requester.display_name}
        return _(
            "Your help to %(name)s then stops. The coordinator will contact you both about "
            "what happens next."
        ) % {"name": requester.display_name}
    if to == MatchState.DECLINED:
        return _(
            "Your request stays open: the coordinator looks for someone else to help you. You "
            "do not need to do anything else."
        )
    return _(
        "The help of %(name)s then stops. Your request is open again and the coordinator will "
        "contact you about what happens next."
    ) % {"name": helper.display_name}


def _step_done(actor, match, to: str) -> str:
    """What the person who pressed a step button reads next."""
    if to == MatchState.DECLINED and not selectors.is_staff(actor):
        # a neighbour's own no: "Saved: declined" read as a verdict; then what happens next
        return " ".join(
            (
                _("You said no. That is fine: thank you for letting us know."),
                _("The coordinator looks for someone else. You do not need to do anything else.")
                if match.helper_id == actor.person.pk
                else _("Your request stays open: the coordinator looks for someone else."),
            )
        )
    if not to.startswith(YES):
        return _("Saved: %(state)s.") % {"state": MatchState(to).label}
    on_behalf = _on_behalf(actor, match)
    if match.state == MatchState.ACCEPTED:
        if on_behalf:  # the coordinator reads what is theirs to do, not the neighbours' words
            return _("Both said yes. Plan the introduction meeting, or let them know how to meet.")
        return _("Both said yes. You can now see how to reach each other.")
    other = (
        match.helper if states.HELPER in services.missing_yes(match) else match.request.requester
    )
    if on_behalf:
        return _("The yes is saved. Now we wait for the yes of %(name)s.") % {"name": other.name}
    return _("Thank you, the yes is saved. Now we wait for %(name)s.") % {
        "name": other.display_name
    }


@community_page(Action.MANAGE_EXCHANGE)
def match_introduce(request, actor, match_id):
    """Plan and record the introduction meeting (koppelingsgesprek)."""
    match = selectors.match_get(actor, match_id)
    form = IntroductionForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(
            form,
            lambda: services.transition(  # the history says "De kennismaking is gepland"
                actor, match, MatchState.INTRODUCED, "", **form.cleaned_data
            ),
        )
    ):
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
        if on_button(
            request,
            lambda: services.log_contact(
                actor, request=help_request, match=match, **form.log_data()
            ),
        ):
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
