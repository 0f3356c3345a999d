"""The public community home's two lists, served from the cache (issue 16.5).

The home is the page anyone may open without logging in, so it is the one a crowd (a link in a
newsletter, a crawler) hits hardest. Its lists change only when a request, offer, person,
category or area of the community changes, so they are kept in Django's cache under a
per-community version that a save or delete of one of those rows bumps (signals below). What is
cached is plain text (first name, public place, labels), never a model, and per language because
labels are translated.

The version is a row in the database (core.HomeVersion), read with one primary-key query a
visit, so a change made in one server process shows in every other process on its next visit,
with the default per-process memory cache and no shared cache to run. A bump is part of the
transaction that made the change: a rolled-back change bumps nothing. Bulk `update()` calls send
no signals, so an entry also expires after `TTL` seconds.
"""

from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from naober.communities.models import Area, Community
from naober.core.models import HomeVersion
from naober.exchange import selectors as exchange
from naober.exchange.models import Category, HelpOffer, HelpRequest
from naober.people.models import Person

TTL = 60


def _version(community_id: int) -> int:
    version = HomeVersion.objects.filter(pk=community_id).values_list("version", flat=True).first()
    if version is None:  # a community filled in bulk, without signals: its first visit
        version = HomeVersion.objects.get_or_create(community_id=community_id)[0].version
    return version


def invalidate(community_id: int, *, create: bool = True) -> None:
    """Make the next home of this community, in every process, read the database again."""
    bumped = HomeVersion.objects.filter(pk=community_id).update(version=F("version") + 1)
    if not bumped and create:
        HomeVersion.objects.get_or_create(community_id=community_id)


def home_lists(community) -> dict:
    """Recent published open requests and available offers as plain text, from the cache."""
    # created_at in the key: a database rolled back (tests) may hand a pk to a new community.
    key = (
        f"core:home:{community.pk}:{community.created_at.timestamp()}:"
        f"{translation.get_language()}:{_version(community.pk)}"
    )
    lists = cache.get(key)
    if lists is None:
        lists = {
            "requests": [
                {
                    "title": item.title,
                    "category": item.category.display_label,
                    "name": item.requester.display_name,
                }
                for item in exchange.recent_open_requests(community)
            ],
            "offers": [
                {
                    "description": offer.description,
                    "categories": [c.display_label for c in offer.categories.all()],
                    "name": offer.helper.display_name,
                    "place": offer.helper.public_place,
                }
                for offer in exchange.recent_available_offers(community)
            ],
        }
        cache.set(key, lists, timeout=TTL)
    return lists


def _changed(sender, instance, signal=None, **kwargs) -> None:
    if isinstance(instance, Community) and signal is post_delete:
        return  # its version row goes with it
    community_id = instance.pk if isinstance(instance, Community) else instance.community_id
    if community_id is not None:
        # A delete may be part of deleting the community: never create a row for it then.
        invalidate(community_id, create=signal is not post_delete)


def connect() -> None:
    """Bump a community's version on every change to what its home shows."""
    for model in (Community, Area, Category, HelpRequest, HelpOffer, Person):
        uid = f"core.home_cache.{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(_changed, sender=model, dispatch_uid=uid + ".delete")
    through = HelpOffer.categories.through
    m2m_changed.connect(_changed, sender=through, dispatch_uid="core.home_cache.offer_categories")
