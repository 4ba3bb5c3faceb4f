"""What a task orders: a document (Đề án, Kế hoạch, …), a project or an event.

"Xây dựng Kế hoạch xúc tiến thương mại giai đoạn 2026-2030" orders a Kế hoạch;
"Tổ chức lễ hội đồ uống Hải Phòng năm 2026" an event (Sự kiện). A type word
in lower case counts only when a real title follows (a name, a quoted title, a
period): "quy hoạch xây dựng" alone is an activity, not a document.
"""

from __future__ import annotations

import re

from kehoach.core.plan import Deliverable

__all__ = ["deliverable_key", "find_deliverable"]

_TYPES = ("Đề án", "Kế hoạch", "Chương trình", "Chiến lược", "Quy hoạch", "Dự án")
_TYPE_RE = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(_TYPES) + r")(?![\wÀ-ỹ])", re.I)
_PLURAL = re.compile(r"(?:các|những|một số|mọi|theo|nhiều|từng)\s*$", re.I)
_SPECIFIC = re.compile(r"giai đoạn|đến năm|năm \d{4}|thời kỳ|\"")
_EVENT = re.compile(
    r"(?:tổ chức|đăng cai)\b(?P<gap>.{0,30}?)(?<![\wÀ-ỹ])(?P<noun>chuỗi sự kiện|sự kiện|lễ hội|hội nghị|hội chợ|"
    r"hội thảo|diễn đàn|festival|liên hoan|triển lãm|tuần lễ|ngày hội|cuộc thi|hội thi|hội diễn|giải)(?![\wÀ-ỹ])",
    re.I,
)


def find_deliverable(clause: str) -> Deliverable | None:
    """The first document, project or event a task clause orders, or ``None``."""
    for m in _TYPE_RE.finditer(clause):
        word = m.group(1)
        title = _title(clause[m.end() :])
        if not title:
            continue
        if word[0].islower():
            if _PLURAL.search(clause[: m.start()]):
                continue
            if word.lower() != "đề án" and not _specific(clause[m.end() :]):
                continue
        elif _PLURAL.search(clause[: m.start()]) and len(title.split()) < 2:
            continue
        return Deliverable(type=word[0].upper() + word[1:].lower(), title=title)
    ev = _EVENT.search(clause)
    if ev and not re.search(r"\bcác\b|\bnhững\b", ev.group("gap"), re.I):
        title = _title(clause[ev.start("noun") :])
        if title:
            return Deliverable(type="Sự kiện", title=title[0].upper() + title[1:])
    return None


def _specific(rest: str) -> bool:
    """A named title: a capitalised word, a quote or a period, before the first comma."""
    head = re.split(r"[,;]", rest.replace('"', ' " '), maxsplit=1)[0]
    return bool(_SPECIFIC.search(head)) or any(w[:1].isupper() for w in head.split())


def _title(rest: str) -> str:
    if rest.lstrip()[:1] in (",", ";", ":", ")"):
        return ""
    title = rest.strip().strip(".;:, ").replace('"', "").strip()
    if not title or title[0] in ",;:)" or not re.search(r"[\wÀ-ỹ]", title):
        return ""
    return re.sub(r"\s+", " ", title)


def deliverable_key(d: Deliverable, province: str | None) -> str:
    """Two mentions of one deliverable have the same key ("… trên địa bàn thành phố Hải Phòng …" = "… thành phố …")."""
    t = d.title.casefold()
    if province:
        t = t.replace(province.casefold(), " ")
    t = re.sub(r"trên địa bàn|\b(?:tỉnh|thành phố|tp)\b", " ", t)
    t = re.sub(r"[^\wÀ-ỹ\d]+", " ", t)
    return d.type.casefold() + "|" + " ".join(t.split())
