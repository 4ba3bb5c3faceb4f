"""A document as the extractor sees it: text, where pages start, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Document"]


@dataclass
class Document:
    """Text read from a file.

    ``page_starts`` holds the offset in ``text`` where each page begins (PDF);
    a form feed in ``text`` also starts a page. ``reflow`` says whether lines
    are hard-wrapped (PDF text) and must be joined back into paragraphs;
    ``None`` lets the cleaner decide from the line lengths.
    """

    text: str
    page_starts: list[int] = field(default_factory=lambda: [0])
    source: str | None = None
    kind: str = "txt"
    reflow: bool | None = None
