"""Pages to set up and enter the second factor (a code from an authenticator app)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from naober.communities.decorators import community_page
from naober.privacy import twofactor
from naober.privacy.forms import OneTimeCodeForm


def _next(request, actor):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return f"/c/{actor.community.slug}/"


@community_page()
def setup(request, actor):
    """Show a new secret (as text and as an otpauth link); a correct first code confirms it."""
    if twofactor.confirmed_device(request.user) is not None:
        return redirect("privacy:2fa_verify", slug=actor.community.slug)
    device = twofactor.unconfirmed_device(request.user)
    form = OneTimeCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(
            request, _("Two-step login is on. From now on you enter a code after your password.")
        )
        return redirect(_next(request, actor))
    return render(
        request,
        "privacy/2fa_setup.html",
        {
            "community": actor.community,
            "actor": actor,
            "form": form,
            "secret": twofactor.secret_text(device),
            "uri": device.config_url,
            "next": _next(request, actor),
        },
    )


@community_page()
def verify(request, actor):
    """The code step after the password, for everyone who set up a device."""
    device = twofactor.confirmed_device(request.user)
    if device is None:
        return redirect("privacy:2fa_setup", slug=actor.community.slug)
    form = OneTimeCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next(request, actor))
    return render(
        request,
        "privacy/2fa_verify.html",
        {
            "community": actor.community,
            "actor": actor,
            "form": form,
            "next": _next(request, actor),
        },
    )
