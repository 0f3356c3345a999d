"""The social map as a spreadsheet: the CSV a coordinator already keeps, in and out.

Columns carry Dutch headers (the file format is Dutch, like the people who keep it):
naam;soort;wat;voor wie;waar;telefoon;e-mail;website;adres;openingstijden;leefgebieden.
Only "naam" is required. Both ";" (Dutch Excel) and "," separate columns; UTF-8 with or without
BOM is read. Every row is checked first and nothing is imported while any row is wrong.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from naober.base.exports import safe_cell, unquote_cell
from naober.directory.models import Organisation, OrganisationKind
from naober.directory.validation import ORGANISATION_FIELDS, clean_fields
from naober.people.models import LifeDomain

COLUMNS = [
    ("naam", "name"),
    ("soort", "kind"),
    ("wat", "description"),
    ("voor wie", "for_whom"),
    ("waar", "where"),
    ("telefoon", "phone"),
    ("e-mail", "email"),
    ("website", "website"),
    ("adres", "address"),
    ("openingstijden", "opening_hours"),
    ("leefgebieden", "life_domains"),
]
HEADER_TO_FIELD = dict(COLUMNS)
KIND_WORDS = {
    OrganisationKind.WELFARE: "welzijn",
    OrganisationKind.HEALTH: "zorg",
    OrganisationKind.MUNICIPALITY: "gemeente",
    OrganisationKind.HOUSING: "wonen",
    OrganisationKind.POLICE: "politie",
    OrganisationKind.VOLUNTEERS: "vrijwilligers",
    OrganisationKind.ASSOCIATION: "vereniging",
    OrganisationKind.OTHER: "overig",
}
DOMAIN_WORDS = {
    LifeDomain.SURROUNDINGS: "omgeving",
    LifeDomain.ACTIVITIES: "activiteiten",
    LifeDomain.CONTACTS: "contacten",
    LifeDomain.HEALTH: "gezondheid",
    LifeDomain.LIFESTYLE: "leefstijl",
}
MAX_BYTES = 1_000_000
MAX_ROWS = 2000


@dataclass
class ParsedFile:
    """Clean rows ready to import, or row-numbered errors (row 1 is the header)."""

    rows: list[dict] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def _lookup(words: dict, value: str) -> str | None:
    """A code from its Dutch word, the code itself or (for files from the pages) its label."""
    wanted = value.strip().lower()
    for code, word in words.items():
        if wanted in (word, str(code), str(code.label).lower()):
            return str(code)
    return None


def _decode(content: bytes) -> str:
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The file is too large: at most 1 MB."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("The file is not saved as UTF-8. In Excel choose “CSV UTF-8” when saving.")
        ) from None


def _row_data(raw: dict[str, str]) -> tuple[dict, list[str]]:
    data, problems = {}, []
    for header, value in raw.items():
        name = HEADER_TO_FIELD[header]
        value = unquote_cell((value or "").strip())
        if name == "kind":
            code = _lookup(KIND_WORDS, value) if value else OrganisationKind.OTHER
            if code is None:
                problems.append(
                    _("unknown kind “%(value)s”; use one of: %(words)s")
                    % {"value": value[:40], "words": ", ".join(KIND_WORDS.values())}
                )
            data[name] = code or OrganisationKind.OTHER
        elif name == "life_domains":
            codes = []
            for part in value.replace("|", ",").split(","):
                if not part.strip():
                    continue
                code = _lookup(DOMAIN_WORDS, part)
                if code is None:
                    problems.append(
                        _("unknown life domain “%(value)s”; use: %(words)s")
                        % {"value": part.strip()[:40], "words": ", ".join(DOMAIN_WORDS.values())}
                    )
                else:
                    codes.append(code)
            data[name] = codes
        else:
            data[name] = value
    return data, problems


def parse(content: bytes) -> ParsedFile:
    """Read and check every row; the result says what would be imported or what is wrong."""
    result = ParsedFile()
    try:
        text = _decode(content)
    except ValidationError as exc:
        result.errors.append((0, exc.messages[0]))
        return result
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error:
        header = []
    unknown = [h for h in header if h not in HEADER_TO_FIELD]
    if "naam" not in header or unknown:
        result.errors.append(
            (
                1,
                _(
                    "The first row must hold the column names, at least “naam”. "
                    "Allowed: %(columns)s."
                )
                % {"columns": ";".join(h for h, _field in COLUMNS)},
            )
        )
        return result
    seen: dict[str, int] = {}
    try:
        for number, cells in enumerate(reader, start=2):
            if number > MAX_ROWS + 1:
                result.errors.append(
                    (number, _("Too many rows: at most %(max)d.") % {"max": MAX_ROWS})
                )
                break
            if not any(cell.strip() for cell in cells):
                continue
            _check_row(result, number, header, cells, seen)
    except csv.Error:
        result.errors.append((0, _("The file could not be read as a spreadsheet (CSV).")))
    return result


def _check_row(
    result: ParsedFile, number: int, header: list[str], cells: list[str], seen: dict[str, int]
) -> None:
    if len(cells) > len(header):
        result.errors.append((number, _("this row has more columns than the first row")))
        return
    raw = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
    data, problems = _row_data(raw)
    try:
        data = clean_fields(data, ORGANISATION_FIELDS)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            column = next(h for h, f in COLUMNS if f == name)
            problems += [f"{column}: {message}" for message in messages]
    name = str(data.get("name", "")).lower()
    if name and name in seen:
        problems.append(_("the name is also on row %(row)d") % {"row": seen[name]})
    seen.setdefault(name, number)
    if problems:
        result.errors += [(number, problem) for problem in problems]
    else:
        result.rows.append(data)


def export(organisations) -> str:
    """The organisations in the import format, separated by ";" with a BOM for Dutch Excel."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for header, _field in COLUMNS])
    for org in organisations:
        row = []
        for _header, name in COLUMNS:
            if name == "kind":
                row.append(KIND_WORDS.get(org.kind, KIND_WORDS[OrganisationKind.OTHER]))
            elif name == "life_domains":
                row.append(
                    ", ".join(DOMAIN_WORDS[d] for d in org.life_domains if d in DOMAIN_WORDS)
                )
            else:
                row.append(getattr(org, name))
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def upsert(community, rows: list[dict]) -> tuple[list[Organisation], int, int]:
    """Create or update by name (case-insensitive). Call inside a transaction, after parse()."""
    existing = {
        o.name.lower(): o
        for o in Organisation.objects.select_for_update().filter(community=community)
    }
    touched, created, updated = [], 0, 0
    for data in rows:
        org = existing.get(data["name"].lower())
        if org is None:
            org = Organisation.objects.create(community=community, **data)
            created += 1
        else:
            for name, value in data.items():
                setattr(org, name, value)
            org.save()
            updated += 1
        touched.append(org)
    return touched, created, updated
