"""Lead and cooperating agencies of a task from keyword rules (pure logic; the rules are data).

The rules for Hải Phòng live in ``kehoach/data/haiphong/task_agencies.json``;
they read a task's words, not its id, so they keep working when the ids of the
extracted tree change.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["AgencyRules", "Assignment", "haiphong_rules"]


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").lower().split())


@dataclass(frozen=True)
class Assignment:
    lead: str
    cooperating: tuple[str, ...]
    reason: str  # where the lead was found: "deliverable: …", "text: …", "section: …", "default"


@dataclass(frozen=True)
class AgencyRules:
    rules: tuple[tuple[str, str], ...]
    sections: dict[str, str] = field(default_factory=dict)
    default: str = "STC"
    max_cooperating: int = 3

    def codes(self) -> set[str]:
        """Every agency code the rules can name."""
        return {c for _, c in self.rules} | set(self.sections.values()) | {self.default}

    def _hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every keyword found: (position, -length, keyword, agency), in reading order."""
        norm = _norm(text)
        hits = []
        for kw, code in self.rules:
            pos = norm.find(kw)
            if pos >= 0 and (pos == 0 or not norm[pos - 1].isalnum()):
                hits.append((pos, -len(kw), kw, code))
        out: list[tuple[int, int, str, str]] = []
        end = -1
        for hit in sorted(hits):  # drop a keyword inside a longer one found at the same place
            if hit[0] + -hit[1] <= end:
                continue
            out.append(hit)
            end = max(end, hit[0] + -hit[1])
        return out

    def _by_section(self, titles: list[str], section: str) -> tuple[str, str]:
        """Sub-section titles (deepest first), the sub-section's agency, the top title, the top section's."""
        for title in reversed(titles[1:]):
            hits = self._hits(title)
            if hits:
                return hits[0][3], f"section: {hits[0][2]}"
        if section in self.sections and "." in section:
            return self.sections[section], f"section {section}"
        hits = self._hits(titles[0]) if titles else []
        if hits:
            return hits[0][3], f"section: {hits[0][2]}"
        top = section.split(".")[0]
        if top in self.sections:
            return self.sections[top], f"section {top}"
        return self.default, "default"

    def assign(
        self, *, deliverable: str | None, text: str, section_titles: Sequence[str], section: str
    ) -> Assignment:
        lead, reason = "", "default"
        for label, source in (("deliverable", deliverable or ""), ("text", text)):
            hits = self._hits(source)
            if hits:
                lead, reason = hits[0][3], f"{label}: {hits[0][2]}"
                break
        if not lead:
            lead, reason = self._by_section(list(section_titles), section)
        coop: list[str] = []
        for *_, code in self._hits(text):
            if code != lead and code not in coop:
                coop.append(code)
        return Assignment(lead, tuple(coop[: self.max_cooperating]), reason)


@lru_cache(maxsize=1)
def haiphong_rules() -> AgencyRules:
    raw = json.loads(
        resources.files("kehoach.data").joinpath("haiphong", "task_agencies.json").read_text(encoding="utf-8")
    )
    return AgencyRules(
        rules=tuple((_norm(k), c) for k, c in raw["rules"]),
        sections=dict(raw["sections"]),
        default=raw["default"],
        max_cooperating=int(raw.get("max_cooperating", 3)),
    )
