"""Pure helpers of the report content: period words, the latest figure, kinds and periods (no database)."""

from __future__ import annotations

import pytest

from kehoach.core.evaluate import Observation, TargetSeries
from kehoach.core.periods import parse_period
from kehoach.core.plan import Indicator, Target
from kehoach.reports.blocks import short_period
from kehoach.reports.kinds import check_kind_period, period_words
from kehoach.reports.lines import cumulative_words, latest_observation, target_line


@pytest.mark.parametrize(
    ("code", "words", "title", "cell"),
    [
        ("2026-01", "tháng 1", "tháng 1 năm 2026", "T1"),
        ("2026-09", "9 tháng", "tháng 9 năm 2026", "T9"),
        ("2026-Q1", "quý I", "quý I năm 2026", "QI"),
        ("2026-Q3", "9 tháng", "quý III và 9 tháng năm 2026", "QIII"),
        ("2026-H1", "6 tháng", "6 tháng đầu năm 2026", "6T"),
        ("2026-9M", "9 tháng", "9 tháng năm 2026", "9T"),
        ("2026", "năm 2026", "năm 2026", "2026"),
    ],
)
def test_period_words(code: str, words: str, title: str, cell: str) -> None:
    p = parse_period(code)
    assert (cumulative_words(p), period_words(p), short_period(p)) == (words, title, cell)


def test_kind_and_period_must_fit() -> None:
    assert check_kind_period("monthly", parse_period("2026-09")) is None
    assert check_kind_period("annual", parse_period("2026-09")) == (
        "kỳ 2026-09 không hợp với báo cáo annual: cần một năm (ví dụ 2026)"
    )
    assert check_kind_period("supervision", parse_period("2026-Q3")) is None


def _budget(
    observations: list[Observation], history: dict[int, list[Observation]] | None = None
) -> TargetSeries:
    t = Target("eq", "level", 194935.654, unit="tỷ đồng")
    ind = Indicator(5, "Thu ngân sách nhà nước trên địa bàn", [t], group="Kinh tế")
    return TargetSeries("5.1", ind, t, "flow", 2026, observations=observations, history=history or {})


def test_latest_figure_by_the_report_date_and_last_year_from_history() -> None:
    obs = [Observation(parse_period(f"2026-{m:02d}"), 16000.0 * m) for m in (7, 8, 9, 10)]
    last_year = {2025: [Observation(parse_period("2025-09"), 130000.0)]}
    line = target_line(_budget(obs, last_year), None, parse_period("2026-Q3"))
    assert line.latest is not None and line.latest.period.code == "2026-09"
    assert line.last_year == 130000.0
    assert line.pct_of_target == pytest.approx(144000 / 194935.654 * 100)
    assert line.growth_pct == pytest.approx((144000 / 130000 - 1) * 100)
    assert line.label == "Thu ngân sách nhà nước trên địa bàn"


def test_no_figure_yet() -> None:
    s = _budget([Observation(parse_period("2026-10"), 1.0)])
    assert latest_observation(s, parse_period("2026-09")) is None
    assert target_line(s, None, parse_period("2026-09")).verdict_label == "chưa có số liệu"


def test_no_data_paragraph_names_each_indicator_once() -> None:
    from kehoach.reports.blocks import no_data_paragraph
    from kehoach.reports.lines import TargetLine

    name = "Chỉ số chuyển đổi số (DTI), Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"
    lines = [
        TargetLine(key=f"14.{i}", n=14, name=name, group="Kinh tế", qualifier=q, target_text="top 5",
                   unit=None, behaviour="rank", kind="rank", stretch=False)
        for i, q in enumerate(["DTI", "PCI"], 1)
    ] + [
        TargetLine(key="3.1", n=3, name="Tỷ trọng kinh tế số trong GRDP", group="Kinh tế", qualifier=None,
                   target_text="31%", unit="%", behaviour="rate", kind="share_pct", stretch=False)
    ]  # fmt: skip
    paragraph = no_data_paragraph(lines)
    assert paragraph is not None
    text = paragraph.text
    assert text.count(name) == 1
    assert f"{name} (DTI, PCI: kế hoạch top 5)" in text
    assert "Tỷ trọng kinh tế số trong GRDP (kế hoạch 31%)" in text
