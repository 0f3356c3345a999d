"""What each notification says, per event, in plain language (B1).

Every function returns the subject, the full text (email, letter, what a coordinator says on the
phone) and a short SMS text. They are called inside `translation.override(<person's language>)`,
so every string goes through gettext in the recipient's language.

The context holds model instances of other apps (exchange, outreach, directory) whose fields may
still change; `attr()` reads them defensively so that a missing field gives a generic text rather
than an error. Contact details of another person appear only in "match_accepted", and only when
the caller passes `shared_contact` after checking consent.

Why over 400 lines: one short function per event, kept together so a translator and a reviewer
see every text a resident can receive in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import wraps

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from naober.communities.models import Role

SMS_LIMIT = 160
TITLE_IN_SMS = 40


@dataclass(frozen=True)
class Texts:
    subject: str
    body: str
    sms: str


def attr(obj, path: str, default=""):
    """Follow a dotted path of attributes; any missing step gives `default`."""
    for part in path.split("."):
        if obj is None:
            return default
        try:
            obj = getattr(obj, part)
        except Exception:  # noqa: BLE001 (a missing relation or field must not break a message)
            return default
    return default if obj is None else obj


def short(text: str, limit: int = TITLE_IN_SMS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _date(value) -> str:
    """A date in words ("3 maart 2026"), in the active language; "" when there is none."""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    elif not isinstance(value, date):
        return ""
    return date_format(value, "j F Y")


DESK_HOURS = "_desk_hours"


def call_back(phone: str, context: dict | None = None) -> str:
    """The closing line: the help desk's number, and its opening hours when they are set."""
    hours = (context or {}).get(DESK_HOURS, "")
    if phone and hours:
        return _("Questions? Call the coordinator on %(phone)s (%(hours)s).") % {
            "phone": phone,
            "hours": hours,
        }
    if phone:
        return _("Questions? Call the coordinator on %(phone)s.") % {"phone": phone}
    return _("Questions? Call the coordinator.")


def at_the_desk(event: Callable[..., Texts]) -> Callable[..., Texts]:
    """Every message names the help desk: the community's own number and opening hours (its
    settings), the coordinator's number only when the community has none. A text message that
    has room for it ends with the number too."""

    @wraps(event)
    def texts(person, context: dict, phone: str) -> Texts:
        community = attr(person, "community", None)
        desk_phone = str(attr(community, "phone", "")) or phone
        hours = " ".join(str(attr(community, "opening_hours", "")).split())
        written = event(person, {**context, DESK_HOURS: hours}, desk_phone)
        sms = written.sms
        if desk_phone and desk_phone in written.body and desk_phone not in sms:
            ending = " " + _("Call %(phone)s.") % {"phone": desk_phone}
            if len(sms) + len(ending) <= SMS_LIMIT:
                sms += ending
        return Texts(subject=written.subject, body=written.body, sms=sms)

    return texts


def _request_of(context: dict):
    """The help request a match or follow-up is about."""
    for path in ("request", "match.request", "followup.match.request", "followup.request"):
        head, _sep, rest = path.partition(".")
        found = attr(context.get(head), rest, None) if rest else context.get(head)
        if found is not None:
            return found
    return None


def _title(context: dict) -> str:
    return " ".join(str(attr(_request_of(context), "title", "")).split()) or _("your request")


def _about_request(context: dict, phone: str, subject: str, body: str, sms: str) -> Texts:
    """A message about the request by its title: the full text ends with how to call back, the
    SMS names the title shortened. `body` and `sms` hold "%(title)s"."""
    title = _title(context)
    return Texts(
        subject=subject,
        body=body % {"title": title} + "\n\n" + call_back(phone, context),
        sms=sms % {"title": short(title)},
    )


def _other_party(person, context: dict) -> str:
    """The first name of the other person in a match, never more."""
    match = context.get("match")
    requester = attr(match, "request.requester", None)
    helper = attr(match, "helper", None) or attr(match, "offer.helper", None)
    other = (
        helper if requester is not None and attr(requester, "pk", None) == person.pk else requester
    )
    return str(attr(other, "display_name", "")) or _("a neighbour")


def request_received(person, context: dict, phone: str) -> Texts:
    hours = context.get("deadline_hours") or 48
    title = _title(context)
    return Texts(
        subject=_("We have received your request"),
        body=_(
            'We have received your request "%(title)s". You will hear from us within '
            "%(hours)s hours."
        )
        % {"title": title, "hours": hours}
        + "\n\n"
        + call_back(phone, context),
        sms=_(
            'Naober: we have received your request "%(title)s". You will hear from us within '
            "%(hours)s hours."
        )
        % {"title": short(title), "hours": hours},
    )


def match_link(person, context: dict) -> str:
    """The address of the match's page, where this person says yes or no (after logging in);
    "" for someone without a login, who hears it from the coordinator."""
    match_id = attr(context.get("match"), "pk", None)
    slug = str(attr(person, "community.slug", ""))
    if not (match_id and slug and attr(person, "user_id", None)):
        return ""
    try:
        path = reverse("exchange:match_detail", kwargs={"slug": slug, "match_id": match_id})
    except NoReverseMatch:
        return ""
    return settings.SITE_URL.rstrip("/") + path


def _with_link(sms: str, link: str, fallback: str = "") -> str:
    """The SMS with the link to the answer page when it still fits in one message, else
    `fallback` (or the SMS without the link)."""
    longer = f"{sms} {link}" if link else sms
    return longer if len(longer) <= SMS_LIMIT else (fallback or sms)


def helper_responded(person, context: dict, phone: str) -> Texts:
    title, name = _title(context), _other_party(person, context)
    link = match_link(person, context)
    if link:
        answer = _("Say yes or no on this page (log in first if asked):") + "\n" + link
        body = _('%(name)s would like to help with "%(title)s".') % {"name": name, "title": title}
        body += "\n" + answer
    else:
        body = _(
            '%(name)s would like to help with "%(title)s". Log in to say yes or no, or call '
            "the coordinator."
        ) % {"name": name, "title": title}
    return Texts(
        subject=_("A neighbour wants to help you"),
        body=body + "\n\n" + call_back(phone, context),
        sms=_with_link(
            _('Naober: %(name)s wants to help with "%(title)s". Log in or call the coordinator.')
            % {"name": short(name, 20), "title": short(title)},
            link,
        ),
    )


def match_proposed(person, context: dict, phone: str) -> Texts:
    """To the helper: a coordinator proposes them, or a neighbour asked for their offer. The
    helper says yes or no themselves: with a login on the page the link leads to."""
    link = match_link(person, context)
    if not link:
        return _about_request(
            context,
            phone,
            subject=_("We have a suggestion for you"),
            body=_(
                'We think we have found a good match for "%(title)s". The coordinator will '
                "contact you to talk about it."
            ),
            sms=_(
                'Naober: we have a suggestion for "%(title)s". The coordinator will contact you.'
            ),
        )
    title, name = _title(context), _other_party(person, context)
    body = (
        _('Can you help %(name)s with "%(title)s"?') % {"name": name, "title": title}
        + "\n"
        + _("Say yes or no on this page (log in first if asked):")
        + "\n"
        + link
    )
    return Texts(
        subject=_("Can you help a neighbour?"),
        body=body + "\n\n" + call_back(phone, context),
        sms=_with_link(
            _('Naober: can you help with "%(title)s"? Say yes or no:') % {"title": short(title)},
            link,
            fallback=_(
                'Naober: we have a suggestion for "%(title)s". The coordinator will contact you.'
            )
            % {"title": short(title)},
        ),
    )


def match_accepted(person, context: dict, phone: str) -> Texts:
    title, name = _title(context), _other_party(person, context)
    shared = " ".join(str(context.get("shared_contact") or "").split())[:80]
    body = _(
        'Good news: the help with "%(title)s" can start. You will do this together with %(name)s.'
    ) % {"title": title, "name": name}
    sms = _('Naober: the help with "%(title)s" can start, together with %(name)s.') % {
        "title": short(title),
        "name": short(name, 20),
    }
    if shared:
        contact = _("Contact: %(contact)s") % {"contact": shared}
        body += "\n" + contact
        sms += " " + contact
    return Texts(
        subject=_("The help can start"), body=body + "\n\n" + call_back(phone, context), sms=sms
    )


def match_stopped(person, context: dict, phone: str) -> Texts:
    return _about_request(
        context,
        phone,
        subject=_("The help has stopped"),
        body=_(
            'The help with "%(title)s" has stopped. The coordinator will contact you about '
            "what happens next."
        ),
        sms=_('Naober: the help with "%(title)s" has stopped. The coordinator will contact you.'),
    )


def match_completed(person, context: dict, phone: str) -> Texts:
    return _about_request(
        context,
        phone,
        subject=_("Thank you"),
        body=_(
            'The help with "%(title)s" is done. Thank you! Would you like to help a neighbour '
            "too, in your own way? Let the coordinator know."
        ),
        sms=_(
            'Naober: the help with "%(title)s" is done. Thank you! Would you like to help '
            "someone too? Let us know."
        ),
    )


def followup_due(person, context: dict, phone: str) -> Texts:
    """A reminder for a coordinator, or for the resident a notice that a call is coming."""
    title = _title(context)
    roles = {m.role for m in person.memberships.all()} if person.pk else set()
    if roles & {Role.COORDINATOR, Role.ADMIN}:
        name = str(attr(_request_of(context), "requester.name", "")) or _("the person who asked")
        return Texts(
            subject=_("Follow-up call due"),
            body=_('It is time to call %(name)s and ask how the help with "%(title)s" went.')
            % {"name": name, "title": title},
            sms=_('Naober: time to ask how the help with "%(title)s" went.')
            % {"title": short(title)},
        )
    return Texts(
        subject=_("How did it go?"),
        body=_(
            'We would like to hear how the help with "%(title)s" went. The coordinator will '
            "call you soon."
        )
        % {"title": title}
        + "\n\n"
        + call_back(phone, context),
        sms=_('Naober: how did the help with "%(title)s" go? The coordinator will call you soon.')
        % {"title": short(title)},
    )


def referral_sent(person, context: dict, phone: str) -> Texts:
    referral = context.get("referral")
    organisation = str(attr(referral, "organisation.name", "")) or _("an organisation")
    return Texts(
        subject=_("We have passed on your question"),
        body=_("We have passed on your question to %(organisation)s. They will contact you.")
        % {"organisation": organisation}
        + "\n\n"
        + call_back(phone, context),
        sms=_("Naober: we have passed on your question to %(organisation)s. They will contact you.")
        % {"organisation": short(organisation)},
    )


def signal_outcome(person, context: dict, phone: str) -> Texts:
    """News for whoever raised a signal: only the outcome written for them, never the internal
    notes or the description (it may name the person it is about)."""
    signal = context.get("signal")
    when = _date(attr(signal, "created_at", None))
    if when:
        intro = _(
            "There is news about what you passed on to us on %(date)s. Thank you for that."
        ) % {"date": when}
    else:
        intro = _("There is news about what you passed on to us. Thank you for that.")
    outcome = " ".join(str(attr(signal, "public_outcome", "")).split())
    body = intro + ("\n" + outcome if outcome else "")
    sms = _("Naober: there is news about what you passed on to us.")
    if outcome and len(sms) + len(outcome) < SMS_LIMIT:
        sms += " " + outcome
    else:
        sms += " " + call_back(phone, context)
    return Texts(
        subject=_("News about what you passed on"),
        body=body + "\n\n" + call_back(phone, context),
        sms=sms,
    )


def vog_expiring(person, context: dict, phone: str) -> Texts:
    """For coordinators: certificates of conduct (VOG) that are too old or soon will be."""
    names = []
    for status in list(context.get("volunteers") or [])[:50]:
        name = attr(status, "profile.person.name", "") or attr(status, "person.name", "")
        until = _date(attr(status, "valid_until", None))
        names.append(f"- {name} ({until})" if until else f"- {name}")
    count = len(names)
    body = ngettext(
        "The certificate of conduct (VOG) of %(count)s volunteer is too old or soon will be:",
        "The certificates of conduct (VOG) of %(count)s volunteers are too old or soon will be:",
        count,
    ) % {"count": count}
    return Texts(
        subject=_("Certificates of conduct to renew"),
        body=body + ("\n" + "\n".join(names) if names else ""),
        sms=ngettext(
            "Naober: %(count)s certificate of conduct (VOG) needs renewing. See the website.",
            "Naober: %(count)s certificates of conduct (VOG) need renewing. See the website.",
            count,
        )
        % {"count": count},
    )


def request_waiting(person, context: dict, phone: str) -> Texts:
    """For coordinators (issue 15.2): a request still has no answer and its promise runs out."""
    request = _request_of(context)
    title = _title(context)
    code = str(attr(request, "code", ""))
    by = attr(request, "answer_by", None)
    when = timezone.localtime(by).strftime("%H:%M") if isinstance(by, datetime) else ""
    body = _('Nobody has answered the request "%(title)s" (%(code)s) yet.') % {
        "title": title,
        "code": code,
    }
    if by:
        body += " " + _("We promised an answer by %(date)s at %(time)s.") % {
            "date": _date(by),
            "time": when,
        }
    return Texts(
        subject=_("A request is still waiting for an answer"),
        body=body,
        sms=_('Naober: "%(title)s" (%(code)s) has no answer yet.')
        % {"title": short(title), "code": code},
    )


def request_in_progress(person, context: dict, phone: str) -> Texts:
    """For the requester at half the promise: we have not forgotten you."""
    return _about_request(
        context,
        phone,
        subject=_("We are working on it"),
        body=_(
            'We are working on your request "%(title)s". We are still looking for someone who '
            "can help and will let you know as soon as we have found someone."
        ),
        sms=_('Naober: we are working on your request "%(title)s".'),
    )


def acute_signal(person, context: dict, phone: str) -> Texts:
    """For the core group and the coordinator on duty: an acute signal, never its contents."""
    return Texts(
        subject=_("Acute signal: please look at it today"),
        body=_(
            "A signal marked 'acute: act today' has just come in. Please look at it today on the "
            "signals page and decide who acts."
        ),
        sms=_("Naober: an acute signal has come in. Please look at it today."),
    )


def door_arrival(person, context: dict, phone: str) -> Texts:
    """For the coordinator on duty: something came in through a door of the public page. Never
    who or what: names and numbers are read on the queue's page, where reading is governed."""
    door = str(context.get("door") or "")
    what = {
        "callback": _("Someone asked on the public page to be called back."),
        "volunteer": _("Someone signed up on the public page to help as a volunteer."),
        "concern": _("Someone shared a worry about a neighbour on the public page."),
        "talent": _("Someone told us on the public page what they are good at."),
    }.get(door, _("Something came in through the public page."))
    by = context.get("answer_by")
    body = what
    if isinstance(by, datetime):
        body += " " + _("We promised an answer by %(date)s at %(time)s.") % {
            "date": _date(by),
            "time": timezone.localtime(by).strftime("%H:%M"),
        }
    return Texts(
        subject=_("New through the public page"),
        body=body + " " + _("Please look at it in Naober."),
        sms="Naober: " + what,
    )


def callback_waiting(person, context: dict, phone: str) -> Texts:
    """For coordinators (escalation): someone who asked on the public page to be called back is
    still waiting. No name or number: the desk's call-back page shows them."""
    body = _("Someone who asked on the public page to be called back is still waiting.")
    by = context.get("answer_by")
    if isinstance(by, datetime):
        body += " " + _("We promised an answer by %(date)s at %(time)s.") % {
            "date": _date(by),
            "time": timezone.localtime(by).strftime("%H:%M"),
        }
    return Texts(
        subject=_("A call-back is still waiting"),
        body=body + " " + _("Please look at the call-backs at the desk."),
        sms=_("Naober: someone is still waiting to be called back."),
    )


def custom(person, context: dict, phone: str) -> Texts:
    subject = " ".join(str(context.get("subject") or "").split())[:200] or _("A message for you")
    body = str(context.get("body") or "").strip()
    return Texts(subject=subject, body=body, sms=" ".join(body.split()))


EVENTS: dict[str, Callable[..., Texts]] = {
    name: at_the_desk(event)
    for name, event in {
        "request_received": request_received,
        "helper_responded": helper_responded,
        "match_proposed": match_proposed,
        "match_accepted": match_accepted,
        "match_stopped": match_stopped,
        "match_completed": match_completed,
        "followup_due": followup_due,
        "referral_sent": referral_sent,
        "signal_outcome": signal_outcome,
        "vog_expiring": vog_expiring,
        "request_waiting": request_waiting,
        "request_in_progress": request_in_progress,
        "acute_signal": acute_signal,
        "door_arrival": door_arrival,
        "callback_waiting": callback_waiting,
        "custom": custom,
    }.items()
}
