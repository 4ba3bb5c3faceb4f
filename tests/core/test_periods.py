import datetime as dt

import pytest

from kehoach.core.periods import Period, PeriodError, parse_period


@pytest.mark.parametrize(
    ("code", "label", "first", "last"),
    [
        ("2026-09", "Tháng 9/2026", 9, 9),
        ("2026-Q3", "Quý III/2026", 7, 9),
        ("2026-H1", "6 tháng đầu năm 2026", 1, 6),
        ("2026-9M", "9 tháng năm 2026", 1, 9),
        ("2026", "Năm 2026", 1, 12),
    ],
)
def test_parse_and_label(code: str, label: str, first: int, last: int) -> None:
    p = parse_period(code)
    assert p.code == code
    assert p.label() == label
    assert (p.first_month, p.last_month) == (first, last)


@pytest.mark.parametrize("code", ["2026-13", "2026-Q5", "2026-H3", "26-Q1", "", "2026-8M", "quý 3"])
def test_bad_periods(code: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(code)


def test_cutoff_follows_decree_09() -> None:
    # Quarterly: 15th of the month before the quarter to the 14th of its last month.
    assert parse_period("2026-Q3").cutoff() == (dt.date(2026, 6, 15), dt.date(2026, 9, 14))
    # Six months: 15 December of the previous year to 14 June.
    assert parse_period("2026-H1").cutoff() == (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
    assert parse_period("2026-03").cutoff() == (dt.date(2026, 2, 15), dt.date(2026, 3, 14))


def test_year_to_date_and_previous_year() -> None:
    assert parse_period("2026-Q3").year_to_date() == Period(2026, "nine_months")
    assert parse_period("2026-Q3").previous_year().code == "2025-Q3"
    assert parse_period("2026-9M").short_label() == "9 tháng"
    assert parse_period("2026-Q3").label("en") == "Q3 2026"
