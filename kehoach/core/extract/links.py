"""Which key indicators an Article 2 task serves.

A task serves an indicator when its text names the indicator's *distinctive subject*,
or states a quantity in the unit of one of the indicator's targets while sharing its words.

The subjects are derived from the plan's own indicators, not from a list per province:

1. The name is cut into syllables (Vietnamese words are one or more syllables). What follows
   a modifier ("được", "ở các", "tại", "đảm bảo", "theo", "trên địa bàn" …) is dropped;
   punctuation and joining words ("của", "trong", "và", "vào" …) split it into segments;
   measure words at the edges of a segment ("tỷ lệ", "chỉ số", "tốc độ tăng trưởng", "tổng",
   "số", "kim ngạch", "thu hút" …) are removed. Target qualifiers ("thu nội địa", "số doanh
   nghiệp đăng ký thành lập tăng mới") give further segments.
2. The candidate phrases are the n-grams of two syllables or more of each segment (of a
   qualifier: only those starting at its head, of three syllables or more, since a short
   qualifier such as "tại đô thị" means nothing alone), plus acronyms (DTI, PCI, PAR Index)
   and their usual Vietnamese expansions (FDI ↔ "đầu tư nước ngoài").
3. A phrase is kept when only one indicator of the plan has it, when it is not one of the
   generic words of plan texts ("doanh nghiệp", "xử lý", "nhà nước" …: they may be part of a
   longer phrase but never link alone), and when its syllables are rare enough across the
   plan's indicators (the sum of their normalised inverse document frequencies ≥ 1).

A task links to every indicator one of whose phrases it contains (whole syllables, inside one
clause). Precision comes first: a wrong link hides the warning "no active task serves this
indicator".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kehoach.core.plan import Indicator, Section, Target, Task

__all__ = ["LinkIndex", "build_index", "link_sections", "task_links"]

_SEP = "|"
_TOKEN = re.compile(r"[\wÀ-ỹ]+|[,;:()\[\]/–]|\s-\s")
# What follows these in an indicator's name qualifies it (where, how, measured how).
_TRUNCATE = ("ở các", "có", "tại", "được", "đảm bảo", "bảo đảm", "theo", "trên địa bàn", "so với")
# These join two subjects or a subject and its complement.
_SPLIT = ("của", "trong", "vào", "và", "về", "với", "thực hiện", "cho", "từ", "đạt")
# Dropped everywhere, in names and in tasks alike.
_FILLER = ("đăng ký", "các", "những", "đang", "tăng mới")
_FILLER_KEEP = {"tăng mới": ("mới",)}
# Measure words: removed at the edges of a segment.
_GENERIC = (
    "tốc độ tăng trưởng", "tăng trưởng", "tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "chỉ số", "tốc độ",
    "số lượng", "số", "tổng", "tổng số", "kim ngạch", "sản lượng", "giá trị", "đóng góp", "thu hút",
    "hoàn thành", "thành lập", "bình quân", "mức", "khu vực", "thành phố", "tỉnh", "loại", "cấp", "tăng", "giảm",
    "duy trì", "nâng cao", "phấn đấu", "đạt", "năm", "hàng năm", "tại", "ở", "đối với",
)  # fmt: skip
# Generic words of plan texts: part of a longer phrase, never a link on their own.
_COMMON = {
    "doanh nghiệp", "nhà nước", "đầu tư", "phát triển", "xã hội", "kinh tế", "công nghiệp", "dịch vụ",
    "nông thôn", "đô thị", "sản xuất", "hoạt động", "xử lý", "thu gom", "sinh hoạt", "lao động",
    "chuyển đổi", "thành lập", "đơn vị", "tham gia", "quốc phòng", "an ninh", "hành chính", "ngân sách",
    "nước ngoài", "hàng hóa", "hàng hoá", "nhà ở", "tổng hợp", "yếu tố", "thực hiện", "đào tạo",
    "giáo dục", "công nghệ", "sản phẩm", "chế biến", "chế tạo", "quốc tế", "năng lực", "chất lượng",
    "hiệu quả", "người dân", "nông nghiệp", "môi trường", "thương mại", "xây dựng", "giao thông", "y tế",
    "văn hóa", "văn hoá", "cải cách", "cạnh tranh", "năng suất", "thông qua", "bảo hiểm", "thu nhập",
    "hạ tầng", "quy hoạch", "chính sách", "dự án", "tiêu chuẩn", "quy chuẩn", "kỹ thuật", "công nhận",
    "trọng điểm", "thường xuyên", "địa phương", "cơ sở", "an toàn", "nguồn lực", "thị trường",
    "độ tuổi", "dân số", "con người", "đầu người", "thường trực", "điều tra", "bình quân", "đặc biệt", "nghiêm trọng",
}  # fmt: skip
# Acronyms of plan indicators and their usual Vietnamese names (both directions).
_ALIASES = {
    "FDI": ("đầu tư trực tiếp nước ngoài", "vốn đầu tư nước ngoài", "đầu tư nước ngoài"),
    "DTI": ("chuyển đổi số",),
    "PCI": ("năng lực cạnh tranh cấp tỉnh",),
    "PAR": ("cải cách hành chính",),
    "IIP": ("sản xuất công nghiệp",),
    "HDI": ("phát triển con người",),
    "PGI": ("chuyển đổi xanh",),
}
# Further words of two or three syllables, so that a phrase never starts or ends inside one.
_WORDS = (
    "thành phố", "bảo vệ", "trên địa bàn", "chất thải", "nước thải", "du lịch", "xuất khẩu", "nhập khẩu",
    "xuất nhập khẩu", "tội phạm", "dân quân", "điều tra", "khám phá", "thường trực", "tiểu đội", "trung đội",
    "đặc biệt", "nghiêm trọng", "đầu người", "con người", "độ tuổi", "chứng chỉ", "bằng cấp", "nội địa",
)  # fmt: skip
_LEXICON = sorted(
    {tuple(w.split()) for w in (*_COMMON, *_GENERIC, *_WORDS) if " " in w},
    key=len,
    reverse=True,
)
# A phrase neither starts nor ends with a measure word ("thành lập mới" is not a subject);
# "số" closes subjects such as "kinh tế số", "chuyển đổi số".
_EDGE = {tuple(w.split()) for w in _GENERIC} - {("số",)}
_ALONE_NEVER = _COMMON | set(_GENERIC)
_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]{1,7})\b")
_MIN_WEIGHT = 1.0
_MAX_N = 6


@dataclass
class LinkIndex:
    """The distinctive phrases of a plan's indicators."""

    phrases: dict[tuple[str, ...], int] = field(default_factory=dict)
    acronyms: dict[str, int] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    out = [_SEP if not t[0].isalnum() or t.strip() == "-" else t for t in _TOKEN.findall(text)]
    return _drop_filler([t for t in out if not t.isdigit()])


def _seq(words: Iterable[str]) -> list[tuple[str, ...]]:
    return sorted((tuple(w.split()) for w in words), key=len, reverse=True)


_TRUNC_SEQ, _SPLIT_SEQ, _FILLER_SEQ, _GENERIC_SEQ = map(_seq, (_TRUNCATE, _SPLIT, _FILLER, _GENERIC))


def _at(tokens: Sequence[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(tokens[i : i + len(seq)]) == seq


def _drop_filler(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        hit = next((s for s in _FILLER_SEQ if _at(tokens, i, s)), None)
        if hit is None:
            out.append(tokens[i])
            i += 1
            continue
        out.extend(_FILLER_KEEP.get(" ".join(hit), ()))
        i += len(hit)
    return out


def _segments(text: str) -> list[list[tuple[str, ...]]]:
    """The subject segments of an indicator name or a qualifier, each a list of words."""
    raw = _TOKEN.findall(unicodedata.normalize("NFC", text).lower())
    raw = [_SEP if not t[0].isalnum() or t.strip() == "-" else t for t in raw if not t.isdigit()]
    cut = next((i for i in range(1, len(raw)) for s in _TRUNC_SEQ if _at(raw, i, s)), None)
    tokens = _drop_filler(raw[:cut] if cut is not None else raw)
    marked: list[str] = []
    i = 0
    while i < len(tokens):
        hit = next((s for s in _SPLIT_SEQ if _at(tokens, i, s)), None)
        marked.append(_SEP if hit else tokens[i])
        i += len(hit) if hit else 1
    out: list[list[tuple[str, ...]]] = []
    current: list[str] = []
    for t in [*marked, _SEP]:
        if t != _SEP:
            current.append(t)
            continue
        seg = _strip_generic(current)
        if seg:
            out.append(_words_of(seg))
        current = []
    return out


def _words_of(seg: list[str]) -> list[tuple[str, ...]]:
    """Syllables grouped into the known words of plan texts, so that no phrase cuts a word."""
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(seg):
        hit = next((w for w in _LEXICON if _at(seg, i, w)), (seg[i],))
        out.append(hit)
        i += len(hit)
    return out


def _strip_generic(seg: list[str]) -> list[str]:
    changed = True
    while seg and changed:
        changed = False
        for s in _GENERIC_SEQ:
            if _at(seg, 0, s):
                seg, changed = seg[len(s) :], True
                break
            if len(seg) >= len(s) and tuple(seg[-len(s) :]) == s and s != ("số",):
                seg, changed = seg[: -len(s)], True
                break
    return seg


def _ngrams(seg: Sequence[tuple[str, ...]], *, head_only: bool) -> set[tuple[str, ...]]:
    """Runs of whole words of two syllables or more (of a qualifier: from its head, three or more)."""
    out: set[tuple[str, ...]] = set()
    starts = [0] if head_only else range(len(seg))
    for i in starts:
        for j in range(i + 1, len(seg) + 1):
            if seg[i] in _EDGE or seg[j - 1] in _EDGE:
                continue
            p = tuple(s for w in seg[i:j] for s in w)
            if (3 if head_only else 2) <= len(p) <= _MAX_N:
                out.add(p)
    return out


def _candidates(ind: Indicator) -> tuple[set[tuple[str, ...]], set[str]]:
    phrases: set[tuple[str, ...]] = set()
    for seg in _segments(ind.name):
        phrases |= _ngrams(seg, head_only=False)
    for t in ind.targets:
        phrases |= {p for seg in _segments(t.qualifier or "")[:1] for p in _ngrams(seg, head_only=True)}
    texts = [ind.name, *(t.qualifier or "" for t in ind.targets)]
    acronyms = {a for text in texts for a in _ACRONYM.findall(text)}
    lowered = " ".join(" ".join(_tokens(x)) for x in texts)
    for a, names in _ALIASES.items():
        if a in acronyms:
            phrases |= {tuple(x.split()) for x in names}
        elif any(re.search(rf"(?:^| ){re.escape(x)}(?: |$)", lowered) for x in names):
            acronyms.add(a)
    return phrases, acronyms


def build_index(indicators: Sequence[Indicator]) -> LinkIndex:
    """The phrases and acronyms that name exactly one of ``indicators``."""
    cands = {ind.n: _candidates(ind) for ind in indicators}
    owners: dict[tuple[str, ...], set[int]] = {}
    acr_owners: dict[str, set[int]] = {}
    syll_df: dict[str, int] = {}
    for n, (phrases, acronyms) in cands.items():
        for p in phrases:
            owners.setdefault(p, set()).add(n)
        for a in acronyms:
            acr_owners.setdefault(a, set()).add(n)
        for s in {s for p in phrases for s in p}:
            syll_df[s] = syll_df.get(s, 0) + 1
    total = len(indicators) + 1
    norm = math.log(total) or 1.0

    def weight(p: tuple[str, ...]) -> float:
        return sum(math.log(total / syll_df[s]) / norm for s in p)

    index = LinkIndex(indicators=list(indicators))
    for p, ns in owners.items():
        if len(ns) == 1 and not (len(p) == 2 and " ".join(p) in _ALONE_NEVER) and weight(p) >= _MIN_WEIGHT:
            index.phrases[p] = next(iter(ns))
    index.acronyms = {a: next(iter(ns)) for a, ns in acr_owners.items() if len(ns) == 1}
    return index


def task_links(text: str, targets: Sequence[Target], index: LinkIndex) -> list[tuple[int, str]]:
    """``(indicator n, evidence)`` for every indicator the task serves, in indicator order."""
    found: dict[int, str] = {}
    tokens = _tokens(text)
    for i in range(len(tokens)):
        for n in range(_MAX_N, 1, -1):
            p = tuple(tokens[i : i + n])
            if len(p) == n and p in index.phrases and index.phrases[p] not in found:
                found[index.phrases[p]] = " ".join(p)
    for a, owner in index.acronyms.items():
        if owner not in found and re.search(rf"\b{a[0]}(?i:{a[1:]})\b", text):
            found[owner] = a
    for ind in index.indicators:
        if ind.n not in found and _same_quantity(text, targets, ind):
            found[ind.n] = "số liệu cùng đơn vị"
    order = {ind.n: k for k, ind in enumerate(index.indicators)}
    return sorted(found.items(), key=lambda kv: order.get(kv[0], kv[0]))


_STOP = {
    "số",
    "lượng",
    "tỷ",
    "tỉ",
    "lệ",
    "của",
    "trên",
    "địa",
    "bàn",
    "các",
    "và",
    "đạt",
    "năm",
    "trong",
    "được",
}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\wÀ-ỹ]+", text.lower()) if w not in _STOP and not w.isdigit()}


def _same_quantity(text: str, targets: Sequence[Target], ind: Indicator) -> bool:
    """A quantity in the unit of one of the indicator's targets, with the indicator's words."""
    name_words = _words(ind.name)
    overlap = len(name_words & _words(text)) / max(1, len(name_words))
    for tt in targets:
        same_unit = any((t.unit or "").casefold() == (tt.unit or "").casefold() for t in ind.targets)
        same_value = any(t.reference == tt.reference for t in ind.targets)
        if same_unit and (overlap >= 0.6 or (same_value and overlap >= 0.3)):
            return True
    return False


def link_sections(sections: Sequence[Section], indicators: Sequence[Indicator]) -> None:
    """Fill ``Task.indicators`` of every task under ``sections``."""
    index = build_index(indicators)
    for top in sections:
        for _, node in top.walk():
            for task in node.tasks:
                task.indicators = link_task(task, index)


def link_task(task: Task, index: LinkIndex) -> list[int]:
    return [n for n, _ in task_links(task.text, task.targets, index)]
