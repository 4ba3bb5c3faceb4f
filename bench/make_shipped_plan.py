"""Regenerate the task tree of the shipped Hải Phòng 2026 plan from the extraction of the seed.

    python bench/make_shipped_plan.py [SEED_TEXT] [--check]

Keeps every indicator's ``n``, ``name``, ``targets``, ``group`` and ``direction``
exactly as checked by hand (they equal the gold file); fills from the
extraction: ``tasks.sections`` (ids like "1.-1.3", "4.a.2", "2.5": see
:mod:`kehoach.core.extract.tasks`), indicator ``source`` sentences and spans,
and ``number`` / ``objective`` when the text states them. ``--check`` only
reports whether the shipped file is up to date (exit 1 if not).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kehoach.core.extract import extract_plan
from kehoach.core.plan import validate_plan_dict

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "kehoach" / "data" / "plans" / "haiphong-2026.json"
SEED = ROOT.parent / "shared" / "seed" / "000_43d4c465a0477983.txt"


def regenerate(shipped: dict[str, Any], seed_text: str) -> dict[str, Any]:
    plan = extract_plan(seed_text, plan_id=shipped["id"])
    extracted = {ind.n: ind for ind in plan.indicators}
    out = dict(shipped)
    indicators = []
    for ind in shipped["indicators"]:
        mine = extracted.get(ind["n"])
        new = dict(ind)
        if mine is not None and [t.to_dict() for t in mine.targets] == ind["targets"]:
            new["source"] = mine.source
            if mine.span:
                new["span"] = mine.span.to_dict()
        indicators.append(new)
    out["indicators"] = indicators
    out["number"] = shipped.get("number") or plan.number
    out["objective"] = plan.objective or shipped.get("objective")
    out["tasks"] = {"sections": [s.to_dict() for s in plan.sections]}
    titles = [(s["n"], s["title"]) for s in shipped["tasks"]["sections"]]
    if titles and titles != [(s.n, s.title) for s in plan.sections]:
        raise SystemExit("section titles of the extraction differ from the shipped ones: not written")
    validate_plan_dict(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Fill the shipped plan's task tree from the seed extraction.")
    ap.add_argument("seed", nargs="?", type=Path, default=SEED)
    ap.add_argument("--check", action="store_true", help="only say whether the shipped file is up to date")
    args = ap.parse_args(argv)
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    new = regenerate(shipped, args.seed.read_text(encoding="utf-8"))
    text = json.dumps(new, ensure_ascii=False, indent=1) + "\n"
    if args.check:
        same = SHIPPED.read_text(encoding="utf-8") == text
        print("up to date" if same else "out of date")
        return 0 if same else 1
    SHIPPED.write_text(text, encoding="utf-8")
    tasks = sum(1 for _ in json.dumps(new["tasks"]).split('"id"')) - 1
    print(f"wrote {SHIPPED.relative_to(ROOT)}: {len(new['indicators'])} indicators, {tasks} tasks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
