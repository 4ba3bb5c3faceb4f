"""Every compiled catalog (.mo) is up to date with its source (.po), and nothing is left untranslated."""

import gettext

import pytest

from kehoach.i18n import catalogs, read_po


@pytest.mark.parametrize("po", catalogs(), ids=lambda p: p.parts[-5])
def test_mo_matches_po(po) -> None:
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"run 'kehoach manage compilemessages' for {po}"
    with mo.open("rb") as f:
        compiled = {k: v for k, v in gettext.GNUTranslations(f)._catalog.items() if k}  # type: ignore[attr-defined]
    assert compiled == read_po(po)


@pytest.mark.parametrize("po", catalogs(), ids=lambda p: p.parts[-5])
def test_no_empty_translation(po) -> None:
    text = po.read_text(encoding="utf-8")
    entries = [e for e in text.split("\n\n")[1:] if "msgid" in e and "#, fuzzy" not in e]
    empty = [e.splitlines()[-2] for e in entries if e.rstrip().endswith('msgstr ""')]
    assert not empty, empty
