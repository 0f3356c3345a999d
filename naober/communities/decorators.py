"""Page views inside a community receive the resolved Actor instead of a bare slug."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from naober.communities.context import resolve_actor
from naober.communities.permissions import Action


def community_page(action: Action | None = None, *, members_only: bool = True, hide: bool = False):
    """Resolve /c/<slug>/ to an Actor; ask anonymous visitors to log in; 404 for non-members.

    With `action`, also refuse (403) members whose roles do not allow it. With `hide`, refuse
    with 404 instead: pages about one person answer "not allowed" exactly as "not there", so
    that nobody learns which ids are residents.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if members_only and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = resolve_actor(request.user, slug, members_only=members_only)
            if action is not None:
                if hide and not actor.can(action):
                    raise Http404
                actor.require(action)
            request.actor = actor
            return view(request, actor, *args, **kwargs)

        return wrapper

    return decorator
