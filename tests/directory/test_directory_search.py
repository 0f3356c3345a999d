"""Searching the social map in Dutch, with stemming, filters and tenant isolation."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from naober.directory import search, selectors, services
from tests.directory.conftest import actor_of


def names(qs):
    return sorted(o.name for o in qs)


def test_stems_ignore_case_and_accents():
    assert search.stems("Coördinatie TUINIEREN") == search.stems("coordinatie tuinieren")


def test_tuin_finds_tuinieren_and_tuinen(make_org, resident):
    make_org("Groene Vingers", "Samen tuinieren in de volkstuin.")
    make_org("Hovenier De Es", "Wij onderhouden tuinen.")
    make_org("Bibliotheek", "Boeken lenen en digitaal spreekuur.")
    found = selectors.organisation_search(actor_of(resident), query="tuin")
    assert names(found) == ["Groene Vingers", "Hovenier De Es"]


def test_tuinieren_finds_tuin(make_org, resident):
    make_org("Buurttuin Krakeel", "Een tuin voor de hele buurt.")
    make_org("Voedselbank", "Pakketten voor wie weinig heeft.")
    found = selectors.organisation_search(actor_of(resident), query="Tuinieren")
    assert names(found) == ["Buurttuin Krakeel"]


def test_search_finds_words_in_services(make_org, resident):
    make_org(
        "Bibliotheek Hoogeveen",
        "Boeken.",
        services_=[("Digitaal spreekuur", "Hulp met de computer en DigiD")],
    )
    assert names(selectors.organisation_search(actor_of(resident), query="computers")) == [
        "Bibliotheek Hoogeveen"
    ]


def test_every_query_word_must_match(make_org, resident):
    make_org("Taalhuis", "Nederlands leren en lezen.")
    make_org("Leesclub", "Samen lezen.")
    assert names(selectors.organisation_search(actor_of(resident), query="lezen nederlands")) == [
        "Taalhuis"
    ]


def test_changing_a_service_updates_the_search_key(make_org, coordinator, resident):
    org = make_org("Buurthuis", "Koffie.")
    assert not selectors.organisation_search(actor_of(resident), query="schilderen").exists()
    services.save_service(
        actor_of(coordinator),
        org,
        None,
        {"name": "Schildercursus", "description": "Schilderen voor ouderen"},
    )
    assert selectors.organisation_search(actor_of(resident), query="schilderen").exists()


def test_filter_by_life_domain_and_area(make_org, resident):
    make_org("Ouderenbond", "Activiteiten.", life_domains=["contacts"], where="Hoogeveen")
    make_org("Huisarts", "Zorg.", life_domains=["health"], where="Odoorn")
    actor = actor_of(resident)
    assert names(selectors.organisation_search(actor, domain="health")) == ["Huisarts"]
    assert names(selectors.organisation_search(actor, area="hoogeveen")) == ["Ouderenbond"]


def test_inactive_organisations_are_hidden_from_residents(make_org, resident, coordinator):
    make_org("Oude club", "Gestopt.", active=False)
    assert not selectors.organisation_search(actor_of(resident)).exists()
    assert selectors.organisation_search(actor_of(coordinator), include_inactive=True).exists()


def test_other_community_is_never_returned(make_org, other_community, person_factory):
    org = make_org("Groene Vingers", "tuinieren")
    outsider = actor_of(person_factory(other_community, "coordinator"))
    assert not selectors.organisation_search(outsider, query="tuin").exists()
    assert selectors.area_choices(outsider) == []
    with pytest.raises(Http404):
        selectors.organisation_get(outsider, org.pk)


def test_funder_cannot_view_the_map(community, person_factory):
    with pytest.raises(PermissionDenied):
        selectors.organisation_search(actor_of(person_factory(community, "funder")))
