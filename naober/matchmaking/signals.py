"""Signal handlers that bump a community's MatchingVersion when the index's inputs change
(see cache.py for why and how the processes stay in step), bump its requests version when what
the plan reads of the open requests changes, and then ask the task worker for a new plan
(plans.py)."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from naober.communities.models import Area
from naober.exchange.models import Category, HelpOffer, HelpRequest, Match, RequestStatus
from naober.matchmaking import cache, plans
from naober.matchmaking.models import MatchingSettings, PersonLocation, RequestWish
from naober.matchmaking.tasks import queue_refresh
from naober.people.models import Person

#: Person fields the index reads: a change of anything else leaves the index alone.
PERSON_FIELDS = ("area_id", "gender", "languages", "erased_at")
#: Person fields a request's encoding reads of its requester (beside their location).
REQUESTER_FIELDS = ("area_id", "languages", "vulnerable", "erased_at")
READ_FIELDS = tuple(dict.fromkeys(PERSON_FIELDS + REQUESTER_FIELDS))


def _replan(community_id: int) -> None:
    """A new plan once the change is committed (a rolled-back change asks for nothing)."""
    transaction.on_commit(partial(queue_refresh, community_id), robust=True)


def bump(community_id: int, helper_ids=None) -> None:
    """cache.bump, then a new plan."""
    cache.bump(community_id, helper_ids)
    _replan(community_id)


def bump_requests(community_id: int) -> None:
    plans.bump_requests(community_id)
    _replan(community_id)


def _has_offers(person_id: int) -> bool:
    return HelpOffer.objects.filter(helper_id=person_id).exists()


def _has_open_requests(person_id: int) -> bool:
    return HelpRequest.objects.filter(requester_id=person_id, status=RequestStatus.OPEN).exists()


@receiver(post_save, sender=HelpOffer)
@receiver(post_delete, sender=HelpOffer)
def offer_changed(sender, instance, **kwargs):
    bump(instance.community_id, {instance.helper_id})


@receiver(m2m_changed, sender=HelpOffer.categories.through)
def offer_categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # category.offers.add(...): which helpers is not worth finding out
        bump(instance.community_id)
    else:
        bump(instance.community_id, {instance.helper_id})


@receiver(pre_save, sender=Person)
def remember_person(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None:
        return
    if update_fields is not None and not {f.removesuffix("_id") for f in update_fields} & {
        f.removesuffix("_id") for f in READ_FIELDS
    }:
        return
    instance._matching_before = dict(
        zip(
            READ_FIELDS,
            Person.objects.filter(pk=instance.pk).values_list(*READ_FIELDS).first() or (),
            strict=False,
        )
    )


@receiver(post_save, sender=Person)
def person_changed(sender, instance, created, **kwargs):
    before = instance.__dict__.pop("_matching_before", None)
    if created or not before:
        return
    changed = {field for field in READ_FIELDS if before[field] != getattr(instance, field)}
    if changed & set(PERSON_FIELDS) and _has_offers(instance.pk):
        bump(instance.community_id, {instance.pk})
    if changed & set(REQUESTER_FIELDS) and _has_open_requests(instance.pk):
        bump_requests(instance.community_id)


@receiver(post_save, sender=PersonLocation)
@receiver(post_delete, sender=PersonLocation)
def location_changed(sender, instance, **kwargs):
    helper = _has_offers(instance.person_id)
    requester = _has_open_requests(instance.person_id)
    if not (helper or requester):
        return
    community_id = (
        Person.objects.filter(pk=instance.person_id).values_list("community_id", flat=True).first()
    )
    if community_id is None:
        return
    if helper:
        bump(community_id, {instance.person_id})
    if requester:
        bump_requests(community_id)


@receiver(post_save, sender=HelpRequest)
@receiver(post_delete, sender=HelpRequest)
def request_changed(sender, instance, **kwargs):
    bump_requests(instance.community_id)


@receiver(post_save, sender=RequestWish)
@receiver(post_delete, sender=RequestWish)
def wish_changed(sender, instance, **kwargs):
    community_id = (
        HelpRequest.objects.filter(pk=instance.request_id)
        .values_list("community_id", flat=True)
        .first()
    )
    if community_id is not None:  # else the request is being deleted: that bumped already
        bump_requests(community_id)


@receiver(post_save, sender=Match)
@receiver(post_delete, sender=Match)
def match_changed(sender, instance, **kwargs):
    bump(instance.community_id, {instance.helper_id})


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
@receiver(post_save, sender=Area)
@receiver(post_delete, sender=Area)
@receiver(post_save, sender=MatchingSettings)
def community_changed(sender, instance, **kwargs):
    bump(instance.community_id)
