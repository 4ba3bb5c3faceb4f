"""Tasks mirrored from the plan's Article 2 tree; Hải Phòng lead agencies by rule."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from kehoach.plans.services import bundled_plan_document, plan_load
from kehoach.tasks.assignment import haiphong_rules
from kehoach.tasks.models import TaskItem
from kehoach.tasks.services import task_assign, task_update
from tests.conftest import SEED_TASKS_GOLD
from tests.tasks.conftest import TASKS, plan_with_tasks

D = dt.date


def _rows(plan: Any) -> dict[str, TaskItem]:
    return {t.key: t for t in TaskItem.objects.filter(plan=plan, removed=False).select_related("lead_agency")}


@pytest.mark.django_db
def test_sync_creates_rows_with_sections_deadlines_and_agencies(task_plan: Any) -> None:
    rows = _rows(task_plan)
    assert set(rows) == {t["id"] for items in TASKS.values() for t in items}
    housing = rows["4.a.1"]
    assert housing.section == "4.a"
    assert housing.section_titles[0].startswith("Tăng cường công tác quy hoạch")
    assert housing.deliverable_type == "Kế hoạch" and housing.indicators == [18]
    assert (housing.deadline, housing.deadline_kind) == (D(2026, 7, 15), "session")
    assert housing.lead_agency.code == "SXD"
    assert [a.code for a in housing.cooperating_agencies.all()] == ["STC"]
    assert rows["1.-1.1"].deadline == D(2026, 6, 30) and rows["1.-1.1"].lead_agency.code == "SCT"
    assert rows["1.-3.1"].deadline == D(2026, 12, 31) and rows["1.-3.1"].deadline_kind == "default"
    assert rows["1.-3.1"].lead_agency.code == "SVHTTDL"
    assert rows["3.1"].continuing and rows["3.1"].deadline is None and rows["3.1"].lead_agency.code == "STC"
    assert rows["6.1"].lead_agency.code == "SKHCN" and rows["6.1"].deadline == D(2026, 3, 31)
    assert rows["8.a.1"].continuing and rows["8.a.1"].lead_agency.code == "SYT"
    assert rows["10.a.1"].lead_agency.code == "BCHQS"
    assert rows["5.a.1"].lead_agency.code == "SNNMT"
    assert rows["4.b.1"].duplicate_of == "1.-4.1"
    # dash items are numbered, as the task ids number them
    assert (rows["1.-1.1"].section, rows["1.-3.1"].section, rows["1.-4.1"].section) == (
        "1.-1",
        "1.-3",
        "1.-4",
    )
    assert rows["1.-3.1"].section_title.startswith("Khai thác hiệu quả tài nguyên du lịch")
    assert [r.key for r in sorted(rows.values(), key=lambda r: r.position)][:2] == ["1.-1.1", "1.-3.1"]


@pytest.mark.django_db
def test_new_plan_version_keeps_progress_assignment_and_marks_removed(task_plan: Any, personas: Any) -> None:
    sec = personas["secretariat"]
    housing = TaskItem.objects.get(plan=task_plan, key="4.a.1")
    task_update(task=housing, actor=sec, expected_version=0, progress=40, note="đang lập")
    health = TaskItem.objects.get(plan=task_plan, key="8.a.1")
    task_assign(task=health, actor=sec, expected_version=0, lead_agency="SNV", deadline=D(2026, 10, 31))
    tasks = {k: v for k, v in TASKS.items() if k != (9, 0)}  # 10.a.1 dropped
    tasks[(3, 0)] = [{**TASKS[(3, 0)][0], "text": "Triển khai Kế hoạch phát triển nhà ở (sửa lời)."}]
    plan_load(document=plan_with_tasks(tasks), reason="bản sửa")
    rows = _rows(task_plan)
    assert rows["4.a.1"].progress == 40 and rows["4.a.1"].updates.count() == 1
    assert rows["4.a.1"].text == "Triển khai Kế hoạch phát triển nhà ở (sửa lời)."
    assert rows["8.a.1"].lead_agency.code == "SNV" and rows["8.a.1"].deadline == D(2026, 10, 31)
    assert TaskItem.objects.get(plan=task_plan, key="10.a.1").removed and "10.a.1" not in rows
    plan_load(document=plan_with_tasks(), reason="lại bản đầu")
    assert not TaskItem.objects.get(plan=task_plan, key="10.a.1").removed


@pytest.mark.django_db
def test_every_task_of_the_shipped_plan_gets_a_lead_agency(hp_plan: Any) -> None:
    doc = bundled_plan_document("haiphong-2026")
    rows = TaskItem.objects.filter(plan=hp_plan, removed=False)
    assert rows.count() == len({t.id for _, t in hp_plan.to_domain().tasks()})
    assert not rows.filter(lead_agency__isnull=True).exists()
    assert hp_plan.code == doc["id"] == "haiphong-2026"


def _gold_deliverables() -> list[dict[str, str]]:
    if not SEED_TASKS_GOLD.is_file():
        pytest.skip("seed answers not available")
    items: list[dict[str, str]] = json.loads(SEED_TASKS_GOLD.read_text(encoding="utf-8"))["deliverables"]
    return items


def test_every_seed_deliverable_is_assigned_by_a_keyword() -> None:
    rules = haiphong_rules()
    for d in _gold_deliverables():
        a = rules.assign(deliverable=d["phrase"], text="", section_titles=[], section=d["section"])
        assert a.reason.startswith("deliverable:"), d


@pytest.mark.parametrize(
    ("deliverable", "text", "lead"),
    [
        ("khôi phục và phát triển ngành đóng tàu", "", "SCT"),
        ("Nhà máy nhiệt điện LNG Hải Phòng", "", "SCT"),
        ("trung tâm logistics quốc tế hiện đại", "", "SCT"),
        ("nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "", "STC"),
        ("đầu tư công trung hạn giai đoạn 2026-2030", "", "STC"),
        ("nâng cao chỉ số FTA Index năm 2026", "", "SCT"),
        ("Quy hoạch thành phố Hải Phòng thời kỳ 2021-2030", "", "STC"),
        ("Quy hoạch chung thành phố Hải Phòng đến năm 2050", "", "SXD"),
        ("Khu kinh tế chuyên biệt Hải Phòng", "", "BQLKKT"),
        ("Cảng hàng không quốc tế Hải Phòng", "", "SXD"),
        ("sử dụng đất giai đoạn 2026", "", "SNNMT"),
        ("tăng cường năng lực thu gom, xử lý nước thải sinh hoạt", "", "SXD"),
        ("Đô thị thông minh", "", "SKHCN"),
        ("dữ liệu thành phố Hải Phòng đến năm 2030", "", "SKHCN"),
        ("Thành phố âm nhạc", "", "SVHTTDL"),
        ("Phát triển Bóng đá Hải Phòng", "", "SVHTTDL"),
        ("giảm nghèo bền vững", "", "SNNMT"),
        ("phát triển quan hệ lao động", "", "SNV"),
        ("cơ sở vật chất, trang thiết bị dạy học", "", "SGDDT"),
        ("thu hút, trọng dụng nhân tài", "", "SNV"),
        ("Đề án 06", "", "CAPT"),
        ("lực lượng Công an thành phố", "", "CAPT"),
        (None, "Đẩy mạnh phòng, chống tham nhũng, tiêu cực", "TTTP"),
        (None, "Nâng cao hiệu quả công tác đối ngoại", "SNGV"),
        (None, "Tiếp tục thực hiện tốt các nhiệm vụ được giao", "STC"),  # no keyword: section 3's agency
    ],
)
def test_lead_agency_rules(deliverable: str | None, text: str, lead: str) -> None:
    a = haiphong_rules().assign(deliverable=deliverable, text=text, section_titles=[], section="3")
    assert a.lead == lead
    assert lead not in a.cooperating


def test_cooperating_agencies_are_the_others_named_in_the_text() -> None:
    a = haiphong_rules().assign(
        deliverable="phát triển nhà ở",
        text="bố trí vốn ngân sách, bảo đảm hạ tầng giao thông và môi trường",
        section_titles=[],
        section="4.a",
    )
    assert (a.lead, a.cooperating) == ("SXD", ("STC", "SNNMT"))


@pytest.mark.parametrize(
    ("titles", "section", "lead"),
    [
        (["Ưu tiên nguồn lực cho phát triển y tế, giáo dục và đào tạo chất lượng cao", ""], "8.b", "SGDDT"),
        (["Ưu tiên nguồn lực cho phát triển y tế, giáo dục và đào tạo chất lượng cao", ""], "8.a", "SYT"),
        (["Tăng cường quốc phòng, an ninh; xây dựng khu vực phòng thủ", ""], "10.a", "BCHQS"),
        (["Tăng cường quốc phòng, an ninh; xây dựng khu vực phòng thủ", ""], "10.b", "SNGV"),
        (
            ["Đổi mới mạnh mẽ mô hình tăng trưởng", "Phát triển nông nghiệp hàng hóa hiện đại"],
            "1.-4",
            "SNNMT",
        ),
        ([], "7", "SVHTTDL"),
        ([], "99", "STC"),
    ],
)
def test_tasks_without_keywords_fall_back_on_their_section(
    titles: list[str], section: str, lead: str
) -> None:
    a = haiphong_rules().assign(deliverable=None, text="Tiếp tục triển khai có hiệu quả.", section_titles=titles,
                                section=section)  # fmt: skip
    assert a.lead == lead
