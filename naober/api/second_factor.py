"""The second factor at the API's door: POST /token asks for `otp`, staff tokens need one."""

from django.utils.translation import gettext as _

from naober.api.errors import ApiError
from naober.privacy import twofactor


def check_for_token(user, otp: str | None) -> bool:
    """True when a code was verified; raises 403/401 when the user owes one (pages rule alike).

    A user with a code app must send its current code; staff and superusers without one must set
    it up on the website first (with a setup code from their administrator).
    """
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
    if not token.second_factor and twofactor.token_needs_second_factor(token.user):
        raise ApiError(
            403,
            "second_factor_required",
            _("Get a new token with the code from your authenticator app."),
        )
