"""The public community home comes from the cache and is fresh after every change it shows
(issue 16.5)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from naober.exchange.models import Category
from tests.factories import street
from tests.foundation.test_foundation_tenancy import offer_of, request_of


def _home(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/c/wijk/").content.decode()
    return html, len(queries)


def test_second_visit_reads_no_list_from_the_database(client, community, person_factory):
    helper = person_factory(community, name="Gerrit Kerkhof", area=street(community, "Kerkstraat"))
    offer_of(helper, "Ik help graag in de tuin")
    request_of(person_factory(community, name="Johanna de Vries"), "Boodschappen", publish=True)
    first_html, first = _home(client)
    second_html, second = _home(client)
    for shown in ("Ik help graag in de tuin", "Gerrit, Kerkstraat", "Boodschappen", "Johanna"):
        assert shown in first_html and shown in second_html
    assert second < first  # the four list queries are gone
    assert second <= 3  # only the community (and the session machinery) remain


def test_each_change_the_home_shows_reaches_the_next_visit(client, community, person_factory):
    helper = person_factory(community, name="Gerrit Kerkhof", area=street(community, "Kerkstraat"))
    asker = person_factory(community, name="Johanna de Vries")
    offer = offer_of(helper, "Ik help graag in de tuin")
    _home(client)  # fills the cache

    request = request_of(asker, "Hulp bij boodschappen", publish=True)
    assert "Hulp bij boodschappen" in _home(client)[0]  # a new request

    request.title = "Hulp bij de was"
    request.save()
    assert "Hulp bij de was" in _home(client)[0]  # an edited request

    helper.public_name = "Ger"
    helper.save()
    assert "Ger, Kerkstraat" in _home(client)[0]  # a person's public name

    offer.available = False
    offer.save()
    assert "Ik help graag in de tuin" not in _home(client)[0]  # a paused offer

    offer.available = True
    offer.save()
    offer.categories.set(Category.objects.filter(community=community, code="boodschappen"))
    label = Category.objects.get(community=community, code="boodschappen").label
    assert _home(client)[0].count(label) >= 2  # the offer's categories changed

    request.delete()
    assert "Hulp bij de was" not in _home(client)[0]  # a deleted request


def test_a_change_in_one_process_reaches_another_process_cache(
    client, community, person_factory, monkeypatch
):
    """Two server processes each keep their own memory cache; the version they both read from the
    database makes the second one show a change made through the first on its next visit."""
    from django.core.cache.backends.locmem import LocMemCache

    from naober.core import home_cache

    helper = person_factory(community, name="Gerrit Kerkhof", area=street(community, "Kerkstraat"))
    offer = offer_of(helper, "Ik help graag in de tuin")
    first, second = LocMemCache("home-a", {}), LocMemCache("home-b", {})
    monkeypatch.setattr(home_cache, "cache", second)
    assert "Ik help graag in de tuin" in _home(client)[0]  # the other process has it cached
    monkeypatch.setattr(home_cache, "cache", first)
    offer.description = "Ik doe boodschappen"
    offer.save()  # made in this process
    assert "Ik doe boodschappen" in _home(client)[0]
    monkeypatch.setattr(home_cache, "cache", second)
    html, queries = _home(client)
    assert "Ik doe boodschappen" in html and "in de tuin" not in html
    assert "Ik doe boodschappen" in _home(client)[0]
