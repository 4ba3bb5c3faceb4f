"""Metadata of a resolution: issuing council, number, adoption date, session, year, theme, objective."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from kehoach.core.extract.clean import Cleaned
from kehoach.core.extract.indicators import marker
from kehoach.core.extract.normalize import UPPER

__all__ = ["Metadata", "find_metadata", "slug"]

_PLACE = rf"[{UPPER}]\w*(?: [{UPPER}]\w*){{0,3}}"
_ISSUER = re.compile(rf"(?:Hội đồng nhân dân|HĐND)\s+(tỉnh|thành phố|TP\.?)\s+({_PLACE})")
_HEADER = re.compile(rf"^HỘI ĐỒNG NHÂN DÂN\s+(TỈNH|THÀNH PHỐ)\s+([{UPPER}][{UPPER} ]+?)\s*$", re.M)
_NUMBER = re.compile(r"Số:\s*(\d+/(?:\d{4}/)?NQ-HĐND)", re.I)
_NUMBER_TEXT = re.compile(r"Nghị quyết số\s+(\d+/(?:\d{4}/)?NQ-HĐND)", re.I)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_DATE_SLASH = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_SESSION = re.compile(r"kh(?:óa|oá)\s+([IVXLC]+)[,\s]+(?:tại\s+)?kỳ họp\s+(thứ\s+[\wÀ-ỹ]+)", re.I)
_SESSION_REV = re.compile(r"kỳ họp\s+(thứ\s+[\wÀ-ỹ]+)[^.;]{0,60}?kh(?:óa|oá)\s+([IVXLC]+)", re.I)


@dataclass
class Metadata:
    issuer: str
    province: str | None
    title: str
    year_start: int
    year_end: int
    number: str | None = None
    adopted: dt.date | None = None
    session: str | None = None
    theme: str | None = None
    objective: str | None = None


def slug(text: str) -> str:
    """ "Hải Phòng" → "haiphong" (for plan ids)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "", text)


def find_metadata(cleaned: Cleaned) -> Metadata:
    text = cleaned.text
    kind, province = _issuer(text)
    adopted = _adopted(text)
    title = _title(cleaned.paragraphs)
    start, end = _period(title, text, adopted)
    if not title:
        what = f"năm {start}" if start == end else f"5 năm {start}-{end}"
        title = f"Nghị quyết về kế hoạch phát triển kinh tế - xã hội {what}"
    issuer = f"Hội đồng nhân dân {kind} {province}".strip() if province else "Hội đồng nhân dân"
    number = _NUMBER.search(text) or next(
        (m for p in cleaned.paragraphs if not p.startswith("Căn cứ") for m in [_NUMBER_TEXT.search(p)] if m),
        None,
    )
    return Metadata(
        issuer=issuer,
        province=province,
        title=title,
        year_start=start,
        year_end=end,
        number=number.group(1) if number else None,
        adopted=adopted,
        session=_session(text),
        theme=_theme(cleaned.paragraphs),
        objective=_objective(cleaned.paragraphs),
    )


def _issuer(text: str) -> tuple[str, str | None]:
    m = _HEADER.search(text[:3000])
    if m:
        return m.group(1).lower(), m.group(2).strip().title()
    counts = Counter((k.lower().rstrip("."), p) for k, p in _ISSUER.findall(text))
    if not counts:
        places = Counter(re.findall(rf"\b(tỉnh|thành phố)\s+({_PLACE})", text))
        if not places:
            return "tỉnh", None
        (k, p), _ = places.most_common(1)[0]
        return k, p
    (k, p), _ = counts.most_common(1)[0]
    return ("thành phố" if k.startswith("tp") else k), p


def _adopted(text: str) -> dt.date | None:
    for rx in (
        re.compile(r"thông qua\s+" + _DATE_WORDS.pattern),
        re.compile(r"thông qua\s+" + _DATE_SLASH.pattern),
        re.compile(r",\s+" + _DATE_WORDS.pattern),
        _DATE_WORDS,
    ):
        m = rx.search(text)
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
    return None


def _session(text: str) -> str | None:
    m = _SESSION.search(text)
    if m:
        return f"khóa {m.group(1).upper()}, kỳ họp {m.group(2).lower()}"
    m = _SESSION_REV.search(text)
    if m:
        return f"khóa {m.group(2).upper()}, kỳ họp {m.group(1).lower()}"
    m = re.search(r"kỳ họp\s+(thứ\s+[\wÀ-ỹ]+)", text, re.I)
    return f"kỳ họp {m.group(1).lower()}" if m else None


def _title(paras: list[str]) -> str | None:
    for i, p in enumerate(paras[:40]):
        if p.strip().upper() == "NGHỊ QUYẾT" and i + 1 < len(paras):
            about = paras[i + 1].strip()
            if about.lower().startswith("về"):
                return "Nghị quyết " + about[0].lower() + about[1:]
        m = re.match(r"^NGHỊ QUYẾT\s+(Về .+)$", p.strip())
        if m:
            return "Nghị quyết v" + m.group(1)[1:]
    return None


def _period(title: str | None, text: str, adopted: dt.date | None) -> tuple[int, int]:
    """The plan's years: from the title, else from "kế hoạch phát triển kinh tế - xã hội … năm N"."""
    rx = re.compile(
        r"kế hoạch phát triển kinh tế\s*-\s*xã hội\s*(5 năm|năm năm)?[^.;]{0,40}?(?:giai đoạn|năm)\s+(\d{4})"
        r"(?:\s*-\s*(\d{4}))?",
        re.I,
    )
    for source in (title or "", text[:8000]):
        found = rx.findall(source)
        five = [(int(a), int(b)) for f, a, b in found if b and (f or source is title)]
        if five:
            return five[0]
        single = [int(a) for _, a, b in found if not b]
        if single:
            y = max(single)
            return y, y
    years = Counter(
        int(y) for y in re.findall(r"(?:chỉ tiêu|kế hoạch|phấn đấu)[^.;]{0,80}?năm (\d{4})", text)
    )
    if years:
        y = years.most_common(1)[0][0]
        return y, y
    y = adopted.year + 1 if adopted else dt.date.today().year
    return y, y


def _theme(paras: list[str]) -> str | None:
    for i, p in enumerate(paras):
        m = re.search(r"[Cc]hủ đề(?: của)?(?: năm)?(?: \d{4})?(?: là)?\s*:?\s*\"([^\"]+)\"", p)
        if m:
            return m.group(1).strip()
        body = p[marker(p)[2] :].strip()
        if re.fullmatch(
            r"(?:Chủ đề(?: năm)?(?: \d{4})?|CHỦ ĐỀ(?: NĂM)?(?: \d{4})?)\s*:?", body
        ) and i + 1 < len(paras):
            return paras[i + 1].strip().strip("\"'").strip()
    return None


def _objective(paras: list[str]) -> str | None:
    for i, p in enumerate(paras):
        body = p[marker(p)[2] :].strip()
        m = re.match(
            r"^(?:Mục tiêu tổng quát|Mục tiêu chung|MỤC TIÊU TỔNG QUÁT|MỤC TIÊU CHUNG)\s*:?\s*(.*)$", body
        )
        if not m:
            continue
        parts = [m.group(1)] if m.group(1) else []
        for q in paras[i + 1 :]:
            if marker(q)[0] is not None or re.search(r"chỉ tiêu", q[:60], re.I):
                break
            parts.append(q.strip())
        return " ".join(parts).strip() or None
    return None
