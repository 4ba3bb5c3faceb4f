"""The plan model: a resolution's key indicators, their targets and the Article 2 task tree.

The interchange format (JSON or YAML) is ``Plan.to_dict()``; its JSON Schema is
``kehoach/data/plan.schema.json`` (copied to ``docs/plan.schema.json``). Field
names are a contract: later fields may be added, none is renamed.

A target carries exactly the eight fields of the contract (``qualifier``,
``comparator``, ``value``, ``low``, ``high``, ``unit``, ``kind``, ``stretch``);
anything else known about a target (its source span, say) lives beside it on
the indicator, never inside it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal, get_args

__all__ = [
    "COMPARATORS",
    "KINDS",
    "Deliverable",
    "Indicator",
    "Plan",
    "PlanError",
    "Section",
    "Span",
    "Target",
    "Task",
    "plan_schema",
    "validate_plan_dict",
]

Comparator = Literal["eq", "approx", "ge", "gt", "le", "lt", "range", "rank_top"]
Kind = Literal["level", "growth_pct", "share_pct", "rate_pct", "rank", "count"]
Direction = Literal["higher", "lower"]
COMPARATORS: tuple[str, ...] = get_args(Comparator)
KINDS: tuple[str, ...] = get_args(Kind)
DELIVERABLE_TYPES = ("Đề án", "Kế hoạch", "Chương trình", "Chiến lược", "Quy hoạch", "Dự án", "Sự kiện")


class PlanError(ValueError):
    """A plan document that does not follow the interchange format.

    ``errors`` lists ``(path, message)`` pairs, the path written like
    ``indicators[3].targets[0].comparator``.
    """

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{p}: {m}" for p, m in errors))


@dataclass(frozen=True)
class Span:
    """Where an item was read: page (1-based, if known), line (1-based), character offsets in the text."""

    start: int
    end: int
    page: int | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "line": self.line, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Span | None:
        if not d:
            return None
        return cls(start=int(d["start"]), end=int(d["end"]), page=d.get("page"), line=d.get("line"))


@dataclass(frozen=True)
class Target:
    """One target of an indicator, as the resolution states it."""

    comparator: Comparator
    kind: Kind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    stretch: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "qualifier": self.qualifier,
            "comparator": self.comparator,
            "value": _num_out(self.value),
            "low": _num_out(self.low),
            "high": _num_out(self.high),
            "unit": self.unit,
            "kind": self.kind,
            "stretch": self.stretch,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Target:
        return cls(
            comparator=d["comparator"],
            kind=d["kind"],
            value=_num_in(d.get("value")),
            low=_num_in(d.get("low")),
            high=_num_in(d.get("high")),
            unit=d.get("unit"),
            qualifier=d.get("qualifier"),
            stretch=bool(d.get("stretch", False)),
        )

    @property
    def reference(self) -> float | None:
        """The single number a figure is compared with (the lower end of a range)."""
        return self.value if self.comparator != "range" else self.low


@dataclass
class Indicator:
    """A key indicator (chỉ tiêu chủ yếu) with its targets."""

    n: int
    name: str
    targets: list[Target]
    group: str | None = None
    direction: Direction = "higher"
    source: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "n": self.n,
            "name": self.name,
            "targets": [t.to_dict() for t in self.targets],
            "group": self.group,
            "direction": self.direction,
            "source": self.source,
        }
        if self.span:
            d["span"] = self.span.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Indicator:
        return cls(
            n=int(d["n"]),
            name=d["name"],
            targets=[Target.from_dict(t) for t in d.get("targets", [])],
            group=d.get("group"),
            direction=d.get("direction") or "higher",
            source=d.get("source"),
            span=Span.from_dict(d.get("span")),
        )


@dataclass(frozen=True)
class Deliverable:
    """A document, project or event a task orders (Đề án, Kế hoạch, …)."""

    type: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "title": self.title}


@dataclass
class Task:
    """One task of Article 2."""

    id: str
    text: str
    deliverable: Deliverable | None = None
    targets: list[Target] = field(default_factory=list)
    duplicate_of: str | None = None
    indicators: list[int] = field(default_factory=list)
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "deliverable": self.deliverable.to_dict() if self.deliverable else None,
            "targets": [t.to_dict() for t in self.targets],
            "duplicate_of": self.duplicate_of,
            "indicators": list(self.indicators),
        }
        if self.span:
            d["span"] = self.span.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Task:
        deliv = d.get("deliverable")
        return cls(
            id=str(d["id"]),
            text=d["text"],
            deliverable=Deliverable(deliv["type"], deliv["title"]) if deliv else None,
            targets=[Target.from_dict(t) for t in d.get("targets", [])],
            duplicate_of=d.get("duplicate_of"),
            indicators=[int(i) for i in d.get("indicators", [])],
            span=Span.from_dict(d.get("span")),
        )


@dataclass
class Section:
    """A node of the Article 2 tree: ``n`` is "1", "a" or "-"."""

    n: str
    title: str | None
    children: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "title": self.title,
            "children": [c.to_dict() for c in self.children],
            "tasks": [t.to_dict() for t in self.tasks],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(
            n=str(d["n"]),
            title=d.get("title"),
            children=[Section.from_dict(c) for c in d.get("children", [])],
            tasks=[Task.from_dict(t) for t in d.get("tasks", [])],
        )

    def walk(self, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Section]]:
        """This node and every descendant, each with its path of ``n`` from the top."""
        here = (*path, self.n)
        out = [(here, self)]
        for child in self.children:
            out.extend(child.walk(here))
        return out


@dataclass
class Plan:
    """A resolution on a socio-economic development plan (one year or five years)."""

    id: str
    issuer: str
    title: str
    year_start: int
    year_end: int
    indicators: list[Indicator]
    sections: list[Section] = field(default_factory=list)
    province: str | None = None
    number: str | None = None
    adopted: dt.date | None = None
    session: str | None = None
    theme: str | None = None
    objective: str | None = None
    source: str | None = None
    needs_review: list[dict[str, Any]] = field(default_factory=list)

    @property
    def is_five_year(self) -> bool:
        return self.year_end > self.year_start

    def targets(self) -> list[tuple[str, Indicator, Target]]:
        """Every target with its stable key ``"<n>.<position from 1>"`` and its indicator."""
        return [(f"{ind.n}.{i}", ind, t) for ind in self.indicators for i, t in enumerate(ind.targets, 1)]

    def tasks(self) -> list[tuple[tuple[str, ...], Task]]:
        """Every task with the path of its section."""
        out: list[tuple[tuple[str, ...], Task]] = []
        for top in self.sections:
            for path, node in top.walk():
                out.extend((path, t) for t in node.tasks)
        return out

    def indicator(self, n: int) -> Indicator:
        for ind in self.indicators:
            if ind.n == n:
                return ind
        raise KeyError(n)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "issuer": self.issuer,
            "province": self.province,
            "title": self.title,
            "number": self.number,
            "adopted": self.adopted.isoformat() if self.adopted else None,
            "session": self.session,
            "period": {"start": self.year_start, "end": self.year_end},
            "theme": self.theme,
            "objective": self.objective,
            "source": self.source,
            "indicators": [i.to_dict() for i in self.indicators],
            "tasks": {"sections": [s.to_dict() for s in self.sections]},
            "needs_review": list(self.needs_review),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, validate: bool = True) -> Plan:
        """Build a plan from an interchange document; raise :class:`PlanError` listing every fault.

        ``validate=False`` skips the schema check for documents already checked when stored.
        """
        if validate:
            validate_plan_dict(d)
        adopted = d.get("adopted")
        return cls(
            id=d["id"],
            issuer=d["issuer"],
            province=d.get("province"),
            title=d["title"],
            number=d.get("number"),
            adopted=dt.date.fromisoformat(adopted) if adopted else None,
            session=d.get("session"),
            year_start=int(d["period"]["start"]),
            year_end=int(d["period"]["end"]),
            theme=d.get("theme"),
            objective=d.get("objective"),
            source=d.get("source"),
            indicators=[Indicator.from_dict(i) for i in d["indicators"]],
            sections=[Section.from_dict(s) for s in (d.get("tasks") or {}).get("sections", [])],
            needs_review=list(d.get("needs_review") or []),
        )


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the interchange format, shipped inside the package."""
    text = resources.files("kehoach.data").joinpath("plan.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def validate_plan_dict(d: Any) -> None:
    """Check a plan document against the schema and the rules a schema cannot say.

    Raises :class:`PlanError` with the field path of every error, in document order.
    """
    validator = _validator()
    errors = [(_path(e.absolute_path), e.message) for e in validator.iter_errors(d)]
    if not errors:
        errors = _semantic_errors(d)
    if errors:
        raise PlanError(sorted(errors))


@functools.cache
def _validator() -> Any:
    import jsonschema  # a run-time dependency, imported here to keep startup light

    return jsonschema.Draft202012Validator(plan_schema())


def _semantic_errors(d: dict[str, Any]) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if d["period"]["end"] < d["period"]["start"]:
        errors.append(("period.end", "năm kết thúc trước năm bắt đầu"))
    seen: set[int] = set()
    for i, ind in enumerate(d["indicators"]):
        if ind["n"] in seen:
            errors.append((f"indicators[{i}].n", f"số thứ tự {ind['n']} bị trùng"))
        seen.add(ind["n"])
        for j, t in enumerate(ind["targets"]):
            where = f"indicators[{i}].targets[{j}]"
            if t["comparator"] == "range":
                if t.get("low") is None or t.get("high") is None:
                    errors.append((where, "khoảng (range) cần cả low và high"))
                elif t["low"] > t["high"]:
                    errors.append((where, "low lớn hơn high"))
            elif t.get("value") is None:
                errors.append((f"{where}.value", "thiếu giá trị mục tiêu"))
    return errors


def _path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(gốc)"


def _num_out(x: float | None) -> float | int | None:
    """Integers print as integers (13, not 13.0), as the gold files write them."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _num_in(x: Any) -> float | None:
    return None if x is None else float(x)
