"""Writes about communities: creating one, its settings and walk-in points, its area tree."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from naober.communities import area_csv
from naober.communities.auditing import record_change
from naober.communities.context import Actor
from naober.communities.models import Area, AreaKind, Community, WalkInPoint
from naober.communities.permissions import Action
from naober.communities.signals import community_created
from naober.communities.validation import clean_settings, clean_slug, clean_text

SETTINGS_FIELDS = (
    "name",
    "municipality",
    "phone",
    "email",
    "opening_hours",
    "outside_hours",
    "response_deadline_hours",
    "self_signup",
    "house_rules",
)
MAX_WALK_IN_POINTS = 10

# Which kind of area may sit below which: the tree municipality > district > neighbourhood or
# village > street (a small place may skip the district).
PARENT_KINDS = {
    AreaKind.DISTRICT: {AreaKind.MUNICIPALITY},
    AreaKind.NEIGHBOURHOOD: {AreaKind.MUNICIPALITY, AreaKind.DISTRICT},
    AreaKind.VILLAGE: {AreaKind.MUNICIPALITY, AreaKind.DISTRICT},
    AreaKind.STREET: {AreaKind.NEIGHBOURHOOD, AreaKind.VILLAGE},
}


class SlugTaken(ValidationError):
    """The short name is in use by another community (the API answers 409)."""


def require_platform_admin(user) -> None:
    """Creating communities is for the platform's administrators (Django superusers) only."""
    if not (user and user.is_authenticated and user.is_superuser):
        raise PermissionDenied("communities.create")


@transaction.atomic
def create_community(
    *, slug: str, name: str, municipality: str, response_deadline_hours: int = 48, by=None
) -> Community:
    """A new community with its municipality as the root area; the apps above add their
    starting rows (the exchange: the standard categories) on `community_created`.

    With `by` (the user acting), only a platform administrator may do this; the seed passes none.
    """
    if by is not None:
        require_platform_admin(by)
    errors = {}
    try:
        slug = clean_slug(slug)
    except ValidationError as error:
        errors["slug"] = error.messages
    try:
        values = clean_settings(
            {
                "name": name,
                "municipality": municipality,
                "response_deadline_hours": response_deadline_hours,
            }
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    taken = SlugTaken({"slug": [_("This short name is already in use. Choose another one.")]})
    if Community.objects.filter(slug=slug).exists():
        raise taken
    try:
        with transaction.atomic():
            community = Community.objects.create(slug=slug, **values)
    except IntegrityError:  # created at the same moment by someone else
        raise taken from None
    Area.objects.create(
        community=community, kind=AreaKind.MUNICIPALITY, name=values["municipality"]
    )
    community_created.send(sender=Community, community=community)
    return community


@transaction.atomic
def update_settings(actor: Actor, **data) -> Community:
    """Change the given settings of the actor's community (administrators only), all or none."""
    actor.require(Action.MANAGE_COMMUNITY)
    unknown = set(data) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValidationError({key: [_("This setting does not exist.")] for key in unknown})
    values = clean_settings(data)
    community = Community.objects.select_for_update().get(pk=actor.community.pk)
    changed = [key for key, value in values.items() if getattr(community, key) != value]
    for key in changed:
        setattr(community, key, values[key])
    if changed:
        community.save(update_fields=changed)
        if "municipality" in changed:
            Area.objects.filter(community=community, parent=None).update(
                name=values["municipality"]
            )
        record_change(actor, community, "community settings", changed)
    return community


@transaction.atomic
def set_walk_in_points(actor: Actor, points: list[dict]) -> list[WalkInPoint]:
    """Replace the community's walk-in points by these (place, address, hours), in this order."""
    actor.require(Action.MANAGE_COMMUNITY)
    if len(points) > MAX_WALK_IN_POINTS:
        raise ValidationError(_("At most %(max)s walk-in points.") % {"max": MAX_WALK_IN_POINTS})
    cleaned, errors = [], {}
    for index, point in enumerate(points):
        row = {}
        for key, limit in (("name", 120), ("address", 200), ("hours", 200)):
            try:
                row[key] = clean_text(point.get(key), limit)
            except ValidationError as error:
                errors[f"walk_in.{index}.{key}"] = error.messages
        if not errors and not all(row.values()):
            errors[f"walk_in.{index}"] = [
                _("Give the place, the address and the hours of each walk-in point.")
            ]
        cleaned.append(row)
    if errors:
        raise ValidationError(errors)
    Community.objects.select_for_update().get(pk=actor.community.pk)
    WalkInPoint.objects.filter(community=actor.community).delete()
    return WalkInPoint.objects.bulk_create(
        WalkInPoint(community=actor.community, position=position, **row)
        for position, row in enumerate(cleaned)
    )


def add_area(community: Community, parent: Area, kind: str, name: str) -> Area:
    """The named child area of `parent`, created on first use (seeding runs more than once)."""
    area, _created = Area.objects.get_or_create(
        community=community, parent=parent, name=name, defaults={"kind": kind}
    )
    return area


@transaction.atomic
def create_area(actor: Actor, *, parent_id, kind: str, name: str) -> Area:
    """An administrator adds one area below another of the same community."""
    actor.require(Action.MANAGE_COMMUNITY)
    errors = {}
    try:
        name = clean_text(name, area_csv.MAX_NAME)
        if not name:
            raise ValidationError(_("This field is required."))
    except ValidationError as error:
        errors["name"] = error.messages
    if kind not in PARENT_KINDS:
        errors["kind"] = [_("Choose district, neighbourhood, village or street.")]
    parent = Area.objects.filter(community=actor.community, pk=parent_id).first()
    if parent is None:
        errors["parent"] = [_("Choose the area this one lies in.")]
    elif kind in PARENT_KINDS and parent.kind not in PARENT_KINDS[kind]:
        errors["parent"] = [
            _("A %(kind)s cannot lie in a %(parent)s.")
            % {"kind": AreaKind(kind).label, "parent": AreaKind(parent.kind).label}
        ]
    if errors:
        raise ValidationError(errors)
    Community.objects.select_for_update().get(pk=actor.community.pk)
    if Area.objects.filter(community=actor.community, parent=parent, name__iexact=name).exists():
        raise ValidationError({"name": [_("There is already an area with this name there.")]})
    return Area.objects.create(community=actor.community, parent=parent, kind=kind, name=name)


def import_areas(actor: Actor | None, data: bytes | str, *, dry_run: bool = False, community=None):
    """Check a CSV of streets and villages and, unless `dry_run` or any row is wrong, store every
    new area in one transaction. Returns the plan: `created` and the `errors` per row.

    `actor` must be an administrator; the seed passes `community` instead.
    """
    if actor is not None:
        actor.require(Action.MANAGE_COMMUNITY)
        community = actor.community
    with transaction.atomic():
        # Lock the community: two imports at once would otherwise plan the same new areas.
        Community.objects.select_for_update().get(pk=community.pk)
        existing = list(Area.objects.filter(community=community))
        root = next(a for a in existing if a.parent_id is None)
        plan = area_csv.plan_import(root, existing, data)
        if plan.errors or dry_run:
            return plan
        by_id = {a.pk: a for a in existing}
        paths = {area_csv.area_path(a, by_id, root): a for a in existing}
        for parent_key, kind, name in plan.new:
            paths[(*parent_key, name.casefold())] = Area.objects.create(
                community=community, parent=paths[parent_key], kind=kind, name=name
            )
    return plan
