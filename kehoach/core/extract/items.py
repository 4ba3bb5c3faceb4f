"""One item of a key-indicator list → an :class:`~kehoach.core.plan.Indicator`.

The item's name is the text before its first figure; later figures take as
qualifier the words between them and the previous figure ("trong đó: khu vực
Dịch vụ tăng 11%"), or the previous qualifier when nothing stands between
("tăng 15,5%, phấn đấu tăng 16%"; an alternative unit in parentheses). A list
of indices sharing one target ("Chỉ số DTI, Chỉ số PCI … thuộc top 5") gives
each index its own targets.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Literal

from kehoach.core.extract.values import Found, find_values
from kehoach.core.plan import Target

__all__ = ["Direction", "ItemTarget", "parse_item", "target_kind"]

Direction = Literal["higher", "lower"]

_LEADING = re.compile(
    r"^(?:[\s,;:.()\-]+|(?:trong đó có|trong đó|riêng|và|còn|đồng thời|cụ thể|bao gồm|gồm|với)\b)+", re.I
)
_TRAILING = re.compile(r"[\s,;:(\-]+$")
_SO_VOI = re.compile(r"\s*so với[^;,.()]*", re.I)
_YEAR = re.compile(
    r"(?<![Ss]o với )(?<![Ss]o )\bnăm (\d{4})\b|\bđến (\d{4})\b|\bgiai đoạn \d{4}\s*-\s*(\d{4})", re.I
)
_LEAD_NAME = re.compile(
    r"^(?:(?:phấn đấu|chỉ tiêu)\s+|(?:đến|trong|vào)?\s*năm \d{4},?\s+|giai đoạn \d{4}\s*-\s*\d{4},?\s+|"
    r"về [^,]{2,30},\s+)+",
    re.I,
)
_RELATIVE = re.compile(r"\s*(?:so với\s+)?(?:dự toán|kế hoạch|chỉ tiêu)\b", re.I)
_SIDE_NOTE = re.compile(r"quý|tháng|kịch bản|cùng kỳ|bình quân giai đoạn|thực hiện|ước", re.I)
_LOCATION = ("tại ", "ở ", "khu vực ", "vùng ")
_MEASURE_UNITS = (
    "đồng",
    "usd",
    "tấn",
    "lượt",
    "teu",
    "kwh",
    "mw",
    "ha",
    "km",
    "m2",
    "m3",
    "lít",
    "tỷ",
    "triệu",
)


@dataclass
class ItemTarget:
    """A target with where its words are in the item text."""

    target: Target
    start: int
    end: int


def parse_item(
    text: str, *, year: int | None = None, five_year: tuple[int, int] | None = None
) -> tuple[str, list[ItemTarget], Direction] | None:
    """``(name, targets, direction)`` of one item, or ``None`` when it states no figure."""
    founds = [f for f in find_values(text) if _current(text, f, year, five_year)]
    # "trẻ em dưới 5 tuổi …" names a group; the figure comes after it.
    founds = [f for i, f in enumerate(founds) if not (f.unit == "tuổi" and i + 1 < len(founds))]
    # "14.500 tỷ đồng, bằng 110% dự toán Trung ương giao": the same figure measured against the estimate.
    founds = [
        f for i, f in enumerate(founds) if not (i > 0 and f.unit == "%" and _RELATIVE.match(text, f.end))
    ]
    if not founds:
        return None
    name = _name(text, founds[0]) or text.strip(" .;:")[:160]
    quals = _qualifiers(text, founds)
    if ":" in name and quals[0] is None:
        name, _, first = (part.strip() for part in name.partition(":"))
        quals = [first or None, *quals[1:]]
    name, quals = _split_location(name, quals)
    targets: list[ItemTarget] = []
    for i, (f, q) in enumerate(zip(founds, quals, strict=True)):
        stretch = f.stretch_word and i > 0
        kind = target_kind(name, q, f)
        if i > 0 and q == quals[i - 1] and f.unit == founds[i - 1].unit:
            kind = targets[-1].target.kind  # "tăng 8%, phấn đấu 10%": the same figure
        t = Target(f.comparator, kind, f.value, f.low, f.high, f.unit, q, stretch)  # type: ignore[arg-type]
        targets.append(ItemTarget(t, f.start, f.end))
    targets = _expand_indices(name, targets)
    return name, targets, _direction(name, founds[0])


def _current(text: str, f: Found, year: int | None, five_year: tuple[int, int] | None) -> bool:
    """False for last year's results, far goals, and estimates written beside a target."""
    if f.past:
        return False
    clause_start = max(text.rfind(";", 0, f.start), text.rfind(". ", 0, f.start), 0)
    paren = text.rfind("(", 0, f.start)
    if paren > text.rfind(")", 0, f.start):
        clause_start = max(clause_start, paren)
        if _SIDE_NOTE.search(text[paren : f.num_start]):
            return False
    years = [int(a or b or c) for a, b, c in _YEAR.findall(text[clause_start : f.num_start])]
    after = re.split(r"[;,(]", text[f.end : f.end + 50])[0]
    after = re.sub(r"^\s*so (?:với|cùng kỳ)\b.*", "", after)  # "tăng 11% so với ước thực hiện năm 2025"
    later = [int(a or b or c) for a, b, c in _YEAR.findall(after)]
    if later and year is not None and not five_year and later[0] < year:
        return False
    if not years or year is None:
        return True
    y = years[-1]
    if five_year:
        return five_year[0] <= y <= five_year[1]
    return y == year


def _name(text: str, first: Found) -> str:
    label = _TRAILING.sub("", text[: first.start]).strip()
    for word in ("phấn đấu ", "đặt mục tiêu ", "đề ra mục tiêu "):
        k = label.lower().rfind(word)
        if k >= 0:
            label = label[k + len(word) :]  # "Thành phố phấn đấu hoàn thành …" → "hoàn thành …"
    label = _LEAD_NAME.sub("", label)
    label = re.sub(r"\s+(?:đến|vào|trong|của)$", "", label)
    label = _TRAILING.sub("", re.sub(r"\s*(?:là|gồm|như sau)$", "", label))
    if (not first.chain or not label) and len(label.split()) <= 3 and first.unit:
        # "Thành lập 08 - 10 đơn vị dân quân …", "Giảm 10% số vụ tai nạn giao thông": the name goes on after.
        label = label or text[: first.num_start].strip()
        rest = re.split(r"[;]|\.(?:\s|$)", text[first.end :])[0]
        if find_values(rest):
            rest = re.split(r"[,;]", rest)[0]
        rest = _SO_VOI.sub("", rest).strip()
        if rest and not find_values(rest):
            unit = first.unit if first.unit not in ("%", "điểm %") else None
            label = " ".join(p for p in (label, unit, rest) if p)
    return label[:1].upper() + label[1:]


def _clean_label(between: str) -> str:
    s = _SO_VOI.sub("", between, count=1) if between.lstrip().lower().startswith("so với") else between
    s = re.split(r"[;:]", s)[-1]
    s = _LEADING.sub("", s)
    return _TRAILING.sub("", s).strip(" )")


def _qualifiers(text: str, founds: list[Found]) -> list[str | None]:
    quals: list[str | None] = [None]
    if founds[0].respectively:
        post = [
            _post_label(text, f, founds[i + 1] if i + 1 < len(founds) else None) for i, f in enumerate(founds)
        ]
        if all(post):
            return post
    for prev, f in itertools.pairwise(founds):
        label = _clean_label(text[prev.end : f.start])
        quals.append(label or quals[-1])
    return quals


def _post_label(text: str, f: Found, nxt: Found | None) -> str | None:
    tail = text[f.end : nxt.start if nxt else len(text)]
    label = re.split(r"\s+và\s+|[,;.]", tail)[0].strip()
    return label or None


def _split_location(name: str, quals: list[str | None]) -> tuple[str, list[str | None]]:
    """ "Tỷ lệ … tại đô thị đạt 95%, tại nông thôn đạt 90%": the first place belongs to the first target."""
    later = next((q for q in quals[1:] if q), None)
    if not later:
        return name, quals
    for word in _LOCATION:
        if later.lower().startswith(word):
            k = name.lower().rfind(" " + word)
            if k > 0:
                head, place = name[:k].strip(" ,"), name[k + 1 :].strip()
                return head, [place if q is None else q for q in quals]
    return name, quals


def _split_top(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    out: list[str] = []
    for p in parts:
        out.extend(re.split(r"\s+và\s+(?![^(]*\))", p))
    return [p.strip() for p in out if p.strip()]


def _expand_indices(name: str, targets: list[ItemTarget]) -> list[ItemTarget]:
    parts = _split_top(re.sub(r"\s+(?:của|trên địa bàn)\s[^,()]*$", "", name))  # "… SIPAS của thành phố"
    if len(parts) < 2 or any(t.target.qualifier for t in targets):
        return targets
    if not all(
        re.match(r"(?:các\s+)?chỉ số\b", p, re.I) or re.fullmatch(r"[A-Z][A-Za-z\s]*", p) for p in parts
    ):
        return targets
    out: list[ItemTarget] = []
    for p in parts:
        m = re.search(r"\(([^()]+)\)\s*$", p)
        label = m.group(1).strip() if m else p
        out.extend(ItemTarget(replace(t.target, qualifier=label), t.start, t.end) for t in targets)
    return out


def target_kind(name: str, qualifier: str | None, f: Found) -> str:
    """level, growth_pct, share_pct, rate_pct, rank or count, from the words and the unit."""
    if f.comparator == "rank_top":
        return "rank"
    unit = (f.unit or "").lower()
    if unit in ("%", "điểm %"):
        return _pct_kind(name.lower(), (qualifier or "").lower(), [c.lower() for c in f.chain])
    if not unit or any(w in unit.split() or unit.startswith(w) for w in _MEASURE_UNITS) or "/" in unit:
        return "level"
    if unit in ("tuổi", "năm", "giờ", "ngày", "giường", "bác sĩ", "điểm", "lần", "‰"):
        return "level"
    return "count"


def _pct_kind(name: str, qual: str, chain: list[str]) -> str:
    for text in (qual, name):
        if "tỷ trọng" in text or "tỉ trọng" in text or "cơ cấu" in text:
            return "share_pct"
        if "tỷ lệ" in text or "tỉ lệ" in text:
            return "rate_pct"
        if "tăng trưởng" in text or "tốc độ tăng" in text:
            return "growth_pct"
    if any(c.startswith("tăng") or c.endswith("tăng") for c in chain):
        return "growth_pct"
    return "rate_pct"


def _direction(name: str, first: Found) -> Direction:
    lowered = [c.lower() for c in first.chain]
    if first.comparator in ("lt", "le") or name.lower().startswith("giảm"):
        return "lower"
    if any(c.startswith("giảm") for c in lowered):
        return "lower"
    return "higher"
