"""Article 2 (nhiệm vụ và giải pháp): the section tree and its tasks.

Sections are "1.", "2." …; under them "a)", "b)" and dash sub-headings
("- Phát triển công nghiệp …", followed by ordinary paragraphs). Each sentence
of the body, cut at ";", is a task. Task ids are the path of ``n`` values with
dash sub-headings numbered ("-1", "-2"), then the task's position from 1:
"1.-1.3" is the third task under the first dash heading of section 1, "4.a.2"
the second task of 4 a), "2.5" the fifth task of section 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.core.extract.clean import Cleaned
from kehoach.core.extract.deliverables import deliverable_key, find_deliverable
from kehoach.core.extract.indicators import marker
from kehoach.core.extract.items import target_kind
from kehoach.core.extract.links import link_sections
from kehoach.core.extract.values import find_values
from kehoach.core.plan import Indicator, Section, Target, Task

__all__ = ["find_tasks", "task_region"]

_START = re.compile(r"^(?:Điều|ĐIỀU)\s+2\b|nhiệm vụ,? (?:và )?giải pháp|NHIỆM VỤ,? (?:VÀ )?GIẢI PHÁP", re.I)
_END = re.compile(
    r"^(?:Điều|ĐIỀU)\s+[3-9]\b|^Nơi nhận|^Nghị quyết này|^TM\.|^CHỦ TỊCH|^IV\.|^[IVX]+\.\s+TỔ CHỨC"
)
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|TT|St|Th\.S|PGS|GS|TS|ThS)|\.\.)$")


@dataclass
class _Node:
    section: Section
    key: str
    dash_count: int = 0
    children: list[_Node] = field(default_factory=list)


def task_region(cleaned: Cleaned, after: int = 0) -> tuple[int, int] | None:
    """Paragraph indices ``[start, end)`` of Article 2, or ``None``."""
    paras = cleaned.paragraphs
    for i in range(after, len(paras)):
        p = paras[i]
        heading = marker(p)[0] is not None or p.isupper() or len(p) < 60
        if heading and len(p) < 160 and _START.search(p) and not find_values(p):
            end = next((j for j in range(i + 1, len(paras)) if _END.search(paras[j])), len(paras))
            return i, end
    return None


def find_tasks(
    cleaned: Cleaned, region: tuple[int, int], indicators: list[Indicator], province: str | None
) -> list[Section]:
    paras = cleaned.paragraphs
    tops: list[_Node] = []
    current: _Node | None = None
    for i in range(region[0] + 1, region[1]):
        p = paras[i]
        style, num, length = marker(p)
        body = p[length:].strip()
        if style in ("dotnum", "roman") and num:
            current = _Node(Section(n=num, title=None), num)
            title, rest = _split_title(body)
            current.section.title = title
            tops.append(current)
            if rest:
                _add_tasks(current, cleaned, i, p.index(rest), rest)
            continue
        if current is None:
            current = _Node(Section(n="0", title=None), "0")
            tops.append(current)
        if style in ("letter", "dotnum2") and num:
            child = _child(current, num, body)
            if child.section.title is None:
                _add_tasks(child, cleaned, i, length, body)
            continue
        if style == "dash" and _is_subheading(paras, i, region[1]):
            _child(current, "-", body)
            continue
        target = _deepest(current)
        _add_tasks(target, cleaned, i, length if style else 0, body)
    sections = [n.section for n in tops if n.section.n != "0" or n.section.tasks or n.children]
    link_sections(sections, indicators)
    _mark_duplicates(sections, province)
    return sections


def _split_title(body: str) -> tuple[str, str]:
    m = re.match(r"^([^:.]{3,200}):\s+(\S.*)$", body)
    if m:
        return m.group(1).strip(), m.group(2)
    return body.rstrip(":").strip(), ""


def _child(parent: _Node, n: str, body: str) -> _Node:
    """A letter or dash child; a dash child goes under the current letter child when there is one."""
    host = parent
    if n == "-" and parent.children and parent.children[-1].section.n != "-":
        host = parent.children[-1]
    if n == "-":
        host.dash_count += 1
        key = f"{host.key}.-{host.dash_count}"
        title: str | None = body
    else:
        key = f"{parent.key}.{n}"
        short = len(body) < 150 and not body.endswith(".") and not find_values(body)
        title = body.rstrip(":").strip() if short else None
    node = _Node(Section(n=n, title=title), key)
    host.children.append(node)
    host.section.children.append(node.section)
    return node


def _deepest(node: _Node) -> _Node:
    while node.children:
        node = node.children[-1]
    return node


def _is_subheading(paras: list[str], i: int, end: int) -> bool:
    """A dash line followed by ordinary paragraphs (not by another dash) heads them."""
    if i + 1 >= end:
        return False
    nxt_style = marker(paras[i + 1])[0]
    return nxt_style is None and len(paras[i]) < 260


def _add_tasks(node: _Node, cleaned: Cleaned, i: int, offset: int, body: str) -> None:
    base = cleaned.starts[i] + offset
    for start, clause in _clauses(body):
        if len(clause.split()) < 3:
            continue
        k = len(node.section.tasks) + 1
        task = Task(
            id=f"{node.key}.{k}", text=clause, span=cleaned.span(base + start, base + start + len(clause))
        )
        task.deliverable = find_deliverable(clause)
        task.targets = _task_targets(clause)
        node.section.tasks.append(task)


def _clauses(body: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in re.finditer(r"[^;]+", body):
        piece, off = m.group(0), m.start()
        start = 0
        for s in re.finditer(r"(?<=[\wÀ-ỹ)\"%])\.\s+(?=[\"]?\w)", piece):
            if not piece[s.end() : s.end() + 2].strip('"')[:1].isupper() or _ABBREV.search(
                piece[: s.start()]
            ):
                continue
            out.append((off + start, piece[start : s.start() + 1]))
            start = s.end()
        out.append((off + start, piece[start:]))
    cleaned: list[tuple[int, str]] = []
    for off, text in out:
        lead = len(text) - len(text.lstrip(" :"))
        t = text.strip(" :")
        if t:
            cleaned.append((off + lead, t))
    return cleaned


def _task_targets(clause: str) -> list[Target]:
    out: list[Target] = []
    for f in find_values(clause, strict=True):
        if f.past:
            continue
        kind = target_kind(clause, None, f)
        out.append(Target(f.comparator, kind, f.value, f.low, f.high, f.unit, None, f.stretch_word))  # type: ignore[arg-type]
    return out


def _mark_duplicates(sections: list[Section], province: str | None) -> None:
    first: dict[str, str] = {}
    for top in sections:
        for _, node in top.walk():
            for task in node.tasks:
                if task.deliverable is None:
                    continue
                key = deliverable_key(task.deliverable, province)
                if key in first:
                    task.duplicate_of = first[key]
                else:
                    first[key] = task.id
