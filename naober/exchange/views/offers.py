"""Pages of standing offers: offering help, changing or pausing an offer, the list of offers a
resident can accept directly, accepting one, and one offer.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.pages import paginate
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.exchange import policy, selectors, services
from naober.exchange.forms import (
    OfferEditForm,
    OfferForm,
)
from naober.exchange.models import MatchMode
from naober.exchange.views._common import _page, on_button, on_form

#: Offers on one page of the list a resident reads.
OFFERS_PER_PAGE = 20


@community_page(Action.OFFER_HELP)
def offer_new(request, actor):
    form = OfferForm(request.POST or None, community=actor.community)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.create_offer(actor, form.offer_data()))
    ):
        messages.success(request, _("Thank you! Your offer is now visible to neighbours."))
        return redirect("exchange:my_help", slug=actor.community.slug)
    return _page(request, actor, "exchange/offer_form.html", form=form)


@community_page(Action.OFFER_HELP)
def offer_edit(request, actor, offer_id):
    """The helper changes their own offer; a coordinator changes anyone's (e.g. after a call)."""
    offer = selectors.offer_get(actor, offer_id)
    policy.require_may_change_offer(actor, offer)
    own = offer.helper_id == actor.person.pk
    form = OfferEditForm(request.POST or None, offer=offer)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.update_offer(actor, offer, form.offer_data()))
    ):
        messages.success(request, _("The offer has been saved."))
        if own:
            return redirect("exchange:my_help", slug=actor.community.slug)
        return redirect("exchange:offer_detail", slug=actor.community.slug, offer_id=offer.pk)
    return _page(request, actor, "exchange/offer_edit.html", form=form, offer=offer, own=own)


@require_POST
@community_page(Action.OFFER_HELP)
def offer_pause(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id)
    available = request.POST.get("available") == "1"
    if on_button(request, lambda: services.update_offer(actor, offer, {"available": available})):
        messages.success(
            request,
            _("Your offer is visible again.")
            if available
            else _("Your offer is paused. Nobody will ask you for now."),
        )
    return redirect("exchange:my_help", slug=actor.community.slug)


@community_page(Action.VIEW_EXCHANGE)
def offer_list(request, actor):
    """Offer-first ("Hulp die buren aanbieden"): a shy neighbour accepts a standing offer.
    OFFERS_PER_PAGE a page, newest first: a short list to read, not every offer of a city."""
    offers = paginate(request, selectors.standing_offers(actor), OFFERS_PER_PAGE)
    return _page(
        request,
        actor,
        "exchange/offer_list.html",
        offers=offers.object_list,
        page=offers,
        can_ask=actor.can(Action.ASK_HELP),
    )


@require_POST
@community_page(Action.ASK_HELP)
def offer_accept(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id)
    category = request.POST.get("category", "")[:40] or None
    match = on_button(request, lambda: services.accept_offer(actor, offer, category=category))
    if not match:
        return redirect("exchange:offers", slug=actor.community.slug)
    if match.mode == MatchMode.SELF:
        messages.success(
            request,
            _(
                "Thank you! We have asked %(name)s. When %(name)s says yes, you will both see "
                "here how to reach each other."
            )
            % {"name": offer.helper.display_name},
        )
    else:
        messages.success(request, _("Thank you! A coordinator will call you to arrange it."))
    return redirect("exchange:match_detail", slug=actor.community.slug, match_id=match.pk)


@community_page(Action.VIEW_EXCHANGE)
def offer_detail(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id)
    staff = selectors.is_staff(actor)
    # A coordinator on a helper's offer proposes the helper for a request; "Yes, I would like
    # help from ..." would make the coordinator the one who asks (a wrong turn in a walk).
    proposable = (
        selectors.requests_for_offer(actor, offer)[:10]
        if staff and actor.can(Action.MANAGE_EXCHANGE) and offer.available
        else []
    )
    return _page(
        request,
        actor,
        "exchange/offer_detail.html",
        offer=offer,
        code=selectors.offer_code(offer),
        is_staff=staff,
        can_ask=actor.can(Action.ASK_HELP) and offer.helper_id != actor.person.pk and not staff,
        can_edit=policy.may_enter(actor, offer.helper, Action.OFFER_HELP),
        proposable=proposable,
    )
