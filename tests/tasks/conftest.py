"""Fixtures of the tasks tests: the Hải Phòng plan with an Article 2 tree written here."""

from __future__ import annotations

import copy
from typing import Any

import pytest

TASKS: dict[tuple[int, ...], list[dict[str, Any]]] = {
    # path of indexes into the sections tree -> tasks
    (0, 0): [
        {
            "id": "1.-1.1",
            "text": "Xây dựng Chương trình phát triển công nghiệp hỗ trợ thành phố Hải Phòng giai đoạn "
            "2026-2035, trình trong Quý II/2026.",
            "deliverable": {
                "type": "Chương trình",
                "title": "phát triển công nghiệp hỗ trợ thành phố Hải Phòng",
            },
            "indicators": [4],
        }
    ],
    (0, 2): [
        {
            "id": "1.-3.1",
            "text": "Xây dựng Đề án tổng thể phát triển du lịch thành phố Hải Phòng đến năm 2035.",
            "deliverable": {
                "type": "Đề án",
                "title": "tổng thể phát triển du lịch thành phố Hải Phòng đến năm 2035",
            },
            "indicators": [9],
        }
    ],
    (0, 3): [
        {
            "id": "1.-4.1",
            "text": "Thực hiện Đề án xây dựng nông thôn mới gắn với đô thị hóa.",
            "deliverable": {"type": "Đề án", "title": "xây dựng nông thôn mới"},
        }
    ],
    (2,): [
        {
            "id": "3.1",
            "text": "Thường xuyên rà soát, quản lý chặt chẽ nguồn thu ngân sách, chống thất thu.",
            "indicators": [5],
        }
    ],
    (3, 0): [
        {
            "id": "4.a.1",
            "text": "Triển khai Kế hoạch phát triển nhà ở thành phố giai đoạn 2026-2030, trình HĐND thành phố "
            "tại kỳ họp giữa năm; phối hợp Sở Tài chính bố trí vốn.",
            "deliverable": {"type": "Kế hoạch", "title": "phát triển nhà ở thành phố giai đoạn 2026-2030"},
            "indicators": [18],
        }
    ],
    (3, 1): [
        {
            "id": "4.b.1",
            "text": "Thực hiện Đề án xây dựng nông thôn mới.",
            "deliverable": {"type": "Đề án", "title": "xây dựng nông thôn mới"},
            "duplicate_of": "1.-4.1",
        }
    ],
    (4, 0): [
        {
            "id": "5.a.1",
            "text": "Tăng cường thu gom, xử lý chất thải rắn sinh hoạt đảm bảo quy chuẩn.",
            "indicators": [19],
        }
    ],
    (5,): [
        {
            "id": "6.1",
            "text": "Xây dựng Đề án Đô thị thông minh, hoàn thành trước ngày 31/3/2026.",
            "deliverable": {"type": "Đề án", "title": "Đô thị thông minh"},
        }
    ],
    (7, 0): [{"id": "8.a.1", "text": "Nâng cao chất lượng khám bệnh, chữa bệnh tại cơ sở."}],
    (9, 0): [
        {
            "id": "10.a.1",
            "text": "Xây dựng Đề án nâng cao chất lượng dân quân tự vệ.",
            "deliverable": {"type": "Đề án", "title": "dân quân tự vệ"},
        }
    ],
}


def plan_with_tasks(tasks: dict[tuple[int, ...], list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """The bundled Hải Phòng document with the tasks above (or ``tasks``) put into its tree."""
    from kehoach.plans.services import bundled_plan_document

    doc = copy.deepcopy(bundled_plan_document("haiphong-2026"))

    def clear(node: dict[str, Any]) -> None:
        node["tasks"] = []
        for child in node.get("children", []):
            clear(child)

    for top in doc["tasks"]["sections"]:
        clear(top)
    for path, items in (TASKS if tasks is None else tasks).items():
        node = doc["tasks"]["sections"][path[0]]
        for i in path[1:]:
            node = node["children"][i]
        node["tasks"] = [
            {"deliverable": None, "targets": [], "duplicate_of": None, "indicators": [], **t} for t in items
        ]
    return doc


@pytest.fixture
def task_plan(personas: dict[str, Any]) -> Any:
    from kehoach.plans.services import plan_load

    return plan_load(document=plan_with_tasks(), reason="test tasks")


@pytest.fixture
def task(task_plan: Any) -> Any:
    """The social-housing task, led by SXD."""
    from kehoach.tasks.models import TaskItem

    return TaskItem.objects.get(plan=task_plan, key="4.a.1")


@pytest.fixture
def sct_task(task_plan: Any) -> Any:
    """The supporting-industry task, led by SCT (editor_sct's agency)."""
    from kehoach.tasks.models import TaskItem

    return TaskItem.objects.get(plan=task_plan, key="1.-1.1")
