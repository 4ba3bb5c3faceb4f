"""Backtest kehoach's year-end projections on real series; print ratios to the naive methods.

    .venv/bin/python bench/backtest_corpus.py   # once: builds bench/out/corpus.csv (+ corpus_vn.csv)
    .venv/bin/python bench/backtest.py          # prints the table and the checks below

Checks (issue 7), every one a ratio measured in this run:
- at 9 months, flows: kehoach MAPE ≤ 0,5 × run-rate MAPE;
- at 9 months, growth: kehoach MAE ≤ 0,8 × naive MAE;
- 80% intervals cover 70–90% of outcomes (all horizons pooled, and at 9 months);
- short series: on the Hải Phòng series, and on every corpus series cut to its first four
  years (so at most three past years), kehoach is never worse than naive.
Results also go to bench/out/backtest.json.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kehoach.core.backtest import BacktestPoint, Corpus, backtest_points, read_corpus

OUT = Path(__file__).parent / "out"
ADJUSTED = ("us_", "dk_")


def _ratio(points: list[BacktestPoint]) -> tuple[float, float, float, float]:
    k = sum(p.error(p.kehoach) for p in points) / len(points)
    n = sum(p.error(p.naive) for p in points) / len(points)
    cover = sum(p.covered for p in points) / len(points)
    return k, n, (k / n if n else float("nan")), cover


def _table(points: Iterable[BacktestPoint], title: str) -> dict[str, dict[str, float]]:
    groups: dict[tuple[str, int], list[BacktestPoint]] = defaultdict(list)
    for p in points:
        groups[(p.kind, p.month)].append(p)
    print(
        f"\n{title}\n{'kind':<8}{'horizon':<9}{'n':>6}{'kehoach':>10}{'naive':>10}{'ratio':>8}{'cover80':>9}"
    )
    out: dict[str, dict[str, float]] = {}
    for (kind, m), pts in sorted(groups.items()):
        k, n, r, c = _ratio(pts)
        print(f"{kind:<8}M{m:02d}{'':<6}{len(pts):>6}{k:>10.3f}{n:>10.3f}{r:>8.2f}{c:>9.2f}")
        out[f"{kind}:M{m:02d}"] = {"n": len(pts), "kehoach": k, "naive": n, "ratio": r, "coverage80": c}
    return out


def _short(corpus: Corpus, years: int = 4) -> Corpus:
    data = {s: {y: ms for y, ms in sorted(ys.items())[:years]} for s, ys in corpus.data.items()}
    return Corpus(dict(corpus.kinds), data)


def _check(label: str, ok: bool, detail: str) -> bool:
    print(f"[{'PASS' if ok else 'FAIL'}] {label}: {detail}")
    return ok


def main() -> int:
    if not (OUT / "corpus.csv").exists():
        import backtest_corpus  # type: ignore[import-not-found]

        backtest_corpus.main()
    corpus = read_corpus(str(OUT / "corpus.csv"))
    points = list(backtest_points(corpus))
    vn = list(backtest_points(read_corpus(str(OUT / "corpus_vn.csv"))))
    short = list(backtest_points(_short(corpus)))
    report = {
        "all": _table(points, f"All series ({len(corpus.data)}), every horizon"),
        "adjusted": _table(
            (p for p in points if p.series.startswith(ADJUSTED)),
            "National accounts, seasonally adjusted (US, DK)",
        ),
        "raw": _table(
            (p for p in points if not p.series.startswith(ADJUSTED)), "Raw series, not seasonally adjusted"
        ),
        "short": _table(short, "Every series cut to its first four years"),
        "vietnam": _table(vn, "Hải Phòng series"),
    }
    print()
    f9 = [p for p in points if p.kind == "flow" and p.month == 9]
    g9 = [p for p in points if p.kind == "growth" and p.month == 9]
    results = [
        _check("flows at 9 months ≤ 0,5 × run rate", _ratio(f9)[2] <= 0.5, f"ratio {_ratio(f9)[2]:.2f}"),
        _check("growth at 9 months ≤ 0,8 × naive", _ratio(g9)[2] <= 0.8, f"ratio {_ratio(g9)[2]:.2f}"),
        _check("80% coverage, all horizons", 0.7 <= _ratio(points)[3] <= 0.9, f"{_ratio(points)[3]:.3f}"),
        _check("80% coverage at 9 months", 0.7 <= _ratio(f9 + g9)[3] <= 0.9, f"{_ratio(f9 + g9)[3]:.3f}"),
    ]
    for name, pts in (("Hải Phòng series", vn), ("series cut to four years", short)):
        for kind in ("flow", "growth"):
            sel = [p for p in pts if p.kind == kind]
            if sel:
                k, n, _r, _ = _ratio(sel)
                results.append(
                    _check(f"{name}, {kind}: never worse than naive", k <= n + 1e-9, f"{k:.3f} vs {n:.3f}")
                )
    OUT.mkdir(exist_ok=True)
    (OUT / "backtest.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"{sum(results)}/{len(results)} checks pass")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
