"""Every event renders in Dutch and English, SMS texts fit in one message, no contact leaks."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from naober.notify.render import language_of, render
from naober.notify.texts import EVENTS, SMS_LIMIT

LONG_TITLE = "Hulp bij het ophangen van drie zware schilderijen in de woonkamer en de gang " * 2


def contexts(requester, helper):
    request = SimpleNamespace(pk=3, title=LONG_TITLE, requester=requester)
    match = SimpleNamespace(pk=12, request=request, offer=SimpleNamespace(helper=helper))
    return {
        "request_received": {"request": request, "deadline_hours": 48},
        "helper_responded": {"match": match},
        "match_proposed": {"match": match},
        "match_accepted": {"match": match},
        "match_stopped": {"match": match},
        "match_completed": {"match": match},
        "followup_due": {"followup": SimpleNamespace(pk=1, match=match)},
        "referral_sent": {
            "referral": SimpleNamespace(
                pk=2, organisation=SimpleNamespace(name="Stichting Welzijn Hoogeveen Zuid")
            )
        },
        "signal_outcome": {
            "signal": SimpleNamespace(
                pk=4,
                created_at=datetime(2026, 3, 3, 10, tzinfo=UTC),
                description="Mevrouw Bos op nummer 5 is vaak alleen",
                outcome="Intern: Bos gebeld",
                public_outcome="We gaan langs met de wijkagent.",
            )
        },
        "vog_expiring": {
            "community": None,
            "volunteers": [
                SimpleNamespace(
                    profile=SimpleNamespace(person=helper), valid_until=date(2026, 4, 1)
                )
            ],
        },
        "request_waiting": {
            "request": SimpleNamespace(
                pk=3,
                title=LONG_TITLE,
                code="V-1021",
                requester=requester,
                answer_by=datetime(2026, 3, 5, 16, tzinfo=UTC),
            ),
            "stage": "half",
        },
        "request_in_progress": {"request": request, "stage": "half"},
        "acute_signal": {"signal": SimpleNamespace(pk=5, description="Mevrouw Bos is gevallen")},
        "door_arrival": {"door": "callback", "answer_by": datetime(2026, 3, 5, 16, tzinfo=UTC)},
        "callback_waiting": {"answer_by": datetime(2026, 3, 5, 16, tzinfo=UTC)},
        "custom": {"subject": "Hallo", "body": "Tot morgen."},
    }


@pytest.fixture
def pair(community, person_factory):
    person_factory(community, "coordinator", phone="0528 123456")
    requester = person_factory(community, name="Anna de Vries", phone="06 11112222")
    helper = person_factory(
        community,
        name="Bert Jansen",
        phone="06 99998888",
        email="bert@voorbeeld.nl",
        address="Kerkstraat 7",
    )
    return requester, helper


@pytest.mark.parametrize("event", sorted(EVENTS))
@pytest.mark.parametrize("channel", ["email", "sms", "letter", "phone"])
def test_every_event_renders_with_minimal_context(community, person_factory, event, channel):
    person = person_factory(community)
    minimal = {} if event != "custom" else {"body": "x"}
    rendered = render(person, event, minimal, channel)
    assert rendered.subject and rendered.body


@pytest.mark.parametrize("event", sorted(set(EVENTS) - {"custom"}))
def test_sms_fits_in_one_message_without_contact_details(pair, event):
    requester, helper = pair
    rendered = render(requester, event, contexts(requester, helper)[event], "sms")
    assert len(rendered.body) <= SMS_LIMIT, rendered.body
    for detail in (helper.phone, helper.email, helper.address, helper.name):
        assert detail not in rendered.body


def test_dutch_is_the_default(pair):
    requester, helper = pair
    rendered = render(
        requester, "match_completed", contexts(requester, helper)["match_completed"], "email"
    )
    assert rendered.language == "nl"
    assert "Bedankt" in rendered.body or "bedankt" in rendered.body
    assert rendered.body.startswith("Beste Anna de Vries,")
    assert "Bel de coördinator op 0528 123456" in rendered.body


def test_english_for_a_person_who_prefers_it(community, person_factory, pair):
    requester, helper = pair
    requester.languages = ["tr", "en", "nl"]
    rendered = render(
        requester, "match_stopped", contexts(requester, helper)["match_stopped"], "email"
    )
    assert rendered.language == "en"
    assert rendered.body.startswith("Dear Anna de Vries,")
    assert "has stopped" in rendered.body


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        ([], "nl"),
        (["tr"], "nl"),
        (["nl", "en"], "nl"),
        (["en", "nl"], "en"),
        (["ar", "en"], "en"),
    ],
)
def test_language_of(community, person_factory, languages, expected):
    assert language_of(person_factory(community, languages=languages)) == expected


def test_helper_sees_only_the_requesters_first_name(pair):
    requester, helper = pair
    rendered = render(
        helper, "match_accepted", contexts(requester, helper)["match_accepted"], "email"
    )
    assert "Anna" in rendered.body and "de Vries" not in rendered.body.split("\n\n", 1)[1]
    assert requester.phone not in rendered.body


def test_match_accepted_shows_the_shared_contact_the_caller_passes(pair):
    requester, helper = pair
    context = contexts(requester, helper)["match_accepted"] | {
        "shared_contact": "Bert, 06 99998888"
    }
    rendered = render(requester, "match_accepted", context, "sms")
    assert "06 99998888" in rendered.body and len(rendered.body) <= SMS_LIMIT


def test_shared_contact_is_ignored_for_other_events(pair):
    requester, helper = pair
    context = contexts(requester, helper)["match_proposed"] | {"shared_contact": "06 99998888"}
    for channel in ("sms", "email"):
        assert "06 99998888" not in render(requester, "match_proposed", context, channel).body


def test_followup_reminds_a_coordinator_and_tells_a_resident(community, person_factory, pair):
    requester, helper = pair
    coordinator = person_factory(community, "coordinator")
    context = contexts(requester, helper)["followup_due"]
    for_staff = render(coordinator, "followup_due", context, "email")
    assert for_staff.subject == "Tijd om na te bellen" and "Anna de Vries" in for_staff.body
    for_resident = render(requester, "followup_due", context, "email")
    assert "De coördinator belt u binnenkort" in for_resident.body


def test_signal_outcome_tells_only_the_public_outcome(pair):
    requester, helper = pair
    context = contexts(requester, helper)["signal_outcome"]
    for channel in ("sms", "email", "letter"):
        body = render(requester, "signal_outcome", context, channel).body
        assert "We gaan langs met de wijkagent." in body
        assert "Bos" not in body
    assert "3 maart 2026" in render(requester, "signal_outcome", context, "email").body


def test_vog_expiring_lists_the_volunteers_for_the_coordinator(community, person_factory, pair):
    requester, helper = pair
    coordinator = person_factory(community, "coordinator")
    body = render(
        coordinator, "vog_expiring", contexts(requester, helper)["vog_expiring"], "email"
    ).body
    assert "Bert Jansen (1 april 2026)" in body and "VOG" in body
