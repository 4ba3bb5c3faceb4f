"""Read a resolution from a file: PDF (text layer), DOCX, HTML or plain text.

``read_document(path)`` returns a :class:`~kehoach.core.extract.Document` whose
text is Unicode NFC with plain quotes, dashes and spaces; documents typed in
the legacy TCVN3 (ABC) or VNI encodings are converted. Page boundaries are
kept for PDFs.

Errors (all :class:`ReadError`, each with a one-line Vietnamese message)::

    ReadError
    ├── UnknownFormat    not .pdf/.docx/.html/.txt (nor recognisable inside)
    ├── EmptyDocument    no text at all
    ├── UnreadableFile   missing, damaged or not what its name says
    ├── EncryptedPdf     protected by a password
    └── ImageOnlyPdf     scanned pages without a text layer (needs OCR first)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from kehoach.core.extract.document import Document
from kehoach.core.extract.legacy import to_unicode
from kehoach.core.extract.normalize import normalize_text

__all__ = [
    "ERR_EMPTY",
    "ERR_ENCRYPTED",
    "ERR_IMAGE_ONLY",
    "ERR_UNKNOWN",
    "ERR_UNREADABLE",
    "EmptyDocument",
    "EncryptedPdf",
    "ImageOnlyPdf",
    "ReadError",
    "UnknownFormat",
    "UnreadableFile",
    "read_document",
]

ERR_UNKNOWN = "không nhận dạng được loại tệp {name} (cần .pdf, .docx, .html hoặc .txt)"
ERR_EMPTY = "tệp {name} không có nội dung chữ"
ERR_UNREADABLE = "không đọc được tệp {name}: tệp hỏng hoặc không đúng định dạng"
ERR_ENCRYPTED = "tệp PDF {name} được bảo vệ bằng mật khẩu; hãy mở khóa rồi thử lại"
ERR_IMAGE_ONLY = "tệp PDF {name} chỉ có ảnh quét, không có lớp chữ; cần nhận dạng ký tự (OCR) trước"


class ReadError(Exception):
    """A file that cannot be read as a document; the message is one line for the user."""

    template = ERR_UNREADABLE

    def __init__(self, name: str):
        super().__init__(self.template.format(name=name))


class UnknownFormat(ReadError):
    template = ERR_UNKNOWN


class EmptyDocument(ReadError):
    template = ERR_EMPTY


class UnreadableFile(ReadError):
    template = ERR_UNREADABLE


class EncryptedPdf(ReadError):
    template = ERR_ENCRYPTED


class ImageOnlyPdf(ReadError):
    template = ERR_IMAGE_ONLY


_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".txt": "txt", ".text": "txt"}


def read_document(path: str | Path) -> Document:
    """The text of a document file, normalised, with its page starts."""
    p = Path(path)
    name = p.name
    try:
        head = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(name) from exc
    if not head.strip():
        raise EmptyDocument(name)
    kind = _SUFFIXES.get(p.suffix.lower()) or _sniff(head)
    if kind is None:
        raise UnknownFormat(name)
    pages = {"pdf": _pdf_pages, "docx": _docx_pages, "html": _html_pages, "txt": _txt_pages}[kind](p, head)
    doc = _document(pages, kind, str(p))
    if not doc.text.strip():
        raise (ImageOnlyPdf if kind == "pdf" else EmptyDocument)(name)
    return doc


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        return "docx"
    if re.search(rb"<\s*(?:html|body|p|div)\b", data[:2000], re.I):
        return "html"
    return None


def _document(pages: list[str], kind: str, source: str) -> Document:
    joined = "\n".join(pages)
    legacy_fixed = to_unicode(joined)
    if legacy_fixed != joined:
        pages = [to_unicode(pg) if pg else pg for pg in pages] if len(pages) > 1 else [legacy_fixed]
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for pg in pages:
        text = normalize_text(pg, convert_legacy=False)
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 1
    return Document(
        text="\n".join(parts),
        page_starts=starts or [0],
        source=source,
        kind=kind,
        reflow=True if kind == "pdf" else (None if kind == "txt" else False),
    )


def _pdf_pages(path: Path, data: bytes) -> list[str]:
    import logging
    import warnings

    # pypdf reports damaged files through logging and warnings; the user gets one line from us instead.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _pdf_read(path)
    finally:
        logger.setLevel(level)


def _pdf_read(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not _unlock(reader):
            raise EncryptedPdf(path.name)
        return [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise UnreadableFile(path.name) from exc
    except Exception as exc:  # damaged streams fail deep inside zlib and the content parser
        raise UnreadableFile(path.name) from exc


def _unlock(reader: object) -> bool:
    """PDFs locked only against editing open with an empty password; others are refused."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # pypdf raises several kinds here (missing crypto backend, bad key)
        return False


def _docx_pages(path: Path, data: bytes) -> list[str]:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(str(path))
        lines: list[str] = []
        for child in d.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(_docx_paragraph(child))
            elif tag == "tbl":
                lines.extend(_docx_table(child))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableFile(path.name) from exc
    except Exception as exc:  # a damaged archive fails deep inside zlib or lxml, in many ways
        raise UnreadableFile(path.name) from exc
    return ["\n".join(lines)]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LIST_MARK = re.compile(r"^\s*(?:\(\d+\)|\d+[.)]|[a-zđ]\)|[-+•])\s")


def _docx_paragraph(p: object) -> str:
    text = "".join(t.text or "" for t in p.iter(_W + "t"))  # type: ignore[attr-defined]
    style = p.find(f"{_W}pPr/{_W}pStyle")  # type: ignore[attr-defined]
    style_id = (style.get(f"{_W}val") or "") if style is not None else ""
    numbered = p.find(f"{_W}pPr/{_W}numPr") is not None or style_id.startswith("List")  # type: ignore[attr-defined]
    if numbered and text.strip() and not _LIST_MARK.match(text):
        # Word's automatic numbering is not in the text; a dash keeps the item a list item.
        return "- " + text.strip()
    return text


def _docx_table(tbl: object) -> list[str]:
    rows: list[str] = []
    for tr in tbl.iter(_W + "tr"):  # type: ignore[attr-defined]
        cells = []
        for tc in tr.iter(_W + "tc"):
            cells.append(
                " ".join("".join(t.text or "" for t in p.iter(_W + "t")) for p in tc.iter(_W + "p")).strip()
            )
        rows.append(" | ".join(c for c in cells if c))
    return rows


def _decode(data: bytes, declared: str | None = None) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for enc in ([declared] if declared else []) + ["utf-8-sig"]:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode("latin-1")
    if to_unicode(text) != text:
        return text  # TCVN3 / VNI bytes: converted later
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        return text


def _txt_pages(path: Path, data: bytes) -> list[str]:
    if b"\x00" in data[:4000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(path.name)
    return _decode(data).split("\f")


class _HtmlText(HTMLParser):
    _SKIP = {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "noscript",
        "aside",
        "form",
        "svg",
        "template",
        "iframe",
    }
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "blockquote",
        "dd",
        "dt",
        "figcaption",
        "td",
        "th",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "li" and not self.skip:
                self.parts.append("- ")
            elif tag in ("td", "th"):
                self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _html_pages(path: Path, data: bytes) -> list[str]:
    m = re.search(rb"charset=[\"']?([\w-]+)", data[:3000], re.I)
    text = _decode(data, m.group(1).decode("ascii", "ignore") if m else None)
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    lines = [ln.strip() for ln in "".join(parser.parts).split("\n")]
    lines = [re.sub(r"^- \s*(?=(?:\(\d+\)|\d+[.)]|[a-zđ]\))\s)", "", ln) for ln in lines]
    return ["\n".join(ln for ln in lines if ln and ln != "-")]
