"""Claims as flat rows (one per claim) for CSV and JSON downloads; returns strings."""

from __future__ import annotations

import csv
import io
import json

from .governorates import GOVERNORATES
from .model import Claim, Dataset, Incident, Link, Place

COLUMNS = (
    "incident_id", "incident_title", "date", "place", "claim_id", "type", "counts", "who",
    "figure", "min", "max", "as_of", "claimant", "chain", "source_key", "source_title",
    "source_publisher", "source_url", "locator", "alleges", "note",
)


def link_name(ds: Dataset, link: Link) -> str:
    """The display name of one link of a chain."""
    if link.person:
        record = ds.people.get(link.person)
        return record.name if record else link.person
    if link.organisation:
        record = ds.organisations.get(link.organisation)
        return record.name if record else link.organisation
    return link.unnamed or ""


def chain_text(ds: Dataset, chain: tuple[Link, ...]) -> str:
    """'A, relayed by B, relayed by C': origin first."""
    return ", relayed by ".join(link_name(ds, link) for link in chain)


def place_text(place: Place) -> str:
    """City, governorates and area in one line."""
    parts = [place.city] if place.city else []
    parts += [GOVERNORATES[g].name if g in GOVERNORATES else g for g in place.governorates]
    parts += [p for p in (place.area, place.country) if p]
    return "; ".join(dict.fromkeys(parts))


def row(ds: Dataset, incident: Incident, claim: Claim) -> dict[str, str | int | None]:
    """One claim as a flat row."""
    source = ds.sources.get(claim.cite.source)
    return {
        "incident_id": incident.id, "incident_title": incident.title, "date": incident.date,
        "place": place_text(incident.place), "claim_id": claim.id,
        "type": "figure" if claim.is_figure else "allegation", "counts": claim.counts,
        "who": claim.who, "figure": claim.figure, "min": claim.min, "max": claim.max,
        "as_of": claim.as_of, "claimant": link_name(ds, claim.chain[0]),
        "chain": chain_text(ds, claim.chain), "source_key": claim.cite.source,
        "source_title": source.title if source else None,
        "source_publisher": (source.get("organization") or source.get("publisher")) if source else None,
        "source_url": source.get("url") if source else None, "locator": claim.cite.locator,
        "alleges": claim.alleges, "note": claim.note,
    }


def rows(ds: Dataset) -> list[dict[str, str | int | None]]:
    """Every claim of every incident, in incident then claim order."""
    return [row(ds, ds.incidents[i], claim) for i in sorted(ds.incidents)
            for claim in ds.incidents[i].claims]


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str | int | None) -> str | int | None:
    """A text cell that a spreadsheet would run as a formula, with an apostrophe before it.

    The apostrophe is the usual rule: spreadsheets show the text after it as written. Numbers stay
    numbers (a figure is never negative, so a number never starts with '-').
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(ds: Dataset) -> str:
    """All claims as CSV text, with no cell a spreadsheet would run as a formula."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: spreadsheet_safe(value) for name, value in row.items()} for row in rows(ds))
    return out.getvalue()


def to_json(ds: Dataset) -> str:
    """All claims as a JSON array (text exactly as in the records: JSON has no formulas)."""
    return json.dumps(rows(ds), ensure_ascii=False, indent=1) + "\n"
