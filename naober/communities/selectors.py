"""Reads about communities: the help desk's public contact details and the area tree."""

from dataclasses import dataclass

from naober.communities import area_csv
from naober.communities.models import Area, Community


@dataclass(frozen=True)
class Desk:
    """How to reach a community's help desk: public, shown on every page, sheet and message."""

    name: str
    phone: str
    email: str
    opening_hours: str
    outside_hours: str
    walk_in: list[dict]

    @property
    def tel(self) -> str:
        """The number for a tap-to-call link: digits and a leading plus only."""
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def hours(self) -> str:
        """Opening hours and what happens outside them, as one line."""
        return ", ".join(part for part in (self.opening_hours, self.outside_hours) if part)


def desk(community: Community) -> Desk:
    return Desk(
        name=community.name,
        phone=community.phone,
        email=community.email,
        opening_hours=community.opening_hours,
        outside_hours=community.outside_hours,
        walk_in=[
            {"name": p.name, "address": p.address, "hours": p.hours}
            for p in community.walk_in_points.all()
        ],
    )


def area_tree(community: Community) -> list[tuple[Area, int]]:
    """Every area of the community with its depth, each followed by the areas inside it."""
    areas = list(Area.objects.filter(community=community).order_by("name"))
    children: dict = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)
    ordered: list[tuple[Area, int]] = []
    stack = [(area, 0) for area in reversed(children.get(None, []))]
    while stack:
        area, depth = stack.pop()
        ordered.append((area, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(area.pk, [])))
    return ordered


def areas_matching(community: Community, *, parent=None, kind: str = "", name: str = ""):
    """Areas of the community by name: the children of one area, of one kind, or whose name
    holds a text. A city has 1,600 streets; a client asks for the part it shows (issue 16)."""
    found = Area.objects.filter(community=community)
    if parent is not None:
        found = found.filter(parent_id=parent)
    if kind:
        found = found.filter(kind=kind)
    name = name.replace("\x00", "").strip()
    if name:
        found = found.filter(name__icontains=name)
    return found.order_by("name", "id")


def areas_export(community: Community) -> tuple[list[str], list[list[str]]]:
    """The header and rows of the areas CSV: a file the import reads back unchanged."""
    areas = list(Area.objects.filter(community=community))
    root = next(a for a in areas if a.parent_id is None)
    return area_csv.EXPORT_HEADER, area_csv.export_rows(areas, root)
