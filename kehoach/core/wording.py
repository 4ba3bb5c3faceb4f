"""Targets written back in words, the Vietnamese way (English on request).

``describe_target`` gives "khoảng 13%", "7.944,5 USD/người", "3,8–4,3 tỷ USD",
"top 5", "trên 75%"; ``describe_targets`` joins an indicator's targets the way
a resolution does ("top 5, phấn đấu top 3").
"""

from __future__ import annotations

from kehoach.core.numbers import format_number
from kehoach.core.plan import Indicator, Target

__all__ = ["COMPARATOR_WORDS", "describe_target", "describe_targets", "with_unit"]

COMPARATOR_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "eq": "",
        "approx": "khoảng ",
        "ge": "từ ",
        "gt": "trên ",
        "le": "không quá ",
        "lt": "dưới ",
        "range": "",
        "rank_top": "top ",
    },
    "en": {
        "eq": "",
        "approx": "about ",
        "ge": "at least ",
        "gt": "over ",
        "le": "at most ",
        "lt": "under ",
        "range": "",
        "rank_top": "top ",
    },
}
_GE_SUFFIX = {"vi": " trở lên", "en": ""}
_STRETCH = {"vi": "phấn đấu ", "en": "striving for "}


def with_unit(value: float | None, unit: str | None, *, lang: str = "vi") -> str:
    """``7944.5, "USD/người"`` → ``7.944,5 USD/người``; a percent sticks to its number."""
    number = format_number(value, lang=lang)
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def describe_target(target: Target, *, lang: str = "vi", stretch_word: bool = True) -> str:
    words = COMPARATOR_WORDS["en" if lang == "en" else "vi"]
    prefix = _STRETCH["en" if lang == "en" else "vi"] if (target.stretch and stretch_word) else ""
    if target.comparator == "range":
        low = format_number(target.low, lang=lang)
        text = f"{low}–{with_unit(target.high, target.unit, lang=lang)}"
    elif target.comparator == "rank_top":
        text = f"top {format_number(target.value, lang=lang)}"
    else:
        text = words[target.comparator] + with_unit(target.value, target.unit, lang=lang)
        if target.comparator == "ge":
            text += _GE_SUFFIX["en" if lang == "en" else "vi"]
    return prefix + text


def describe_targets(indicator: Indicator, *, lang: str = "vi") -> list[tuple[str | None, str]]:
    """The targets of an indicator grouped by qualifier: ``[(qualifier, "top 5, phấn đấu top 3"), …]``.

    A stretch target joins the base target before it with the same qualifier.
    """
    out: list[tuple[str | None, str]] = []
    for t in indicator.targets:
        text = describe_target(t, lang=lang)
        if t.stretch and out and out[-1][0] == t.qualifier:
            out[-1] = (t.qualifier, f"{out[-1][1]}, {text}")
        elif out and out[-1][0] == t.qualifier and not t.stretch and t.unit != indicator.targets[0].unit:
            # An alternative unit of the same figure: "7.944,5 USD/người (khoảng 201,6 triệu đồng/người)".
            out[-1] = (t.qualifier, f"{out[-1][1]} ({text})")
        else:
            out.append((t.qualifier, text))
    return out
