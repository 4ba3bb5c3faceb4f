"""`kehoach tasks list` and `kehoach remind` (in-process with the test database and Django's locmem
outbox, and once as a subprocess on a fresh data folder)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from kehoach.accounts.models import Agency
from kehoach.cli import main
from kehoach.plans.models import Target
from tests.tasks.conftest import plan_with_tasks

CONTRACT = {"id", "section", "text", "deliverable", "lead_agency", "cooperating_agencies", "deadline",
            "status", "status_label"}  # fmt: skip


@pytest.mark.django_db
def test_tasks_list_json(task_plan: Any, capsys: Any) -> None:
    assert (
        main(["tasks", "list", "--plan", "haiphong-2026", "--format", "json", "--as-of", "2026-07-01"]) == 0
    )
    doc = json.loads(capsys.readouterr().out)
    by_id = {t["id"]: t for t in doc["tasks"]}
    assert len(by_id) == 10 and all(set(t) >= CONTRACT for t in doc["tasks"])
    assert by_id["6.1"]["status"] == "overdue" and by_id["6.1"]["status_label"] == "quá hạn chưa hoàn thành"
    assert by_id["6.1"]["deadline"] == "2026-03-31"
    assert by_id["3.1"]["deadline"] is None and by_id["3.1"]["status_label"] == "thường xuyên"
    assert by_id["4.a.1"]["status_label"] == "đang thực hiện trong hạn"
    assert by_id["4.a.1"]["deliverable"] == {
        "type": "Kế hoạch",
        "title": "phát triển nhà ở thành phố giai đoạn 2026-2030",
    }
    assert by_id["4.a.1"]["lead_agency"] == "SXD" and by_id["4.a.1"]["cooperating_agencies"] == ["STC"]


@pytest.mark.django_db
def test_tasks_list_csv_filtered(task_plan: Any, capsys: Any) -> None:
    assert main(["tasks", "list", "--format", "csv", "--agency", "sct", "--as-of", "01/07/2026"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["1.-1.1"]
    assert rows[0]["status"] == "overdue" and rows[0]["deadline"] == "2026-06-30"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tasks", "list", "--plan", "khong-co"], "không có kế hoạch 'khong-co'"),
        (["tasks", "list", "--as-of", "31-12-2026"], "--as-of '31-12-2026'"),
        (["tasks", "list", "--status", "xong"], "--status 'xong'"),
        (["remind", "--days", "-1"], "--days -1"),
    ],
)
def test_bad_arguments_are_one_line_errors(
    task_plan: Any, capsys: Any, args: list[str], message: str
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.fixture
def mailboxes(task_plan: Any) -> Any:
    Agency.objects.filter(code="SCT").update(email="sct@haiphong.gov.vn")
    Agency.objects.filter(code="SKHCN").update(email="skhcn@haiphong.gov.vn")
    Target.objects.filter(plan=task_plan, key="4.1").update(
        lead_agency=Agency.objects.get(code="SCT"), frequency="monthly"
    )
    return task_plan


@pytest.mark.django_db
def test_remind_mails_deadlines_overdue_and_missing_reports(mailboxes: Any, capsys: Any) -> None:
    # Wed 24/6/2026: 1.-1.1 (SCT) is due Tue 30/6, 4 working days ahead; 6.1 (SKHCN) overdue since 31/3
    assert main(["remind", "--days", "5", "--as-of", "2026-06-24"]) == 0
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"sct@haiphong.gov.vn", "skhcn@haiphong.gov.vn"}
    sct = sent["sct@haiphong.gov.vn"].body
    assert "1.-1.1" in sct and "hạn 30/06/2026, còn 4 ngày làm việc" in sct
    assert "Chỉ tiêu chưa báo cáo số liệu Tháng 6/2026: 4.1" in sct
    assert "6.1" in sent["skhcn@haiphong.gov.vn"].body and "quá hạn" in sent["skhcn@haiphong.gov.vn"].body
    out = capsys.readouterr().out
    assert "SXD\tbỏ qua" not in out  # 4.a.1 (15/7) is 14 working days away: nothing to say to SXD


@pytest.mark.django_db
def test_remind_counts_working_days_not_calendar_days(mailboxes: Any) -> None:
    # Thu 25/6 → Tue 30/6 is 3 working days; with --days 2 it is not yet mentioned
    main(["remind", "--days", "2", "--as-of", "2026-06-25"])
    assert all("1.-1.1" not in m.body for m in mail.outbox)
    mail.outbox.clear()
    main(["remind", "--days", "3", "--as-of", "2026-06-25"])
    assert any("1.-1.1" in m.body for m in mail.outbox)


@pytest.mark.django_db
def test_remind_dry_run_sends_nothing(mailboxes: Any, capsys: Any) -> None:
    assert main(["remind", "--dry-run", "--as-of", "2026-06-24"]) == 0
    assert mail.outbox == []
    out = capsys.readouterr().out
    assert "SCT\tsẽ gửi\tsct@haiphong.gov.vn" in out and "Kính gửi Sở Công Thương," in out


def test_tasks_list_on_a_fresh_home(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan_with_tasks(), ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "KEHOACH_HOME": str(tmp_path / "home")}
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kehoach.cli", *args], capture_output=True, text=True,
                              env=env, timeout=300)  # fmt: skip

    assert run("plan", "load", str(plan_file)).returncode == 0
    out = run("tasks", "list", "--plan", "haiphong-2026", "--format", "json", "--as-of", "2026-12-01")
    assert out.returncode == 0, out.stderr
    tasks = json.loads(out.stdout)["tasks"]
    assert len(tasks) == 10 and all(t["lead_agency"] for t in tasks)
