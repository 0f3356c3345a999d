"""A member's API tokens as their administrator sees them: list and revoke (page and API alike).

A token is revoked, never deleted, so the list keeps showing when it was used last. A changed
password or a login switched off revokes every token of that login (`revoke_on_password_change`,
`revoke_on_login_switched_off`, connected in apps.py).
"""

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from naober.api.models import ApiToken
from naober.communities import auditing
from naober.communities.context import Actor
from naober.communities.permissions import Action
from naober.communities.roles import require_may_act_on

SHOWN = 50


def _require_login_rights(actor: Actor, person) -> None:
    """Administrators of the person's own community; a person without a login has no tokens."""
    actor.require(Action.MANAGE_LOGINS)
    if person.community_id != actor.community.pk or person.erased_at is not None:
        raise Http404
    require_may_act_on(actor, person)


def tokens_of(actor: Actor, person) -> list[ApiToken]:
    """The newest tokens of the person's login (usable, expired and revoked), newest first."""
    _require_login_rights(actor, person)
    if person.user_id is None:
        return []
    return list(ApiToken.objects.filter(user_id=person.user_id)[:SHOWN])


@transaction.atomic
def revoke(actor: Actor, person, token_id: int | None = None) -> int:
    """Revoke one token of the person's login (or all, without `token_id`); audited.

    An unknown id, or the id of someone else's token, is not found (404).
    """

    _require_login_rights(actor, person)
    tokens = ApiToken.objects.filter(user_id=person.user_id, revoked_at__isnull=True)
    if token_id is not None:
        if (
            person.user_id is None
            or not ApiToken.objects.filter(pk=token_id, user_id=person.user_id).exists()
        ):
            raise Http404
        tokens = tokens.filter(pk=token_id)
    count = tokens.update(revoked_at=timezone.now()) if person.user_id is not None else 0
    if count:
        auditing.record_change(actor, person, "API access revoked", ["api_tokens"])
    return count


def revoke_on_password_change(sender, instance, **kwargs) -> None:
    """post_save of a user: a new password (or none) ends every API token of that login.

    Django sets `_password` only when the password really changed (set_password); a hash upgrade
    at login clears it first, so upgrading the hash keeps the tokens.
    """
    changed = getattr(instance, "_password", None) is not None
    if changed or (instance.pk and not instance.has_usable_password()):
        revoke_all(instance.pk)


def revoke_on_login_switched_off(sender, user, **kwargs) -> None:
    """communities.signals.login_switched_off: an administrator switched this login off."""
    revoke_all(user.pk)


def revoke_all(user_id: int) -> int:
    """Revoke every usable token of one login (nothing to check or audit: the callers did)."""
    return ApiToken.objects.filter(user_id=user_id, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
