"""Build the backtest corpus from real published series; write bench/out/corpus*.csv.

Sources (nothing synthetic):
- statsmodels.datasets.macrodata: US quarterly real GDP, consumption, investment,
  government spending and disposable income, 1959–2009 (constant 2005 dollars);
- statsmodels.datasets.elec_equip: euro-area monthly new orders of electrical
  equipment, not seasonally adjusted, 1995–2016 (Eurostat index);
- statsmodels.datasets.danish_data: Danish quarterly real income (exp of lry), 1974–1987;
- pmdarima.datasets (optional: used when pmdarima is installed, `pip install pmdarima`):
  Australian wine sales by winemakers, monthly 1980–1994 (wineind); international airline
  passengers, monthly 1949–1960 (airpassengers); quarterly Australian beer production
  1956–2008 (ausbeer) and woollen yarn production 1965–1994 (woolyrnq), none seasonally
  adjusted: the kind of raw flows provinces report;
- the Hải Phòng figures of kehoach/data/haiphong/haiphong_annual_2023_2026.csv:
  first-half figures are the year plan less the "H2 required" figure the city published
  (the plan and the H2 requirement are both in the file), the year outcome the latest
  estimate. These are the short, irregular series.

Each series becomes a ``flow`` (cumulative year-to-date level) and a ``growth``
(cumulative growth in % against the same months of the previous year).

    .venv/bin/python bench/backtest_corpus.py      # writes bench/out/corpus.csv and corpus_vn.csv
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).parent / "out"
HP = Path(__file__).resolve().parents[1] / "kehoach" / "data" / "haiphong" / "haiphong_annual_2023_2026.csv"
QUARTER_PERIODS = {3: "Q1", 6: "H1", 9: "9M", 12: "Y"}


def _period(month: int, step: int) -> str:
    if step == 3:
        return QUARTER_PERIODS[month]
    return "Y" if month == 12 else f"M{month:02d}"


def _cumulate(values: dict[tuple[int, int], float], step: int) -> dict[int, dict[int, float]]:
    """(year, month of the period's end) → value  ⇒  year → month → year-to-date sum (complete years only)."""
    by_year: dict[int, dict[int, float]] = defaultdict(dict)
    for (y, m), v in sorted(values.items()):
        by_year[y][m] = v
    out: dict[int, dict[int, float]] = {}
    for y, ms in by_year.items():
        if sorted(ms) != list(range(step, 13, step)):
            continue
        total, ytd = 0.0, {}
        for m in sorted(ms):
            total += ms[m]
            ytd[m] = total
        out[y] = ytd
    return out


def _rows(name: str, ytd: dict[int, dict[int, float]], step: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for y, ms in sorted(ytd.items()):
        rows += [[f"{name}", "flow", y, _period(m, step), round(v, 6)] for m, v in sorted(ms.items())]
        prev = ytd.get(y - 1)
        if prev:
            rows += [
                [f"{name}_growth", "growth", y, _period(m, step), round((v / prev[m] - 1) * 100, 6)]
                for m, v in sorted(ms.items())
            ]
    return rows


def international() -> list[list[object]]:
    import numpy as np
    from statsmodels.datasets import danish_data, elec_equip, macrodata

    rows: list[list[object]] = []
    macro = macrodata.load_pandas().data
    for col in ("realgdp", "realcons", "realinv", "realgovt", "realdpi"):
        vals = {(int(r.year), int(r.quarter) * 3): float(r[col]) for _, r in macro.iterrows()}
        rows += _rows(f"us_{col}", _cumulate(vals, 3), 3)
    elec = elec_equip.load_pandas().data.iloc[:, 0]
    vals = {(d.year, d.month): float(v) for d, v in elec.items()}
    rows += _rows("ea_elec_equip", _cumulate(vals, 1), 1)
    dk = danish_data.load_pandas().data
    vals = {(d.year, (d.month + 2)): float(np.exp(v)) for d, v in dk["lry"].items()}
    rows += _rows("dk_real_income", _cumulate(vals, 3), 3)
    return rows


def pmdarima_series() -> list[list[object]]:
    """Raw (not seasonally adjusted) monthly and quarterly flows shipped in pmdarima, if installed."""
    try:
        from pmdarima import datasets
    except ImportError:
        print("pmdarima not installed: its series are left out of the corpus")
        return []
    rows: list[list[object]] = []
    for name, loader, start, step in (
        ("au_wine_sales", datasets.load_wineind, 1980, 1),
        ("intl_air_passengers", datasets.load_airpassengers, 1949, 1),
        ("au_beer_production", datasets.load_ausbeer, 1956, 3),
        ("au_woollen_yarn", datasets.load_woolyrnq, 1965, 3),
    ):
        values = [float(v) for v in loader()]
        per_year = 12 // step
        vals = {(start + i // per_year, (i % per_year + 1) * step): v for i, v in enumerate(values) if v == v}
        rows += _rows(name, _cumulate(vals, step), step)
    return rows


def vietnam() -> list[list[object]]:
    """Hải Phòng: H1 = year plan − published "H2 required"; Y = the latest estimate of the year."""
    with HP.open(encoding="utf-8") as fh:
        data = list(csv.DictReader(fh))

    def last(indicator: str, year: int) -> float | None:
        """The latest figure of the year, preferring the merged city and exact (not "lower bound") figures."""
        rows = [r for r in data if r["indicator"] == indicator and int(r["year"]) == year]
        if year >= 2025:
            rows = [r for r in rows if r["scope"] == "merged"] or rows
        exact = [r for r in rows if "lower bound" not in r["note"] and "vintage" not in r["note"]]
        rows = exact or rows
        return float(rows[-1]["value"]) if rows else None

    rows: list[list[object]] = []
    for name, unit_scale in (("budget_revenue_total", 1.0), ("exports", 1.0), ("tourists", 1.0)):
        for y in (2023, 2024, 2025):
            plan, h2 = last(f"{name}_plan", y), last(f"{name}_plan_h2", y)
            outcome = last(name, y)
            if outcome is None:
                continue
            if plan is not None and h2 is not None:
                rows.append([f"hp_{name}", "flow", y, "H1", round((plan - h2) * unit_scale, 6)])
            rows.append([f"hp_{name}", "flow", y, "Y", outcome * unit_scale])
    # GRDP growth: H1 2024 published as 10,32%; H1 2025 from plan 12,35% and H2 required 13,35%
    # with halves of equal weight; years from the file.
    for y in (2023, 2024, 2025):
        outcome = last("grdp_growth", y)
        if outcome is not None:
            rows.append(["hp_grdp_growth", "growth", y, "Y", outcome])
    rows.append(["hp_grdp_growth", "growth", 2024, "H1", 10.32])
    plan25, h2_25 = last("grdp_growth_plan", 2025), last("grdp_growth_plan_h2", 2025)
    if plan25 is not None and h2_25 is not None:
        rows.append(["hp_grdp_growth", "growth", 2025, "H1", round(2 * plan25 - h2_25, 4)])
    return rows


def write(path: Path, rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["series", "kind", "year", "period", "value"])
        w.writerows(rows)


def main() -> None:
    intl, vn = international() + pmdarima_series(), vietnam()
    write(OUT / "corpus.csv", intl + vn)
    write(OUT / "corpus_vn.csv", vn)
    print(f"{OUT / 'corpus.csv'}: {len(intl) + len(vn)} rows; {OUT / 'corpus_vn.csv'}: {len(vn)} rows")


if __name__ == "__main__":
    main()
