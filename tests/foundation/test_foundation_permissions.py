"""The role × action table: every action allows exactly the roles the issue lists, nothing else.

The expected table is written out here on purpose (not derived from RULES): a change of the real
table must be a deliberate change of this test too.
"""

import pytest
from django.core.exceptions import PermissionDenied

from naober.communities.context import Actor
from naober.communities.models import Role
from naober.communities.permissions import RULES, Action, is_allowed

RES, VOL, COO, CORE, PAR, FUN, ADM = (
    Role.RESIDENT,
    Role.VOLUNTEER,
    Role.COORDINATOR,
    Role.CORE_GROUP,
    Role.PARTNER,
    Role.FUNDER,
    Role.ADMIN,
)
MEMBERS = {RES, VOL, COO, CORE, ADM}
STAFF = {COO, ADM}

EXPECTED = {
    Action.VIEW_PEOPLE: STAFF | {CORE},
    Action.VIEW_CONTACT_DETAILS: STAFF,
    Action.CREATE_PERSON: STAFF,
    Action.CHANGE_PERSON: STAFF,
    Action.RECORD_CONSENT: STAFF,
    Action.VIEW_EXCHANGE: MEMBERS | {PAR},
    Action.ASK_HELP: MEMBERS,
    Action.OFFER_HELP: MEMBERS,
    Action.ENTER_FOR_OTHERS: STAFF,
    Action.MANAGE_EXCHANGE: STAFF,
    Action.VIEW_CONTACT_LOG: STAFF,
    Action.REFER: STAFF | {PAR},
    Action.VIEW_REPORTS: STAFF | {CORE},
    Action.RECORD_VISIT: STAFF | {VOL, CORE},
    Action.VIEW_VISIT_NOTES: STAFF | {CORE},
    Action.RAISE_SIGNAL: MEMBERS | {PAR},
    Action.TRIAGE_SIGNALS: STAFF | {CORE},
    Action.VIEW_DIRECTORY: MEMBERS | {PAR},
    Action.MANAGE_DIRECTORY: STAFF,
    Action.MANAGE_VOLUNTEERS: STAFF,
    Action.VIEW_INITIATIVES: MEMBERS | {PAR},
    Action.MANAGE_INITIATIVES: STAFF | {CORE},
    Action.DECIDE_BUDGET: {CORE},
    Action.VIEW_AGGREGATES: STAFF | {CORE, FUN},
    Action.MANAGE_SURVEYS: STAFF | {CORE},
    Action.VIEW_AUDIT_LOG: STAFF,
    Action.ACT_ON_PRIVACY_RIGHTS: STAFF,
    Action.MANAGE_COMMUNITY: {ADM},
    # Added by the feature apps, pinned here too so that every rule has its allowed/denied test.
    Action.PLAN_VISITS: STAFF | {CORE},
    Action.REFER_OUT: STAFF,
    Action.MANAGE_REFERRALS: STAFF,
    Action.SPEND_FAST_FUND: STAFF,
    Action.EXPORT_LEDGER: MEMBERS | {PAR, FUN},
    Action.BOOK_PAYMENTS: STAFF | {FUN},
    Action.INVITE_PEOPLE: STAFF,
    Action.MANAGE_JOIN_REQUESTS: STAFF,
}

# Actions other engineers add later are checked by the generic tests below; the table above pins
# the foundation's own actions.
PINNED = [action for action in Action if action in EXPECTED]
CASES = [(action, role) for action in PINNED for role in Role.values]


@pytest.mark.parametrize(("action", "role"), CASES, ids=[f"{a.value}-{r}" for a, r in CASES])
def test_each_role_is_allowed_exactly_what_the_table_says(action, role):
    assert is_allowed({role}, action) is (role in EXPECTED[action])


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_every_action_has_a_rule_and_only_known_roles(action):
    assert action in RULES, f"{action} is not in the table: it would be denied to everyone"
    assert set(RULES[action]) <= set(Role.values)


def test_nobody_without_a_role_may_do_anything():
    assert not any(is_allowed(set(), action) for action in Action)


def test_unknown_role_is_denied():
    assert not any(is_allowed({"superhero"}, action) for action in Action)


def test_an_action_missing_from_the_table_is_denied(monkeypatch):
    monkeypatch.delitem(RULES, Action.VIEW_PEOPLE)
    assert not is_allowed(set(Role.values), Action.VIEW_PEOPLE)


def test_the_funder_sees_aggregates_and_nothing_personal():
    allowed = {action for action in PINNED if is_allowed({FUN}, action)}
    # The ledger export holds amounts and decisions only (tests/initiatives/test_exports.py);
    # booking a payment shows the decision's amount and what is left, nothing personal.
    assert allowed == {Action.VIEW_AGGREGATES, Action.EXPORT_LEDGER, Action.BOOK_PAYMENTS}


def test_several_roles_add_up():
    assert not is_allowed({RES}, Action.VIEW_PEOPLE)
    assert is_allowed({RES, CORE}, Action.VIEW_PEOPLE)


def test_actor_require_raises_permission_denied(community):
    resident = Actor(community=community, person=object(), roles=frozenset({RES}))
    with pytest.raises(PermissionDenied):
        resident.require(Action.CREATE_PERSON)
    Actor(community=community, person=object(), roles=frozenset({COO})).require(
        Action.CREATE_PERSON
    )


def test_actor_allowed_lists_the_action_values_for_templates(community):
    coordinator = Actor(community=community, person=object(), roles=frozenset({COO}))
    assert "people.view" in coordinator.allowed
    assert "communities.manage" not in coordinator.allowed
    visitor = Actor(community=community)
    assert not visitor.is_member and visitor.allowed == frozenset()
