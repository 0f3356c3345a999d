"""Pages to set up and enter the second factor (a code from an authenticator app).

Each page exists inside a community (/c/<slug>/security/2fa/...) and, for a login without a person
in any community (a platform superuser), at /security/2fa/... with the plain layout.
Setting up takes two steps: the one-time setup code from an administrator, then the first code of
the app. The setup code is used up only when the app is confirmed.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from naober.base.next_url import local_next
from naober.communities.decorators import community_page
from naober.privacy import twofactor
from naober.privacy.forms import OneTimeCodeForm, SetupCodeForm
from naober.privacy.ratelimit import allow, too_many


def _next(request, community):
    return local_next(request, f"/c/{community.slug}/" if community else "/")


def _next_query(request, community) -> str:
    return urlencode({"next": _next(request, community)})


def _here(community, step: str) -> str:
    if community is None:
        return reverse(f"2fa_{step}")
    return reverse(f"privacy:2fa_{step}", kwargs={"slug": community.slug})


def _context(request, community, actor, **extra) -> dict:
    return {"community": community, "actor": actor, "next": _next(request, community), **extra}


def _allowed_code(request):
    """The setup code this session has shown, if it is still unused and unexpired."""
    pk = request.session.get(twofactor.SESSION_KEY)
    return twofactor.usable_setup_code(request.user, pk=pk) if pk else None


def _setup(request, community, actor):
    """Step 1: the setup code from an administrator. Step 2: the secret and the app's first code."""
    setup_code = _allowed_code(request)
    if setup_code is None:
        form = SetupCodeForm(
            request.POST or None,
            user=request.user,
            initial={"setup_code": request.GET.get("code", "")[:40]},
        )
        if request.method == "POST":
            # Guessing is hopeless (60 random bits), but every try is still counted per login.
            if not allow("login", f"2fa-setup:{request.user.pk}"):
                return too_many(request)
            if form.is_valid():
                request.session[twofactor.SESSION_KEY] = form.setup_code.pk
                return redirect(_here(community, "setup") + "?" + _next_query(request, community))
        return render(
            request, "privacy/2fa_setup_code.html", _context(request, community, actor, form=form)
        )
    device = twofactor.unconfirmed_device(request.user)
    form = OneTimeCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        if twofactor.confirm_device(request.user, device, setup_code):
            request.session.pop(twofactor.SESSION_KEY, None)
            otp_login(request, device)
            messages.success(
                request,
                _("Two-step login is on. From now on you enter a code after your password."),
            )
            return redirect(_next(request, community))
        return redirect(_here(community, "setup"))
    return render(
        request,
        "privacy/2fa_setup.html",
        _context(
            request,
            community,
            actor,
            form=form,
            secret=twofactor.secret_text(device),
            uri=device.config_url,
        ),
    )


def _verify(request, community, actor):
    """The code step after the password, for everyone who set up a device."""
    device = twofactor.confirmed_device(request.user)
    if device is None:
        return redirect(_here(community, "setup") + "?" + _next_query(request, community))
    form = OneTimeCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next(request, community))
    return render(
        request,
        "privacy/2fa_verify.html",
        _context(request, community, actor, form=form, setup_url=_here(community, "setup")),
    )


@community_page()
def setup(request, actor):
    return _setup(request, actor.community, actor)


@community_page()
def verify(request, actor):
    return _verify(request, actor.community, actor)


@login_required
def setup_anywhere(request):
    """The same setup for a login that belongs to no community (a platform superuser)."""
    return _setup(request, None, None)


@login_required
def verify_anywhere(request):
    return _verify(request, None, None)
