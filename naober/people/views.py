"""Pages about people: the own profile, and for staff the people list, registration and detail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naober.communities.decorators import community_page
from naober.communities.permissions import Action
from naober.people import selectors, services
from naober.people.forms import ConsentForm, OwnConsentForm, PersonForm
from naober.people.models import ConsentMethod


def _apply_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@community_page()
def profile(request, actor):
    person = actor.person
    form = OwnConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_consent(actor, person, method=ConsentMethod.ONLINE, **form.cleaned_data)
        messages.success(request, _("Your choice has been saved."))
        return redirect("people:profile", slug=actor.community.slug)
    return render(request, "people/profile.html", {
        "community": actor.community, "actor": actor, "person": person,
        "consents": selectors.current_consents(person), "form": form,
    })


@community_page(Action.VIEW_PEOPLE)
def person_list(request, actor):
    query = request.GET.get("q", "")[:100]
    people = selectors.person_list(actor, search=query)[:200]
    return render(request, "people/person_list.html", {
        "community": actor.community, "actor": actor, "people": people, "query": query,
        "can_create": actor.can(Action.CREATE_PERSON),
    })


@community_page(Action.CREATE_PERSON)
def person_create(request, actor):
    form = PersonForm(request.POST or None, community=actor.community)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.register_person(actor, form.person_data())
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been registered.") % {"name": person.name})
            return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    return render(request, "people/person_form.html", {
        "community": actor.community, "actor": actor, "form": form,
    })


@community_page(Action.VIEW_PEOPLE)
def person_detail(request, actor, person_id):
    person = selectors.person_get(actor, person_id)
    form = ConsentForm(request.POST or None)
    if request.method == "POST":
        actor.require(Action.RECORD_CONSENT)
        if form.is_valid():
            services.record_consent(actor, person, **form.cleaned_data)
            messages.success(request, _("The consent has been recorded."))
            return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    return render(request, "people/person_detail.html", {
        "community": actor.community, "actor": actor, "person": person,
        "view": selectors.person_view(actor, person),
        "consents": selectors.current_consents(person),
        "history": person.consents.select_related("recorded_by")[:50],
        "form": form if actor.can(Action.RECORD_CONSENT) else None,
        "can_edit": actor.can(Action.CHANGE_PERSON),
    })


@community_page(Action.CHANGE_PERSON)
def person_edit(request, actor, person_id):
    person = selectors.person_get(actor, person_id)
    form = PersonForm(request.POST or None, instance=person, community=actor.community)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(actor, person, form.person_data())
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("people:detail", slug=actor.community.slug, person_id=person.pk)
    return render(request, "people/person_form.html", {
        "community": actor.community, "actor": actor, "form": form, "person": person,
    })
