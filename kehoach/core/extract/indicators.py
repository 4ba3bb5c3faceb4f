"""Find the key indicators: a numbered or bulleted list under a "chỉ tiêu" heading, or,
in press and portal summaries, running sentences.

In prose only this year's targets are kept: sentences about last year's results
("Năm 2025, GRDP ước tăng 8,5%"), far goals ("Đến năm 2030") and vote counts
("45/45 đại biểu tán thành") are skipped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from kehoach.core.extract.clean import Cleaned
from kehoach.core.extract.items import Direction, parse_item
from kehoach.core.extract.normalize import UPPER
from kehoach.core.extract.tables import read_tables
from kehoach.core.extract.values import NUMBER, find_values, is_ambiguous
from kehoach.core.plan import Indicator

__all__ = ["IndicatorResult", "find_indicators", "marker"]

_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("paren", re.compile(r"^\((\d{1,3})\)\s*")),
    ("dieu", re.compile(r"^(?:Điều|ĐIỀU)\s+(\d+)\.?\s*")),
    ("roman", re.compile(r"^([IVX]{1,5})[.)]\s+")),
    ("dotnum2", re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+")),
    ("dotnum", re.compile(r"^(\d{1,3})\.\s*")),
    ("closenum", re.compile(r"^(\d{1,3})\)\s*")),
    ("letter", re.compile(r"^([a-zđ])\)\s*")),
    ("dash", re.compile(r"^-\s+")),
    ("plus", re.compile(r"^\+\s+")),
    ("bullet", re.compile(r"^[•*·]\s+")),
]
_LIST_HEADING = re.compile(
    r"chỉ tiêu|mục tiêu cụ thể|mục tiêu chủ yếu|một số mục tiêu|mục tiêu[^.]*:\s*$", re.I
)
_NUMBERED = {"paren", "dotnum", "closenum", "dotnum2"}
_VOTE = re.compile(
    r"\d+\s*/\s*\d+\s*đại biểu|tán thành|biểu quyết|đại biểu có mặt|phiếu|"
    r"bế mạc|khai mạc|ngày làm việc|phiên (?:họp|thảo luận|chất vấn)",  # the session itself
    re.I,
)
_PAST = re.compile(
    r"\bước (?:đạt|tính|thực hiện|tăng|giảm)|\bnăm qua\b|\bvừa qua\b|\bđã đạt\b|\bđạt được\b|"
    r"vượt kế hoạch|so với kế hoạch|\b(?:vượt|bằng)\s+[\d.,]+\s*%\s*(?:so với\s+)?(?:dự toán|kế hoạch)|\bkết quả\b|\bđã (?:tăng|giảm|thu hút|hoàn thành)|\b\d+ tháng(?: đầu năm)?\b",
    re.I,
)
_PLAN_WORDS = re.compile(r"phấn đấu|chỉ tiêu|mục tiêu|đề ra|đặt ra|kế hoạch|dự toán|\bgiao\b", re.I)
_NATIONAL = re.compile(r"cả nước|toàn quốc|Quốc hội|Chính phủ đặt|Trung ương", re.I)
_HEADS = (
    "tốc độ|tổng|thu|chi|kim ngạch|giá trị|sản lượng|tỷ lệ|tỉ lệ|số|chỉ số|grdp|vốn|tuổi thọ|mức|giải quyết|"
    "tạo việc làm|đào tạo|thu nhập|diện tích|năng suất|khách|lượt khách|doanh thu|tỷ trọng|dân số|lao động|"
    "xuất khẩu|nhập khẩu|giảm|tăng|phấn đấu|hoàn thành|có|xây dựng|trồng"
)
_HEAD_RE = re.compile(rf"^(?:{_HEADS})\b", re.I)


@dataclass
class IndicatorResult:
    indicators: list[Indicator] = field(default_factory=list)
    needs_review: list[dict[str, Any]] = field(default_factory=list)
    end: int = 0
    plain: bool = False  # a list of unnumbered paragraphs


def marker(text: str) -> tuple[str | None, str | None, int]:
    """``(style, number, length)`` of the list marker at the start of a paragraph."""
    for style, rx in _MARKERS:
        m = rx.match(text)
        if m:
            return style, (m.group(1) if m.groups() else None), m.end()
    return None, None, 0


def find_indicators(
    cleaned: Cleaned,
    *,
    year: int | None,
    five_year: tuple[int, int] | None,
    stop: int | None = None,
    prose: bool = True,
) -> IndicatorResult:
    """The key indicators of the text before paragraph ``stop``: a list if there is one, else prose."""
    paras = cleaned.paragraphs
    limit = len(paras) if stop is None else stop
    best: IndicatorResult | None = None
    for h, p in enumerate(paras[:limit]):
        if _is_list_heading(p):
            res = _read_list(cleaned, h, limit, year, five_year)
            if len(res.indicators) >= 2 and (best is None or _score(res) >= _score(best)):
                best = res
    table = read_tables(cleaned, year=year, stop=stop)
    if len(table) >= 2 and (best is None or len(table) > len(best.indicators)):
        return IndicatorResult(indicators=table, end=0)
    if best is not None and best.plain and prose:
        # Unnumbered paragraphs under a line naming "chỉ tiêu" may be a press article's prose (several
        # targets a paragraph, last year's results between): read as prose when that finds more.
        other = _read_prose(cleaned, limit, year, five_year)
        return other if len(other.indicators) > len(best.indicators) else best
    if best is not None or not prose:
        return best or IndicatorResult()
    res = _read_prose(cleaned, limit, year, five_year)
    return res if res.indicators else _read_prose(cleaned, limit, year, five_year, lenient=True)


def _score(res: IndicatorResult) -> tuple[int, int]:
    return len(res.indicators), sum(1 for i in res.indicators if i.group)


def _is_list_heading(p: str) -> bool:
    if not _LIST_HEADING.search(p) or len(p) > 220:
        return False
    if p.rstrip().endswith(".") and len(p) > 80:
        return False  # a sentence of a press article that mentions "22 chỉ tiêu chủ yếu", not a heading
    return p.rstrip().endswith(":") or not find_values(p)


def _read_list(
    cleaned: Cleaned, h: int, limit: int, year: int | None, five_year: tuple[int, int] | None
) -> IndicatorResult:
    paras = cleaned.paragraphs
    head_style = marker(paras[h])[0]
    res = IndicatorResult()
    style: str | None = None
    group: str | None = None
    position = 0
    for i in range(h + 1, limit):
        p = paras[i]
        st, num, length = marker(p)
        body = p[length:]
        parsed = parse_item(body, year=year, five_year=five_year)
        sibling = st is not None and st == head_style and st != style and parsed is None
        if st in ("dieu", "roman") or (sibling and not _is_group(body)):
            break
        if style is None and parsed is not None:
            style = st or "plain"
            res.plain = style == "plain"
        if st is None and style == "plain" and parsed is not None:
            st, num = "plain", None
        if st is not None and st == style:
            position += 1
            n = int(num) if st in _NUMBERED and num and num.isdigit() else position
            inline = _inline_group(body)
            if inline:  # "a) Về kinh tế: GRDP tăng 8%; thu ngân sách 21.500 tỷ đồng; …"
                label, parts = inline
                for off, part in parts:
                    n = max((ind.n for ind in res.indicators), default=0) + 1
                    parsed = parse_item(part, year=year, five_year=five_year)
                    _add(res, cleaned, i, length + off, part, parsed, n, label, year)
            else:
                _add(res, cleaned, i, length, body, parsed, n, group, year)
            res.end = i + 1
            continue
        if parsed is not None and st is not None and res.indicators and st != head_style:
            _merge_sub(res.indicators[-1], parsed)  # "+ Riêng thu nội địa 9.000 tỷ đồng" under an item
            res.end = i + 1
            continue
        if parsed is None and len(p) < 160 and not p.rstrip().endswith("."):
            group = re.sub(r"[:\s]+$", "", body).strip() or group
            continue
        if style is None and parsed is None:
            continue
        break
    return res


def _add(
    res: IndicatorResult,
    cleaned: Cleaned,
    i: int,
    length: int,
    body: str,
    parsed: tuple[str, list[Any], Direction] | None,
    n: int,
    group: str | None,
    year: int | None,
) -> None:
    start = cleaned.starts[i] + length
    span = cleaned.span(start, start + len(body))
    if parsed is None or not parsed[1]:
        res.needs_review.append(_review(body, span.to_dict(), "không đọc được giá trị mục tiêu"))
        return
    name, targets, direction = parsed
    _flag_ambiguous(res, body, span.to_dict())
    if any(ind.n == n for ind in res.indicators):
        n = max(ind.n for ind in res.indicators) + 1
    res.indicators.append(
        Indicator(
            n=n,
            name=name,
            targets=[t.target for t in targets],
            group=_group(group),
            direction=direction,
            source=body,
            span=span,
        )
    )


def _is_group(body: str) -> bool:
    """ "1. Các chỉ tiêu về kinh tế", "Về xã hội:": a group of the list, not the next part of the document."""
    return len(body) < 120 and bool(_LIST_HEADING.search(body) or re.match(r"^(?:về|lĩnh vực)\s", body, re.I))


def _inline_group(body: str) -> tuple[str, list[tuple[int, str]]] | None:
    """A group label and its indicators in one paragraph, separated by ";": ``(label, [(offset, part)])``."""
    m = re.match(r"^([^:;\d]{2,60}):\s*", body)
    if not m or not _is_group(m.group(1)):
        return None
    parts = [(m.end() + p.start(), p.group(0)) for p in re.finditer(r"[^;]+", body[m.end() :])]
    parts = [(off + len(t) - len(t.lstrip()), t.strip().rstrip(".").strip()) for off, t in parts]
    parts = [(off, t[:1].upper() + t[1:]) for off, t in parts if find_values(t)]
    return (m.group(1).strip(), parts) if len(parts) >= 2 else None


def _merge_sub(ind: Indicator, parsed: tuple[str, list[Any], Direction]) -> None:
    name, targets, _ = parsed
    label = re.sub(r"^(?:riêng|trong đó|gồm)[:\s]+", "", name, flags=re.I).strip() or None
    for t in targets:
        ind.targets.append(replace(t.target, qualifier=t.target.qualifier or label))


def _group(group: str | None) -> str | None:
    if not group:
        return None
    g = re.sub(r"^(?:các\s+)?chỉ tiêu\s+(?:về\s+)?", "", group, flags=re.I).strip()
    g = re.sub(r"^về\s+", "", g, flags=re.I).strip()
    return (g[:1].upper() + g[1:]) if g else group


def _flag_ambiguous(res: IndicatorResult, body: str, span: dict[str, Any]) -> None:
    for m in NUMBER.finditer(body):
        if is_ambiguous(m.group(1)):
            reason = f"số {m.group(1)} được hiểu là số thập phân (dấu phẩy), không phải hàng nghìn"
            res.needs_review.append(_review(body, span, reason))


def _review(text: str, span: dict[str, Any], reason: str) -> dict[str, Any]:
    return {"text": text, "span": span, "reason": f"cần xem lại: {reason}"}


def _sentences(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    start = 0
    for m in re.finditer(rf"(?<=[.!?])\s+(?=[{UPPER}\"(])", text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(s, t) for s, t in out if t.strip()]


def _read_prose(
    cleaned: Cleaned, limit: int, year: int | None, five_year: tuple[int, int] | None, lenient: bool = False
) -> IndicatorResult:
    """Targets in running sentences; ``lenient`` also takes sentences that name no year at all
    (a short text that states only targets), tried when the strict pass finds nothing."""
    res = IndicatorResult()
    context: str | None = None
    for i, p in enumerate(cleaned.paragraphs[:limit]):
        for off, sentence in _sentences(p):
            context = _context(sentence, context, year, five_year)
            wanted = context == "plan" or (lenient and context is None)
            if not wanted or _VOTE.search(sentence):
                continue
            base = cleaned.starts[i] + off
            for s, item in _items(sentence):
                _add_prose(res, cleaned, base + s, item, year, five_year)
    return _drop_restated(res, cleaned)


def _drop_restated(res: IndicatorResult, cleaned: Cleaned) -> IndicatorResult:
    """A press headline or lead restates a target given again in the text ("Năm 2026 phấn đấu tăng
    trưởng 9%" … "tốc độ tăng trưởng kinh tế (GRDP) đạt 9%"): the same figures under a name whose
    words are all in the other's name are one indicator, kept where it has more targets (or later)."""

    def keys(ind: Indicator) -> set[tuple[Any, ...]]:
        return {(t.comparator, t.value, t.low, t.high, (t.unit or "").casefold()) for t in ind.targets}

    def words(ind: Indicator) -> set[str]:
        return set(re.findall(r"\w+", ind.name.casefold())) - {"tỷ", "lệ", "số", "tổng", "chỉ", "tiêu"}

    def in_title(ind: Indicator) -> bool:
        """The text's title: a short line without a full stop, before every other paragraph read."""
        line = (ind.span.line if ind.span else None) or 0
        first = (inds[0].span.line if inds[0].span else None) or 0
        para = cleaned.paragraphs[line - 1] if 0 < line <= len(cleaned.paragraphs) else ""
        return line == first and len(para) < 200 and not para.rstrip().endswith(".")

    inds = res.indicators
    drop = {
        i
        for i, a in enumerate(inds)
        for j, b in enumerate(inds)
        if i != j
        and keys(a) <= keys(b)
        and (len(keys(a)) < len(keys(b)) or i < j)
        and ((words(a) and words(a) <= words(b)) or (i < j and in_title(a)))
    }
    if drop:
        kept = [ind for i, ind in enumerate(inds) if i not in drop]
        res.indicators = [replace(ind, n=k) for k, ind in enumerate(kept, start=1)]
    return res


def _context(
    sentence: str, prev: str | None, year: int | None, five_year: tuple[int, int] | None
) -> str | None:
    """plan, past, far or the previous context, from the words before the first figure."""
    first = find_values(sentence)
    head = sentence[: first[0].start] if first else sentence
    found = re.findall(r"(?<![Ss]o với )(?<![Ss]o )\bnăm (\d{4})\b|đến năm (\d{4})", head, re.I)
    years = [int(a or b) for a, b in found]
    if _PAST.search(sentence):
        return "past" if not years or years[-1] != year else prev
    if years and year is not None:
        lo, hi = five_year or (year, year)
        if any(lo <= y <= hi for y in years):
            return "plan"
        return "past" if years[0] < lo else "far"
    if re.search(r"\bnăm qua\b|\bnăm nay\b", head, re.I):
        return "past"
    if _PLAN_WORDS.search(sentence):
        return "plan"
    return prev


def _items(sentence: str) -> list[tuple[int, str]]:
    """Split a sentence of targets on ";" (and on ", " before a new indicator's name)."""
    lead = re.match(r"^[^:;]{0,200}?:\s*", sentence)
    start = lead.end() if lead and not find_values(sentence[: lead.end()]) else 0
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"[^;]+", sentence[start:]):
        out.extend(_split_commas(start + m.start(), m.group(0)))
    return [(s, t) for s, t in out if find_values(t)]


def _split_commas(offset: int, item: str) -> list[tuple[int, str]]:
    values = find_values(item)
    cuts = [0]
    for prev, nxt in itertools.pairwise(values):
        between = item[prev.end : nxt.start]
        k = between.find(",")
        label = between[k + 1 :].strip() if k >= 0 else ""
        if label and _HEAD_RE.match(label) and not label.lower().startswith("phấn đấu"):
            cuts.append(prev.end + k + 1)
    cuts.append(len(item))
    return [(offset + a, item[a:b]) for a, b in itertools.pairwise(cuts)]


def _add_prose(
    res: IndicatorResult,
    cleaned: Cleaned,
    start: int,
    item: str,
    year: int | None,
    five_year: tuple[int, int] | None,
) -> None:
    lead = len(item) - len(item.lstrip(" ,.;"))
    body = item.strip(" ,.;")
    parsed = parse_item(body, year=year, five_year=five_year)
    span = cleaned.span(start + lead, start + lead + len(body))
    if parsed is None:
        if re.search(r"\d", body) and _PLAN_WORDS.search(body):
            res.needs_review.append(_review(body, span.to_dict(), "câu có số nhưng không đọc được mục tiêu"))
        return
    name, targets, direction = parsed
    targets = _provincial(body, targets)
    if not targets:
        return
    _flag_ambiguous(res, body, span.to_dict())
    name = _prose_name(name) or body[:160]
    name = name[:1].upper() + name[1:]
    res.indicators.append(
        Indicator(
            n=len(res.indicators) + 1,
            name=name,
            targets=[t.target for t in targets],
            direction=direction,
            source=body,
            span=span,
        )
    )


_NAME_LEAD = re.compile(
    r"^(?:(?:và|trong đó|đồng thời|theo đó|cụ thể|ngoài ra|bên cạnh đó)\b[, ]*|(?:trong )?năm \d{4}[, ]*|"
    r"(?:tỉnh|thành phố|toàn tỉnh|toàn thành phố|địa phương)\s+(?:phấn đấu|đặt mục tiêu|đề ra mục tiêu)\s*|"
    r"phấn đấu\s*|đặt mục tiêu\s*|mục tiêu\s*)+",
    re.I,
)


def _provincial(body: str, targets: list[Any]) -> list[Any]:
    """Drop the country's goals quoted beside the province's ("mục tiêu của cả nước đạt 10%")."""
    out, prev = [], 0
    for t in targets:
        if not _NATIONAL.search(body[prev : t.start]):
            out.append(t)
        prev = t.end
    return out


def _prose_name(name: str) -> str:
    """ "Theo đó, năm 2026, tỉnh phấn đấu tốc độ tăng trưởng GRDP" → "Tốc độ tăng trưởng GRDP"."""
    k = name.lower().rfind("phấn đấu ")
    if k >= 0:
        name = name[k + len("phấn đấu ") :]
    name = _NAME_LEAD.sub("", name).strip(" ,")
    return name[:1].upper() + name[1:]
