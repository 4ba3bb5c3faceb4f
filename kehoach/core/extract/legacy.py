"""Legacy Vietnamese encodings: TCVN3 (ABC, fonts ``.VnTime``) and VNI (fonts ``VNI-Times``).

Many provincial documents were typed with these fonts. Read as Unicode (or as
Windows-1252 bytes) they look like ``Héi ®ång nh©n d©n`` (TCVN3) or
``Hoäi ñoàng nhaân daân`` (VNI). :func:`detect_legacy` tells which, from the
share of characters only those encodings produce; :func:`to_unicode` converts.
The tables are written here from the published code charts.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

__all__ = ["Encoding", "detect_legacy", "from_tcvn3", "from_vni", "to_tcvn3", "to_unicode", "to_vni"]

Encoding = Literal["unicode", "tcvn3", "vni"]

# TCVN3 (TCVN 5712:1993, VN3): one byte per letter; capitals with tones use the
# lower-case codes in a capitals font, so they come back lower case.
_TCVN3_CHARS = "ăâêôơưđĂÂÊÔƠƯĐàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
_TCVN3_CODES = [
    168,
    169,
    170,
    171,
    172,
    173,
    174,
    161,
    162,
    163,
    164,
    165,
    166,
    167,
    181,
    182,
    183,
    184,
    185,
    187,
    188,
    189,
    190,
    198,
    199,
    200,
    201,
    202,
    203,
    204,
    206,
    207,
    208,
    209,
    210,
    211,
    212,
    213,
    214,
    215,
    216,
    220,
    221,
    222,
    223,
    225,
    226,
    227,
    228,
    229,
    230,
    231,
    232,
    233,
    234,
    235,
    236,
    237,
    238,
    239,
    241,
    242,
    243,
    244,
    245,
    246,
    247,
    248,
    249,
    250,
    251,
    252,
    253,
    254,
]
_TO_TCVN3 = {u: chr(c) for u, c in zip(_TCVN3_CHARS, _TCVN3_CODES, strict=True)}
_FROM_TCVN3 = {c: u for u, c in _TO_TCVN3.items()}

# VNI Windows: a base letter followed by a mark character.
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRC_TONE = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {"đ": "ñ", "Đ": "Ñ", "ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö"}
    for tone, mark in _VNI_TONE.items():
        for base in "aeouyAEOUY":
            table[unicodedata.normalize("NFC", base + tone)] = base + _up(mark, base)
        for horn, code in (("ơ", "ô"), ("ư", "ö"), ("Ơ", "Ô"), ("Ư", "Ö")):
            table[unicodedata.normalize("NFC", horn + tone)] = code + _up(mark, horn)
    for tone, mark in _VNI_CIRC_TONE.items():
        for base in "aeoAEO":
            table[unicodedata.normalize("NFC", base + "\u0302" + tone)] = base + _up(mark, base)
    for tone, mark in _VNI_BREVE_TONE.items():
        for base in "aA":
            table[unicodedata.normalize("NFC", base + "\u0306" + tone)] = base + _up(mark, base)
    for tone, mark in _VNI_I.items():
        if tone:
            table[unicodedata.normalize("NFC", "i" + tone)] = mark
            table[unicodedata.normalize("NFC", "I" + tone)] = mark.upper()
    table["ỵ"], table["Ỵ"] = "î", "Î"
    return table


def _up(mark: str, base: str) -> str:
    return mark.upper() if base.isupper() else mark


_TO_VNI = _vni_table()
_FROM_VNI = {v: k for k, v in _TO_VNI.items()}
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(_FROM_VNI, key=len, reverse=True)))

_VIET = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
_TCVN3_SIGNS = re.compile(r"[\u00a1-\u00a7\u00a8-\u00ae\u00b5-\u00be\u00c6-\u00fe]")
_TCVN3_STRONG = re.compile(r"[®©¸µ¶·¹»¼½¾Æ¨ª«¬­]")
_VNI_SIGNS = re.compile(r"[aeouyAEOUY][ùøûõïâáàåãäêéèúüë]|[ñÑ]|[ôö](?=[ùøûõï]|\b)")


def to_tcvn3(text: str) -> str:
    """Unicode → TCVN3 (as code points 0–255); used by tests and tools."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        low = ch.lower()
        out.append(_TO_TCVN3.get(ch) or (_TO_TCVN3.get(low) if ch not in _TO_TCVN3 else "") or ch)
    return "".join(out)


def from_tcvn3(text: str) -> str:
    return "".join(_FROM_TCVN3.get(ch, ch) for ch in text)


def to_vni(text: str) -> str:
    """Unicode → VNI Windows (as code points 0–255); used by tests and tools."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TO_VNI.get(ch, ch) for ch in text)


def from_vni(text: str) -> str:
    return _VNI_PATTERN.sub(lambda m: _FROM_VNI[m.group(0)], text)


def detect_legacy(text: str) -> Encoding:
    """Which encoding the text was typed in, judged from a sample of its letters."""
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    viet = len(_VIET.findall(sample))
    tcvn = len(_TCVN3_STRONG.findall(sample))
    vni = len(_VNI_SIGNS.findall(sample))
    if max(tcvn, vni) < 0.01 * letters:
        return "unicode"
    if viet > 2 * max(tcvn, vni):
        return "unicode"
    return "tcvn3" if tcvn >= vni else "vni"


def to_unicode(text: str) -> str:
    """Convert TCVN3 or VNI text to Unicode; Unicode text comes back unchanged."""
    kind = detect_legacy(text)
    if kind == "tcvn3":
        return from_tcvn3(text)
    if kind == "vni":
        return from_vni(text)
    return text
