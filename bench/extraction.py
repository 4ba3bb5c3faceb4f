"""Score the extractor against hand-checked answers.

    python bench/extraction.py DIR [--json]

For every document ``X.txt`` / ``X.pdf`` / ``X.docx`` / ``X.html`` in DIR that
has an ``X.gold.json`` beside it (the shape of the seed's), prints target
precision, recall and F1 (a target matches on comparator, value/low/high,
stretch and unit after NFC, case and space normalisation), and, when an
``X.tasks.gold.json`` exists, the section titles right, the deliverables found
(rule in that file's "about"), the task targets found, whether the duplicate
is marked, and the extraction time. The last line sums all documents.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from kehoach.core.extract import extract_plan
from kehoach.core.plan import Plan
from kehoach.formats.readers import ReadError, read_document

SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _num(x: Any) -> float | None:
    return None if x is None else round(float(x), 6)


def target_key(t: dict[str, Any]) -> tuple[Any, ...]:
    return (
        t["comparator"],
        _num(t.get("value")),
        _num(t.get("low")),
        _num(t.get("high")),
        bool(t.get("stretch")),
        norm(t.get("unit")),
    )


def score_targets(plan: Plan, gold: dict[str, Any]) -> tuple[int, int, int]:
    """(matched, extracted, gold) over the multiset of target keys."""
    mine = Counter(target_key(t.to_dict()) for _, _, t in plan.targets())
    want = Counter(target_key(t) for ind in gold["indicators"] for t in ind["targets"])
    return sum((mine & want).values()), sum(mine.values()), sum(want.values())


def score_tasks(plan: Plan, gold: dict[str, Any]) -> dict[str, Any]:
    tops = {s.n: s for s in plan.sections}
    titles = sum(
        1
        for g in gold["sections"]
        if g.get("title") and norm(getattr(tops.get(g["n"]), "title", "")) == norm(g["title"])
    )
    tasks = plan.tasks()
    deliv = sum(1 for d in gold["deliverables"] if _has_deliverable(tasks, d))
    ttargets = sum(1 for t in gold.get("task_targets", []) if _has_task_target(tasks, t))
    dup = gold.get("duplicates")
    dup_ok = None
    if dup:
        first, second = dup[0]
        dup_ok = any(
            path[0] == second and task.duplicate_of and task.duplicate_of.split(".")[0] == first
            for path, task in tasks
        )
    return {
        "titles": (titles, sum(1 for g in gold["sections"] if g.get("title"))),
        "deliverables": (deliv, len(gold["deliverables"])),
        "task_targets": (ttargets, len(gold.get("task_targets", []))),
        "duplicate": dup_ok,
    }


def _has_deliverable(tasks: list[tuple[tuple[str, ...], Any]], d: dict[str, Any]) -> bool:
    phrase = norm(d["phrase"])
    return any(
        path[0] == d["section"]
        and task.deliverable
        and task.deliverable.type == d["type"]
        and phrase in norm(task.text)
        for path, task in tasks
    )


def _has_task_target(tasks: list[tuple[tuple[str, ...], Any]], g: dict[str, Any]) -> bool:
    phrase = norm(g["phrase"])
    for path, task in tasks:
        if path[0] != g["section"] or phrase not in norm(task.text):
            continue
        for t in task.targets:
            if (
                t.comparator == g["comparator"]
                and _num(t.reference) == _num(g["value"])
                and norm(t.unit) == norm(g["unit"])
                and ("stretch" not in g or t.stretch == g["stretch"])
            ) and ("links_indicator" not in g or g["links_indicator"] in task.indicators):
                return True
    return False


def prf(m: int, e: int, g: int) -> tuple[float, float, float]:
    p = m / e if e else (1.0 if not g else 0.0)
    r = m / g if g else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def documents(folder: Path) -> list[tuple[Path, Path]]:
    out = []
    for gold in sorted(folder.glob("*.gold.json")):
        if gold.name.endswith(".tasks.gold.json"):
            continue
        stem = gold.name[: -len(".gold.json")]
        doc = next((folder / (stem + s) for s in SUFFIXES if (folder / (stem + s)).exists()), None)
        if doc:
            out.append((doc, gold))
    return out


def run(folder: Path) -> list[dict[str, Any]]:
    rows = []
    for doc_path, gold_path in documents(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        try:
            plan = extract_plan(read_document(doc_path))
        except ReadError as exc:
            g = sum(len(i["targets"]) for i in gold["indicators"])  # an unreadable file misses every target
            rows.append(
                {"document": doc_path.name, "error": str(exc), "matched": 0, "extracted": 0, "gold": g}
            )
            continue
        seconds = time.perf_counter() - t0
        m, e, g = score_targets(plan, gold)
        row: dict[str, Any] = {
            "document": doc_path.name,
            "matched": m,
            "extracted": e,
            "gold": g,
            "seconds": round(seconds, 3),
        }
        tasks_gold = gold_path.with_name(gold_path.name.replace(".gold.json", ".tasks.gold.json"))
        if tasks_gold.exists():
            row.update(score_tasks(plan, json.loads(tasks_gold.read_text(encoding="utf-8"))))
        rows.append(row)
    return rows


def report(rows: list[dict[str, Any]]) -> str:
    lines = [_line(r) for r in rows]
    ok = [r for r in rows if "error" not in r]
    tm, te, tg = (sum(r[k] for r in rows) for k in ("matched", "extracted", "gold"))
    p, rc, f = prf(tm, te, tg)
    line = (
        f"OVERALL ({len(rows)} documents, {len(rows) - len(ok)} unreadable): targets {tm}/{tg} "
        f"(extracted {te}) P={p:.3f} R={rc:.3f} F1={f:.3f}; time {sum(r['seconds'] for r in ok):.3f}s"
    )
    tasks = [r for r in ok if "titles" in r]
    if tasks:
        line += "; " + "; ".join(
            f"{label} {sum(r[k][0] for r in tasks)}/{sum(r[k][1] for r in tasks)}"
            for label, k in (("section titles", "titles"), ("deliverables", "deliverables"),
                             ("task targets", "task_targets"))
        )  # fmt: skip
        dups = [r["duplicate"] for r in tasks if r["duplicate"] is not None]
        line += f"; duplicates marked {sum(dups)}/{len(dups)}"
    lines.append(line)
    return "\n".join(lines)


def _line(r: dict[str, Any]) -> str:
    if "error" in r:
        return f"{r['document']}: LỖI {r['error']}"
    p, rc, f = prf(r["matched"], r["extracted"], r["gold"])
    line = (
        f"{r['document']}: targets {r['matched']}/{r['gold']} (extracted {r['extracted']}) "
        f"P={p:.3f} R={rc:.3f} F1={f:.3f}; time {r['seconds']:.3f}s"
    )
    if "titles" in r:
        line += (
            f"; section titles {r['titles'][0]}/{r['titles'][1]}; deliverables "
            f"{r['deliverables'][0]}/{r['deliverables'][1]}; task targets "
            f"{r['task_targets'][0]}/{r['task_targets'][1]}; duplicate marked {r['duplicate']}"
        )
    return line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args(argv)
    rows = run(args.dir)
    print(json.dumps(rows, ensure_ascii=False, indent=1) if args.json else report(rows))
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
