"""Unicode clean-up of text read from documents.

NFC composition, one kind of quote, one kind of dash, ordinary spaces, no
invisible characters. Legacy TCVN3 and VNI text is converted first
(:mod:`kehoach.core.extract.legacy`).
"""

from __future__ import annotations

import re
import unicodedata

from kehoach.core.extract.legacy import to_unicode

__all__ = ["UPPER", "normalize_text"]

# Capital letters of Vietnamese, for regex classes ("À-Ỹ" would also take small letters).
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

_TRANSLATE = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u3000": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u2026": "...",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
_SPACES = re.compile(r"[ ]{2,}")
# A gap between table cells: a tab, or three spaces or more (pdftotext -layout, text copied from Word).
_CELL_GAP = re.compile(r"[ \t]*\t[ \t]*|[ ]{3,}")
# Old-style tone placement ("hoá", "khoẻ") is kept: both spellings are correct Vietnamese.


def normalize_text(text: str, *, convert_legacy: bool = True) -> str:
    """NFC, straight quotes, hyphen-minus dashes, plain spaces; legacy encodings converted."""
    if convert_legacy:
        text = to_unicode(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_TRANSLATE)
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    """A line with two cell gaps or more is a table row: its cells are joined with " | "
    (the separator DOCX and HTML tables get); any other gap becomes one space."""
    core = line.strip(" \t")
    if len(_CELL_GAP.findall(core)) >= 2:
        return " | ".join(_SPACES.sub(" ", c) for c in _CELL_GAP.split(core))
    return _SPACES.sub(" ", line.replace("\t", " "))
