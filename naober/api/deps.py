"""Shared pieces for API handlers: the actor of a community-scoped call, the error schema."""

import re

from django.http import Http404
from django.http.request import RawPostDataException
from ninja import Schema

from naober.communities.context import Actor, resolve_actor


class ErrorOut(Schema):
    detail: str
    code: str


SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,60}")


def actor_for(request, community: str) -> Actor:
    """The caller's roles in this community; 404 for non-members exactly as for unknown slugs."""
    # Only a well-formed slug reaches the database: odd text (a NUL byte) would crash PostgreSQL.
    if not SLUG_RE.fullmatch(community):
        raise Http404
    return resolve_actor(request.auth, community)


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def raw_body(request) -> bytes | None:
    """The request's bytes as sent, or None when they were already read as a form (a multipart
    or form-encoded post is parsed by the middleware that refuses NUL bytes): webhooks that check
    a signature over the raw body and CSV uploads then answer a 4xx instead of failing."""
    try:
        return request.body
    except RawPostDataException:
        return None
