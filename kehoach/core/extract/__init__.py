"""Read a resolution on a socio-economic development plan into a :class:`~kehoach.core.plan.Plan`.

``extract_plan(document_or_text)`` cleans the text (:mod:`.clean`), reads the
metadata (:mod:`.metadata`), the key indicators and their targets
(:mod:`.indicators`, :mod:`.items`, :mod:`.values`) and the Article 2 task tree
(:mod:`.tasks`, :mod:`.deliverables`). Everything here is pure Python; file
formats are read by :mod:`kehoach.formats.readers`.

Sentences that look like targets but could not be read are listed in
``Plan.needs_review`` ("cần xem lại"), never dropped silently.
"""

from __future__ import annotations

from kehoach.core.extract.clean import Cleaned, clean_document
from kehoach.core.extract.document import Document
from kehoach.core.extract.indicators import find_indicators
from kehoach.core.extract.metadata import find_metadata, slug
from kehoach.core.extract.tasks import find_tasks, task_region
from kehoach.core.plan import Plan

__all__ = ["Cleaned", "Document", "clean_document", "extract_plan", "extract_with_text"]


def extract_plan(document_or_text: Document | str, *, plan_id: str | None = None) -> Plan:
    """The plan a resolution (or a press summary of one) states."""
    return extract_with_text(document_or_text, plan_id=plan_id)[0]


def extract_with_text(
    document_or_text: Document | str, *, plan_id: str | None = None
) -> tuple[Plan, Cleaned]:
    """The plan and the cleaned text its spans point into (for showing sources beside items)."""
    doc = document_or_text if isinstance(document_or_text, Document) else Document(text=document_or_text)
    cleaned = clean_document(doc)
    meta = find_metadata(cleaned)
    five = (meta.year_start, meta.year_end) if meta.year_end > meta.year_start else None
    region = task_region(cleaned)
    found = find_indicators(cleaned, year=meta.year_start, five_year=five, stop=region[0] if region else None)
    if region and not found.indicators:
        # "nhiệm vụ và giải pháp" named before the list (in Điều 1's opening): look past it.
        found = find_indicators(cleaned, year=meta.year_start, five_year=five, stop=None, prose=False)
    if found.end and (region is None or region[0] < found.end):
        region = task_region(cleaned, found.end)
    sections = find_tasks(cleaned, region, found.indicators, meta.province) if region else []
    pid = plan_id or "-".join(p for p in (slug(meta.province or "") or "plan", str(meta.year_start)) if p)
    if meta.year_end != meta.year_start:
        pid += f"-{meta.year_end}"
    plan = Plan(
        id=pid,
        issuer=meta.issuer,
        title=meta.title,
        year_start=meta.year_start,
        year_end=meta.year_end,
        indicators=found.indicators,
        sections=sections,
        province=meta.province,
        number=meta.number,
        adopted=meta.adopted,
        session=meta.session,
        theme=meta.theme,
        objective=meta.objective,
        source=doc.source,
        needs_review=found.needs_review,
    )
    return plan, cleaned
