"""One rule for a period of dates (naober/base/periods.py), used alike by the exchange's report
page, the budget ledger and impact dashboard form, the two summary API routes and the services
that store a period. Before, five copies disagreed: the ledger form took the year 1999, the report
page refused a start in the future that the API took."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naober.base.periods import check_period
from naober.exchange.forms import PeriodForm as ReportPeriodForm
from naober.initiatives.forms import PeriodForm as LedgerPeriodForm

TODAY = timezone.localdate()
CASES = [
    (date(2026, 1, 1), date(2026, 1, 31), None),
    (date(2026, 1, 31), date(2026, 1, 31), None),  # one day
    (date(2026, 2, 1), date(2026, 1, 1), "end"),  # ends before it starts
    (date(2020, 1, 1), date(2023, 3, 1), "end"),  # more than three years
    (date(1999, 12, 1), date(2000, 1, 31), "start"),  # before the year 2000
    (TODAY + timedelta(days=10), TODAY + timedelta(days=20), None),  # later on: allowed
]


@pytest.mark.parametrize(("start", "end", "wrong"), CASES)
def test_every_copy_of_the_period_rule_agrees(start, end, wrong):
    try:
        check_period(start, end, fields=("from", "to"))
        service = None
    except ValidationError as error:
        service = {"from": "start", "to": "end"}[next(iter(error.message_dict))]
    report = ReportPeriodForm({"start": start, "end": end})
    ledger = LedgerPeriodForm({"date_from": start, "date_to": end})
    assert service == wrong
    assert report.is_valid() is (wrong is None) and ledger.is_valid() is (wrong is None)
    if wrong:
        assert list(report.errors) == [wrong]
        assert list(ledger.errors) == [{"start": "date_from", "end": "date_to"}[wrong]]


def test_a_stored_period_only_needs_its_end_after_its_start():
    """An initiative or an impact card may run longer than three years (`bounded=False`)."""
    check_period(date(2020, 1, 1), date(2030, 1, 1), bounded=False)
    check_period(None, date(2030, 1, 1), bounded=False)
    with pytest.raises(ValidationError):
        check_period(date(2030, 1, 2), date(2030, 1, 1), bounded=False)
