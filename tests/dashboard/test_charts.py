"""One chart definition: a Vega-Lite spec rendered to SVG (pages) and PNG (documents)."""

from __future__ import annotations

from kehoach.formats.charts import ChartData, progress_spec, render_png, render_svg, sparkline_svg

DATA = ChartData(
    title="5.1 Thu ngân sách",
    unit="tỷ đồng",
    actual={1: 15000.0, 2: 31000.0, 3: 48123.5},
    expected={3: 45000.0, 6: 95000.0},
    target=194935.654,
    projection=190000.0,
    low80=180000.0,
    high80=200000.0,
    history={2025: {1: 12000.0, 12: 170000.0}},
)


def test_spec_carries_every_series() -> None:
    spec = progress_spec(DATA)
    series = {v["series"] for v in spec["data"]["values"]}
    assert series == {"Thực hiện", "Kịch bản / tiến độ cần đạt", "2025"}
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["line", "text", "line", "line", "rule", "area", "point"]
    assert spec["layer"][1]["data"]["values"] == [{"month": 12, "value": 170000.0, "year": "2025"}]
    band = spec["layer"][5]["data"]["values"]
    assert band == [{"month": 3, "lo": 48123.5, "hi": 48123.5}, {"month": 12, "lo": 180000.0, "hi": 200000.0}]


def test_svg_in_vietnamese_and_english() -> None:
    svg = render_svg(progress_spec(DATA))
    assert svg.startswith("<svg") and "200.000" in svg and "Tháng" in svg
    en = render_svg(progress_spec(DATA, lang="en"), lang="en")
    assert "200,000" in en and "Month" in en


def test_png_for_documents() -> None:
    png = render_png(progress_spec(DATA), scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_sparkline() -> None:
    svg = sparkline_svg([1.0, 3.0, 2.0], label='a<b"')
    assert 'points="2.0,22.0 48.0,2.0 94.0,12.0"' in svg
    assert "a&lt;b&quot;" in svg
    assert sparkline_svg([1.0]) == ""
