"""The backtest: CSV reading with line-numbered errors, and numbers worked by hand."""

from __future__ import annotations

import math

import pytest

from kehoach.core.backtest import BacktestError, parse_corpus, run_backtest

HEADER = "series,kind,year,period,value\n"


def test_two_years_of_a_flow() -> None:
    # 2024 H1: no history → run rate 50 × 12/6 = 100 = naive; outcome 100 → errors 0.
    # 2025 H1: one past year → √(share 60 × 100/50 × run rate 120) = 120 = naive; outcome 110
    # → |120 − 110| / 110 = 9,0909%. Mean over the two: 4,5455%. 2024 is inside its band; 2025
    # is not: σ = 0,12 × 6/12 = 0,06, 120 × e^(±1,2816 × 0,06) = 111,1–129,6 → coverage 0,5.
    text = HEADER + "s,flow,2024,H1,50\ns,flow,2024,Y,100\ns,flow,2025,H1,60\ns,flow,2025,Y,110\n"
    results = [r.to_dict() for r in run_backtest(parse_corpus(text))]
    assert results == [
        {"method": "kehoach", "kind": "flow", "horizon": "M06", "n": 2, "error": 4.5455, "coverage80": 0.5},
        {"method": "naive", "kind": "flow", "horizon": "M06", "n": 2, "error": 4.5455, "coverage80": None},
    ]


def test_growth_naive_is_the_latest_cumulative_growth() -> None:
    # Q1 10 → naive 10; outcome 11 → MAE 1 pp; kehoach without history is naive too.
    text = HEADER + "g,growth,2025,Q1,10\ng,growth,2025,Y,11\n"
    by_method = {r.method: r for r in run_backtest(parse_corpus(text))}
    assert by_method["naive"].error == pytest.approx(1.0)
    assert by_method["kehoach"].error == pytest.approx(1.0)
    assert by_method["naive"].horizon == "M03"


def test_years_without_outcome_and_bad_bases_are_skipped() -> None:
    text = HEADER + "s,flow,2025,M03,0\ns,flow,2025,Y,100\ns,flow,2026,M03,5\n"
    assert run_backtest(parse_corpus(text)) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b\n1,2\n", "thiếu cột"),
        (HEADER + "s,stock,2025,Y,1\n", "dòng 2: kind"),
        (HEADER + "s,flow,2025,M12,1\n", "dòng 2: kỳ không hợp lệ"),
        (HEADER + "s,flow,2025,Y,abc\n", "dòng 2: năm hoặc giá trị"),
        (HEADER + "s,flow,x,Y,1\n", "dòng 2: năm hoặc giá trị"),
        (HEADER + "s,flow,2025,Y,inf\n", "dòng 2: giá trị không hữu hạn"),
        (HEADER + "s,flow,2025,Y,1\ns,growth,2025,Y,1\n", "dòng 3: chuỗi 's'"),
        (HEADER + ",flow,2025,Y,1\n", "thiếu tên"),
    ],
)
def test_bad_files_name_the_line(text: str, message: str) -> None:
    with pytest.raises(BacktestError, match=message):
        parse_corpus(text)


def test_period_aliases() -> None:
    corpus = parse_corpus(
        HEADER
        + 's,flow,2025,Q1,1\ns,flow,2025,9M,3\ns,flow,2025,M11,4\ns,flow,2025,Y,5\ns,flow,2025,m2,"0,5"\n'
    )
    assert corpus.data["s"][2025] == {2: 0.5, 3: 1.0, 9: 3.0, 11: 4.0, 12: 5.0}
    assert not math.isnan(corpus.data["s"][2025][12])


def _noisy_quarters_corpus(seed: int) -> str:
    """Cumulative growth of a seasonal quarterly series whose quarters are level plus noise."""
    import random

    rng = random.Random(seed)
    season = (1.0, 1.1, 1.2, 1.5)
    levels = {
        y: [100 * 1.03 ** (y - 2000) * s * math.exp(rng.gauss(0, 0.06)) for s in season]
        for y in range(2000, 2030)
    }
    rows = []
    for y in range(2001, 2030):
        for q, period in ((1, "Q1"), (2, "H1"), (3, "9M"), (4, "Y")):
            g = (sum(levels[y][:q]) / sum(levels[y - 1][:q]) - 1) * 100
            rows.append(f"s,growth,{y},{period},{g:.6f}")
    return HEADER + "\n".join(rows) + "\n"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_growth_beats_naive_when_the_last_quarter_is_noisy(seed: int) -> None:
    # An unusually heavy last quarter last year is a high base: this year's growth falls back.
    # The latest cumulative growth cannot know it; the weight learned from past growth does.
    results = run_backtest(parse_corpus(_noisy_quarters_corpus(seed)))
    at9 = {r.method: r for r in results if r.horizon == "M09"}
    assert at9["kehoach"].error < 0.9 * at9["naive"].error
    assert at9["kehoach"].coverage80 is not None and 0.6 <= at9["kehoach"].coverage80 <= 1.0
