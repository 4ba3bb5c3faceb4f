"""Turn PDF-style text back into paragraphs.

Text taken from a PDF has a hard line break at the end of every printed line,
often a blank line between lines, page numbers, running headers and words cut
at the line end. :func:`clean_document` removes the page furniture and joins
the lines of each paragraph, keeping for every paragraph the page and line it
started on, so that any span of the cleaned text can be traced back.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from kehoach.core.extract.document import Document
from kehoach.core.extract.legacy import detect_legacy, from_tcvn3, from_vni
from kehoach.core.extract.normalize import normalize_text
from kehoach.core.plan import Span

__all__ = ["Cleaned", "clean_document"]

_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.I)
_MARKER = re.compile(
    r"^(?:\(\d{1,3}\)|\d{1,2}(?:\.\d{1,2})*\.\s|\d{1,2}\)\s|[a-zđ]\)\s|[IVX]{1,5}\.\s|Điều\s+\d)"
)
_DASH = re.compile(r"^[-+•*·]\s+\S")
_END_PUNCT = re.compile(r"[.;:!?]['\")]*$|\.\.\.$")
_HEADING = re.compile(r"^(?:\d{1,2}\.\s|[IVX]{1,5}\.\s|Điều\s+\d|ĐIỀU\s+\d|Phần\s|PHẦN\s)")
_VOWEL = re.compile(r"[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


@dataclass
class Cleaned:
    """Paragraphs, one per line of ``text``, with the page and source line of each."""

    text: str
    starts: list[int] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)
    raw_lines: list[int] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n") if self.text else []

    def span(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``: its paragraph's page, its line (1-based) and the offsets."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        page = self.pages[i] if i < len(self.pages) else None
        return Span(start=start, end=end, page=page, line=i + 1)


@dataclass
class _Line:
    text: str
    page: int
    raw: int
    last: int = 0  # length of the last printed line joined into this paragraph


def clean_document(doc: Document | str) -> Cleaned:
    """Clean a document (or plain text) into paragraphs."""
    if isinstance(doc, str):
        doc = Document(text=doc)
    lines = _page_lines(doc)
    lines = _drop_furniture(lines)
    reflow = doc.reflow if doc.reflow is not None else _looks_wrapped([ln.text for ln in lines])
    paragraphs = _join(lines) if reflow else [ln for ln in lines if ln.text]
    return _assemble(paragraphs)


def _page_lines(doc: Document) -> list[_Line]:
    """Normalised lines with their page; a line starting with one space after unindented lines
    starts a page (what pypdf leaves at page joins) when such lines are rare."""
    text = doc.text
    starts = sorted(set(doc.page_starts or [0]))
    out: list[_Line] = []
    offset = 0
    raw_lines = text.split("\n")
    indented = sum(1 for ln in raw_lines if re.match(r"^ \S", ln))
    nonblank = sum(1 for ln in raw_lines if ln.strip()) or 1
    space_pages = doc.kind == "txt" and 0 < indented <= 0.05 * nonblank
    page_extra = 0
    legacy = detect_legacy(text)
    convert = {"tcvn3": from_tcvn3, "vni": from_vni}.get(legacy, lambda s: s)
    for i, raw in enumerate(raw_lines):
        page = bisect.bisect_right(starts, offset)
        offset += len(raw) + 1
        if space_pages and i > 0 and re.match(r"^ \S", raw) and out:
            page_extra += 1
        for k, part in enumerate(raw.split("\f")):
            page_extra += k > 0  # a form feed starts a page, even inside a line
            clean = normalize_text(convert(part), convert_legacy=False).strip()
            if clean or k == 0:
                out.append(_Line(clean, page + page_extra, i + 1))
    return out


def _drop_furniture(lines: list[_Line]) -> list[_Line]:
    """Remove page numbers, running headers and the blank line between every two lines."""
    pages = {ln.page for ln in lines}
    counts = Counter(ln.text for ln in lines if ln.text and len(ln.text) < 90)
    repeated = {t for t, c in counts.items() if len(pages) >= 3 and c >= max(3, len(pages) // 2)}
    repeated = {t for t in repeated if not _MARKER.match(t) and not _DASH.match(t)}
    kept = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text) and ln.text not in repeated]
    nonblank = [ln for ln in kept if ln.text]
    blanks = len(kept) - len(nonblank)
    if nonblank and blanks >= 0.6 * len(nonblank):
        # Double-spaced extraction: blank lines mean nothing; paragraphs are found by _join.
        return nonblank
    return kept


def _looks_wrapped(texts: list[str]) -> bool:
    lens = sorted(len(t) for t in texts if t)
    if len(lens) < 5:
        return False
    p80 = lens[int(len(lens) * 0.8)]
    unended = sum(1 for t in texts if t and not _END_PUNCT.search(t))
    return p80 <= 130 and unended >= 0.4 * len(lens)


def _join(lines: list[_Line]) -> list[_Line]:
    lens = sorted(len(ln.text) for ln in lines if ln.text)
    full = lens[int(len(lens) * 0.8)] if lens else 80
    out: list[_Line] = []
    heading = False
    for ln in lines:
        if not ln.text:
            if out and out[-1].text:
                out.append(ln)
            continue
        if not out or not out[-1].text:
            out.append(_Line(ln.text, ln.page, ln.raw))
            heading = _is_heading_start(ln.text)
            continue
        prev = out[-1]
        if _continues(prev.text, prev.last or len(prev.text), ln.text, full, heading):
            prev.text = _glue(prev.text, ln.text)
            prev.last = len(ln.text)
        else:
            out.append(_Line(ln.text, ln.page, ln.raw))
            heading = _is_heading_start(ln.text)
    return [ln for ln in out if ln.text]


def _is_heading_start(text: str) -> bool:
    """Section titles ("1.", "II.", "Điều 2") are printed on short lines of their own."""
    return bool(_HEADING.match(text))


def _first_char(text: str) -> str:
    m = re.search(r"\w", text)
    return m.group(0) if m else ""


def _continues(prev: str, last: int, nxt: str, full: int, heading: bool) -> bool:
    """Whether ``nxt`` continues the paragraph whose last printed line is ``prev``."""
    if " | " in prev or " | " in nxt:
        return False  # table rows stand alone
    if prev.endswith("-") and not prev.endswith(" -"):
        return True
    if _MARKER.match(nxt) or _DASH.match(nxt):
        return False
    ended = bool(_END_PUNCT.search(prev))
    first = _first_char(nxt)
    if first.islower():
        return True
    if first.isdigit():
        return not ended
    if ended or _is_caps(nxt) or _is_caps(prev[len(prev) - last :]):
        return False
    words = prev.split()
    if words and words[-1][:1].isupper():
        return True  # a name cut in two: "Lạch / Huyện", "Hải / Phòng"
    return not heading and last >= 0.85 * full


def _is_caps(line: str) -> bool:
    """A line in capitals (a header: "HỘI ĐỒNG NHÂN DÂN TỈNH X", "NGHỊ QUYẾT") stands alone."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 6 and all(ch.isupper() for ch in letters)


def _glue(prev: str, nxt: str) -> str:
    """Join two printed lines: a hyphen at the line end keeps the word whole; a syllable cut
    without a vowel (``ngh`` / ``iệp``) is rejoined."""
    if re.search(r"\S-$", prev):
        return prev + nxt
    tail = prev.split()[-1] if prev.split() else ""
    if tail.isalpha() and tail.islower() and not _VOWEL.search(tail) and tail.lower() not in {"tp", "x", "đ"}:
        return prev + nxt
    return prev + " " + nxt


def _assemble(paragraphs: list[_Line]) -> Cleaned:
    text_parts: list[str] = []
    starts: list[int] = []
    pages: list[int | None] = []
    raws: list[int] = []
    offset = 0
    for p in paragraphs:
        starts.append(offset)
        pages.append(p.page)
        raws.append(p.raw)
        text_parts.append(p.text)
        offset += len(p.text) + 1
    return Cleaned("\n".join(text_parts), starts, pages, raws)
