"""Who may open the routes of privacy: audit trail, export and erasure, logins, two-step login.

`ROUTES` maps every page and API operation of this app to the action it needs (see
naober/communities/policy.py); tests/security/test_route_actions.py checks it for every role.
"""

from naober.communities.permissions import Action
from naober.communities.policy import Access, OwnOr

ROUTES = {
    # pages (URL name)
    "2fa_setup": Access.LOGGED_IN,
    "2fa_verify": Access.LOGGED_IN,
    "privacy:2fa_setup": Access.MEMBER,
    "privacy:2fa_verify": Access.MEMBER,
    "privacy:audit_log": Action.VIEW_AUDIT_LOG,
    "privacy:my_data": Access.MEMBER,
    "privacy:my_erase": Access.MEMBER,
    "privacy:person_access": Action.MANAGE_ROLES,
    "privacy:person_data": Action.ACT_ON_PRIVACY_RIGHTS,
    "privacy:person_erase": Action.ACT_ON_PRIVACY_RIGHTS,
    "privacy:person_login_active": Action.MANAGE_LOGINS,
    "privacy:person_revoke_tokens": Action.MANAGE_LOGINS,
    "privacy:person_setup_code": Action.MANAGE_LOGINS,
    # API operations (method and path under /api/v1)
    "GET /c/{community}/audit": Action.VIEW_AUDIT_LOG,
    "GET /c/{community}/people/{person_id}/export": OwnOr(Action.ACT_ON_PRIVACY_RIGHTS),
    "POST /c/{community}/people/{person_id}/erase": OwnOr(Action.ACT_ON_PRIVACY_RIGHTS),
    "PUT /c/{community}/people/{person_id}/roles": Action.MANAGE_ROLES,
    "PUT /c/{community}/people/{person_id}/login": Action.MANAGE_LOGINS,
    "GET /c/{community}/people/{person_id}/tokens": Action.MANAGE_LOGINS,
    "DELETE /c/{community}/people/{person_id}/tokens": Action.MANAGE_LOGINS,
    "DELETE /c/{community}/people/{person_id}/tokens/{token_id}": Action.MANAGE_LOGINS,
    "POST /c/{community}/people/{person_id}/second-factor/setup-code": Action.MANAGE_LOGINS,
}
