"""Review of a plan read from a document, before it is loaded (services and selectors of the flow).

A secretariat user uploads a resolution; :func:`review_start` reads it, extracts a
proposed plan and keeps it as a *draft*: a JSON file under
``MEDIA_ROOT/reviews/<token>.json`` with the cleaned text its spans point into.
Nothing is loaded into the database, nothing is activated, until
:func:`review_accept` hands the reviewed document to the plan-loading service
(:func:`kehoach.plans.services.plan_load`) as a new plan or a new version of one.
Each step writes its audit entry.
"""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from kehoach.audit.services import audit_record
from kehoach.core.extract import extract_with_text
from kehoach.core.numbers import NumberError, parse_number
from kehoach.core.plan import COMPARATORS, DELIVERABLE_TYPES, KINDS, PlanError
from kehoach.core.plan import Plan as DomainPlan
from kehoach.formats.readers import read_document
from kehoach.plans.models import Plan
from kehoach.plans.services import plan_load

__all__ = [
    "ERR_CODE_TAKEN",
    "ERR_NOT_FOUND",
    "ERR_NO_SUCH_PLAN",
    "ReviewDraft",
    "ReviewError",
    "review_accept",
    "review_apply_edits",
    "review_discard",
    "review_get",
    "review_segments",
    "review_start",
]

ERR_NOT_FOUND = "không tìm thấy bản đọc cần xem lại (có thể đã được chấp nhận hoặc bỏ đi)"
ERR_CODE_TAKEN = "mã kế hoạch {code!r} đã có; hãy chọn “phiên bản mới” của kế hoạch đó hoặc đổi mã"
ERR_NO_SUCH_PLAN = "không có kế hoạch {code!r} để thêm phiên bản mới"
ERR_BAD_NUMBER = "chỉ tiêu ({n}), mục tiêu {j}: {error}"
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


class ReviewError(Exception):
    """A review step that cannot be done; the message is for the user."""


@dataclass
class ReviewDraft:
    token: str
    filename: str
    document: dict[str, Any]
    text: str
    created_by: int | None = None
    errors: list[str] = field(default_factory=list)


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "reviews"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _path(token: str) -> Path:
    if not _TOKEN.match(token):
        raise ReviewError(ERR_NOT_FOUND)
    return _folder() / f"{token}.json"


def _save(draft: ReviewDraft) -> None:
    _path(draft.token).write_text(json.dumps(asdict(draft), ensure_ascii=False), encoding="utf-8")


def review_start(*, filename: str, data: bytes, actor: Any) -> ReviewDraft:
    """Read an uploaded document and keep the proposed plan as a draft.

    Raises :class:`kehoach.formats.readers.ReadError` (one-line message) for a
    file that cannot be read; nothing is kept then.
    """
    name = Path(filename).name or "tai-lieu"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        document = read_document(path)
    plan, cleaned = extract_with_text(document)
    plan.source = name
    draft = ReviewDraft(
        token=secrets.token_hex(16),
        filename=name,
        document=plan.to_dict(),
        text=cleaned.text,
        created_by=getattr(actor, "pk", None),
    )
    _save(draft)
    audit_record(
        actor=actor,
        action="plan.review_start",
        object_type="plan_review",
        object_id=draft.token,
        plan_code=plan.id,
        reason=name,
        data={"indicators": len(plan.indicators), "needs_review": len(plan.needs_review)},
    )
    return draft


def review_get(*, token: str) -> ReviewDraft:
    """The draft of ``token``; :class:`ReviewError` when there is none."""
    path = _path(token)
    if not path.is_file():
        raise ReviewError(ERR_NOT_FOUND)
    raw = json.loads(path.read_text(encoding="utf-8"))
    return ReviewDraft(**raw)


def review_apply_edits(*, draft: ReviewDraft, edits: dict[str, str], actor: Any) -> ReviewDraft:
    """Apply the corrections of the review form (field name → text) and keep the draft.

    Field names: ``meta-<field>``; ``ind-<i>-name``, ``ind-<i>-delete``;
    ``ind-<i>-t-<j>-<target field>``, ``ind-<i>-t-<j>-delete`` and ``ind-<i>-t-new-<field>`` (a target
    the reader missed); ``task-<id>-deliverable_type``, ``-deliverable_title``, ``-delete``. Numbers are
    read the Vietnamese way (``7.944,5``). Errors are listed on the draft.
    """
    doc = json.loads(json.dumps(draft.document))
    errors: list[str] = []
    for key in ("title", "issuer", "province", "number", "session", "theme", "objective", "adopted"):
        if f"meta-{key}" in edits:
            doc[key] = edits[f"meta-{key}"].strip() or None
    for key in ("start", "end"):
        value = edits.get(f"meta-year_{key}", "").strip()
        if value.isdigit():
            doc["period"][key] = int(value)
    indicators = []
    for i, ind in enumerate(doc["indicators"]):
        if edits.get(f"ind-{i}-delete"):
            continue
        ind["name"] = edits.get(f"ind-{i}-name", ind["name"]).strip() or ind["name"]
        ind["targets"] = _edit_targets(ind, i, edits, errors)
        indicators.append(ind)
    doc["indicators"] = indicators
    for top in (doc.get("tasks") or {}).get("sections", []):
        _edit_tasks(top, edits)
    draft.document = doc
    draft.errors = errors + _plan_errors(doc)
    _save(draft)
    audit_record(actor=actor, action="plan.review_edit", object_type="plan_review", object_id=draft.token,
                 plan_code=str(doc.get("id", "")), data={"errors": len(draft.errors)})  # fmt: skip
    return draft


def _edit_targets(
    ind: dict[str, Any], i: int, edits: dict[str, str], errors: list[str]
) -> list[dict[str, Any]]:
    out = []
    for j, t in enumerate(ind["targets"]):
        prefix = f"ind-{i}-t-{j}-"
        if edits.get(prefix + "delete"):
            continue
        if prefix + "comparator" in edits:
            t = _edit_target(t, prefix, edits, ind["n"], j + 1, errors)
        out.append(t)
    prefix = f"ind-{i}-t-new-"
    if any(edits.get(prefix + k, "").strip() for k in ("value", "low", "high")):
        blank = {"qualifier": None, "comparator": "eq", "value": None, "low": None, "high": None, "unit": None,
                 "kind": "level", "stretch": False}  # fmt: skip
        out.append(_edit_target(blank, prefix, edits, ind["n"], len(out) + 1, errors))
    return out


def _edit_tasks(node: dict[str, Any], edits: dict[str, str]) -> None:
    """A task's deliverable can be corrected (type and title) and a task can be dropped."""
    kept = []
    for task in node.get("tasks", []):
        prefix = f"task-{task['id']}-"
        if edits.get(prefix + "delete"):
            continue
        if prefix + "deliverable_type" in edits:
            kind = edits[prefix + "deliverable_type"].strip()
            title = edits.get(prefix + "deliverable_title", "").strip() or task["text"]
            task["deliverable"] = {"type": kind, "title": title} if kind in DELIVERABLE_TYPES else None
        kept.append(task)
    node["tasks"] = kept
    for child in node.get("children", []):
        _edit_tasks(child, edits)


def _edit_target(
    t: dict[str, Any], prefix: str, edits: dict[str, str], n: int, j: int, errors: list[str]
) -> dict[str, Any]:
    t = dict(t)
    if edits.get(prefix + "comparator") in COMPARATORS:
        t["comparator"] = edits[prefix + "comparator"]
    if edits.get(prefix + "kind") in KINDS:
        t["kind"] = edits[prefix + "kind"]
    for key in ("qualifier", "unit"):
        t[key] = edits.get(prefix + key, t.get(key) or "").strip() or None
    t["stretch"] = bool(edits.get(prefix + "stretch"))
    for key in ("value", "low", "high"):
        text = edits.get(prefix + key, "").strip()
        try:
            t[key] = parse_number(text) if text else None
        except NumberError as exc:
            errors.append(ERR_BAD_NUMBER.format(n=n, j=j, error=exc))
    return t


def _plan_errors(doc: dict[str, Any]) -> list[str]:
    try:
        DomainPlan.from_dict(doc)
    except PlanError as exc:
        return [f"{path}: {message}" for path, message in exc.errors]
    return []


def review_accept(*, draft: ReviewDraft, actor: Any, code: str, new_version: bool, reason: str = "") -> Plan:
    """Load the reviewed document as plan ``code`` (a new plan, or a new version of an existing one).

    Raises :class:`ReviewError` when the choice does not fit the database and
    :class:`kehoach.core.plan.PlanError` when the document is still invalid.
    """
    exists = Plan.objects.filter(code=code).exists()
    if new_version and not exists:
        raise ReviewError(ERR_NO_SUCH_PLAN.format(code=code))
    if not new_version and exists:
        raise ReviewError(ERR_CODE_TAKEN.format(code=code))
    doc = {**draft.document, "id": code}
    plan = plan_load(
        document=doc, actor=actor, reason=reason or f"Duyệt kết quả đọc tệp {draft.filename}", activate=True
    )
    audit_record(actor=actor, action="plan.review_accept", object_type="plan_review", object_id=draft.token,
                 plan_code=plan.code, reason=reason, data={"version": plan.version, "file": draft.filename})  # fmt: skip
    _path(draft.token).unlink(missing_ok=True)
    return plan


def review_discard(*, draft: ReviewDraft, actor: Any) -> None:
    """Drop a draft without loading anything."""
    _path(draft.token).unlink(missing_ok=True)
    audit_record(actor=actor, action="plan.review_discard", object_type="plan_review", object_id=draft.token,
                 reason=draft.filename)  # fmt: skip


@dataclass
class Segment:
    """A piece of the source text; ``mark`` is the anchor id of the item it is the source of."""

    text: str
    mark: str | None = None
    kind: str = ""


def review_segments(draft: ReviewDraft) -> list[list[Segment]]:
    """The cleaned text, paragraph by paragraph, cut so that every item's source sentence is marked."""
    marks = sorted(_marks(draft.document), key=lambda m: (m[0], -m[1]))
    text = draft.text
    paragraphs: list[list[Segment]] = []
    starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
    ends = [*(s - 1 for s in starts[1:]), len(text)]
    for p_start, p_end in zip(starts, ends, strict=True):
        paragraphs.append(_cut(text, p_start, p_end, [m for m in marks if p_start <= m[0] < p_end]))
    return paragraphs


def _marks(doc: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    out = []
    for ind in doc.get("indicators", []):
        if ind.get("span"):
            out.append((ind["span"]["start"], ind["span"]["end"], f"src-ind-{ind['n']}", "indicator"))
    for k, item in enumerate(doc.get("needs_review", [])):
        if item.get("span"):
            out.append((item["span"]["start"], item["span"]["end"], f"src-review-{k}", "review"))

    def walk(node: dict[str, Any]) -> None:
        for task in node.get("tasks", []):
            if task.get("span"):
                out.append((task["span"]["start"], task["span"]["end"], f"src-task-{task['id']}", "task"))
        for child in node.get("children", []):
            walk(child)

    for top in (doc.get("tasks") or {}).get("sections", []):
        walk(top)
    return out


def _cut(text: str, start: int, end: int, marks: list[tuple[int, int, str, str]]) -> list[Segment]:
    out: list[Segment] = []
    pos = start
    for m_start, m_end, anchor, kind in marks:
        if m_start < pos:
            continue  # overlapping marks: the first one wins
        m_end = min(m_end, end)
        if m_start > pos:
            out.append(Segment(text[pos:m_start]))
        out.append(Segment(text[m_start:m_end], anchor, kind))
        pos = m_end
    if pos < end:
        out.append(Segment(text[pos:end]))
    return out
