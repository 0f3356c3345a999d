"""The second factor at the API's door: POST /token asks for `otp`, staff tokens need one.

Who owes a code and which code app is theirs is privacy's rule (naober/privacy/twofactor.py, the
same one the pages follow). Privacy stands on the API's building blocks and so cannot be imported
here: it hands its rule over when Django starts (PrivacyConfig.ready). Without it every token is
refused rather than let through unchecked.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from naober.api.errors import ApiError

_twofactor = None


def connect(rules) -> None:
    """Called once by the privacy app: `rules` offers pending_step, confirmed_device and
    token_needs_second_factor (privacy.twofactor)."""
    global _twofactor
    _twofactor = rules


def _rules():
    if _twofactor is None:
        raise ImproperlyConfigured("naober.privacy holds the two-step login rule: install it")
    return _twofactor


def check_for_token(user, otp: str | None) -> bool:
    """True when a code was verified; raises 403/401 when the user owes one (pages rule alike).

    A user with a code app must send its current code; staff and superusers without one must set
    it up on the website first (with a setup code from their administrator).
    """
    twofactor = _rules()
    step = twofactor.pending_step(user)
    if step is None:
        return False
    if step == "setup":
        raise ApiError(
            403,
            "second_factor_required",
            _("Set up two-step login on the website first, then send the code from your app."),
        )
    if not otp:
        raise ApiError(
            403,
            "second_factor_required",
            _("Send the 6-digit code from your authenticator app as otp."),
        )
    device = twofactor.confirmed_device(user)
    if device is None or not device.verify_token("".join(otp.split())):
        raise ApiError(401, "invalid_otp", _("This code is not right. Try the newest code."))
    return True


def require_for_token(token) -> None:
    """A staff token issued without a code stops working while the second factor is required."""
    if not token.second_factor and _rules().token_needs_second_factor(token.user):
        raise ApiError(
            403,
            "second_factor_required",
            _("Get a new token with the code from your authenticator app."),
        )
