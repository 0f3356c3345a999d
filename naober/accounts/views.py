"""Pages for letting people in. Thin: parse the form, call invitations, signup or logincodes."""

import re

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.accounts import codes, delivery, invitations, logincodes, signup
from naober.accounts.forms import (
    ActivateForm,
    InviteForm,
    JoinForm,
    LoginCodeForm,
    LoginCodeRequestForm,
    RejectForm,
    VerifyForm,
)
from naober.accounts.invitations import InvalidCode
from naober.accounts.models import Via
from naober.base.forms import apply_errors
from naober.communities.decorators import community_page
from naober.communities.models import Community, SelfSignup
from naober.communities.permissions import Action, is_allowed
from naober.people.selectors import person_get
from naober.privacy import twofactor
from naober.privacy.ratelimit import allow, client_ip, rate_limited, too_many

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LOGIN_CODE_SESSION_KEY = "accounts_login_code_for"


# --- where a login lands -------------------------------------------------------------------


def after_login(request):
    """Each person lands in their own community, or chooses when they belong to several.

    Coordinators land on the workbench, where their day starts (its queues, the intake screen);
    a funder on the figures (the impact dashboard); everyone else on the community's home."""
    if not request.user.is_authenticated:
        return redirect("login")
    people = list(
        request.user.people.filter(erased_at__isnull=True)
        .select_related("community")
        .prefetch_related("memberships")
        .order_by("community__name")
    )
    if len(people) == 1:
        person = people[0]
        roles = frozenset(membership.role for membership in person.memberships.all())
        if is_allowed(roles, Action.MANAGE_COMMUNITY) and not person.community.phone:
            # A new community's administrator starts with the help desk: until it has a phone
            # number, nothing tells residents how to reach anyone.
            messages.info(
                request,
                _(
                    "Welcome. Start here: the help desk's phone number and hours. Then the areas "
                    "and the kinds of help (the links above), and then invite the coordinators "
                    "under People."
                ),
            )
            return redirect("setup:settings", slug=person.community.slug)
        if is_allowed(roles, Action.MANAGE_EXCHANGE):
            return redirect("exchange:workbench", slug=person.community.slug)
        if is_allowed(roles, Action.VIEW_AGGREGATES) and not is_allowed(
            roles, Action.VIEW_EXCHANGE
        ):
            # A funder sees figures only: the dashboard is their page, not the neighbours' board.
            return redirect("impact:dashboard", slug=person.community.slug)
        return redirect("community_home", slug=person.community.slug)
    if not people and request.user.is_superuser:
        # The platform administrator belongs to no community: his work (starting communities) is
        # on the start page, not behind "ask the coordinator of your neighbourhood to invite you".
        return redirect("home")
    return render(request, "accounts/choose_community.html", {"my_people": people})


# --- invitations ---------------------------------------------------------------------------


@community_page(Action.INVITE_PEOPLE, hide=True)
def invite(request, actor, person_id):
    person = person_get(actor, person_id)
    if person.user_id is not None:
        messages.info(request, _("%(name)s can already log in.") % {"name": person.name})
        return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    form = InviteForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            issued = invitations.invite(person, form.cleaned_data["via"], by=actor)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if issued.invitation.via == Via.LETTER:
                return invitation_letter(request, actor, person, issued)
            messages.success(
                request,
                _("The invitation has been sent to %(name)s.") % {"name": person.name},
            )
            return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    return render(
        request,
        "accounts/invite.html",
        {"community": actor.community, "actor": actor, "person": person, "form": form},
    )


@require_POST
@community_page(Action.INVITE_PEOPLE, hide=True)
def revoke(request, actor, person_id):
    person = person_get(actor, person_id)
    if invitations.revoke(actor, person):
        messages.success(request, _("The invitation has been withdrawn: its code no longer works."))
    return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)


def invitation_letter(request, actor, person, issued):
    """The printable letter. The code exists only in this answer: printing again needs a new one.
    Also the answer of setup's one-step invitation sent by letter."""
    return render(
        request,
        "accounts/invitation_letter.html",
        {
            "community": actor.community,
            "actor": actor,
            "person": person,
            "code": codes.grouped(issued.code),
            "invitation": issued.invitation,
            "phone": delivery.desk_phone(actor.community),
            "activate_url": request.build_absolute_uri(reverse("activate")),
        },
    )


@rate_limited("code")
def activate(request):
    """Anyone with a code: choose a user name and password, then land in the neighbourhood."""
    form = ActivateForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = invitations.activate(data["code"], data["username"], data["password"])
        except InvalidCode:
            form.add_error(
                "code",
                _(
                    "This code does not work: it is unknown, already used or expired. "
                    "Call the help desk for a new one."
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            login(request, user, backend=MODEL_BACKEND)
            twofactor.allow_setup_after_activation(request.session, user)
            messages.success(request, _("Welcome! You are now logged in."))
            return redirect("after_login")
    return render(request, "accounts/activate.html", {"form": form})


# --- signing up ----------------------------------------------------------------------------


def _public_community(slug: str) -> Community:
    community = Community.objects.filter(slug=slug).first()
    if community is None:
        raise Http404
    return community


@rate_limited("public_form")
def join(request, slug):
    community = _public_community(slug)
    if (
        request.user.is_authenticated
        and request.user.people.filter(community=community, erased_at__isnull=True).exists()
    ):
        return redirect("community_home", slug=slug)  # a member needs no sign-up
    if community.self_signup == SelfSignup.CLOSED:
        return render(
            request,
            "accounts/join_closed.html",
            {"community": community, "phone": delivery.desk_phone(community)},
            status=403,
        )
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:  # the honeypot: answer as if all went well, store nothing
            return redirect("accounts:join_sent", slug=slug)
        try:
            row = signup.submit(community, data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            request.session["accounts_join_via"] = row.via
            return redirect("accounts:join_sent", slug=slug)
    phone = delivery.desk_phone(community)
    return render(
        request,
        "accounts/join.html",
        {"community": community, "form": form, "phone": phone, "phone_link": _tel(phone)},
    )


def _tel(phone: str):
    """A tap-to-call link for the desk's number."""
    return format_html('<a href="tel:{}">{}</a>', re.sub(r"[^0-9+]", "", phone), phone)


def join_sent(request, slug):
    community = _public_community(slug)
    return render(
        request,
        "accounts/join_sent.html",
        {
            "community": community,
            "via": request.session.get("accounts_join_via", Via.EMAIL),
            "form": VerifyForm(),
        },
    )


@rate_limited("code")
def join_verify(request, slug):
    """The e-mail link (?code=) or the SMS code typed in: confirms the sign-up."""
    community = _public_community(slug)
    raw = request.POST.get("code") if request.method == "POST" else request.GET.get("code")
    form = VerifyForm(request.POST or None)
    if raw:
        if request.method == "GET" and not allow("code", client_ip(request)):
            return too_many(request)
        try:
            join_row, issued = signup.verify(community, raw)
        except InvalidCode:
            form = VerifyForm({"code": raw})
            form.is_valid()
            form.add_error("code", _("This code does not work: it is unknown, used or expired."))
        else:
            if issued is not None:
                return redirect(reverse("activate") + f"?code={issued.code}")
            return render(request, "accounts/join_waiting.html", {"community": community})
    return render(
        request, "accounts/join_sent.html", {"community": community, "via": Via.SMS, "form": form}
    )


@community_page(Action.MANAGE_JOIN_REQUESTS)
def join_requests(request, actor):
    rows = list(signup.pending(actor)[:200])
    for row in rows:
        row.candidates = list(signup.merge_candidates(actor, row)[:5])
    return render(
        request,
        "accounts/join_requests.html",
        {"community": actor.community, "actor": actor, "rows": rows, "reject_form": RejectForm()},
    )


@require_POST
@community_page(Action.MANAGE_JOIN_REQUESTS)
def join_request_approve(request, actor, join_id):
    merge = request.POST.get("merge_with") or None
    try:
        issued = signup.approve(
            actor, join_id, merge_with=int(merge) if merge and merge.isdigit() else None
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Approved. %(name)s has been sent an invitation to log in.")
            % {"name": issued.invitation.person.name},
        )
    return redirect("accounts:join_requests", slug=actor.community.slug)


@require_POST
@community_page(Action.MANAGE_JOIN_REQUESTS)
def join_request_reject(request, actor, join_id):
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write down why, for the person and your colleagues."))
        return redirect("accounts:join_requests", slug=actor.community.slug)
    try:
        row = signup.reject(actor, join_id, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The sign-up of %(name)s was rejected.") % {"name": row.name})
    return redirect("accounts:join_requests", slug=actor.community.slug)


# --- login codes ---------------------------------------------------------------------------


@rate_limited("code")
def login_code_request(request):
    form = LoginCodeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        identifier = form.cleaned_data["identifier"]
        logincodes.request_code(identifier)
        request.session[LOGIN_CODE_SESSION_KEY] = identifier
        return redirect("login_code_enter")
    return render(request, "accounts/login_code_request.html", {"form": form})


@rate_limited("code")
def login_code_enter(request):
    identifier = request.session.get(LOGIN_CODE_SESSION_KEY)
    if not identifier:
        return redirect("login_code")
    form = LoginCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = logincodes.check_code(identifier, form.cleaned_data["code"])
        if user is None:
            form.add_error(
                "code",
                _("This code is not right or no longer works. Ask for a new code."),
            )
        else:
            request.session.pop(LOGIN_CODE_SESSION_KEY, None)
            login(request, user, backend=MODEL_BACKEND)
            return redirect("after_login")
    return render(request, "accounts/login_code_enter.html", {"form": form})
