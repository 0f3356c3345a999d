"""Rows -> a downloadable CSV or XLSX file. One module so every export (the funders' figures,
the budget ledger for the municipality) writes the same cells in both formats and guards
against spreadsheet formulas in the same way."""

import csv
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AMOUNT_FORMAT = "0.00"


# A spreadsheet reads a cell as a formula when its text starts with one of these, also after
# leading TABs, carriage returns or spaces that it strips (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
QUOTE = "'"


def safe_cell(value):
    """Text that could run as a formula in a spreadsheet gets a leading quote, so it stays text.
    The one sanitiser of every export (figures, budget ledger, social map)."""
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS:
        return QUOTE + value
    return value


def unquote_cell(value: str) -> str:
    """The text `safe_cell` was given back, for an import that reads our own export."""
    if value.startswith(QUOTE) and safe_cell(value[1:]) != value[1:]:
        return value[1:]
    return value


def _attachment(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, header: list, rows) -> HttpResponse:
    """A CSV download: the header row, then every row with formula-like text made harmless."""
    response = _attachment(b"", "text/csv; charset=utf-8", filename)
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return response


def xlsx_response(filename: str, header: list, rows) -> HttpResponse:
    """An XLSX download with a bold header row. Numbers stay numbers; Decimal amounts are shown
    with two decimals; formula-like text is quoted by safe_cell, so it is never a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([str(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(c) for c in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, Decimal):
                cell.number_format = AMOUNT_FORMAT
    buffer = BytesIO()
    workbook.save(buffer)
    return _attachment(buffer.getvalue(), XLSX_TYPE, filename)
