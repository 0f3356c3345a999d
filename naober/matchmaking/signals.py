"""Signal handlers that bump a community's MatchingVersion when the index's inputs change
(see cache.py for why and how the processes stay in step)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from naober.communities.models import Area
from naober.exchange.models import Category, HelpOffer, Match
from naober.matchmaking.cache import bump
from naober.matchmaking.models import MatchingSettings, PersonLocation
from naober.people.models import Person

#: Person fields the index reads: a change of anything else leaves the index alone.
PERSON_FIELDS = ("area_id", "gender", "languages", "erased_at")


def _has_offers(person_id: int) -> bool:
    return HelpOffer.objects.filter(helper_id=person_id).exists()


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
        f.removesuffix("_id") for f in PERSON_FIELDS
    }:
        return
    instance._matching_before = (
        Person.objects.filter(pk=instance.pk).values_list(*PERSON_FIELDS).first()
    )


@receiver(post_save, sender=Person)
def person_changed(sender, instance, created, **kwargs):
    before = instance.__dict__.pop("_matching_before", None)
    if created or before is None:
        return
    after = tuple(getattr(instance, field) for field in PERSON_FIELDS)
    if before != after and _has_offers(instance.pk):
        bump(instance.community_id, {instance.pk})


@receiver(post_save, sender=PersonLocation)
@receiver(post_delete, sender=PersonLocation)
def location_changed(sender, instance, **kwargs):
    if _has_offers(instance.person_id):
        community_id = (
            Person.objects.filter(pk=instance.person_id)
            .values_list("community_id", flat=True)
            .first()
        )
        if community_id is not None:
            bump(community_id, {instance.person_id})


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
