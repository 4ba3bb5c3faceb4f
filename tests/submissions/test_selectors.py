"""Series for evaluation, missing reports, the illustrative data in the database."""

from __future__ import annotations

from typing import Any

import pytest

from kehoach.core.periods import parse_period
from kehoach.submissions.bootstrap import after_bundled_plan_loaded, illustrative_remove
from kehoach.submissions.models import Figure, FigureRevision, ScenarioSet, Status
from kehoach.submissions.selectors import missing_reports, plan_target_series


@pytest.fixture
def demo(hp_plan: Any) -> Any:
    after_bundled_plan_loaded(hp_plan.code)
    return hp_plan


def test_assignments(demo: Any) -> None:
    t = demo.targets.get(key="5.1")
    assert t.lead_agency.code == "STC"
    assert {a.code for a in t.cooperating_agencies.all()} == {"THUE", "HQ"}
    assert demo.targets.get(key="13.2").behaviour == "count"
    assert demo.targets.get(key="9.1").lead_agency.code == "SVHTTDL"


def test_series_in_four_queries(demo: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(4):
        domain, series = plan_target_series(plan_id=demo.code, as_of=parse_period("2026-10"))
    assert set(series) == {k for k, _i, _t in domain.targets()}
    s = series["5.1"]
    assert s.behaviour == "flow" and s.frequency == "monthly"
    assert [o.period.code for o in s.observations][-1] == "2026-10"
    assert set(s.history) == {2023, 2024, 2025}
    assert s.scenario and s.scenario["2026-9M"] > 0 and "QĐ-UBND" in (s.scenario_basis or "")


def test_series_as_of_an_earlier_month(demo: Any) -> None:
    _, series = plan_target_series(plan_id=demo.code, as_of=parse_period("2026-06"))
    assert [o.period.code for o in series["5.1"].observations][-1] == "2026-06"
    assert [o.period.code for o in series["1.1"].observations] == ["2026-Q1", "2026-Q2"]


def test_published_only(demo: Any) -> None:
    _, series = plan_target_series(plan_id=demo.code, as_of=parse_period("2026-10"), published_only=True)
    codes = [o.period.code for o in series["5.1"].observations]
    assert "2026-10" not in codes and "2026-09" not in codes and "2026-08" in codes


def test_missing_reports(demo: Any) -> None:
    missing = {m.agency_code: m.target_keys for m in missing_reports(demo, parse_period("2026-10"))}
    assert missing["SXD"] == ["8.1", "18.1"]
    assert missing["SVHTTDL"] == ["9.1"]  # a draft is not a report
    assert "SCT" not in missing


def test_remove_illustrative(demo: Any) -> None:
    assert Figure.objects.filter(is_illustrative=True).count() > 800
    illustrative_remove()
    assert not Figure.objects.exists() and not FigureRevision.objects.exists()
    assert not ScenarioSet.objects.exists()


def test_no_demo(hp_plan: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_NO_DEMO", "1")
    after_bundled_plan_loaded(hp_plan.code)
    assert not Figure.objects.exists()
    assert hp_plan.targets.get(key="5.1").lead_agency.code == "STC"


def test_statuses_in_database(demo: Any) -> None:
    assert Figure.objects.get(target__key="5.1", period="2026-10").status == Status.SUBMITTED


def test_a_correction_under_way_keeps_the_published_figure_public(demo: Any) -> None:
    from kehoach.submissions.services import figure_save

    as_of = parse_period("2026-08")
    figure = Figure.objects.get(target__key="7.1", period="2026-08", place="city")
    assert figure.status == Status.PUBLISHED
    published = figure.value
    figure_save(
        actor=None,
        target=figure.target,
        period=as_of,
        value=published + 1.5,
        explanation="sửa số",
        reason="Cục Hải quan điều chỉnh",
        expected_version=figure.version,
    )
    figure.refresh_from_db()
    assert figure.status != Status.PUBLISHED  # the correction is a draft again
    _, public = plan_target_series(plan_id=demo.code, as_of=as_of, published_only=True)
    _, internal = plan_target_series(plan_id=demo.code, as_of=as_of)
    assert public["7.1"].observations[-1].value == published
    assert internal["7.1"].observations[-1].value == published + 1.5
    assert [o.period.code for o in public["7.1"].observations] == [
        o.period.code for o in internal["7.1"].observations
    ]


def test_a_stretch_target_reads_its_base_targets_figure(demo: Any) -> None:
    Figure.objects.filter(target__key="4.2").delete()  # nobody is asked for it any more
    _, series = plan_target_series(plan_id=demo.code, as_of=parse_period("2026-10"))
    base, stretch = series["4.1"], series["4.2"]
    assert stretch.target.stretch and stretch.observations
    assert [(o.period, o.value) for o in stretch.observations] == [
        (o.period, o.value) for o in base.observations
    ]
    assert stretch.history.keys() == base.history.keys()
