"""The funders' per-month export as XLSX: the same cells as the CSV, suppression below 5 kept,
a bold header, numbers as numbers, and the same permissions and tenant isolation."""

import csv
from io import BytesIO, StringIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.impact.test_dashboard import busy  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
PERIOD = {"date_from": "2026-01-01", "date_to": "2026-04-30"}


def client_for(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(StringIO(response.content.decode())))


def xlsx_sheet(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(BytesIO(response.content)).active


def as_text(value) -> str:
    return "" if value is None else str(value)


def test_xlsx_cells_equal_the_csv_rows(busy, person_factory):  # noqa: F811
    client = client_for(person_factory(busy, "funder"))
    expected = csv_rows(client.get("/c/wijk/impact/export.csv", PERIOD))
    sheet = xlsx_sheet(client.get("/c/wijk/impact/export.xlsx", PERIOD))
    cells = [[as_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == expected
    assert all(cell.font.bold for cell in sheet[1])
    assert len(expected) > 3


def test_xlsx_keeps_suppression_and_numbers(busy, person_factory):  # noqa: F811
    client = client_for(person_factory(busy, "funder"))
    sheet = xlsx_sheet(client.get("/c/wijk/impact/export.xlsx", PERIOD))
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["2026-03"][1] == 7 and isinstance(rows["2026-03"][1], int)
    assert rows["2026-04"][1] == "< 5"  # two requests in April: never the real number
    assert 2 not in rows["2026-04"][1:]


@pytest.mark.parametrize("role", ["funder", "core_group", "coordinator"])
def test_xlsx_allowed_for_the_roles_that_see_the_dashboard(community, person_factory, role):
    assert (
        client_for(person_factory(community, role)).get("/c/wijk/impact/export.xlsx").status_code
        == 200
    )


@pytest.mark.parametrize("role", ["resident", "partner"])
def test_xlsx_denied_for_residents_and_partners(community, person_factory, role):
    assert (
        client_for(person_factory(community, role)).get("/c/wijk/impact/export.xlsx").status_code
        == 403
    )


def test_xlsx_of_another_community_is_not_found(community, other_community, person_factory):
    funder = person_factory(community, "funder")
    assert client_for(funder).get("/c/elders/impact/export.xlsx").status_code == 404
