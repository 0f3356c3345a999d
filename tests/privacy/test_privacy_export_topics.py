"""The data export covers every row about a person in every app, and shows each field only as the
person may see it elsewhere (issue 12.1). Relations to Person are found through Django's app
registry, so a model added later is covered or fails here."""

import json

import pytest
from django.apps import apps
from django.test import Client

from naober.communities.context import resolve_actor
from naober.people.models import Person
from naober.privacy import readable, subject
from naober.privacy.topics import NOT_EXPORTED, TOPICS, reader_for
from tests.privacy import rich_resident as rich


def person_relations() -> set[str]:
    """Every concrete relation of any model to Person ("app_label.Model.field")."""
    found = set()
    for model in apps.get_models():
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if f.is_relation and f.related_model is Person and model is not Person:
                found.add(f"{model._meta.app_label}.{model.__name__}.{f.name}")
    return found


def covered() -> set[str]:
    return {relation for topic in TOPICS for relation in topic.covers}


def test_every_relation_to_person_is_exported_or_left_out_with_a_reason():
    relations = person_relations()
    missing = relations - covered() - set(NOT_EXPORTED)
    assert not missing, f"add a privacy topic (or leave_out with a reason) for {sorted(missing)}"
    assert covered() <= relations, "a topic covers a relation that no longer exists"
    assert all(len(reason) > 20 for reason in NOT_EXPORTED.values())


@pytest.fixture
def data(community):
    return rich.build(community)


def export_of(person) -> dict:
    actor = resolve_actor(person.user, person.community.slug)
    return subject.export(actor, person)


def test_every_row_about_the_person_is_in_the_export(data):
    people = (data.subject, data.helper, data.partner, data.coordinator, data.core)
    seen = set()
    for person in people:
        expected = {}
        for topic in TOPICS:
            for relation in topic.covers:
                app_label, model_name, field = relation.split(".")
                rows = apps.get_model(app_label, model_name)._default_manager.filter(
                    **{field: person}
                )
                expected[relation] = (topic.key, set(rows.values_list("pk", flat=True)))
        sections = export_of(person)["sections"]
        for relation, (key, pks) in expected.items():
            shown = {row.get("id") for row in sections.get(key, [])}
            assert pks <= shown, f"{relation}: rows {pks - shown} missing"
            seen |= {relation} if pks else set()
    assert seen == covered(), f"the rich data misses {covered() - seen}"
    sections = export_of(data.subject)["sections"]
    assert len(sections["outreach.life_domains"]) == 5
    assert sections["exchange.contact_notes"][0]["note"] == "Wil op dinsdag"
    assert {r["id"] for r in sections["exchange.matches"]} == {
        data.open_match.pk,
        data.helper_match.pk,
    }


def test_every_field_shown_is_one_the_reader_may_see_elsewhere(data):
    """Each exported row equals the app's own field rule for the person as reader."""
    person = data.subject
    reader = reader_for(person)
    before = {topic.key: list(topic.rows(person)) for topic in TOPICS}
    sections = export_of(person)["sections"]
    for topic in TOPICS:
        for obj, row in zip(before[topic.key], sections.get(topic.key, []), strict=True):
            allowed = set(topic.view(reader, obj))
            assert set(row) <= allowed, f"{topic.key}: {set(row) - allowed} not visible"


def test_the_person_a_signal_is_about_never_learns_its_source(data):
    text = json.dumps(export_of(data.subject))
    about = export_of(data.subject)["sections"]["outreach.signals_about"][0]
    assert {"raised_by", "assignee", "outcome", "organisation"}.isdisjoint(about)
    assert rich.SECRETS["raiser_note"] not in text
    assert about["description"] == "Mevrouw lijkt vergeetachtig"


def test_helper_export_has_no_coordinator_notes(data, api):
    """The helper's export (and the API) show neither the review nor the introduction notes."""
    sections = export_of(data.helper)["sections"]
    text = json.dumps(sections)
    assert rich.SECRETS["review_note"] not in text
    assert rich.SECRETS["intro_notes"] not in text
    match = next(r for r in sections["exchange.matches"] if r["id"] == data.open_match.pk)
    assert "Graag!" in [step["note"] for step in match["history"]]  # the sides' own notes stay
    from_api = api.login(data.helper).get(f"c/wijk/matches/{data.open_match.pk}").json()
    assert set(match) == set(from_api)
    assert rich.SECRETS["review_note"] not in json.dumps(from_api)
    page = web(data.helper).get(f"/c/wijk/matches/{data.open_match.pk}/").content.decode()
    assert "Graag!" in page and rich.SECRETS["review_note"] not in page
    staff_page = web(data.coordinator).get(f"/c/wijk/matches/{data.open_match.pk}/")
    assert rich.SECRETS["review_note"] in staff_page.content.decode()


def test_partner_export_has_no_referral_outcome(data):
    sections = export_of(data.partner)["sections"]
    made = sections["directory.referrals_made"]
    assert [r["id"] for r in made] == [data.referral_made.pk]
    assert "outcome" not in made[0] and "note" not in made[0]
    assert rich.SECRETS["referral_outcome"] not in json.dumps(sections)


def test_a_coordinator_downloading_for_someone_gets_what_that_person_may_see(data):
    coordinator = resolve_actor(data.coordinator.user, "wijk")
    text = json.dumps(subject.export(coordinator, data.subject))
    assert rich.SECRETS["raiser_note"] not in text and rich.SECRETS["review_note"] not in text


def test_every_key_on_the_page_has_a_readable_label(data):
    missing = set()
    for person in (data.subject, data.helper, data.partner, data.coordinator, data.core):
        for section in subject.collect(person):
            for row in section.rows:
                missing |= {(section.key, k) for k in readable.unlabelled_keys(section.topic, row)}
    assert not missing


def web(person):
    client = Client()
    client.force_login(person.user)
    return client


def test_page_is_plain_dutch_grouped_by_topic(data):
    client = web(data.subject)
    client.get("/c/wijk/my-data/")  # the second look lists the first in the log
    page = client.get("/c/wijk/my-data/").content.decode()
    assert "Al uw gegevens" in page
    for heading in ("Hulp vragen en geven", "Huisbezoeken en signalen", "Berichten"):
        assert heading in page
    raw_values = ("True", "False", "['", "233000", "surroundings", "None", "_at<", "mon-morning")
    for raw in (*raw_values, "subject access request", "privacy.audit", "exchange.requests"):
        assert raw not in page, raw
    assert "14 mei 1946" in page and "Nederlands, Turks" in page and "maandag ochtend" in page
    assert "Persoonsgegevens, " in page  # an export in the log, by the headings it held
    assert "?format=json" in page


def test_coordinator_reads_data_of_name_not_your_data(data):
    page = web(data.coordinator).get(f"/c/wijk/people/{data.subject.pk}/data/").content.decode()
    assert f"Gegevens van {rich.NAME}" in page
    assert "Al uw gegevens" not in page and "Uw gegevens" not in page


def test_follow_up_calls_are_in_the_export_of_the_person_helped_only(data):
    """A follow-up call is about the person through their request (no column of its own), so
    the registry's relation walk cannot find it: this pins it."""
    from datetime import timedelta

    from django.utils import timezone

    from naober.exchange.models import FollowUp, FollowUpKind, WouldHelp

    call = FollowUp.objects.create(
        match=data.open_match,
        kind=FollowUpKind.AFTER_START,
        due_at=timezone.now() - timedelta(days=1),
        done_at=timezone.now(),
        how_did_it_go="Fijn, we wandelen elke week",
        would_help_others=WouldHelp.MAYBE,
    )
    rows = export_of(data.subject)["sections"]["exchange.followups"]
    assert [(r["id"], r["how_did_it_go"], r["would_help_others"]) for r in rows] == [
        (call.pk, "Fijn, we wandelen elke week", "maybe")
    ]
    assert "Fijn, we wandelen" not in json.dumps(export_of(data.helper), default=str)
