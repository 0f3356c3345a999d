"""Domain refusals: one class per kind of refusal, mapped once to an HTTP status, and long text
refused with a clear message instead of being cut."""

import pytest
from django.core.exceptions import ValidationError

from naober.api.errors import status_of
from naober.base.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    NotAllowed,
    RateLimited,
    refusal,
)
from naober.exchange import services
from naober.exchange.models import HelpRequest
from tests.exchange.helpers import actor_of, make_offer, make_request


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (NotAllowed(), 403, "forbidden"),
        (Conflict("x", "request_taken"), 409, "request_taken"),
        (InvalidTransition(), 409, "invalid_transition"),
        (RateLimited(), 429, "rate_limited"),
        (DomainError(), 400, "refused"),
    ],
)
def test_each_refusal_has_one_status_and_a_page_message(error, status, code):
    assert (status_of(error), error.code) == (status, code)
    assert refusal(error) == error.message and error.message


def test_a_title_over_its_limit_is_refused_not_cut(community, person_factory):
    with pytest.raises(ValidationError) as info:
        make_request(community, person_factory(community, "resident"), title="x" * 121)
    assert "120" in info.value.message_dict["title"][0]
    assert not HelpRequest.objects.exists()


def test_a_yes_with_a_note_too_long_for_the_history_is_refused(community, person_factory):
    helper = person_factory(community, "volunteer")
    request = make_request(community, person_factory(community, "resident"))
    match = services.propose(
        actor_of(person_factory(community, "coordinator")), request, make_offer(community, helper)
    )
    with pytest.raises(ValidationError) as info:
        services.say_yes(actor_of(helper), match, note="x" * 501)  # the note has all 500
    assert "note" in info.value.message_dict
    match.refresh_from_db()
    assert match.helper_yes_at is None
