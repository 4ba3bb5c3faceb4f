"""One chart definition for the dashboard and the reports.

:func:`progress_spec` builds a Vega-Lite specification of a target's year from
plain numbers: this year's figures, the expected-by-now path, the target, the
year-end projection with its 80% band and the earlier years. :func:`render_svg`
draws it for web pages (inline SVG: no JavaScript, nothing from a CDN) and
:func:`render_png` for documents, both with the installed ``vl-convert-python``
(imported inside the functions: it is heavy). Rendered charts are cached by
their specification, so a page drawn twice costs one rendering.

:func:`sparkline_svg` is the tiny hand-made line of the overview rows.
No Django here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ChartData",
    "progress_spec",
    "render_png",
    "render_svg",
    "sparkline_svg",
]

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
# Colours with AA contrast on white; lines also differ by dash so colour is never the only cue.
COLOURS = {
    "actual": "#0b4f8a",
    "expected": "#7a4b00",
    "target": "#a11919",
    "history": "#6b7580",
    "band": "#0b4f8a",
}
WORDS = {
    "vi": {
        "actual": "Thực hiện",
        "expected": "Kịch bản / tiến độ cần đạt",
        "target": "Mục tiêu",
        "projection": "Dự báo cả năm",
        "month": "Tháng",
        "band": "Khoảng dự báo 80%",
    },
    "en": {
        "actual": "Actual",
        "expected": "Expected path",
        "target": "Target",
        "projection": "Year-end projection",
        "month": "Month",
        "band": "80% projection interval",
    },
}


@dataclass
class ChartData:
    """What one chart shows; months are 1–12, values in the target's unit."""

    title: str
    unit: str = ""
    actual: Mapping[int, float] = field(default_factory=dict)
    expected: Mapping[int, float] = field(default_factory=dict)
    target: float | None = None
    projection: float | None = None
    low80: float | None = None
    high80: float | None = None
    history: Mapping[int, Mapping[int, float]] = field(default_factory=dict)


def _rows(series: str, points: Mapping[int, float]) -> list[dict[str, Any]]:
    return [{"series": series, "month": m, "value": v} for m, v in sorted(points.items())]


def _line_layer(label: str, colour: str, dash: Sequence[int], *, points: bool) -> dict[str, Any]:
    return {
        "transform": [{"filter": {"field": "series", "equal": label}}],
        "mark": {
            "type": "line",
            "color": colour,
            "strokeDash": list(dash),
            "point": points,
            "strokeWidth": 2,
        },
        "encoding": {
            "x": {"field": "month", "type": "quantitative"},
            "y": {"field": "value", "type": "quantitative"},
        },
    }


def _history_layers(history: Mapping[int, Mapping[int, float]]) -> list[dict[str, Any]]:
    """Earlier years as thin grey lines, each named by its year at its last point."""
    years = [str(y) for y in sorted(history) if history[y]]
    if not years:
        return []
    ends = [
        {"month": max(history[y]), "value": history[y][max(history[y])], "year": str(y)}
        for y in sorted(history)
        if history[y]
    ]
    return [
        {
            "transform": [{"filter": {"field": "series", "oneOf": years}}],
            "mark": {"type": "line", "color": COLOURS["history"], "strokeWidth": 1, "opacity": 0.8},
            "encoding": {
                "x": {"field": "month", "type": "quantitative"},
                "y": {"field": "value", "type": "quantitative"},
                "detail": {"field": "series"},
            },
        },
        {
            "data": {"values": ends},
            "mark": {"type": "text", "color": COLOURS["history"], "align": "left", "dx": 4, "fontSize": 10},
            "encoding": {
                "x": {"field": "month", "type": "quantitative"},
                "y": {"field": "value", "type": "quantitative"},
                "text": {"field": "year"},
            },
        },
    ]


def _projection_layers(d: ChartData, w: Mapping[str, str], last: int) -> list[dict[str, Any]]:
    if d.projection is None:
        return []
    layers: list[dict[str, Any]] = []
    if d.low80 is not None and d.high80 is not None:
        start = d.actual.get(last)
        band = [{"month": last, "lo": start, "hi": start}] if start is not None and last < 12 else []
        band.append({"month": 12, "lo": d.low80, "hi": d.high80})
        layers.append(
            {
                "data": {"values": band},
                "mark": {"type": "area", "color": COLOURS["band"], "opacity": 0.15},
                "encoding": {
                    "x": {"field": "month", "type": "quantitative"},
                    "y": {"field": "lo", "type": "quantitative"},
                    "y2": {"field": "hi"},
                },
            }
        )
    layers.append(
        {
            "data": {"values": [{"month": 12, "value": d.projection, "label": w["projection"]}]},
            "mark": {
                "type": "point",
                "shape": "diamond",
                "size": 90,
                "filled": True,
                "color": COLOURS["actual"],
            },
            "encoding": {
                "x": {"field": "month", "type": "quantitative"},
                "y": {"field": "value", "type": "quantitative"},
            },
        }
    )
    return layers


def progress_spec(d: ChartData, *, lang: str = "vi", width: int = 560, height: int = 260) -> dict[str, Any]:
    """The Vega-Lite specification of a target's year (deterministic: same data, same spec)."""
    w = WORDS["en" if lang == "en" else "vi"]
    values = _rows(w["actual"], d.actual) + _rows(w["expected"], d.expected)
    for y in sorted(d.history):
        values += _rows(str(y), d.history[y])
    layers: list[dict[str, Any]] = _history_layers(d.history)
    layers.append(_line_layer(w["expected"], COLOURS["expected"], (6, 4), points=False))
    layers.append(_line_layer(w["actual"], COLOURS["actual"], (), points=True))
    if d.target is not None:
        layers.append(
            {
                "data": {"values": [{"value": d.target}]},
                "mark": {"type": "rule", "color": COLOURS["target"], "strokeDash": [2, 2], "strokeWidth": 2},
                "encoding": {"y": {"field": "value", "type": "quantitative"}},
            }
        )
    layers += _projection_layers(d, w, max(d.actual) if d.actual else 0)
    return {
        "$schema": SCHEMA,
        "title": d.title,
        "width": width,
        "height": height,
        "background": "white",
        "data": {"values": values},
        "encoding": {
            "x": {"scale": {"domain": [1, 12]}, "axis": {"title": w["month"], "tickMinStep": 1}},
            "y": {"axis": {"title": d.unit or None}, "scale": {"zero": False}},
        },
        "layer": layers,
        "config": {"font": "Noto Sans, DejaVu Sans, sans-serif", "view": {"stroke": None}},
    }


# Vietnamese number format for the axes (7.944,5); English keeps the default.
VI_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " đ"]}
# Nothing is ever fetched while rendering: the data are inline.
_NO_FETCH: list[str] = []


@functools.lru_cache(maxsize=256)
def _svg_cached(spec_json: str, lang: str) -> str:
    import vl_convert as vlc

    locale = VI_LOCALE if lang == "vi" else None
    svg: str = vlc.vegalite_to_svg(json.loads(spec_json), format_locale=locale, allowed_base_urls=_NO_FETCH)
    return svg


@functools.lru_cache(maxsize=64)
def _png_cached(spec_json: str, scale: float, lang: str) -> bytes:
    import vl_convert as vlc

    locale = VI_LOCALE if lang == "vi" else None
    png: bytes = vlc.vegalite_to_png(
        json.loads(spec_json), scale=scale, format_locale=locale, allowed_base_urls=_NO_FETCH
    )
    return png


def render_svg(spec: Mapping[str, Any], *, lang: str = "vi") -> str:
    """The chart as an SVG document (for pages; inline it)."""
    return _svg_cached(json.dumps(spec, sort_keys=True, ensure_ascii=False), "en" if lang == "en" else "vi")


def render_png(spec: Mapping[str, Any], *, scale: float = 2.0, lang: str = "vi") -> bytes:
    """The chart as a PNG image (for DOCX/PDF reports)."""
    key = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    return _png_cached(key, scale, "en" if lang == "en" else "vi")


def sparkline_svg(values: Sequence[float], *, width: int = 96, height: int = 24, label: str = "") -> str:
    """A tiny trend line as inline SVG; empty string for fewer than two points."""
    if len(values) < 2:
        return ""
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    step = (width - 4) / (len(values) - 1)
    pts = " ".join(
        f"{2 + i * step:.1f},{height - 2 - (v - lo) / span * (height - 4):.1f}" for i, v in enumerate(values)
    )
    last_x, last_y = pts.rsplit(" ", 1)[-1].split(",")
    title = f"<title>{_esc(label)}</title>" if label else ""
    return (
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="{_esc(label)}">{title}<polyline fill="none" stroke="{COLOURS["actual"]}"'
        f' stroke-width="1.5" points="{pts}"/><circle cx="{last_x}" cy="{last_y}" r="2"'
        f' fill="{COLOURS["actual"]}"/></svg>'
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
