"""Writes of call-outs: send a request out to several fitting helpers, take their answers.

    send(actor, request, helpers=[ids]), send(actor, request, top=5) or
    send(actor, request, everyone=True) (the requester's street or village) -> (callout, sent)
    answer(ask, yes=True) -> "won" | "taken" | "no" | "already"
    answer_sms(phone, text) -> the same, or "unknown"

The first yes becomes a match through the exchange's own services (respond as the helper, or,
for a request a coordinator arranges, propose by the sender and the helper's yes); the request
row is locked first, so of two yeses at the same moment exactly one wins. Everyone else who was
asked hears "al geholpen, dank u" once. Messages go through notify (the outbox, idempotent keys).
The text never names the requester: only the kind of help, the title when the requester agreed
to publish it, and the request's number (what the public page may show).

Why one module of about 400 lines: sending, answering and the limits (weekly asks, quiet hours,
never twice for one request) are one transaction's rules; split apart, the race between two
yeses would span modules.
"""

import re
import secrets
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.base.errors import Conflict
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.exchange import services as exchange
from naober.exchange.models import HelpOffer, HelpRequest, RequestStatus
from naober.matchmaking.ranking import suggestions
from naober.notify.channels import channel_for
from naober.notify.render import language_of
from naober.notify.services import notify
from naober.people.models import ContactChannel, Person

# tasks imports this module as well: its task runs send_waiting(), which send() queues. Both
# import the module, not its names, so either may be loaded first.
from naober.reach import links, policy, selectors, tasks
from naober.reach.models import Answer, Ask, Callout, HelperLimit, ReachSettings
from naober.reach.selectors import settings_of

TOP_MAX = 20
# Only channels that can carry an answer back: a link (e-mail) or a reply code (SMS).
ASKABLE = (ContactChannel.EMAIL, ContactChannel.SMS)
REPLY = re.compile(r"^\s*(ja|nee|yes|no)\W*(\d{4})\b", re.IGNORECASE)
BARE_REPLY = re.compile(r"^\s*(ja|nee|yes|no)\W*$", re.IGNORECASE)


MAX_PER_WEEK = 14


def update_settings(actor: Actor, **changes) -> ReachSettings:
    """A coordinator sets the community's rules: `self_service`, `asks_per_week` (the default
    for helpers without their own limit, 1-14), `quiet_from` and `quiet_until` (no text messages
    in between; equal times: no quiet hours). All given fields change or none (ValidationError)."""
    actor.require(Action.MANAGE_EXCHANGE)
    rules = settings_of(actor.community)
    unknown = set(changes) - {"self_service", "asks_per_week", "quiet_from", "quiet_until"}
    if unknown:
        raise ValidationError({sorted(unknown)[0]: [_("This setting does not exist.")]})
    weekly = changes.get("asks_per_week", rules.asks_per_week)
    if not isinstance(weekly, int) or not 1 <= weekly <= MAX_PER_WEEK:
        message = _("Choose between 1 and %(max)s times a week.") % {"max": MAX_PER_WEEK}
        raise ValidationError({"asks_per_week": [message]})
    for key in ("quiet_from", "quiet_until"):
        value = changes.get(key, getattr(rules, key))
        # A clock time of the community's own day: an offset ("21:00+02:00") has no meaning here.
        if not isinstance(value, time) or value.tzinfo is not None:
            raise ValidationError({key: [_("Give a time like 21:00, without a time zone.")]})
    if not isinstance(changes.get("self_service", rules.self_service), bool):
        raise ValidationError({"self_service": [_("Choose yes or no.")]})
    for key, value in changes.items():
        setattr(rules, key, value)
    rules.save()
    return rules


def limit_of(person: Person) -> int | None:
    """The helper's own weekly limit, or None when they follow the community's default."""
    own = HelperLimit.objects.filter(person=person).first()
    return None if own is None else own.asks_per_week


def set_own_limit(actor: Actor, asks_per_week: int | None) -> int | None:
    """A helper says how often they may be asked per week (0: never ask me; None: the
    community's default)."""
    actor.require(Action.OFFER_HELP)
    if actor.person is None:
        raise ValidationError({"asks_per_week": [_("Only a person can set this.")]})
    if asks_per_week is None:
        HelperLimit.objects.filter(person=actor.person).delete()
        return None
    if not isinstance(asks_per_week, int) or not 0 <= asks_per_week <= MAX_PER_WEEK:
        message = _("Choose between 0 and %(max)s times a week.") % {"max": MAX_PER_WEEK}
        raise ValidationError({"asks_per_week": [message]})
    HelperLimit.objects.update_or_create(
        person=actor.person, defaults={"asks_per_week": asks_per_week}
    )
    return asks_per_week


def _fitting_offer(request: HelpRequest, person: Person) -> HelpOffer | None:
    return (
        HelpOffer.objects.filter(
            community=request.community_id,
            helper=person,
            available=True,
            categories__kind=request.category.kind,
        )
        .order_by("pk")
        .first()
    )


def _candidates(actor: Actor, request: HelpRequest, helpers, top, everyone) -> list[tuple]:
    """(person, offer) pairs: the chosen helpers, those who fit best first (`send` asks the
    first `top` it may ask), or everyone in the requester's street or village who offers this
    kind of help."""
    if everyone:
        area, pairs = selectors.everyone_nearby(request)
        if area is None:
            raise ValidationError(
                {"everyone": [_("We do not know in which street or village the requester lives.")]}
            )
        if not pairs:
            message = _("Nobody in %(place)s offers this kind of help.") % {"place": area.name}
            raise ValidationError({"everyone": [message]})
        return pairs
    if top is not None:
        # Room past `top` for those already asked about it and those `send` skips (weekly
        # limit, no e-mail or SMS): sending out again asks the next best, not nobody.
        reach = top + Ask.objects.filter(request=request).count() + TOP_MAX
        if actor.can(Action.MANAGE_EXCHANGE):
            return [(s.person, s.offer) for s in suggestions(actor, request, limit=reach)]
        offers = (
            HelpOffer.objects.filter(
                community=request.community_id,
                available=True,
                categories__kind=request.category.kind,
            )
            .exclude(helper=request.requester_id)
            .select_related("helper")
            .order_by("helper_id", "pk")
            .distinct()
        )
        found = {}
        for offer in offers:
            found.setdefault(offer.helper_id, (offer.helper, offer))
        return list(found.values())[:reach]
    people = Person.objects.filter(community=actor.community, pk__in=helpers)
    if len(people) != len(set(helpers)):
        raise ValidationError({"helpers": [_("One of these helpers is not in this community.")]})
    pairs = []
    for person in people:
        offer = _fitting_offer(request, person)
        if offer is None:
            message = _("%(name)s offers no help of this kind.") % {"name": person.name}
            raise ValidationError({"helpers": [message]})
        pairs.append((person, offer))
    return pairs


def _limit_of(person: Person, community_default: int) -> int:
    own = limit_of(person)
    return community_default if own is None else own


def _asked_this_week(person: Person) -> int:
    since = timezone.now() - timedelta(days=7)
    return Ask.objects.filter(person=person, created_at__gte=since).count()


def _reply_code(person: Person) -> str:
    """Four digits, not used by another open ask of the same helper."""
    open_codes = set(
        Ask.objects.filter(person=person, answer="").values_list("reply_code", flat=True)
    )
    while True:
        code = f"{secrets.randbelow(9000) + 1000}"
        if code not in open_codes:
            return code


def public_summary(request: HelpRequest) -> str:
    """What the public page may show of a request: its kind, its title only when the requester
    agreed to publish it, and its number. Never a name, an address or what was disclosed."""
    kind = request.category.label
    if request.publish and request.title:
        kind = f"{kind}: {request.title}"
    return f"{kind} ({request.code})" if request.code else kind


def _quiet(rules: ReachSettings, moment: datetime) -> bool:
    """Inside the community's quiet hours (which may run past midnight)?"""
    now = timezone.localtime(moment).time()
    start, end = rules.quiet_from, rules.quiet_until
    if start == end:
        return False
    return start <= now < end if start < end else now >= start or now < end


def morning_after(rules: ReachSettings, moment: datetime) -> datetime:
    """The first moment after `moment` when the quiet hours are over."""
    local = timezone.localtime(moment)
    end = local.replace(
        hour=rules.quiet_until.hour, minute=rules.quiet_until.minute, second=0, microsecond=0
    )
    return end if end > local else end + timedelta(days=1)


def _ask_text(ask: Ask) -> dict:
    with translation.override(language_of(ask.person)):
        lines = [
            _("Can you help? Someone in your neighbourhood asks for help."),
            public_summary(ask.request),
        ]
        if ask.channel == ContactChannel.SMS:
            code = {"code": ask.reply_code}
            lines.append(_("Not this time? Answer NEE %(code)s.") % code)
            lines.append(_("Answer JA %(code)s if you can help") % code)
        else:
            lines.append(_("Say yes or no here, no login needed:"))
            lines.append(links.answer_url(ask))
        return {"subject": _("Can you help a neighbour?"), "body": "\n".join(lines)}


def _taken_text(ask: Ask) -> dict:
    with translation.override(language_of(ask.person)):
        body = _("Someone is already helping with %(request)s. Thank you!") % {
            "request": public_summary(ask.request)
        }
        return {"subject": _("Already helped, thank you"), "body": body}


@transaction.atomic
def send(
    actor: Actor, request: HelpRequest, *, helpers=None, top=None, everyone: bool = False
) -> tuple[Callout, int]:
    """Ask these helpers (or the best `top`, or everyone in the requester's street or village who
    offers this kind of help) about this open request, each in their own channel.

    Skipped without error: a helper already asked about this request, one asked as often this
    week as they allow, the requester, and one who can only be reached through a coordinator.
    Errors: PermissionDenied, ValidationError (no helpers, a stranger, no fitting offer),
    Conflict "request_taken" (the request is no longer open).
    """
    policy.require_may_send(actor, request)
    if [helpers is not None, top is not None, bool(everyone)].count(True) != 1:
        raise ValidationError(
            {"helpers": [_("Choose the helpers, how many to ask, or everyone nearby.")]}
        )
    if top is not None and not 1 <= top <= TOP_MAX:
        raise ValidationError({"top": [_("Ask between 1 and %(max)s helpers.") % {"max": TOP_MAX}]})
    if helpers is not None and not helpers:
        raise ValidationError({"helpers": [_("Choose at least one helper.")]})
    request = HelpRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in (RequestStatus.OPEN, RequestStatus.WAITING_LIST):
        raise Conflict(_("Someone else is already helping with this request."), "request_taken")
    pairs = _candidates(actor, request, helpers, top, everyone)
    rules = settings_of(actor.community)
    weekly = rules.asks_per_week
    quiet = _quiet(rules, timezone.now())
    callout = Callout.objects.create(
        community=actor.community, request=request, sent_by=actor.person
    )
    sent = 0
    for person, offer in pairs:
        if top is not None and sent >= top:
            break
        channel = channel_for(person)
        if (
            person.pk == request.requester_id
            or person.erased_at is not None
            or channel not in ASKABLE
            or Ask.objects.filter(request=request, person=person).exists()
            or _asked_this_week(person) >= _limit_of(person, weekly)
        ):
            continue
        ask = Ask.objects.create(
            callout=callout,
            request=request,
            person=person,
            offer=offer,
            channel=channel,
            reply_code=_reply_code(person),
            waiting=quiet and channel == ContactChannel.SMS,
        )
        if not ask.waiting:
            notify(person, "custom", _ask_text(ask), key=f"reach:ask:{ask.pk}")
        sent += 1
    if callout.asks.filter(waiting=True).exists():
        when = morning_after(rules, timezone.now())
        transaction.on_commit(lambda: tasks.schedule_waiting(callout.pk, when), robust=True)
    return callout, sent


@transaction.atomic
def send_waiting(callout_id: int, moment: datetime | None = None) -> int:
    """Send the SMS asks of this call-out that waited for the morning; returns how many. Still
    quiet: nothing yet. Request no longer open: they are dropped (nobody needs the ask)."""
    callout = Callout.objects.filter(pk=callout_id).select_related("community").first()
    if callout is None:
        return 0
    rules = settings_of(callout.community)
    if _quiet(rules, moment or timezone.now()):
        return 0
    request = HelpRequest.objects.select_for_update().get(pk=callout.request_id)
    waiting = Ask.objects.select_for_update().filter(callout=callout, waiting=True)
    if request.status not in (RequestStatus.OPEN, RequestStatus.WAITING_LIST):
        waiting.update(waiting=False)
        return 0
    count = 0
    for ask in waiting.select_related("person", "request__category", "callout__community"):
        notify(ask.person, "custom", _ask_text(ask), key=f"reach:ask:{ask.pk}")
        ask.waiting = False
        ask.save(update_fields=["waiting"])
        count += 1
    return count


def _actor_of(community, person: Person) -> Actor:
    roles = frozenset(person.memberships.values_list("role", flat=True))
    return Actor(community=community, person=person, roles=roles)


def _make_match(ask: Ask, request: HelpRequest):
    """The exchange's own services make the match: the helper responds, or, for a request a
    coordinator arranges, the sender proposes and the helper's yes is the helper's own (the
    match's history says so, not "recorded by the coordinator")."""
    community = request.community
    helper = _actor_of(community, ask.person)
    if request.needs_mediation and ask.callout.sent_by is not None:
        sender = _actor_of(community, ask.callout.sent_by)
        match = exchange.propose(sender, request, ask.offer)
        return exchange.say_yes(helper, match, side="helper")
    return exchange.respond(helper, request, ask.offer)


def _tell_taken(request: HelpRequest, winner: Ask) -> None:
    others = Ask.objects.filter(request=request).exclude(pk=winner.pk).exclude(answer=Answer.NO)
    for other in others.select_related("person", "request__category"):
        notify(other.person, "custom", _taken_text(other), key=f"reach:taken:{other.pk}")


@transaction.atomic
def answer(ask: Ask, *, yes: bool) -> str:
    """Record a helper's yes or no. The request row is locked before anything is read, so two
    yeses at the same moment are taken one after the other: the first wins, the second hears
    the request is taken."""
    request = HelpRequest.objects.select_for_update().get(pk=ask.request_id)
    ask = (
        Ask.objects.select_for_update().select_related("callout", "person", "offer").get(pk=ask.pk)
    )
    if ask.answer:
        return "already"
    ask.answer = Answer.YES if yes else Answer.NO
    ask.answered_at = timezone.now()
    if not yes:
        ask.save(update_fields=["answer", "answered_at"])
        return "no"
    result = "taken"
    if request.status in (RequestStatus.OPEN, RequestStatus.WAITING_LIST):
        try:
            match = _make_match(ask, request)
        except (Conflict, ValidationError, IntegrityError):
            match = None
        if match is not None:
            ask.won = True
            result = "won"
            Callout.objects.filter(pk=ask.callout_id).update(match=match)
    ask.save(update_fields=["answer", "answered_at", "won"])
    if result == "won":
        _tell_taken(request, ask)
    else:
        notify(ask.person, "custom", _taken_text(ask), key=f"reach:taken:{ask.pk}")
    return result


def _digits(phone: str) -> str:
    """A phone number in one national form: '+31 6 1234 5678' and '06-12345678' are equal."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def _which_text(person: Person) -> dict:
    with translation.override(language_of(person)):
        body = _(
            "We asked you about more than one request. Which one do you mean? Answer JA or NEE "
            "with the number from our message, for example JA 4821."
        )
        return {"subject": _("Which request do you mean?"), "body": body}


def _answer_bare(number: str, yes: bool) -> str:
    """A plain "JA" or "NEE" without the number (people forget it): it answers the one open
    ask of that phone; with several open asks the helper is asked which one (once for the same
    asks: the gateway may post a reply twice) and "ambiguous" is returned."""
    open_asks = [
        ask
        for ask in Ask.objects.filter(
            channel=ContactChannel.SMS,
            answer="",
            waiting=False,
            request__status__in=(RequestStatus.OPEN, RequestStatus.WAITING_LIST),
        )
        .select_related("person")
        .order_by("pk")
        if _digits(ask.person.phone) == number
    ]
    if not open_asks:
        return "unknown"
    if len(open_asks) == 1:
        return answer(open_asks[0], yes=yes)
    person = open_asks[-1].person
    key = "reach:which:" + "-".join(str(ask.pk) for ask in open_asks)
    notify(person, "custom", _which_text(person), key=key[:100])
    return "ambiguous"


def answer_sms(phone: str, text: str) -> str:
    """An SMS reply "JA 4821" or "NEE 4821" from a helper's phone; "unknown" when it names no
    open ask of a person with that number. A bare "JA" or "NEE" answers that phone's one open
    ask ("ambiguous" when it has several: the helper is asked which)."""
    found = REPLY.match(text or "")
    number = _digits(phone)
    if not number:
        return "unknown"
    if not found:
        bare = BARE_REPLY.match(text or "")
        return _answer_bare(number, bare.group(1).lower() in ("ja", "yes")) if bare else "unknown"
    word, code = found.group(1).lower(), found.group(2)
    asks = Ask.objects.filter(reply_code=code, channel=ContactChannel.SMS).select_related("person")
    for ask in asks.order_by("-pk"):
        if _digits(ask.person.phone) == number:
            return answer(ask, yes=word in ("ja", "yes"))
    return "unknown"
