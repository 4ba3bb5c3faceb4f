"""Vietnamese numbers: ``7.944,5`` (dot groups thousands, comma marks decimals).

``parse_number`` reads what people type or documents print; ``format_number``
writes what users see. An input that could be read two ways (``1,234``: one
point two three four, or one thousand two hundred thirty-four in English style)
raises :class:`AmbiguousNumber` instead of guessing.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "AmbiguousNumber",
    "NumberError",
    "format_number",
    "format_percent",
    "parse_number",
]

ERR_EMPTY = "ô trống"
ERR_NOT_NUMBER = "không phải là số: {text!r}"
ERR_AMBIGUOUS = (
    "số {text!r} có thể đọc theo hai cách; hãy viết rõ (ví dụ 1.234 hoặc 1,234 theo kiểu Việt Nam)"
)

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_VN_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_EN_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN_COMMA = re.compile(r"^\d+,\d+$")
_PLAIN_DOT = re.compile(r"^\d+\.\d+$")
_PLAIN = re.compile(r"^\d+$")


class NumberError(ValueError):
    """Text that is not a number."""


class AmbiguousNumber(NumberError):
    """Text that reads as two different numbers (``1,234`` or ``1.234``)."""


def parse_number(text: str, *, english: bool = False) -> float:
    """Parse a number written the Vietnamese way (or the English way if asked).

    ``7.944,5`` → 7944.5; ``194.935,654`` → 194935.654; ``0,795`` → 0.795;
    ``60195`` → 60195; ``-1,5`` → -1.5. With ``english=True`` the roles of the
    comma and the dot swap. ``1,234`` and ``1.234`` alone are ambiguous unless
    the style is known. In Vietnamese mode a dot always groups thousands
    (``7.135`` is 7135), a comma followed by exactly three digits after a
    non-zero whole part (``1,234``) is refused as ambiguous, and English
    grouping (``1,234.5``) is refused rather than misread.
    """
    s = _SPACES.sub("", text or "").replace("\u2212", "-").rstrip("%")
    if not s:
        raise NumberError(ERR_EMPTY)
    sign = 1.0
    if s[0] in "+-":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    if english:
        s = s.translate(str.maketrans(",.", ".,"))
    value = _parse_vn(s, text)
    return sign * value


def _parse_vn(s: str, original: str) -> float:
    if _PLAIN.match(s):
        return float(s)
    if _VN_GROUPED.match(s):
        # The dot groups thousands in Vietnamese: "7.135" is seven thousand.
        return _decimal(s.replace(".", "").replace(",", "."), original)
    if _PLAIN_COMMA.match(s):
        head, tail = s.split(",")
        if len(tail) == 3 and _EN_GROUPED.match(s) and not head.startswith("0"):
            raise AmbiguousNumber(ERR_AMBIGUOUS.format(text=original.strip()))
        return _decimal(s.replace(",", "."), original)
    if _PLAIN_DOT.match(s):
        # "3.5" cannot be a thousands group, so it is a decimal typed the
        # English way; "1234.567" (grouping in the wrong place) is refused.
        head, tail = s.split(".")
        if len(tail) == 3:
            raise AmbiguousNumber(ERR_AMBIGUOUS.format(text=original.strip()))
        return _decimal(s, original)
    if _EN_GROUPED.match(s):
        raise AmbiguousNumber(ERR_AMBIGUOUS.format(text=original.strip()))
    raise NumberError(ERR_NOT_NUMBER.format(text=original.strip()))


def _decimal(s: str, original: str) -> float:
    try:
        return float(Decimal(s))
    except InvalidOperation as exc:  # pragma: no cover - regexes guard this
        raise NumberError(ERR_NOT_NUMBER.format(text=original.strip())) from exc


def format_number(value: float | int | None, decimals: int | None = None, *, lang: str = "vi") -> str:
    """Write a number for people: ``7944.5`` → ``7.944,5`` (``7,944.5`` in English).

    With ``decimals=None`` the number keeps the digits it has (up to 3), so a
    target prints as the resolution wrote it (``194.935,654``; ``0,795``).
    """
    if value is None:
        return "–"
    if decimals is None:
        text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    else:
        text = f"{float(value):.{decimals}f}"
    negative = text.startswith("-")
    text = text.lstrip("-")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, decimal_mark = (".", ",") if lang == "vi" else (",", ".")
    out = thousands.join(groups) + (decimal_mark + frac if frac else "")
    if negative and out.strip("0.,"):
        out = "-" + out
    return out


def format_percent(value: float | None, decimals: int = 1, *, lang: str = "vi") -> str:
    """``88.52`` → ``88,5%``."""
    if value is None:
        return "–"
    return format_number(value, decimals, lang=lang) + "%"
