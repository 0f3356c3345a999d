"""The budget ledger for the municipality as XLSX: the same cells as the CSV, amounts as numbers
with two decimals, formula-like text made harmless, the same permissions as the CSV."""

import csv
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from naober.initiatives import services
from tests.initiatives.helpers import actor_of, funded_initiative

pytestmark = pytest.mark.django_db
PERIOD = {"date_from": "2026-01-01", "date_to": "2026-12-31"}


def client_for(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


AMOUNT_COLUMNS = {6, 7}  # asked, amount


def as_text(value, column: int) -> str:
    """A cell as the CSV writes it: amounts (read back as numbers) with two decimals."""
    if value is None:
        return ""
    if column in AMOUNT_COLUMNS and isinstance(value, int | float):
        return f"{value:.2f}"
    return str(value)


@pytest.fixture
def core(community, person_factory):
    core = person_factory(community, "core_group")
    _i, _p, decision = funded_initiative(core, "500.00", title="=HYPERLINK(1)")
    services.record_payment(
        actor_of(person_factory(community, "coordinator")),
        decision,
        amount="120.5",
        paid_on=date(2026, 4, 1),
        reference="GEM-9",
    )
    return core


def test_xlsx_cells_equal_the_csv_rows(core):
    client = client_for(core)
    expected = list(
        csv.reader(StringIO(client.get("/c/wijk/budget/export.csv", PERIOD).content.decode()))
    )
    response = client.get("/c/wijk/budget/export.xlsx", PERIOD)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    cells = [
        [as_text(v, i) for i, v in enumerate(row)] for row in sheet.iter_rows(values_only=True)
    ]
    assert cells == expected
    assert len(cells) == 3  # header, the decision, the payment
    assert all(cell.font.bold for cell in sheet[1])
    payment = sheet[3]
    assert payment[7].value == 120.5 and payment[7].number_format == "0.00"
    assert sheet[2][3].value == "'=HYPERLINK(1)" and sheet[2][3].data_type == "s"


def test_xlsx_bad_period_is_a_form_error(core):
    bad = client_for(core).get(
        "/c/wijk/budget/export.xlsx", {"date_from": "2026-12-01", "date_to": "2026-01-01"}
    )
    assert bad.status_code == 400 and bad["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("role", ["core_group", "coordinator", "resident", "funder", "partner"])
def test_xlsx_has_exactly_the_permissions_of_the_csv(community, person_factory, role):
    client = client_for(person_factory(community, role))
    csv_status = client.get("/c/wijk/budget/export.csv", PERIOD).status_code
    assert client.get("/c/wijk/budget/export.xlsx", PERIOD).status_code == csv_status
    if role in ("core_group", "coordinator"):
        assert csv_status == 200


def test_the_municipality_downloads_the_ledger_from_its_dashboard(community, person_factory):
    """The funder role (the municipality holds the money) may export, but not open the ledger."""
    client = client_for(person_factory(community, "funder"))
    assert client.get("/c/wijk/budget/export.xlsx", PERIOD).status_code == 200
    assert client.get("/c/wijk/budget/export.csv", PERIOD).status_code == 200
    assert client.get("/c/wijk/budget/").status_code == 403
    dashboard = client.get("/c/wijk/impact/").content.decode()
    assert "/c/wijk/budget/export.xlsx?date_from=" in dashboard


def test_a_funders_bad_period_is_refused_without_the_ledger_page(community, person_factory):
    client = client_for(person_factory(community, "funder"))
    bad = client.get(
        "/c/wijk/budget/export.xlsx", {"date_from": "2026-12-01", "date_to": "2026-01-01"}
    )
    assert bad.status_code == 400
    assert "<table" not in bad.content.decode()


def test_xlsx_of_another_community_is_not_found(core, other_community, person_factory):
    elsewhere = person_factory(other_community, "core_group")
    assert client_for(elsewhere).get("/c/wijk/budget/export.xlsx", PERIOD).status_code == 404
