"""How each app declares who may open its routes, and the communities app's own routes.

Every app has a `policy.py` beside this one with two things (issue 14.4):

- its row rules: who may see or change *which* row ("the visitor of this visit or whoever reads
  visit notes"), as small functions that its views, API handlers and services call, so that one
  rule answers for the page and the API alike;
- `ROUTES`: every page (by URL name, "outreach:visit") and every API operation ("GET
  /c/{community}/visits", the path under /api/v1) mapped to what it needs: an `Action` of the role
  table in `permissions.py`, `OwnOr(action)` when the row's own people get in as well, or one of
  the `Access` markers below for routes outside the table.

`tests/security/test_route_actions.py` fails for a route without a declaration and checks each
declared route as each role against the table, so the declarations cannot drift from the code.
"""

from dataclasses import dataclass
from enum import StrEnum

from naober.communities.permissions import Action


class Access(StrEnum):
    """Routes that no action of the role table governs."""

    PUBLIC = "public"  # anyone, also without logging in (a front door, logging in itself)
    LOGGED_IN = "logged_in"  # any login, outside a community (the account's own pages)
    MEMBER = "member"  # any member of the community, whatever their role
    SIGNED_LINK = "signed_link"  # whoever holds the link's secret token (no login)
    SIGNED_REQUEST = "signed_request"  # a webhook: a signature over the body, not a login
    SUPERUSER = "superuser"  # the platform administrators (starting a community)
    OPERATOR = "operator"  # the machine itself (metrics read from the loopback address)


@dataclass(frozen=True)
class OwnOr:
    """The row's own people (the requester, the helper, the visitor, the partner who referred)
    or the roles allowed `action` on any row; everybody else is refused (403) or told the row
    is not there (404)."""

    action: Action


Requirement = Action | Access | OwnOr
