"""Exports never hand a spreadsheet a live formula (issue 12.8): one sanitiser, base.exports.

Every export goes through `safe_cell`: the funders' figures and the budget ledger (CSV and XLSX)
and the social map's CSV. Text that a spreadsheet would run (= + - @, also after a leading TAB,
carriage return, newline or spaces) is quoted; the social map's import reads its own export back
unchanged.
"""

import csv
import io

import pytest
from openpyxl import load_workbook

from naober.base.exports import csv_response, safe_cell, unquote_cell, xlsx_response
from naober.directory import csv_io
from naober.directory.models import Organisation

HOSTILE = [
    '=HYPERLINK("http://x")',
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "  =1+1",
    "\t\r@x",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_text_is_quoted_and_comes_back(text):
    assert safe_cell(text) == "'" + text
    assert unquote_cell(safe_cell(text)) == text


@pytest.mark.parametrize("value", ["Tuinpad 1", "'t Hof", "", 12, None])
def test_ordinary_values_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_csv_and_xlsx_downloads_quote_every_hostile_cell():
    rows = [[text, 1] for text in HOSTILE]
    body = csv_response("x.csv", ["tekst", "getal"], rows).content.decode()
    cells = [row[0] for row in csv.reader(io.StringIO(body))][1:]
    assert all(cell.startswith("'") for cell in cells)
    sheet = load_workbook(io.BytesIO(xlsx_response("x.xlsx", ["tekst", "getal"], rows).content))
    values = [row[0].value for row in sheet.active.iter_rows(min_row=2)]
    assert all(value.startswith("'") for value in values)
    assert all(row[0].data_type != "f" for row in sheet.active.iter_rows(min_row=2))


def test_the_social_map_csv_quotes_formulas_and_reads_them_back(community):
    for number, text in enumerate(HOSTILE):
        Organisation.objects.create(
            community=community, name=f"Org {number}", description=text, phone="+31 528 123456"
        )
    exported = csv_io.export(Organisation.objects.order_by("name"))
    rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff")), delimiter=";"))[1:]
    header = [h for h, _f in csv_io.COLUMNS]
    for row in rows:
        cell = dict(zip(header, row, strict=True))
        assert cell["wat"].startswith("'") and cell["telefoon"].startswith("'")
    parsed = csv_io.parse(exported.encode())
    assert parsed.errors == []
    assert sorted(r["description"] for r in parsed.rows) == sorted(text.strip() for text in HOSTILE)
