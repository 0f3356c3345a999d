"""Who is acting, in which community, with which roles: resolved once per request."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.http import Http404

from naober.communities.models import Community
from naober.communities.permissions import Action, is_allowed


@dataclass(frozen=True)
class Actor:
    """The caller inside one community. `person` is None for a visitor who is not a member."""

    community: Community
    person: object | None = None
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_member(self) -> bool:
        return self.person is not None

    @property
    def allowed(self) -> frozenset[str]:
        """Every action this actor may perform, for templates that show or hide links."""
        return frozenset(action.value for action in Action if self.can(action))

    def can(self, action: Action) -> bool:
        return is_allowed(self.roles, action)

    def require(self, action: Action) -> None:
        """Refuse the request (403) unless one of the actor's roles allows the action."""
        if not self.can(action):
            raise PermissionDenied(action.value)


def resolve_actor(user, slug: str, *, members_only: bool = True) -> Actor:
    """The actor for this user in the community with this slug.

    A community that does not exist and one the user is not a member of look the same (404), so
    that nobody can probe which communities exist or who belongs where.
    """
    community = Community.objects.filter(slug=slug).first()
    if community is None:
        raise Http404
    person = None
    if user is not None and user.is_authenticated:
        # `community.people`: the people app's Person rows, reached through their relation to
        # the community, since people stands on communities and is not imported here.
        person = (
            community.people.filter(user=user, erased_at__isnull=True)
            .prefetch_related("memberships")
            .first()
        )
    if person is None:
        if members_only:
            raise Http404
        return Actor(community=community)
    roles = frozenset(m.role for m in person.memberships.all())
    return Actor(community=community, person=person, roles=roles)
