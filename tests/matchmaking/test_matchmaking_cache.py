"""The per-community index stays current: changes show in suggestions at once, in this process
by incremental updates and elsewhere by a rebuild when the version moved."""

from unittest import mock

import pytest

from naober.exchange import services
from naober.matchmaking import cache
from naober.matchmaking.models import MatchingChange, MatchingVersion
from tests.matchmaking.builders import (
    actor_of,
    located,
    make_offer,
    make_request,
    suggested_offers,
)

pytestmark = pytest.mark.django_db


def test_a_new_offer_appears_at_once(community, coordinator):
    help_request = make_request(community)
    first = make_offer(community)
    assert suggested_offers(coordinator, help_request) == [first.pk]
    second = make_offer(community)
    assert set(suggested_offers(coordinator, help_request)) == {first.pk, second.pk}


def test_a_paused_offer_disappears(community, coordinator):
    help_request = make_request(community)
    offer = make_offer(community)
    assert suggested_offers(coordinator, help_request) == [offer.pk]
    services.update_offer(actor_of(offer.helper), offer, {"available": False})
    assert suggested_offers(coordinator, help_request) == []


def test_a_helper_who_becomes_full_disappears(community, coordinator):
    offer = make_offer(community, max_per_month=1)
    help_request = make_request(community)
    assert suggested_offers(coordinator, help_request) == [offer.pk]
    services.propose(actor_of(coordinator), make_request(community), offer)
    assert suggested_offers(coordinator, help_request) == []


def test_another_communitys_offers_never_appear(community, other_community, coordinator):
    make_offer(other_community)
    help_request = make_request(community)
    assert suggested_offers(coordinator, help_request) == []
    mine = make_offer(community)
    make_offer(other_community)
    assert suggested_offers(coordinator, help_request) == [mine.pk]


def test_each_change_bumps_the_version(community, coordinator):
    help_request = make_request(community)
    suggested_offers(coordinator, help_request)  # creates the version row
    version = MatchingVersion.objects.get(community=community).version
    offer = make_offer(community)  # save + categories
    helper = offer.helper
    located(helper, 1, 2)
    helper.languages = ["nl", "ar"]
    helper.save()
    after = MatchingVersion.objects.get(community=community).version
    assert after >= version + 4
    helper.name = "Andere Naam"
    helper.save()  # a field the index does not read
    assert MatchingVersion.objects.get(community=community).version == after


def test_the_handling_process_updates_its_index_without_a_rebuild(
    community, coordinator, django_capture_on_commit_callbacks
):
    help_request = make_request(community)
    full = make_offer(community, max_per_month=1)
    assert suggested_offers(coordinator, help_request) == [full.pk]
    with mock.patch.object(cache, "build_entry", wraps=cache.build_entry) as build:
        with django_capture_on_commit_callbacks(execute=True):
            added = make_offer(community)
        with django_capture_on_commit_callbacks(execute=True):
            services.propose(actor_of(coordinator), make_request(community), full)
        with django_capture_on_commit_callbacks(execute=True):
            located(added.helper, 100, 100)
        assert suggested_offers(coordinator, help_request) == [added.pk]
        assert build.call_count == 0  # the version moved, but this process applied the changes
    entry = cache._entries[community.pk]
    assert entry.version == MatchingVersion.objects.get(community=community).version
    row = entry.row_of[added.pk]
    assert (entry.index.x[row], entry.index.y[row]) == (100, 100)


def test_another_process_rebuilds_when_the_version_moved(community, coordinator):
    help_request = make_request(community)
    offer = make_offer(community)
    assert suggested_offers(coordinator, help_request) == [offer.pk]
    # Another process paused the offer: only the database and the version changed.
    type(offer).objects.filter(pk=offer.pk).update(available=False)
    assert suggested_offers(coordinator, help_request) == [offer.pk]  # same version: cached
    MatchingVersion.objects.filter(community=community).update(version=12345)
    assert suggested_offers(coordinator, help_request) == []


def test_another_process_applies_the_logged_steps_without_a_rebuild(community, coordinator):
    help_request = make_request(community)
    offer = make_offer(community)
    assert suggested_offers(coordinator, help_request) == [offer.pk]
    stale = cache._entries[community.pk]
    services.update_offer(actor_of(offer.helper), offer, {"available": False})
    cache._entries[community.pk] = stale  # as another process still holds it
    builds = cache.stats["builds"]
    assert suggested_offers(coordinator, help_request) == []
    assert cache.stats["builds"] == builds
    assert cache._entries[community.pk].version == (
        MatchingVersion.objects.get(community=community).version
    )


def test_missing_or_community_wide_steps_mean_a_rebuild(community, coordinator):
    help_request = make_request(community)
    offer = make_offer(community)
    suggested_offers(coordinator, help_request)
    stale = cache._entries[community.pk]
    services.update_offer(actor_of(offer.helper), offer, {"available": False})
    MatchingChange.objects.filter(community=community).delete()  # pruned
    cache._entries[community.pk] = stale
    builds = cache.stats["builds"]
    assert suggested_offers(coordinator, help_request) == []
    assert cache.stats["builds"] == builds + 1
    cache.bump(community.pk)  # e.g. a category changed
    suggested_offers(coordinator, help_request)
    assert cache.stats["builds"] == builds + 2


def test_writers_prune_old_steps(community, coordinator, monkeypatch):
    monkeypatch.setattr(cache, "KEEP_CHANGES", 50)
    monkeypatch.setattr(cache, "PRUNE_EVERY", 10)
    help_request = make_request(community)
    offer = make_offer(community)
    suggested_offers(coordinator, help_request)
    for _ in range(100):
        cache.bump(community.pk, {offer.helper_id})
    version = MatchingVersion.objects.get(community=community).version
    kept = set(MatchingChange.objects.filter(community=community).values_list("version", flat=True))
    assert 50 <= len(kept) < 60
    assert set(range(version - 49, version + 1)) <= kept  # the newest steps stay
