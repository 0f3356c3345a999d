"""`{% load help_desk %}{% desk_of community as desk %}`: the help desk's phone and hours for
footers, sheets and letters. With a path instead of a community (the login page's `next`), the
community in that path."""

import re

from django import template

from naober.communities.models import Community
from naober.communities.selectors import desk

register = template.Library()
COMMUNITY_PATH = re.compile(r"^/c/([-a-zA-Z0-9_]{1,60})/")


@register.simple_tag
def desk_of(community_or_path):
    if isinstance(community_or_path, Community):
        return desk(community_or_path)
    match = COMMUNITY_PATH.match(str(community_or_path or ""))
    found = Community.objects.filter(slug=match.group(1)).first() if match else None
    return desk(found) if found else None
