"""Find the figures of a sentence: value (or range), unit, and the words before it.

``find_values("tăng khoảng 13% so với năm 2025")`` gives one :class:`Found`
with comparator ``approx``, value 13 and unit ``%``. Years, document numbers
and dates are not figures. The words right before a number (its *chain*:
"phấn đấu", "đạt", "khoảng", "trên", "top"…) give the comparator, mark a
stretch target, a respectively-list ("lần lượt") or a past result ("ước đạt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.core.extract.words import CLASSIFIERS as _CLASSIFIERS
from kehoach.core.extract.words import FUNCTION_WORDS as _FUNCTION_WORDS
from kehoach.core.extract.words import MEASURES as _MEASURES
from kehoach.core.extract.words import STRICT_EXCLUDED as _STRICT_EXCLUDED
from kehoach.core.extract.words import VERBS as _VERBS
from kehoach.core.numbers import AmbiguousNumber, NumberError, parse_number

__all__ = ["NUMBER", "Found", "find_values", "is_ambiguous", "read_unit"]

# "25.000", "194.935,654", "0,795", "8.5" (a dot decimal), "25 000" (a space between thousands, from Word).
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?!\d)(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+"
NUMBER = re.compile(rf"(?<![\w/.,\-])({_NUM})(?![\w/]|,\d|\.\d)")
_W = r"(?=[\s,.;:()/\"'\-]|$)"

COMPARATOR_WORDS: dict[str, str] = {
    "khoảng": "approx",
    "xấp xỉ": "approx",
    "gần": "approx",
    "trên": "gt",
    "hơn": "gt",
    "vượt": "gt",
    "cao hơn": "gt",
    "lớn hơn": "gt",
    "vượt trên": "gt",
    "vượt mức": "gt",
    "dưới": "lt",
    "thấp hơn": "lt",
    "nhỏ hơn": "lt",
    "chưa đến": "lt",
    "không quá": "le",
    "tối đa": "le",
    "không vượt quá": "le",
    "không cao hơn": "le",
    "không lớn hơn": "le",
    "tối thiểu": "ge",
    "ít nhất": "ge",
    "không dưới": "ge",
    "không thấp hơn": "ge",
    "không ít hơn": "ge",
    "hoàn thành và vượt": "ge",
    "hoàn thành và vượt chỉ tiêu": "ge",
    "đạt và vượt": "ge",
    "từ": "from",
    "top": "rank",
    "tốp": "rank",
    "nhóm": "rank",
    "nhóm các": "rank",
}
_STRETCH = ["phấn đấu", "phấn đấu đạt", "phấn đấu tăng", "phấn đấu giảm"]
_RESPECTIVELY = ["lần lượt", "lần lượt là", "lần lượt đạt", "tương ứng"]
_PAST = ["ước", "ước đạt", "ước tính", "ước thực hiện", "đã đạt", "đạt được", "đã", "ước tăng", "ước giảm"]
_CHAIN = sorted({*COMPARATOR_WORDS, *_VERBS, *_STRETCH, *_RESPECTIVELY, *_PAST}, key=lambda w: (-len(w), w))
_CHAIN_RE = re.compile(r"(?:^|(?<=[\s,(]))(" + "|".join(_CHAIN) + r")[\s,]*$", re.I)
_SKIP_BEFORE = re.compile(
    r"(?:năm|giai đoạn|thời kỳ|số|khóa|khoá|thứ|tháng|ngày|quý|điều|khoản|điểm|nghị quyết|quyết định|"
    r"đề án|chương trình|so sánh|fortune|lần|phiên|kỳ|mục|phụ lục|bảng|tiểu mục|mẫu|thông tư|nghị định|"
    r"luật|chỉ thị|kết luận|đồ án|tờ trình|báo cáo|công văn|cấp|loại|tuyến|quốc lộ|tỉnh lộ|đường)\s*$|"
    r"\d\s*-\s*$|[A-Za-zĐđ]-$",
    re.I,
)
_SKIP_AFTER = re.compile(
    r"\s*(?:chỉ tiêu|nhiệm vụ|giải pháp|đại biểu|lĩnh vực|đột phá|nghị quyết|tờ trình|ý kiến|nội dung|điều|"
    r"chương|mục tiêu|phiếu|kỳ họp|khâu|nhóm|năm\b|cấp chính quyền|tháng\b)",
    re.I,
)
_SCALE = r"nghìn|ngàn|triệu|tỷ|tỉ|vạn"


@dataclass
class Found:
    """A figure found in a sentence; offsets are relative to the sentence."""

    comparator: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    start: int
    num_start: int
    end: int
    chain: list[str] = field(default_factory=list)
    past: bool = False
    stretch_word: bool = False
    respectively: bool = False


def find_values(text: str, *, strict: bool = False) -> list[Found]:
    """Every figure of ``text`` in order. ``strict`` (tasks) wants a known unit or a percent."""
    out: list[Found] = []
    pos = 0
    while True:
        m = NUMBER.search(text, pos)
        if not m:
            return out
        found = _read(text, m, strict)
        if found is None:
            pos = m.end()
            continue
        out.append(found)
        pos = found.end


def _number(s: str) -> float | None:
    s = s.replace(" ", "")
    try:
        return parse_number(s)
    except AmbiguousNumber:
        # "4,125": in a Vietnamese document the comma marks decimals; the item is flagged for review.
        return float(s.replace(",", ".")) if re.fullmatch(r"\d+,\d+", s) else None
    except NumberError:
        return None


def is_ambiguous(s: str) -> bool:
    """A figure like "1,234" that an English reader would take for one thousand two hundred."""
    try:
        parse_number(s)
    except AmbiguousNumber:
        return True
    except NumberError:
        return False
    return False


def _read(text: str, m: re.Match[str], strict: bool) -> Found | None:
    before = text[max(0, m.start() - 80) : m.start()]
    chain, chain_start = _chain(before)
    lowered = [c.lower() for c in chain]
    is_rank = bool(lowered) and COMPARATOR_WORDS.get(lowered[0]) == "rank"
    if not is_rank and _SKIP_BEFORE.search(before):
        return None
    value = _number(m.group(1))
    if value is None or _SKIP_AFTER.match(text, m.end()):
        return None
    start = m.start() - (len(before) - chain_start)
    if is_rank:
        if strict:
            return None
        end = _rank_tail(text, m.end())
        return _flags(Found("rank_top", value, None, None, None, start, m.start(), end, chain), lowered)
    unit, factor, end = read_unit(text, m.end(), strict=strict)
    low, high = value * factor, None
    rng = _range(text, end, unit, strict)
    if rng:
        high, unit, factor2, end = rng
        high *= factor2
        if unit is not None and factor == 1 and factor2 != 1:
            low *= factor2
    if unit is None and not chain:
        return None
    if unit in ("dân", "người dân") and value in (1e3, 1e4, 1e5) and lowered[:1] in (["trên"], []):
        return None  # "số bác sĩ trên 10.000 dân": the denominator, not a figure
    if _is_year(m.group(1)) and unit is None:
        return None
    if strict and unit is None:
        return None
    tail = text[end:]
    comparator = _comparator(lowered, high is not None)
    t = re.match(r"\s*trở\s*lên", tail)
    if t:
        comparator, end = "ge", end + t.end()
    t = re.match(r"\s*trở\s*xuống", tail)
    if t:
        comparator, end = "le", end + t.end()
    if high is not None and high < low:
        return None
    f = Found(
        comparator,
        None if high is not None else low,
        low if high is not None else None,
        high,
        unit,
        start,
        m.start(),
        end,
        chain,
    )
    return _flags(f, lowered)


def _flags(f: Found, lowered: list[str]) -> Found:
    f.past = any(c in _PAST for c in lowered)
    f.stretch_word = any(c.startswith("phấn đấu") for c in lowered)
    f.respectively = any(c in _RESPECTIVELY for c in lowered)
    return f


def _is_year(s: str) -> bool:
    return s.isdigit() and len(s) == 4 and 1945 <= int(s) <= 2100


def _chain(before: str) -> tuple[list[str], int]:
    """Words right before the number that say how to read it, nearest first."""
    chain: list[str] = []
    rest = before
    while True:
        m = _CHAIN_RE.search(rest)
        if not m:
            return chain, len(rest) if chain else len(before)
        chain.append(m.group(1))
        rest = rest[: m.start()]
        if len(chain) > 8:
            return chain, len(rest)


def _comparator(chain: list[str], is_range: bool) -> str:
    if is_range:
        return "range"
    for word in chain:
        c = COMPARATOR_WORDS.get(word) or _inner_comparator(word)
        if c == "from":
            return "ge"
        if c:
            return c
    return "eq"


def _inner_comparator(word: str) -> str | None:
    """The comparator inside a chain word of several ("đạt khoảng", "tối thiểu là")."""
    for key in _COMPARATOR_KEYS:
        if re.search(rf"(?:^|\s){key}(?:\s|$)", word):
            return COMPARATOR_WORDS[key]
    return None


_COMPARATOR_KEYS = sorted(COMPARATOR_WORDS, key=len, reverse=True)


def read_unit(text: str, pos: int, *, strict: bool = False) -> tuple[str | None, float, int]:
    """The unit written after a number at ``pos``: (unit, scale factor, end offset)."""
    rest = text[pos:]
    m = re.match(r"\s*(?:điểm\s*(?:%|phần trăm))", rest)
    if m:
        return "điểm %", 1.0, pos + m.end()
    m = re.match(r"\s?(?:%|phần trăm" + _W + r")(?:\s?/\s?năm\b)?", rest)
    if m:
        return "%", 1.0, pos + m.end()
    m = re.match(r"\s?‰", rest)
    if m:
        return "‰", 1.0, pos + m.end()
    words: list[str] = []
    factor = 1.0
    i = 0
    m = re.match(rf"\s+((?:{_SCALE})(?:\s+(?:{_SCALE}))?){_W}", rest)
    if m:
        scale = m.group(1).split()
        if len(scale) == 2 and scale[1] in ("tỷ", "tỉ"):
            factor = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6}.get(scale[0], 1.0)
            scale = scale[1:] if factor != 1.0 else scale
        words.extend(scale)
        i = m.end()
    unit_word, j = _longest(rest, i, _MEASURES)
    if unit_word:
        words.append(unit_word)
        i = j
    elif words:
        cls, j = _longest(rest, i, _CLASSIFIERS)
        if cls:
            words.append(cls)
            i = j
    else:
        cls, j = _longest(rest, i, _CLASSIFIERS)
        if cls and not (strict and cls in _STRICT_EXCLUDED):
            words.append(cls)
            i = j
        elif not strict:
            m = re.match(r"\s+([^\W\d_]+)" + _W, rest[i:])
            if m and m.group(1).islower() and m.group(1) not in _FUNCTION_WORDS:
                words.append(m.group(1))
                i += m.end()
    if not words:
        return None, 1.0, pos
    unit = " ".join(words)
    for _ in range(2):
        m = re.match(r"/\s?((?:vạn|nghìn|ngàn|100|1\.000|10\.000|100\.000)\s)?([^\W\d_]+(?: dân)?)", rest[i:])
        if not m:
            break
        per = next(
            (
                c
                for c in _CLASSIFIERS
                if "," not in c
                and rest.startswith(c, i + m.start(2))
                and re.match(_W, rest[i + m.start(2) + len(c) :])
            ),
            m.group(2),
        )  # "triệu đồng/lao động": a denominator of two syllables
        unit += "/" + (m.group(1) or "") + per
        i += m.start(2) + len(per)
    return unit, factor, pos + i


def _longest(rest: str, i: int, words: list[str]) -> tuple[str | None, int]:
    m = re.match(r"\s+", rest[i:])
    if not m:
        return None, i
    k = i + m.end()
    for w in words:
        if rest.startswith(w, k) and re.match(_W, rest[k + len(w) :]):
            return w, k + len(w)
    return None, i


def _range(
    text: str, pos: int, unit: str | None, strict: bool
) -> tuple[float, str | None, float, int] | None:
    m = re.match(rf"\s*(?:-|đến|tới|÷)\s*({_NUM})(?![\w/])", text[pos:])
    if not m:
        return None
    high = _number(m.group(1))
    if high is None:
        return None
    end = pos + m.end()
    unit2, factor2, end2 = read_unit(text, end, strict=strict)
    if unit is not None and unit2 is not None and unit2 != unit:
        return None
    return high, unit2 or unit, factor2, end2


def _rank_tail(text: str, pos: int) -> int:
    m = re.match(
        r"(?:\s+(?:tỉnh, thành phố|tỉnh, thành|tỉnh thành|tỉnh|thành phố|địa phương|đơn vị))?"
        r"(?:\s+(?:dẫn đầu|đứng đầu|tốt nhất|cao nhất|có chỉ số cao nhất))?"
        r"(?:\s+(?:cả nước|toàn quốc|của cả nước|trong cả nước|trên cả nước))?",
        text[pos:],
    )
    return pos + (m.end() if m else 0)
