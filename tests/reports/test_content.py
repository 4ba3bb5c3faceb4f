"""Report content generated from the database: sentences, counts, tables, tasks, kinds, annex."""

from __future__ import annotations

import io
import re
from typing import Any

import docx
import pytest

from kehoach.core.periods import parse_period
from kehoach.core.report_model import ILLUSTRATIVE_MARK
from kehoach.core.report_text import fmt_pct, fmt_value
from kehoach.reports.kinds import ERR_AGENCY_NEEDED, ERR_KIND_PERIOD
from kehoach.reports.selectors import report_data
from kehoach.reports.services import (
    ERR_AGENCY_UNKNOWN,
    ERR_PLAN_UNKNOWN,
    ReportError,
    report_build,
    report_generate,
)

pytestmark = pytest.mark.django_db
PLAN = "haiphong-2026"


def _docx_text(content: bytes) -> tuple[list[str], Any]:
    d = docx.Document(io.BytesIO(content))
    return [p.text for p in d.paragraphs], d


def _figure(key: str, period: str) -> Any:
    from kehoach.submissions.models import Figure

    return Figure.objects.get(plan__code=PLAN, target__key=key, period=period, place="city")


def test_report_data_reads_in_a_fixed_number_of_queries(
    hp_data: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(12):
        data = report_data(plan_code=PLAN, as_of=parse_period("2026-Q3"), kind="quarterly")
    assert len({ln.n for ln in data.lines}) == 22
    assert data.illustrative
    assert {t.state for t in data.tasks} == {
        "done_on_time",
        "done_late",
        "in_progress",
        "overdue",
        "continuing",
    }


def test_quarterly_docx_budget_sentence_matches_the_figures(hp_data: Any) -> None:
    fig = _figure("5.1", "2026-09")
    result = report_generate(plan_code=PLAN, as_of=parse_period("2026-Q3"), kind="quarterly", fmt="docx")
    texts, d = _docx_text(result.content)
    body = "\n".join(texts)
    verb = "ước đạt" if fig.vintage == "estimate" else "đạt"
    pct = fmt_pct(fig.value / 194935.654 * 100)
    growth = (fig.value / fig.same_period_last_year - 1) * 100
    expected = (
        f"Thu ngân sách nhà nước trên địa bàn 9 tháng {verb} {fmt_value(fig.value, 'tỷ đồng')}, "
        f"bằng {pct} dự toán, {'tăng' if growth > 0 else 'giảm'} {fmt_pct(abs(growth))} so với cùng kỳ."
    )
    assert expected in body
    assert re.search(r"\b\d{1,2}/22 chỉ tiêu (ước )?đạt và vượt", body), body[:2000]
    assert "quý III và 9 tháng năm 2026" in body
    assert ILLUSTRATIVE_MARK.upper() in d.sections[0].footer.paragraphs[0].text
    assert result.filename == "bao-cao-haiphong-2026-2026-Q3-quarterly.docx"


def test_key_indicator_table_has_all_22_indicators(hp_data: Any) -> None:
    report = report_build(plan_code=PLAN, as_of=parse_period("2026-Q3"), kind="quarterly", charts=False)
    table = report.all_tables()[0]
    assert table.columns[:4] == ["TT", "Chỉ tiêu", "Kế hoạch năm 2026", "Thực hiện 9 tháng"]
    numbers = [r[0] for r in table.rows if r[0].isdigit()]
    assert numbers == [str(n) for n in range(1, 23)]
    budget = next(r for r in table.rows if r[0] == "5")
    fig = _figure("5.1", "2026-09")
    assert budget[2] == "194.935,654 tỷ đồng"
    assert budget[3] == fmt_value(fig.value) and budget[4] == fmt_value(fig.same_period_last_year)
    assert budget[5] == fmt_pct(fig.value / 194935.654 * 100)
    assert [r[1] for r in table.rows if r[0] == "I"] == ["KINH TẾ"]


def test_tasks_summary_by_the_four_states(hp_data: Any) -> None:
    """The plan's own tasks plus the five of the fixture, counted at 30/09/2026."""
    import datetime as dt

    from kehoach.core.task_status import task_status
    from kehoach.tasks.models import TaskItem

    states = [
        task_status(
            deadline=t.deadline,
            completed_on=t.completed_on,
            continuing=t.continuing,
            as_of=dt.date(2026, 9, 30),
        )
        for t in TaskItem.objects.filter(plan=hp_data, removed=False)
    ]
    n = {s: states.count(s) for s in ("done_on_time", "done_late", "in_progress", "overdue", "continuing")}
    assert min(n.values()) >= 1  # every state is present (the fixture's tasks make sure)
    result = report_generate(plan_code=PLAN, as_of=parse_period("2026-09"), kind="monthly", fmt="docx")
    body = "\n".join(_docx_text(result.content)[0])
    expected = (
        f"Trong tổng số {len(states) - n['continuing']} nhiệm vụ có thời hạn: {n['done_on_time']} nhiệm vụ hoàn "
        f"thành đúng hạn; {n['done_late']} nhiệm vụ hoàn thành quá hạn; {n['in_progress']} nhiệm vụ đang thực hiện "
        f"trong hạn; {n['overdue']} nhiệm vụ quá hạn chưa hoàn thành. Ngoài ra có {n['continuing']} nhiệm vụ "
        "thường xuyên."
    )
    assert expected in body
    assert "Khởi công dự án nhà ở xã hội Tràng Cát (Sở Xây dựng; hạn 31/08/2026)." in body


def test_agency_explanation_is_quoted(hp_data: Any) -> None:
    fig = _figure("7.1", "2026-08")
    fig.explanation = "Đơn hàng dệt may giảm do thị trường EU chậm lại."
    fig.save()
    report = report_build(plan_code=PLAN, as_of=parse_period("2026-09"), kind="monthly", charts=False)
    from kehoach.core.report_model import Paragraph

    paras = [
        b for s in report.sections for c in [s, *s.children] for b in c.blocks if isinstance(b, Paragraph)
    ]
    quoted = [p for p in paras if p.text == "Đơn hàng dệt may giảm do thị trường EU chậm lại."]
    assert quoted and quoted[0].lead == "- Sở Công Thương giải trình về Kim ngạch xuất khẩu:"


def test_agency_report_covers_its_own_targets_and_tasks(hp_data: Any) -> None:
    report = report_build(
        plan_code=PLAN, as_of=parse_period("2026-09"), kind="agency", agency_code="STC", charts=False
    )
    assert report.issuer_lines == ["SỞ TÀI CHÍNH"] and report.issuer_parent == "UBND THÀNH PHỐ HẢI PHÒNG"
    assert report.symbol == "BC-STC"
    names = {r[1] for r in report.all_tables()[0].rows}
    assert any(n.startswith("Thu ngân sách") for n in names)
    assert not any(n.startswith("Kim ngạch xuất khẩu") for n in names)  # SCT's
    data = report_data(plan_code=PLAN, as_of=parse_period("2026-09"), kind="agency", agency=_agency("STC"))
    from kehoach.tasks.models import TaskItem

    stc_tasks = TaskItem.objects.filter(plan=hp_data, removed=False, lead_agency__code="STC")
    assert sorted(t.key for t in data.tasks) == sorted(stc_tasks.values_list("key", flat=True))
    assert {"t1", "t2", "t5"} <= {t.key for t in data.tasks} and "t3" not in {t.key for t in data.tasks}


def _agency(code: str) -> Any:
    from kehoach.accounts.models import Agency

    return Agency.objects.get(code=code)


def test_supervision_brief_asks_the_late_agency(hp_data: Any) -> None:
    report = report_build(
        plan_code=PLAN, as_of=parse_period("2026-09"), kind="supervision", committee="dt", charts=False
    )
    assert report.issuer_parent == "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    assert report.issuer_lines == ["BAN ĐÔ THỊ"] and report.symbol == "BC-ĐT"
    questions = report.sections[-1]
    assert questions.heading == "V. NỘI DUNG ĐỀ NGHỊ CÁC CƠ QUAN LÀM RÕ"
    texts = [getattr(b, "text", "") for b in questions.blocks]
    assert any(t.startswith("- Đề nghị Sở Xây dựng báo cáo tiến độ") and "Tràng Cát" in t for t in texts), (
        texts
    )
    groups = {r[1] for r in report.all_tables()[0].rows if r[0] == "I"}
    assert groups == {"MÔI TRƯỜNG"}


def test_annual_report_title_and_next_year(hp_data: Any) -> None:
    report = report_build(plan_code=PLAN, as_of=parse_period("2026"), kind="annual", charts=False)
    assert report.subtitle.replace("\n", " ").startswith("Đánh giá tình hình thực hiện Nghị quyết")
    assert report.subtitle.endswith("năm 2027")
    assert report.sections[-1].heading == "IV. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM TỚI"


def test_html_carries_the_same_sentence(hp_data: Any) -> None:
    fig = _figure("5.1", "2026-09")
    html = report_generate(plan_code=PLAN, as_of=parse_period("2026-09"), kind="monthly", fmt="html").content
    assert (
        f"Thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt {fmt_value(fig.value, 'tỷ đồng')}"
        in html.decode()
    )


def test_generation_is_audited(hp_data: Any) -> None:
    from kehoach.audit.models import AuditEntry

    report_generate(plan_code=PLAN, as_of=parse_period("2026-09"), kind="monthly", fmt="html", charts=False)
    entry = AuditEntry.objects.filter(action="report.generate").latest("id")
    assert entry.plan_code == PLAN and entry.data["kind"] == "monthly" and entry.data["format"] == "html"


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"kind": "monthly", "as_of": "2026-Q3"},
            ERR_KIND_PERIOD.format(period="2026-Q3", kind="monthly", need="một tháng", example="2026-09"),
        ),
        ({"kind": "agency", "as_of": "2026-09"}, ERR_AGENCY_NEEDED),
        (
            {"kind": "agency", "as_of": "2026-09", "agency_code": "XYZ"},
            ERR_AGENCY_UNKNOWN.format(agency="XYZ"),
        ),
        (
            {"kind": "monthly", "as_of": "2026-09", "plan_code": "khong-co"},
            ERR_PLAN_UNKNOWN.format(plan="khong-co"),
        ),
    ],
)
def test_bad_requests_say_why(hp_data: Any, kw: dict[str, str], message: str) -> None:
    from kehoach.audit.models import AuditEntry

    args: dict[str, Any] = {"plan_code": PLAN, "fmt": "docx", **kw, "as_of": parse_period(kw["as_of"])}
    before = AuditEntry.objects.count()
    with pytest.raises(ReportError) as err:
        report_generate(**args)
    assert str(err.value) == message
    assert AuditEntry.objects.count() == before


def test_half_year_report_words(hp_data: Any) -> None:
    report = report_build(plan_code=PLAN, as_of=parse_period("2026-H1"), kind="half-year", charts=False)
    assert report.subtitle.split("\n")[-1] == "6 tháng đầu năm 2026; nhiệm vụ, giải pháp 6 tháng cuối năm"
    assert report.sections[-1].heading == "IV. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 6 THÁNG CUỐI NĂM"
    table = report.all_tables()[0]
    assert table.columns[3] == "Thực hiện 6 tháng"


def test_draft_figures_are_left_out(hp_data: Any) -> None:
    from kehoach.submissions.models import Status

    draft = _figure("5.1", "2026-09")
    draft.status = Status.DRAFT
    draft.save()
    sent = _figure("5.1", "2026-08")
    report = report_build(plan_code=PLAN, as_of=parse_period("2026-09"), kind="monthly", charts=False)
    budget = next(r for r in report.all_tables()[0].rows if r[0] == "5")
    assert budget[3] == f"{fmt_value(sent.value)} (T8)"
    assert fmt_value(draft.value) not in budget
