"""Shared pieces for API handlers: the actor of a community-scoped call, the error schema."""

from ninja import Schema

from naober.communities.context import Actor, resolve_actor


class ErrorOut(Schema):
    detail: str
    code: str


def actor_for(request, community: str) -> Actor:
    """The caller's roles in this community; 404 for non-members exactly as for unknown slugs."""
    if len(community) > 60:
        from django.http import Http404

        raise Http404
    return resolve_actor(request.auth, community)


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
