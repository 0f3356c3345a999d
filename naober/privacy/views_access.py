"""The "Roles and login" page of a person: roles (coordinators and administrators), and for
administrators the login's second factor and API tokens.

Thin: every rule is in communities/roles.py, api/tokens.py and privacy/twofactor.py, which the API
(privacy/api_access.py) calls too.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.api import tokens
from naober.base.forms import apply_errors
from naober.communities import roles
from naober.communities.decorators import community_page
from naober.communities.permissions import Action, grantable_roles
from naober.people import selectors
from naober.privacy import twofactor
from naober.privacy.forms import RolesForm


def _person(actor, person_id):
    """The person, if this actor may act on them at all (only admins act on admins)."""
    person = selectors.person_get(actor, person_id)
    roles.require_may_act_on(actor, person)
    return person


def _page(request, actor, person, *, form=None, issued=None, status=200):
    current = sorted(_held(person))
    can_logins = actor.can(Action.MANAGE_LOGINS)
    context = {
        "community": actor.community,
        "actor": actor,
        "person": person,
        "form": form or RolesForm(current=current, grantable=grantable_roles(actor.roles)),
        "current": current,
        "can_logins": can_logins,
        "issued": issued,
    }
    if can_logins and person.user_id is not None:
        context.update(
            username=person.user.get_username(),
            login_active=person.user.is_active,
            login_switchable=roles.login_switchable(actor, person),
            second_factor_on=twofactor.confirmed_device(person.user) is not None,
            tokens=tokens.tokens_of(actor, person),
        )
    return render(request, "privacy/person_access.html", context, status=status)


def _held(person) -> set[str]:
    return {m.role for m in person.memberships.all()}


@community_page(Action.MANAGE_ROLES, hide=True)
def person_access(request, actor, person_id):
    person = _person(actor, person_id)
    if request.method != "POST":
        return _page(request, actor, person)
    held = _held(person)
    form = RolesForm(request.POST, current=sorted(held), grantable=grantable_roles(actor.roles))
    if form.is_valid():
        try:
            roles.set_roles(actor, person, form.wanted_roles())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The roles have been saved."))
            return redirect("privacy:person_access", slug=actor.community.slug, person_id=person.pk)
    return _page(request, actor, person, form=form, status=422 if form.errors else 200)


@require_POST
@community_page(Action.MANAGE_LOGINS, hide=True)
def person_setup_code(request, actor, person_id):
    """Show a new setup code once, on this response only (never stored in a message)."""
    person = _person(actor, person_id)
    code, raw = twofactor.issue_for(actor, person)
    return _page(request, actor, person, issued={"code": raw, "expires_at": code.expires_at})


@require_POST
@community_page(Action.MANAGE_LOGINS, hide=True)
def person_revoke_tokens(request, actor, person_id):
    person = _person(actor, person_id)
    raw = request.POST.get("token", "")
    token_id = None
    if raw:
        # Anything but a plausible id is not a token of this person: not found.
        token_id = int(raw) if raw.isdigit() and len(raw) <= 18 else 0
    count = tokens.revoke(actor, person, token_id)
    if count:
        messages.success(request, _("API access has been revoked."))
    return redirect("privacy:person_access", slug=actor.community.slug, person_id=person.pk)


@require_POST
@community_page(Action.MANAGE_LOGINS, hide=True)
def person_login_active(request, actor, person_id):
    """Switch the person's login off or on again (the button says which)."""
    person = _person(actor, person_id)
    active = request.POST.get("active") == "1"
    roles.set_login_active(actor, person, active)
    if active:
        messages.success(request, _("The login is on again."))
    else:
        messages.success(request, _("The login is switched off. This person can no longer log in."))
    return redirect("privacy:person_access", slug=actor.community.slug, person_id=person.pk)
