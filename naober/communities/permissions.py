"""The one place that says which role may do what. Pages and the API both ask here.

Deny by default: an action that is not in RULES, or a role that is not listed for it, is refused.
Rules about *whose* row (the author of a visit, the helper of a match) are checked by the selectors
and services of each app on top of this table; this table answers "may this role do this at all".
"""

from enum import StrEnum

from naober.communities.models import Role

R = Role


class Action(StrEnum):
    # people
    VIEW_PEOPLE = "people.view"  # the list of residents with their names and areas
    VIEW_CONTACT_DETAILS = "people.view_contact"  # another person's phone, email, address
    CREATE_PERSON = "people.create"  # register someone, also without a login
    CHANGE_PERSON = "people.change"
    RECORD_CONSENT = "people.record_consent"  # record consent given on the phone or on paper
    # exchange
    VIEW_EXCHANGE = "exchange.view"  # open requests and offers (privacy-safe)
    ASK_HELP = "exchange.ask"  # post one's own request
    OFFER_HELP = "exchange.offer"  # post one's own offer, respond to a request
    ENTER_FOR_OTHERS = "exchange.enter_for_others"  # requests and offers on someone's behalf
    MANAGE_EXCHANGE = "exchange.manage"  # workbench: propose, pause, stop, follow up
    VIEW_CONTACT_LOG = "exchange.view_contact_log"
    REFER = "exchange.refer"  # refer a resident to or from an organisation
    VIEW_REPORTS = "reports.view"  # summary figures
    # outreach, directory, volunteering
    RECORD_VISIT = "outreach.record_visit"
    VIEW_VISIT_NOTES = "outreach.view_visit_notes"
    RAISE_SIGNAL = "outreach.raise_signal"
    TRIAGE_SIGNALS = "outreach.triage"
    PLAN_VISITS = "outreach.plan_visits"  # walk lists: make them, assign visitors
    VIEW_DIRECTORY = "directory.view"
    MANAGE_DIRECTORY = "directory.manage"
    REFER_OUT = "directory.refer_out"  # refer a chosen resident to an organisation
    MANAGE_REFERRALS = "directory.manage_referrals"  # all referrals, their status and outcome
    MANAGE_VOLUNTEERS = "volunteering.manage"
    # initiatives and impact
    VIEW_INITIATIVES = "initiatives.view"
    MANAGE_INITIATIVES = "initiatives.manage"
    DECIDE_BUDGET = "initiatives.decide_budget"
    EXPORT_LEDGER = "initiatives.export_ledger"  # decisions and payments, no personal data
    BOOK_PAYMENTS = "initiatives.book_payments"  # record what the municipality paid out
    VIEW_AGGREGATES = "impact.view_aggregates"
    MANAGE_SURVEYS = "impact.manage_surveys"
    SPEND_FAST_FUND = "initiatives.spend_fast_fund"  # small quick spending up to the item limit
    # privacy and administration
    VIEW_AUDIT_LOG = "privacy.view_audit_log"
    ACT_ON_PRIVACY_RIGHTS = "privacy.act_for_others"  # export, correct, erase on someone's behalf
    MANAGE_COMMUNITY = "communities.manage"
    # Give and take roles; which roles each may hand out is GRANTABLE below.
    MANAGE_ROLES = "communities.manage_roles"
    # A member's login: list and revoke API tokens, issue a code to set up the code app.
    MANAGE_LOGINS = "communities.manage_logins"
    # logins (naober/accounts)
    INVITE_PEOPLE = "accounts.invite"  # send or print someone's activation code
    MANAGE_JOIN_REQUESTS = "accounts.manage_join_requests"  # approve or reject sign-ups
    # front desk (naober/desk)
    WORK_DESK = "desk.work"  # the desk page: calls, caller look-up, who is ringing
    EDIT_ROTA = "desk.edit_rota"  # who is on duty when


EVERY_MEMBER = frozenset({R.RESIDENT, R.VOLUNTEER, R.COORDINATOR, R.CORE_GROUP, R.ADMIN})
STAFF = frozenset({R.COORDINATOR, R.ADMIN})

RULES: dict[Action, frozenset[str]] = {
    Action.VIEW_PEOPLE: STAFF | {R.CORE_GROUP},
    Action.VIEW_CONTACT_DETAILS: STAFF,
    Action.CREATE_PERSON: STAFF,
    Action.CHANGE_PERSON: STAFF,
    Action.RECORD_CONSENT: STAFF,
    Action.VIEW_EXCHANGE: EVERY_MEMBER | {R.PARTNER},
    Action.ASK_HELP: EVERY_MEMBER,
    Action.OFFER_HELP: EVERY_MEMBER,
    Action.ENTER_FOR_OTHERS: STAFF,
    Action.MANAGE_EXCHANGE: STAFF,
    Action.VIEW_CONTACT_LOG: STAFF,
    Action.REFER: STAFF | {R.PARTNER},
    Action.VIEW_REPORTS: STAFF | {R.CORE_GROUP},
    Action.RECORD_VISIT: STAFF | {R.VOLUNTEER, R.CORE_GROUP},
    Action.VIEW_VISIT_NOTES: STAFF | {R.CORE_GROUP},
    Action.RAISE_SIGNAL: EVERY_MEMBER | {R.PARTNER},
    Action.TRIAGE_SIGNALS: STAFF | {R.CORE_GROUP},
    Action.PLAN_VISITS: STAFF | {R.CORE_GROUP},
    Action.VIEW_DIRECTORY: EVERY_MEMBER | {R.PARTNER},
    Action.MANAGE_DIRECTORY: STAFF,
    Action.REFER_OUT: STAFF,
    Action.MANAGE_REFERRALS: STAFF,
    Action.MANAGE_VOLUNTEERS: STAFF,
    Action.VIEW_INITIATIVES: EVERY_MEMBER | {R.PARTNER},
    Action.MANAGE_INITIATIVES: STAFF | {R.CORE_GROUP},
    Action.DECIDE_BUDGET: frozenset({R.CORE_GROUP}),
    # The municipality holds the money, so its funder role downloads the ledger for its books.
    Action.EXPORT_LEDGER: EVERY_MEMBER | {R.PARTNER, R.FUNDER},
    # The money is the municipality's: its funder role or a coordinator books what was paid,
    # never the core group that decides on it (four eyes).
    Action.BOOK_PAYMENTS: STAFF | {R.FUNDER},
    Action.VIEW_AGGREGATES: STAFF | {R.CORE_GROUP, R.FUNDER},
    Action.MANAGE_SURVEYS: STAFF | {R.CORE_GROUP},
    Action.SPEND_FAST_FUND: STAFF,
    Action.VIEW_AUDIT_LOG: STAFF,
    Action.ACT_ON_PRIVACY_RIGHTS: STAFF,
    Action.MANAGE_COMMUNITY: frozenset({R.ADMIN}),
    Action.INVITE_PEOPLE: STAFF,
    Action.MANAGE_JOIN_REQUESTS: STAFF,
    Action.MANAGE_ROLES: STAFF,
    Action.MANAGE_LOGINS: frozenset({R.ADMIN}),
    Action.WORK_DESK: STAFF,
    Action.EDIT_ROTA: STAFF,
}

# The roles each role may give or take away (MANAGE_ROLES). A coordinator brings people in as
# resident or volunteer; every role that sees more (staff, core group, partner, funder) is the
# administrator's decision.
GRANTABLE: dict[str, frozenset[str]] = {
    R.ADMIN: frozenset(R.values),
    R.COORDINATOR: frozenset({R.RESIDENT, R.VOLUNTEER}),
}


def grantable_roles(roles: frozenset[str] | set[str]) -> frozenset[str]:
    """The roles someone holding `roles` may give or take away."""
    return frozenset().union(*(GRANTABLE.get(role, frozenset()) for role in roles))


def may_act_on(roles: frozenset[str] | set[str], target_roles: frozenset[str] | set[str]) -> bool:
    """Only administrators act on administrators (edit, erase, deactivate, change roles or login).

    Any other rule for the action still applies on top; this one only protects administrators
    from the people they appoint.
    """
    return R.ADMIN not in target_roles or R.ADMIN in roles


def is_allowed(roles: frozenset[str] | set[str], action: Action) -> bool:
    """True when one of these roles may perform the action; unknown actions are refused."""
    return bool(RULES.get(action, frozenset()) & set(roles))
