"""initiatives/policy.py's row rule: who a budget decision may name as having decided. The
decide form offers exactly these people and the service accepts nobody else."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from naober.initiatives import forms, services
from naober.initiatives.models import Decision, Initiative
from tests.initiatives.helpers import actor_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "named"), [("core_group", True), ("coordinator", False), ("funder", False)]
)
def test_only_the_core_group_is_named_as_deciders(community, person_factory, role, named):
    core = person_factory(community, "core_group")
    other = core if role == "core_group" else person_factory(community, role)
    form = forms.DecisionForm(community=community)
    assert (other in form.fields["decided_by"].queryset) is named
    initiative = Initiative.objects.create(community=community, title="Tuin")
    proposal = services.propose_budget(actor_of(core), initiative, amount="100", purpose="Zaden")

    def decide():
        return services.decide(
            actor_of(core),
            proposal,
            outcome="approved",
            decided_on=date(2026, 1, 1),
            decided_by=[other],
        )

    if named:
        assert list(decide().decided_by.all()) == [other]
    else:
        with pytest.raises(ValidationError):
            decide()
        assert not Decision.objects.exists()
