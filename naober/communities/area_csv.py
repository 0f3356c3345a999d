"""Areas as CSV: read a file of streets and villages into a plan, and write the tree back out.

One row per street (with its neighbourhood or village, and district) or per village. Reading
checks every row and builds the complete plan before anything is stored, so a caller can show a
dry run and store all or nothing. Column names may be English or Dutch; Excel's semicolons and
its Windows encoding are accepted, because that is what a coordinator's spreadsheet produces.
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from naober.communities.models import Area, AreaKind
from naober.communities.validation import UNSTORABLE

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20000
MAX_NAME = 120

# The columns from the top of the tree down; a row's deepest filled column is its own area.
COLUMNS = ["district", "neighbourhood", "village", "street"]
ALIASES = {
    "district": "district",
    "wijk": "district",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
    "buurt": "neighbourhood",
    "village": "village",
    "dorp": "village",
    "kern": "village",
    "street": "street",
    "straat": "street",
}
EXPORT_HEADER = COLUMNS


@dataclass
class RowError:
    row: int
    detail: str


@dataclass
class Plan:
    """What an import would add: new areas as (key of parent, kind, name), top-down."""

    new: list[tuple[tuple, str, str]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def created(self) -> int:
        return len(self.new)


def decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def plan_import(root: Area, existing: list[Area], data: bytes | str) -> Plan:
    """Check every row against the tree below `root` (the municipality) and plan the new areas.

    Areas are found by name under the same parent, ignoring capitals, so importing the same file
    twice adds nothing. Row numbers count as a spreadsheet does: the header is row 1.
    """
    plan = Plan()
    if len(data) > MAX_BYTES:
        plan.errors.append(RowError(0, _("The file is too large (at most 2 MB).")))
        return plan
    text = decode(data)
    if UNSTORABLE.search(text):
        plan.errors.append(RowError(0, _("The file contains characters that cannot be stored.")))
        return plan
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(rows, None)
    except csv.Error:
        header = None
    columns = [ALIASES.get(cell.strip().lower()) for cell in header or []]
    unknown = [cell for cell, col in zip(header or [], columns, strict=False) if col is None]
    if not header or unknown or not ({"street", "village"} & set(columns)):
        plan.errors.append(
            RowError(
                1,
                _(
                    "The first row must name the columns: district,neighbourhood,street "
                    "(or village instead of neighbourhood)."
                ),
            )
        )
        return plan
    if len(set(columns)) != len(columns):
        plan.errors.append(RowError(1, _("A column name appears twice in the first row.")))
        return plan

    # The kind of every known area by its path of folded names below the root.
    kinds: dict[tuple, str] = {(): root.kind}
    by_id = {area.pk: area for area in existing}

    for area in existing:
        if area.pk != root.pk:
            kinds[area_path(area, by_id, root)] = area.kind

    try:
        for number, cells in enumerate(rows, start=2):
            if number - 1 > MAX_ROWS:
                plan.errors.append(
                    RowError(number, _("Too many rows: at most %(max)s.") % {"max": MAX_ROWS})
                )
                break
            error = _plan_row(plan, kinds, columns, cells)
            if error:
                plan.errors.append(RowError(number, error))
    except csv.Error:
        plan.errors.append(RowError(0, _("The file could not be read as CSV.")))
    return plan


def area_path(area: Area, by_id: dict, root: Area) -> tuple:
    """The folded names from below the root down to this area: how rows find known areas."""
    names = []
    while area is not None and area.pk != root.pk:
        names.append(area.name.casefold())
        area = by_id.get(area.parent_id)
    return tuple(reversed(names))


def _plan_row(plan: Plan, kinds: dict, columns: list, cells: list[str]) -> str:
    """Add this row's new areas to the plan, or say what is wrong with the row."""
    if len(cells) > len(columns):
        return _("This row has more cells than the first row has columns.")
    values = {col: " ".join(cell.split()) for col, cell in zip(columns, cells, strict=False)}
    if not any(values.values()):
        return ""  # an empty line
    if any(len(value) > MAX_NAME for value in values.values()):
        return _("A name is longer than %(max)s characters.") % {"max": MAX_NAME}
    if values.get("neighbourhood") and values.get("village"):
        return _("Give a neighbourhood or a village, not both.")
    if values.get("street") and not (values.get("neighbourhood") or values.get("village")):
        return _("A street needs its neighbourhood or village.")
    chain = [(col, values[col]) for col in COLUMNS if values.get(col)]
    parent: tuple = ()
    additions, seen = [], {}
    for kind, name in chain:
        key = (*parent, name.casefold())
        known_kind = kinds.get(key)
        if known_kind is None:
            additions.append((parent, kind, name))
            seen[key] = kind
        elif known_kind != kind:
            return _('"%(name)s" exists already as a %(kind)s.') % {
                "name": name,
                "kind": AreaKind(known_kind).label,
            }
        parent = key
    kinds.update(seen)
    plan.new.extend(additions)
    return ""


def export_rows(areas: list[Area], root: Area) -> list[list[str]]:
    """One row per area that has no children below it (street, village, or an empty level),
    with the areas above it in their columns: a file that `plan_import` reads back."""
    by_id = {area.pk: area for area in areas}
    parents = {area.parent_id for area in areas}
    rows = []
    for area in areas:
        if area.pk == root.pk or area.pk in parents:
            continue
        row = dict.fromkeys(COLUMNS, "")
        node = area
        while node is not None and node.pk != root.pk:
            row[node.kind] = node.name
            node = by_id.get(node.parent_id)
        rows.append([row[col] for col in COLUMNS])
    return sorted(rows, key=lambda r: [c.casefold() for c in r])
