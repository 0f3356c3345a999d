"""Hardening middleware: strict security headers, a login rate limit, staff two-factor checks."""

from urllib.parse import urlencode

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse

from naober.privacy import twofactor
from naober.privacy.ratelimit import allow, client_ip, too_many

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)
# The interactive API docs load Swagger UI from a CDN with an inline start script.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: "
    "https://django-ninja.dev; frame-ancestors 'none'; base-uri 'self'"
)
HEADERS = {
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy: no inline scripts or styles, nothing from other sites."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = DOCS_POLICY if request.path.startswith("/api/v1/docs") else CONTENT_SECURITY_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


class RateLimitMiddleware:
    """Limit login attempts per address (the site's login and the admin's), on top of the
    per-account lockout of django-axes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path in (reverse("login"), reverse("admin:login"))
            and not allow("login", client_ip(request))
        ):
            return too_many(request)
        return self.get_response(request)


# Pages a staff member without a verified second factor may still open.
TWO_FACTOR_FREE_PREFIXES = ("/static/", "/api/", "/i18n/", "/accounts/logout/")


class StaffTwoFactorMiddleware:
    """Coordinators and administrators confirm a one-time code after their password.

    Anyone with a confirmed device must enter a code before any page. With REQUIRE_2FA_FOR_STAFF on,
    staff and superusers without a device are first sent to set one up (also on /beheer/). The API
    asks for the code when it hands out a token (POST /api/v1/token, see docs/api.md).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or user.is_verified()
            or request.path.startswith(TWO_FACTOR_FREE_PREFIXES)
            or "/security/" in request.path
        ):
            return self.get_response(request)

        target = twofactor.pending_step(user)
        if target is None:
            return self.get_response(request)
        if request.headers.get("Sec-Fetch-Mode", "navigate") != "navigate":
            # A page script's fetch (a polling widget): a redirect would put the code page
            # inside the page; refuse instead until the person has entered their code.
            return HttpResponseForbidden()
        slug = twofactor.community_for(user, request.path)
        if slug is None:  # a login without a person anywhere, such as a platform superuser
            url = reverse(f"2fa_{target}")
        else:
            url = reverse(f"privacy:2fa_{target}", kwargs={"slug": slug})
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
