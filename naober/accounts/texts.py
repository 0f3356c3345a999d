"""What the code messages say, in the recipient's language, with the desk's phone number."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from naober.accounts.codes import grouped
from naober.accounts.delivery import Outgoing


def _call(phone: str, *, inviter: str = "", platform_contact: str | None = None) -> str:
    """Whom to ask: the help desk; without a desk number the person who invited them, or, for a
    new community's first administrator (no desk, no coordinator yet), the platform administrator.
    """
    if phone:
        return _("Questions? Call the help desk on %(phone)s.") % {"phone": phone}
    if platform_contact is not None:
        if platform_contact:
            return _(
                "Questions? Ask the administrator of the Naober platform, who started this "
                "community for you: %(contact)s."
            ) % {"contact": platform_contact}
        return _(
            "Questions? Ask the administrator of the Naober platform, who started this "
            "community for you."
        )
    if inviter:
        return _("Questions? Ask %(name)s, who invited you.") % {"name": inviter}
    return _("Questions? Call the coordinator.")


def link(path: str) -> str:
    return settings.SITE_URL + path


def invitation(
    *,
    name: str,
    community,
    code: str,
    phone: str,
    language: str,
    inviter: str = "",
    platform_contact: str | None = None,
) -> Outgoing:
    with translation.override(language):
        url = link(reverse("activate")) + f"?code={code}"
        body = (
            _("Dear %(name)s,") % {"name": name}
            + "\n\n"
            + _(
                "You can now log in to %(community)s yourself. Open this link and choose a user "
                "name and password:"
            )
            % {"community": community.name}
            + f"\n\n{url}\n\n"
            + _("The link works once and for %(days)s days.") % {"days": settings.INVITATION_DAYS}
            + "\n\n"
            + _call(phone, inviter=inviter, platform_contact=platform_contact)
        )
        sms = _(
            "Naober %(community)s: your code to log in for the first time is %(code)s. "
            "Enter it at %(url)s"
        ) % {"community": community.name, "code": grouped(code), "url": link(reverse("activate"))}
        return Outgoing(
            subject=_("Your login for %(c)s") % {"c": community.name}, body=body, sms=sms
        )


def login_code(*, code: str, minutes: int, language: str) -> Outgoing:
    with translation.override(language):
        text = _("Your Naober login code is %(code)s. It works once, for %(minutes)s minutes.") % {
            "code": code,
            "minutes": minutes,
        }
        body = text + "\n\n" + _("Did you not ask for it? Then you can ignore this message.")
        return Outgoing(subject=_("Your login code"), body=body, sms=text)


def join_check(*, name: str, community, code: str, language: str) -> Outgoing:
    with translation.override(language):
        url = link(reverse("accounts:join_verify", kwargs={"slug": community.slug}))
        body = (
            _("Dear %(name)s,") % {"name": name}
            + "\n\n"
            + _("Thank you for signing up for %(community)s. Please confirm your e-mail address:")
            % {"community": community.name}
            + f"\n\n{url}?code={code}\n\n"
            + _("Did you not sign up? Then you can ignore this message.")
        )
        sms = _("Naober %(community)s: your code to confirm your sign-up is %(code)s.") % {
            "community": community.name,
            "code": grouped(code),
        }
        return Outgoing(subject=_("Confirm your sign-up"), body=body, sms=sms)


def join_rejected(*, name: str, community, reason: str, phone: str, language: str) -> Outgoing:
    with translation.override(language):
        text = _("Naober %(community)s: we cannot give you a login.") % {
            "community": community.name
        }
        if reason:
            text += " " + reason
        body = _("Dear %(name)s,") % {"name": name} + "\n\n" + text + "\n\n" + _call(phone)
        return Outgoing(subject=_("Your sign-up"), body=body, sms=text)
