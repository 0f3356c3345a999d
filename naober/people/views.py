"""Pages about people: the own profile, and for staff the people list, registration and detail."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.base.pages import on_form
from naober.base.window import window
from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.communities.roles import require_may_act_on
from naober.people import selectors, services
from naober.people.forms import ConsentForm, OwnConsentForm, PersonForm, PersonTagForm
from naober.people.languages import names_of
from naober.people.models import ConsentMethod

PAGE_SIZE = 50


@community_page()
def profile(request, actor):
    person = actor.person
    form = OwnConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_consent(actor, person, method=ConsentMethod.ONLINE, **form.cleaned_data)
        messages.success(request, _("Your choice has been saved."))
        return redirect("people:profile", slug=actor.community.slug)
    return render(
        request,
        "people/profile.html",
        {
            "community": actor.community,
            "actor": actor,
            "person": person,
            "consents": selectors.current_consents(person),
            "form": form,
        },
    )


@community_page(Action.VIEW_PEOPLE)
def person_list(request, actor):
    query = request.GET.get("q", "")[:100]
    # One page from the database, without counting a city's 100,000 residents (issue 16).
    page = window(selectors.person_list(actor, search=query), request.GET.get("page"), PAGE_SIZE)
    return render(
        request,
        "people/person_list.html",
        {
            "community": actor.community,
            "actor": actor,
            "people": page.items,
            "page": page,
            "query": query,
            "can_create": actor.can(Action.CREATE_PERSON),
            "can_invite": actor.can(Action.INVITE_PEOPLE),
        },
    )


@community_page(Action.CREATE_PERSON)
def person_create(request, actor):
    form = PersonForm(request.POST or None, community=actor.community)
    person = (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.register_person(actor, form.person_data()))
    )
    if person:
        messages.success(request, _("%(name)s has been registered.") % {"name": person.name})
        return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    return render(
        request,
        "people/person_form.html",
        {
            "community": actor.community,
            "actor": actor,
            "form": form,
        },
    )


def _detail_page(request, actor, person, *, form=None, tag_form=None):
    """The person page; a form passed in (with its errors) replaces the empty one.

    Someone joined to the person by a request, offer, match, referral or visit sees only the
    card (`view`); consents, talents and needs are for the roles that hold the people list.
    """
    can_edit = actor.can(Action.CHANGE_PERSON)
    full_page = actor.can(Action.VIEW_PEOPLE)
    if actor.can(Action.RECORD_CONSENT):
        form = form or ConsentForm()
    context = {
        "community": actor.community,
        "actor": actor,
        "person": person,
        "view": selectors.contact_card(actor, person, "person page"),
        "full_page": full_page,
        "form": form,
        "tag_form": (tag_form or PersonTagForm()) if can_edit else None,
        "can_edit": can_edit,
        # just registered (or found) for a request: the way on, not a dead end
        "can_enter_for": actor.can(Action.ENTER_FOR_OTHERS),
        "languages": names_of(person.languages),
    }
    if full_page:
        context.update(
            consents=selectors.current_consents(person),
            history=person.consents.select_related("recorded_by")[:50],
            tags=selectors.person_tags(person),
        )
    return render(request, "people/person_detail.html", context)


@community_page()
def person_detail(request, actor, person_id):
    person = selectors.person_get(actor, person_id)
    if request.method != "POST":
        return _detail_page(request, actor, person)
    actor.require(Action.RECORD_CONSENT)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, actor, person, form=form)
    services.record_consent(actor, person, **form.cleaned_data)
    messages.success(request, _("The consent has been recorded."))
    return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)


@require_POST
@community_page()
def person_tag_add(request, actor, person_id):
    person = selectors.person_get(actor, person_id)
    actor.require(Action.CHANGE_PERSON)
    form = PersonTagForm(request.POST)
    if form.is_valid() and on_form(
        form, lambda: services.add_person_tag(actor, person, **form.cleaned_data)
    ):
        messages.success(request, _("The talent or need has been added."))
        return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    return _detail_page(request, actor, person, tag_form=form)


@require_POST
@community_page()
def person_tag_remove(request, actor, person_id, tag_id):
    person = selectors.person_get(actor, person_id)
    actor.require(Action.CHANGE_PERSON)
    services.remove_person_tag(actor, person, tag_id)
    messages.success(request, _("The talent or need has been removed."))
    return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)


@community_page()
def person_edit(request, actor, person_id):
    person = selectors.person_get(actor, person_id)
    actor.require(Action.CHANGE_PERSON)
    require_may_act_on(actor, person)  # the form is not even shown: only admins act on admins
    form = PersonForm(request.POST or None, instance=person, community=actor.community)
    if (
        request.method == "POST"
        and form.is_valid()
        and on_form(form, lambda: services.update_person(actor, person, form.person_data()))
    ):
        messages.success(request, _("The changes have been saved."))
        return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    return render(
        request,
        "people/person_form.html",
        {
            "community": actor.community,
            "actor": actor,
            "form": form,
            "person": person,
        },
    )
