"""The illustrative generator: deterministic, seasonal, grounded, some targets ahead and some behind."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from kehoach.core import illustrative
from kehoach.core.periods import parse_period
from kehoach.core.plan import Plan


@pytest.fixture(scope="module")
def refs() -> dict[str, float | None]:
    doc = json.loads(
        resources.files("kehoach.data").joinpath("plans", "haiphong-2026.json").read_text("utf-8")
    )
    return {k: t.reference for k, _i, t in Plan.from_dict(doc).targets()}


def _by(figs: list[illustrative.IllustrativeFigure], key: str) -> dict[str, illustrative.IllustrativeFigure]:
    return {f.period: f for f in figs if f.key == key}


def test_deterministic(refs: dict[str, float | None]) -> None:
    assert illustrative.generate(refs) == illustrative.generate(refs)


def test_every_target_has_figures_from_2023_to_october_2026(refs: dict[str, float | None]) -> None:
    figs = illustrative.generate(refs)
    assert {f.key for f in figs} == set(refs)
    periods = {f.period for f in figs}
    assert {"2023-01", "2026-10", "2023-Q1", "2026-Q3", "2026-H1", "2025"} <= periods
    assert not any(
        parse_period(f.period) > parse_period("2026-10")
        and parse_period(f.period).year == 2026
        and parse_period(f.period).kind == "month"
        for f in figs
    )


def test_grounded_in_real_results(refs: dict[str, float | None]) -> None:
    figs = illustrative.generate(refs)
    assert _by(figs, "5.1")["2025"].value == 190379  # budget revenue 2025, merged city
    assert _by(figs, "1.1")["2023"].value == pytest.approx(10.34)  # GRDP growth 2023
    # an old-city figure is re-based and says so
    assert _by(figs, "5.1")["2023"].value == pytest.approx(103619 * 1.25, rel=1e-3)
    assert "Hải Phòng cũ" in _by(figs, "5.1")["2023"].source


def test_flows_are_cumulative_and_seasonal(refs: dict[str, float | None]) -> None:
    tourists = _by(illustrative.generate(refs), "9.1")
    months = [tourists[f"2025-{m:02d}"].value for m in range(1, 13)]
    assert months == sorted(months)
    increments = [b - a for a, b in zip([0.0, *months], months, strict=False)]
    assert max(increments[5:7]) > 2 * min(increments[8:11])  # summer peak
    assert tourists["2026-10"].same_period_last_year == tourists["2025-10"].value


def test_some_ahead_some_behind_and_a_few_missing(refs: dict[str, float | None]) -> None:
    figs = illustrative.generate(refs)
    scen = illustrative.scenario_values(refs)
    ahead = _by(figs, "5.1")["2026-09"].value > scen["5.1"]["2026-9M"]
    behind = _by(figs, "18.1")["2026-09"].value < scen["18.1"]["2026-9M"]
    assert ahead and behind
    assert "2026-10" not in _by(figs, "18.1")
    assert _by(figs, "18.1")["2026-09"].explanation.startswith("Nguyên nhân")


def test_statuses(refs: dict[str, float | None]) -> None:
    figs = illustrative.generate(refs)
    assert _by(figs, "5.1")["2026-03"].status == "published"
    assert _by(figs, "5.1")["2026-10"].status == "submitted"
    assert _by(figs, "9.1")["2026-10"].status == "draft"
    assert {f.status for f in figs if parse_period(f.period).year < 2026} == {"published"}


def test_stretch_targets_share_the_base_figure(refs: dict[str, float | None]) -> None:
    figs = illustrative.generate(refs)
    assert _by(figs, "4.2")["2026-05"].value == _by(figs, "4.1")["2026-05"].value
