"""Documents the extractor was not written against: other provinces' resolutions, press and portal
summaries, text tables (pipes, tabs, layout spaces), NFD text with curly quotes and no-break spaces.

Each ``X.txt`` in ``extract_unseen/`` has a hand-made ``X.gold.json`` of the seed's shape; the score is
the one ``python bench/extraction.py tests/core/extract_unseen`` prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path(__file__).with_name("extract_unseen")
sys.path.insert(0, str(ROOT / "bench"))

import extraction  # noqa: E402


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return extraction.run(FOLDER)


def test_enough_unseen_documents(rows: list[dict[str, object]]) -> None:
    assert len(rows) >= 8
    assert all("error" not in r for r in rows)


def test_overall_f1_at_least_095(rows: list[dict[str, object]]) -> None:
    m, e, g = (sum(int(r[k]) for r in rows) for k in ("matched", "extracted", "gold"))  # type: ignore[call-overload]
    _, _, f1 = extraction.prf(m, e, g)
    assert g >= 80
    assert f1 >= 0.95, extraction.report(rows)


@pytest.mark.parametrize("stem", sorted(p.name[: -len(".gold.json")] for p in FOLDER.glob("*.gold.json")))
def test_each_document_at_least_090(stem: str, rows: list[dict[str, object]]) -> None:
    row = next(r for r in rows if str(r["document"]).startswith(stem + "."))
    _, _, f1 = extraction.prf(int(row["matched"]), int(row["extracted"]), int(row["gold"]))  # type: ignore[call-overload]
    assert f1 >= 0.9, extraction.report([row])
