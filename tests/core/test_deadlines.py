"""Deadlines read from the words of Article 2 tasks."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.core.deadlines import SessionDates, parse_deadline

D = dt.date


@pytest.mark.parametrize(
    ("text", "date", "kind"),
    [
        ("Hoàn thành trước ngày 30/6/2026 việc trình phê duyệt.", D(2026, 6, 30), "date"),
        ("xong trước ngày 15 tháng 7 năm 2026", D(2026, 7, 15), "date"),
        ("Ban hành Đề án trong Quý II/2026", D(2026, 6, 30), "quarter"),
        ("hoàn thành trong quý IV năm 2026", D(2026, 12, 31), "quarter"),
        ("trong quý 3/2026", D(2026, 9, 30), "quarter"),
        ("khởi công trong tháng 9/2026", D(2026, 9, 30), "month"),
        ("trong tháng 2 năm 2026", D(2026, 2, 28), "month"),
        ("Triển khai trong 6 tháng đầu năm 2026", D(2026, 6, 30), "half"),
        ("Hoàn thành trong năm 2026 Kế hoạch phát triển nhà ở", D(2026, 12, 31), "year"),
        ("trình HĐND thành phố tại kỳ họp giữa năm", D(2026, 7, 15), "session"),
        ("trình Hội đồng nhân dân kỳ họp cuối năm", D(2026, 12, 10), "session"),
        # the earliest deadline wins
        ("Quý III/2026 hoàn thành bước 1; trong năm 2026 hoàn thành toàn bộ", D(2026, 9, 30), "quarter"),
        ("Thường xuyên theo dõi, đôn đốc; báo cáo trước 31/10/2026", D(2026, 10, 31), "date"),
    ],
)
def test_dated(text: str, date: dt.date, kind: str) -> None:
    d = parse_deadline(text, year=2026)
    assert (d.date, d.kind) == (date, kind)
    assert d.text and d.text in " ".join(text.split())  # the words as written
    assert not d.continuing


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thường xuyên theo dõi, triển khai hiệu quả phương án xử lý", "continuing"),
        ("Xây dựng Đề án tổng thể phát triển du lịch thành phố Hải Phòng đến năm 2035", "none"),
        ("Kế hoạch đầu tư công trung hạn giai đoạn 2026-2030", "none"),
        ("", "none"),
        ("ngày 31/02/2026 là ngày không có", "none"),
    ],
)
def test_undated(text: str, kind: str) -> None:
    d = parse_deadline(text, year=2026)
    assert d.date is None and d.kind == kind
    assert d.continuing is (kind == "continuing")


def test_session_date_is_configurable() -> None:
    d = parse_deadline("trình kỳ họp giữa năm", year=2027, sessions=SessionDates(midyear=(6, 30)))
    assert d.date == D(2027, 6, 30)
