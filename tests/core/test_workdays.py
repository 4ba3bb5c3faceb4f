"""Working days: weekends, Tết, Giỗ Tổ and the Labour Code's substitution rule."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.core.workdays import Calendar, add_workdays, holidays_of, is_workday, workdays_between

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 1, 1), False),  # Tết Dương lịch
        (D(2026, 1, 2), True),
        (D(2026, 1, 3), False),  # Saturday
        (D(2026, 2, 16), False),  # Tết Âm lịch: 29 Tết …
        (D(2026, 2, 17), False),  # mùng 1
        (D(2026, 2, 20), False),  # … mùng 4
        (D(2026, 2, 23), True),
        (D(2026, 4, 27), False),  # Giỗ Tổ 10/3 âm lịch falls on Sunday 26/4: Monday off
        (D(2026, 4, 30), False),
        (D(2026, 5, 1), False),
        (D(2026, 9, 2), False),
        (D(2026, 7, 15), True),
        (D(2027, 5, 3), False),  # 1/5/2027 is a Saturday: Monday 3/5 off (Art. 112(3))
    ],
)
def test_is_workday(day: dt.date, expected: bool) -> None:
    assert is_workday(day) is expected


def test_labour_code_days_are_always_holidays() -> None:
    for year in (2026, 2027, 2030):
        days = holidays_of(year)
        for m, d in ((1, 1), (4, 30), (5, 1), (9, 2)):
            assert D(year, m, d) in days
        # Tết: five days off in January or February (more with weekends)
        assert sum(1 for x in days if x.month in (1, 2) and x != D(year, 1, 1)) >= 5


def test_add_workdays_jumps_over_tet() -> None:
    # Friday 13/2/2026 + 1 working day: Tết runs Mon 16 – Fri 20, so Monday 23/2
    assert add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert add_workdays(D(2026, 2, 13), 0) == D(2026, 2, 13)
    with pytest.raises(ValueError):
        add_workdays(D(2026, 2, 13), -1)


def test_workdays_between() -> None:
    assert workdays_between(D(2026, 7, 13), D(2026, 7, 17)) == 4  # Mon → Fri
    assert workdays_between(D(2026, 7, 17), D(2026, 7, 20)) == 1  # Fri → Mon
    assert workdays_between(D(2026, 7, 20), D(2026, 7, 17)) == -1
    assert workdays_between(D(2026, 4, 24), D(2026, 5, 4)) == 3  # 28, 29/4 and 4/5


def test_calendar_overrides() -> None:
    cal = Calendar(extra_holidays=[D(2026, 7, 15)], extra_workdays=[D(2026, 7, 18)])
    assert not cal.is_workday(D(2026, 7, 15))
    assert cal.is_workday(D(2026, 7, 18))
    assert cal.workdays_between(D(2026, 7, 14), D(2026, 7, 20)) == 4  # 16, 17, 18 (make-up), 20
