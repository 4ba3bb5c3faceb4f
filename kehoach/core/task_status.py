"""The state of a task, in the four words the Government Office's task tracking uses.

=========================  ===============================  ====================================
code                       label                            when
=========================  ===============================  ====================================
``done_on_time``           hoàn thành đúng hạn              completed on or before the deadline
``done_late``              hoàn thành quá hạn               completed after the deadline
``in_progress``            đang thực hiện trong hạn         not completed, deadline not passed
``overdue``                quá hạn chưa hoàn thành          not completed, deadline passed
``continuing``             thường xuyên                     a continuing duty: reported each period
=========================  ===============================  ====================================

A task without a deadline that is not a continuing duty counts as in progress
until it is completed (then on time). Pure Python: no Django.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

__all__ = ["STATUS_LABELS", "STATUS_ORDER", "TaskStatus", "status_label", "task_status"]

TaskStatus = Literal["done_on_time", "done_late", "in_progress", "overdue", "continuing"]

STATUS_LABELS: dict[str, str] = {
    "overdue": "quá hạn chưa hoàn thành",
    "in_progress": "đang thực hiện trong hạn",
    "done_late": "hoàn thành quá hạn",
    "done_on_time": "hoàn thành đúng hạn",
    "continuing": "thường xuyên",
}
STATUS_ORDER: tuple[str, ...] = tuple(STATUS_LABELS)  # overdue first: what needs attention


def task_status(
    *, deadline: dt.date | None, completed_on: dt.date | None, continuing: bool, as_of: dt.date
) -> TaskStatus:
    """The state of a task on ``as_of``. A completion dated after ``as_of`` is not yet known."""
    if continuing:
        return "continuing"
    if completed_on is not None and completed_on <= as_of:
        if deadline is not None and completed_on > deadline:
            return "done_late"
        return "done_on_time"
    if deadline is not None and as_of > deadline:
        return "overdue"
    return "in_progress"


def status_label(status: str) -> str:
    return STATUS_LABELS[status]
