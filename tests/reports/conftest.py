"""Fixtures of the reports tests: the Hải Phòng plan with its illustrative figures and a few tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.fixture
def hp_data(hp_plan: Any) -> Any:
    """The plan with the usual agencies assigned, the illustrative figures and four tasks in four states
    at the end of September 2026 (plus a continuing duty)."""
    from kehoach.accounts.models import Agency
    from kehoach.submissions.bootstrap import assign_haiphong, illustrative_load
    from kehoach.tasks.models import TaskItem

    assign_haiphong(hp_plan)
    illustrative_load(plan=hp_plan)
    stc, sxd = Agency.objects.get(code="STC"), Agency.objects.get(code="SXD")
    rows = [
        (
            "t1",
            "3",
            stc,
            dt.date(2026, 6, 30),
            dt.date(2026, 6, 20),
            False,
            "Ban hành Đề án tăng thu ngân sách",
        ),
        ("t2", "3", stc, dt.date(2026, 3, 31), dt.date(2026, 4, 15), False, "Rà soát các khoản thu"),
        ("t3", "4", sxd, dt.date(2026, 12, 31), None, False, "Hoàn thành Quy hoạch chung đô thị"),
        ("t4", "4", sxd, dt.date(2026, 8, 31), None, False, "Khởi công dự án nhà ở xã hội Tràng Cát"),
        ("t5", "1", stc, None, None, True, "Theo dõi tăng trưởng hằng tháng"),
    ]
    for key, section, agency, deadline, done, continuing, text in rows:
        TaskItem.objects.create(
            plan=hp_plan,
            key=key,
            section=section,
            position=0,  # before the plan's own tasks in every list
            text=text,
            lead_agency=agency,
            deadline=deadline,
            completed_on=done,
            continuing=continuing,
        )
    return hp_plan
