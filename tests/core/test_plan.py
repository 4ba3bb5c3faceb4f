import json

import pytest

from kehoach.core.plan import Plan, PlanError, validate_plan_dict
from kehoach.core.wording import describe_target, describe_targets
from kehoach.plans.services import bundled_plan_document
from tests.conftest import SEED_GOLD, SEED_TASKS_GOLD


@pytest.fixture(scope="module")
def hp() -> Plan:
    return Plan.from_dict(bundled_plan_document("haiphong-2026"))


def test_bundled_plan_equals_gold(hp: Plan) -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    mine = [{k: i[k] for k in ("n", "name", "targets")} for i in hp.to_dict()["indicators"]]
    assert mine == gold["indicators"]
    assert len(hp.targets()) == 42


def test_bundled_plan_section_titles(hp: Plan) -> None:
    gold = json.loads(SEED_TASKS_GOLD.read_text(encoding="utf-8"))
    assert [(s.n, s.title) for s in hp.sections] == [(s["n"], s["title"]) for s in gold["sections"]]


def test_round_trip(hp: Plan) -> None:
    again = Plan.from_dict(json.loads(json.dumps(hp.to_dict())))
    assert again.to_dict() == hp.to_dict()
    assert hp.theme == "Chủ động thực thi; phát huy động lực; tăng trưởng bứt phá"


def test_target_has_exactly_the_contract_fields(hp: Plan) -> None:
    fields = {"qualifier", "comparator", "value", "low", "high", "unit", "kind", "stretch"}
    for ind in hp.to_dict()["indicators"]:
        for t in ind["targets"]:
            assert set(t) == fields


def _minimal() -> dict:
    return {
        "id": "x-2026",
        "issuer": "HĐND tỉnh X",
        "title": "Kế hoạch 2026",
        "period": {"start": 2026, "end": 2026},
        "indicators": [
            {
                "n": 1,
                "name": "GRDP",
                "targets": [
                    {
                        "qualifier": None,
                        "comparator": "eq",
                        "value": 8,
                        "low": None,
                        "high": None,
                        "unit": "%",
                        "kind": "growth_pct",
                        "stretch": False,
                    }
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (
            lambda d: d["indicators"][0]["targets"][0].update(comparator="about"),
            "indicators[0].targets[0].comparator",
        ),
        (lambda d: d["indicators"][0]["targets"][0].update(value=None), "indicators[0].targets[0].value"),
        (lambda d: d["indicators"][0]["targets"][0].pop("kind"), "indicators[0].targets[0]"),
        (lambda d: d.pop("issuer"), "(gốc)"),
        (lambda d: d["period"].update(end=2020), "period.end"),
        (lambda d: d["indicators"][0].update(n="một"), "indicators[0].n"),
        (lambda d: d["indicators"].append(dict(d["indicators"][0])), "indicators[1].n"),
    ],
)
def test_validation_names_the_field(mutate, path: str) -> None:
    doc = _minimal()
    validate_plan_dict(doc)
    mutate(doc)
    with pytest.raises(PlanError) as err:
        validate_plan_dict(doc)
    assert path in [p for p, _ in err.value.errors]


def test_wording(hp: Plan) -> None:
    assert describe_targets(hp.indicator(2)) == [(None, "7.944,5 USD/người (khoảng 201,6 triệu đồng/người)")]
    assert describe_targets(hp.indicator(12)) == [(None, "3,8–4,3 tỷ USD")]
    assert describe_targets(hp.indicator(14))[0] == ("DTI", "top 5, phấn đấu top 3")
    assert describe_target(hp.indicator(5).targets[0]) == "194.935,654 tỷ đồng"
    assert describe_target(hp.indicator(17).targets[0]) == "0,795"
    assert describe_target(hp.indicator(22).targets[0]) == "trên 75%"
    assert describe_target(hp.indicator(1).targets[0], lang="en") == "about 13%"


def test_docs_schema_is_the_shipped_one() -> None:
    from pathlib import Path

    from kehoach.core.plan import plan_schema

    docs = Path(__file__).resolve().parents[2] / "docs" / "plan.schema.json"
    assert json.loads(docs.read_text(encoding="utf-8")) == plan_schema()
