"""The four Government Office states, and continuing duties."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.core.task_status import STATUS_LABELS, STATUS_ORDER, status_label, task_status

D = dt.date
DL = D(2026, 6, 30)


@pytest.mark.parametrize(
    ("deadline", "completed", "continuing", "as_of", "expected", "label"),
    [
        (DL, D(2026, 6, 30), False, D(2026, 7, 1), "done_on_time", "hoàn thành đúng hạn"),
        (DL, D(2026, 7, 2), False, D(2026, 7, 3), "done_late", "hoàn thành quá hạn"),
        (DL, None, False, D(2026, 6, 30), "in_progress", "đang thực hiện trong hạn"),
        (DL, None, False, D(2026, 7, 1), "overdue", "quá hạn chưa hoàn thành"),
        # a completion after the as-of date is not yet known
        (DL, D(2026, 7, 2), False, D(2026, 7, 1), "overdue", "quá hạn chưa hoàn thành"),
        (None, None, True, D(2026, 7, 1), "continuing", "thường xuyên"),
        (None, None, False, D(2030, 1, 1), "in_progress", "đang thực hiện trong hạn"),
        (None, D(2026, 3, 1), False, D(2026, 7, 1), "done_on_time", "hoàn thành đúng hạn"),
    ],
)
def test_task_status(
    deadline: dt.date | None,
    completed: dt.date | None,
    continuing: bool,
    as_of: dt.date,
    expected: str,
    label: str,
) -> None:
    s = task_status(deadline=deadline, completed_on=completed, continuing=continuing, as_of=as_of)
    assert s == expected
    assert status_label(s) == label


def test_order_puts_overdue_first() -> None:
    assert STATUS_ORDER[0] == "overdue"
    assert set(STATUS_ORDER) == set(STATUS_LABELS)
