"""Time evaluating the whole Hải Phòng plan, as a ratio to a baseline measured in the same run.

    .venv/bin/python bench/evaluate_speed.py

Series are synthetic but shaped like the real ones: every target of
kehoach/data/plans/haiphong-2026.json gets ten past years and this year up to
September, monthly year-to-date for flows and counts, quarterly cumulative growth
for GRDP-like indicators and monthly for the others, half-yearly levels and
rates, yearly ranks; a city scenario for half the flows. Baseline: json-loading
the plan file (the least any evaluation must do). Goal: under 50 ms.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kehoach.core.evaluate import Observation, TargetSeries, evaluate_plan
from kehoach.core.measures import default_behaviour, default_frequency
from kehoach.core.periods import Period, parse_period
from kehoach.core.plan import Indicator, Plan, Target

PLAN = Path(__file__).resolve().parents[1] / "kehoach" / "data" / "plans" / "haiphong-2026.json"
YEAR, AS_OF = 2026, parse_period("2026-09")
SHARES = [0.06, 0.13, 0.21, 0.29, 0.37, 0.46, 0.54, 0.62, 0.71, 0.80, 0.89, 1.0]


def _flow_year(rng: random.Random, year: int, total: float, months: int) -> list[Observation]:
    out = [
        Observation(Period(year, "month", m), total * SHARES[m - 1] * rng.uniform(0.97, 1.03))
        for m in range(1, months + 1)
    ]
    if months == 12:
        out[-1] = Observation(Period(year, "year"), total)
    return out


def _growth_year(rng: random.Random, year: int, g: float, months: int, quarterly: bool) -> list[Observation]:
    step = 3 if quarterly else 1
    codes = {3: "Q1", 6: "H1", 9: "9M"}
    out = []
    for m in range(step, months + 1, step):
        code = f"{year}" if m == 12 else (f"{year}-{codes[m]}" if quarterly else f"{year}-{m:02d}")
        out.append(Observation(parse_period(code), g + rng.uniform(-1, 1)))
    return out


def _series(key: str, ind: Indicator, t: Target, rng: random.Random) -> TargetSeries:
    behaviour, freq = default_behaviour(ind, t), default_frequency(ind, t)
    ref = t.reference or 1.0
    s = TargetSeries(key, ind, t, behaviour, YEAR, frequency=freq)
    for y in range(YEAR - 10, YEAR + 1):
        months = 12 if y < YEAR else AS_OF.last_month
        if behaviour in ("flow", "count"):
            obs = _flow_year(rng, y, ref * 0.9 ** (YEAR - y), months)
        elif behaviour == "growth":
            obs = _growth_year(rng, y, ref, months, freq == "quarterly")
        elif behaviour == "rank":
            obs = [Observation(Period(y, "year"), float(rng.randint(1, 10)))] if y < YEAR else []
        else:
            obs = [
                Observation(Period(y, "half", h), ref * rng.uniform(0.9, 1.05))
                for h in (1, 2)
                if 6 * h <= months
            ]
        if y < YEAR:
            s.history[y] = obs
        else:
            s.observations = obs
    if behaviour == "flow" and rng.random() < 0.5:
        s.scenario, s.scenario_basis = {"2026-9M": ref * 0.7}, "QĐ (thử nghiệm)"
    return s


def _median_ms(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    text = PLAN.read_text(encoding="utf-8")
    plan = Plan.from_dict(json.loads(text))
    rng = random.Random(7)
    series = {key: _series(key, ind, t, rng) for key, ind, t in plan.targets()}
    result = evaluate_plan(plan, series, AS_OF)
    baseline = _median_ms(lambda: json.loads(text), 200)
    elapsed = _median_ms(lambda: evaluate_plan(plan, series, AS_OF), 30)
    verdicts = sorted({ev.verdict for ev in result.targets.values()})
    print(f"targets: {len(result.targets)}; verdicts seen: {', '.join(verdicts)}; {result.counts.sentence}")
    print(f"baseline json.loads(plan): {baseline:.3f} ms")
    print(f"evaluate_plan (whole plan): {elapsed:.2f} ms = {elapsed / baseline:.0f} × baseline")
    print(f"[{'PASS' if elapsed < 50 else 'FAIL'}] under 50 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
