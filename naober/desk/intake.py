"""The intake screen: one page for a coordinator on the phone.

Four parts on one URL, each a plain form (no script needed): find or register the caller, enter
the request, propose a suggested helper or put the request on the waiting list, write down the
call-back. Every POST answers with a redirect to the same screen with the next part open; what
is known so far travels in the query string (`person`, `request`). Every write goes through the
people and exchange services.
"""

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from naober.base.errors import DomainError
from naober.base.pages import on_form
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.desk import forms as desk_forms
from naober.desk import intake_forms, selectors
from naober.desk import services as desk_services
from naober.exchange import selectors as exchange_selectors
from naober.exchange import services as exchange_services
from naober.exchange import states as exchange_states
from naober.exchange.models import (
    OPEN_STATES,
    Channel,
    ContactKind,
    ContactOutcome,
    HelpOffer,
    MatchState,
    RequestStatus,
)
from naober.exchange.views._common import helper_concerns, requester_concerns
from naober.matchmaking.ranking import suggestions
from naober.people import selectors as people_selectors
from naober.people import services as people_services
from naober.people.models import ConsentMethod, ConsentPurpose, ContactChannel
from naober.people.phone import normalise


def _id(value) -> int | None:
    return int(value) if str(value or "").isdigit() and len(str(value)) < 12 else None


def _again(actor, **state) -> str:
    query = urlencode({k: v for k, v in state.items() if v})
    return f"/c/{actor.community.slug}/desk/intake/" + (f"?{query}" if query else "")


@community_page(Action.MANAGE_EXCHANGE)
def intake(request, actor):
    """The intake screen; GET shows the open part, POST `step` handles one part."""
    data = request.POST if request.method == "POST" else None
    state = {
        "person": _id(request.GET.get("person")),
        "request": _id(request.GET.get("request")),
    }
    help_request = (
        exchange_selectors.request_get(actor, state["request"]) if state["request"] else None
    )
    person = help_request.requester if help_request else None
    if person is None and state["person"]:
        person = people_selectors.person_get(actor, state["person"])
    step = request.POST.get("step") if data else None
    context = {"community": actor.community, "actor": actor, "caller": person}

    if help_request is None and person is None:
        lookup = desk_forms.LookupForm(request.GET if "q" in request.GET else None)
        found = None
        if lookup.is_valid():
            found = selectors.find_callers(actor, lookup.cleaned_data["q"])
        # nobody found: what was typed fills the new caller's name or number, not typed twice
        initial = _prefill(lookup.cleaned_data["q"]) if found == [] else {}
        if request.GET.get("partial"):  # the live search while typing: only the results
            return render(
                request,
                "desk/includes/intake_found.html",
                {**context, "found": found, "prefill": initial},
            )
        caller_form = intake_forms.CallerForm(
            data if step == "register" else None, initial=initial, community=actor.community
        )
        registered = (
            step == "register"
            and caller_form.is_valid()
            and on_form(
                caller_form,
                lambda: people_services.register_person(actor, _caller_data(caller_form)),
            )
        )
        if registered:
            messages.success(
                request, _("%(name)s has been registered.") % {"name": registered.name}
            )
            return redirect(_again(actor, person=registered.pk))
        context.update(part="find", lookup=lookup, found=found, form=caller_form)
    elif help_request is None:
        categories = exchange_selectors.categories_of(actor.community)
        form = intake_forms.IntakeRequestForm(
            data if step == "request" else None, categories=categories
        )
        entered = (
            step == "request"
            and form.is_valid()
            and on_form(form, lambda: _enter_request(actor, person, form.cleaned_data))
        )
        if entered:
            messages.success(
                request, _("Request %(code)s has been entered.") % {"code": entered.code}
            )
            return redirect(_again(actor, request=entered.pk))
        context.update(
            part="request", form=form, open_requests=selectors.open_requests_of(actor, person)
        )
    else:
        matching = people_selectors.current_consents(help_request.requester)[
            ConsentPurpose.MATCHING
        ]
        refused = matching is not None and not matching.granted
        if step in ("propose", "wait"):
            try:
                if step == "propose" and refused:  # her answer, given on this call, stands
                    raise ValidationError(_refused_message(help_request.requester))
                done = _decide(actor, help_request, step, request.POST.get("offer"))
            except ValidationError as error:
                context["error"] = " ".join(error.messages)
            except DomainError as error:  # someone else took the request or the helper meanwhile
                context["error"] = error.message
            else:
                messages.success(request, done)
                return redirect(_again(actor, request=help_request.pk))
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        visit = not help_request.requester.phone  # nobody can call her back: someone goes round
        form = intake_forms.CallbackForm(
            data if step == "callback" else None, initial={"day": tomorrow}, visit=visit
        )
        if (
            step == "callback"
            and form.is_valid()
            and on_form(form, lambda: _call_back(actor, help_request, form.cleaned_data, visit))
        ):
            messages.success(
                request,
                _("The visit has been written down.")
                if visit
                else _("The call-back has been written down."),
            )
            return redirect(_again(actor, request=help_request.pk))
        open_for_helper = help_request.status in (RequestStatus.OPEN, RequestStatus.WAITING_LIST)
        proposable = (
            [
                (s, helper_concerns(actor.community, s.person))
                for s in suggestions(actor, help_request, limit=5)
            ]
            if open_for_helper and not refused
            else []
        )
        open_match = (
            exchange_selectors.match_list(actor, request=help_request.pk)
            .filter(state__in=OPEN_STATES)
            .first()
        )
        # she is on the line: her yes to the helper just proposed is one button here, not a
        # visit to the match page
        her_yes = bool(
            open_match
            and open_match.state == MatchState.PROPOSED
            and exchange_states.REQUESTER in exchange_services.missing_yes(open_match)
        )
        # refused: the waiting list (the step her answer leaves) has the focus, in the template
        wait_first = refused and help_request.status == RequestStatus.OPEN
        if (
            not proposable
            and not her_yes
            and not wait_first
            and "error" not in context
            and not form.errors
        ):
            # nobody left to propose (just proposed, or nobody fits): the keyboard starts at
            # the call-back, not at the top of the page 20 tabs away
            form.fields["day"].widget.attrs["autofocus"] = True
        context.update(
            part="decide",
            help_request=help_request,
            suggestions=proposable,
            requester_concerns=[_refused_message(help_request.requester)]
            if refused
            else requester_concerns(help_request.requester),
            refused=refused,
            # with a helper found (proposed, or a yes to a send-out) the next step is the match
            open_match=open_match,
            her_yes=her_yes,
            may_wait=help_request.status == RequestStatus.OPEN,
            wait_first=wait_first and "error" not in context,
            form=form,
            visit=visit,
        )
    return render(request, "desk/intake.html", context)


def _refused_message(person) -> str:
    return _(
        "%(name)s does not want their name passed on to a helper, so nobody is proposed here. "
        "Put the request on the waiting list and talk it over at the call-back; if they change "
        "their mind, record the new answer on their card."
    ) % {"name": person.name}


def _prefill(typed: str) -> dict:
    """The caller searched for and not found, as the start of their registration: a number of
    six digits or more (what the search takes as a number) is their phone, anything else
    their name."""
    typed = typed.strip()
    return {"phone": typed} if len(normalise(typed)) >= 6 else {"name": typed}


def _caller_data(form) -> dict:
    """What was said on the phone. A ticked 'only through the coordinator' is the channel itself;
    otherwise people's services derive it from the first way given (never a phone call for
    someone without a phone)."""
    data = dict(form.cleaned_data)
    if data["reachable_via_coordinator"]:
        data["preferred_channel"] = ContactChannel.VIA_COORDINATOR
    return data


def _enter_request(actor, person, cleaned: dict):
    """The request through exchange's services, the consent answer through people's."""
    help_request = exchange_services.create_request(
        actor,
        {
            "category": cleaned["category"],
            "title": cleaned["title"],
            "description": cleaned["description"],
            "urgency": cleaned["urgency"],
            "publish": cleaned["publish"],
            "channel": Channel.PHONE,
        },
        requester=person,
    )
    people_services.record_consent(
        actor,
        person,
        purpose=ConsentPurpose.MATCHING,
        granted=cleaned["matching_consent"] == "yes",
        method=ConsentMethod.SPOKEN,
    )
    return help_request


@transaction.atomic
def _call_back(actor, help_request, cleaned: dict, visit: bool = False) -> None:
    """The call-back gets its own day in the desk's queue (the workbench's "Terugbellen"), and
    the call itself is noted in the requester's contact log. Someone without a phone cannot be
    called back: the promise is a visit (by the coordinator or a neighbour), said so in both."""
    day = date_format(cleaned["day"], "j F Y")  # "9 december 2026", as the pages write it
    said = (_("Go round on %(day)s (no phone).") if visit else _("Call back on %(day)s.")) % {
        "day": day
    }
    note = cleaned["note"]
    desk_services.promise_callback(
        actor,
        person=help_request.requester,
        due_on=cleaned["day"],
        note=" ".join(part for part in (_("Go round (no phone).") if visit else "", note) if part),
        request=help_request,
    )
    exchange_services.log_contact(
        actor,
        person=help_request.requester,
        kind=ContactKind.CALL,
        outcome=ContactOutcome.CALL_BACK,
        note=said + (f" {note}" if note else ""),
        request=help_request,
    )


def _decide(actor, help_request, step: str, offer_id) -> str:
    """Propose the chosen helper, or put the request on the waiting list; returns what to tell
    the coordinator, who otherwise saw the same screen come back without a word."""
    if step == "wait":
        exchange_services.move_to_waiting_list(actor, help_request)
        return _("The request is on the waiting list.")
    offer = HelpOffer.objects.filter(community=actor.community, pk=_id(offer_id)).first()
    if offer is None:
        raise ValidationError(_("Choose one of the suggested helpers."))
    exchange_services.propose(actor, help_request, offer)
    return _("%(name)s has been proposed as helper.") % {"name": offer.helper.name}
