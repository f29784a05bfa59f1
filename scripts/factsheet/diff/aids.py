"""Things a reviewer should look at, listed for checking, never errors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from ..model import Claim, Dataset
from .compare import ClaimChange, RecordChange, site_url

NEAR = 0.8  # names at least this alike (after normalising) may be one person or organisation
_PREFIX = re.compile(r"\b(?:al|el|ul|ad|an|ar|as|ash|at|az)[-\s]")


@dataclass(frozen=True)
class Aid:
    """One thing to check: what kind, about which record or claim, and why."""

    kind: str  # no-url | not-in-document | no-as-of | near-duplicate
    subject: str  # a site path: where to look
    message: str


def normal(name: str) -> str:
    """A name folded for comparison: no accents, no Arabic article, letters and spaces only."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PREFIX.sub("", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _names(record) -> list[str]:
    return [record.name, *(v.name for v in getattr(record, "variants", ()))]


def near_duplicates(old: Dataset, new: Dataset, added: list[RecordChange]) -> list[Aid]:
    """New people and organisations whose names are close to another record's."""
    found = []
    for change in added:
        if change.kind not in ("person", "organisation"):
            continue
        table = new.people if change.kind == "person" else new.organisations
        record = table[change.id]
        best: tuple[float, str, str] | None = None
        for other_id, other in table.items():
            if other_id == change.id:
                continue
            for mine in _names(record):
                for theirs in _names(other):
                    ratio = SequenceMatcher(None, normal(mine), normal(theirs)).ratio()
                    if ratio >= NEAR and (best is None or ratio > best[0]):
                        best = (ratio, other_id, f"“{mine}” is close to “{theirs}”")
        if best is not None:
            found.append(Aid("near-duplicate", site_url(change.kind, change.id),
                             f"new {change.kind} “{change.id}” may be “{best[1]}”: {best[2]}; if they are "
                             "one, merge them and keep every spelling as a variant"))
    return found


def _document(documents: Path | None, key: str) -> str | None:
    """The stored text of a source, when a documents folder holds `<key>.txt`."""
    if documents is None:
        return None
    path = documents / f"{key}.txt"
    return " ".join(path.read_text("utf-8", "replace").split()).lower() if path.is_file() else None


def claim_aids(new: Dataset, changes: list[ClaimChange], documents: Path | None) -> list[Aid]:
    """Figures added or changed that have no as_of, or whose wording is not in the stored document."""
    found = []
    for change in changes:
        claim: Claim | None = change.new
        if claim is None or change.status == "removed" or not (claim.is_figure or claim.kind == "denial"):
            continue
        if claim.is_figure and not claim.as_of:
            found.append(Aid("no-as-of", change.page, f"figure “{change.incident} / {claim.id}” has no "
                             "as_of: say by when it was counted, if the source shows it"))
        text = _document(documents, claim.cite.source)
        wording = " ".join((claim.figure or "").split()).lower()
        if text is not None and wording and wording not in text:
            found.append(Aid("not-in-document", change.page, f"the wording “{claim.figure}” of "
                             f"“{change.incident} / {claim.id}” is not in the stored text of "
                             f"“{claim.cite.source}”: check it against {claim.cite.locator}"))
    return found


def source_aids(records: list[RecordChange], new: Dataset) -> list[Aid]:
    """Sources added without an address, which readers cannot open."""
    return [Aid("no-url", change.page, f"source “{change.id}” has no url: add it, or say in its note "
                "why there is none")
            for change in records if change.kind == "source" and change.status == "added"
            and not new.sources[change.id].get("url")]
