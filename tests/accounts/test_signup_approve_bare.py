"""Approving a sign-up through the API needs no body, as the contract (shared/API.md) shows it.

`POST join-requests/{id}/approve` with nothing in it answered 422 "payload: Dit veld is verplicht";
the contract names no field (`merge_with` is an extension, docs/api.md).
"""

import pytest

from naober.communities.models import SelfSignup

pytestmark = pytest.mark.django_db


def test_a_bare_post_approves(api, community, person_factory):
    community.self_signup = SelfSignup.APPROVAL
    community.save()
    api.post(
        "c/wijk/join",
        {"name": "Kees Nieuw", "email": "kees@voorbeeld.nl", "address": "Dorpsstraat 4",
         "wants": ["offer"], "accept_house_rules": True},
    )  # fmt: skip
    api.login(person_factory(community, "coordinator"))
    join_id = api.get("c/wijk/join-requests").json()["items"][0]["id"]
    approved = api.post(f"c/wijk/join-requests/{join_id}/approve", raw="")
    assert approved.status_code == 200, approved.content
    assert approved.json()["via"] == "email"
