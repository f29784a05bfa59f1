"""Claims as flat rows (one per claim) for CSV and JSON downloads; returns strings."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from .cite import plain_field
from .figures import Group, scope
from .governorates import GOVERNORATES
from .i18n import language, t, vt
from .link import Links, link
from .model import Claim, Dataset, Incident, Link, Place
from .parties import Parties, parties
from .text import MARKER_RE
from .translations import name_in, text_in
from .vocab import CHAIN_VERBS

COLUMNS = (
    "incident_id", "incident_title", "date", "place", "claim_id", "kind", "counts", "who",
    "figure", "min", "max", "period_from", "period_to", "running_total", "as_of", "as_of_basis",
    "claimant", "origin", "chain", "parties", "accused", "group_min", "group_max", "group_range", "grade",
    "parts", "source_key", "source_title", "source_publisher", "source_kind", "source_stake", "source_party",
    "source_url", "locator", "alleges", "denies", "note",
)

DESCRIPTIONS: dict[str, str] = {  # what each column holds (downloads page, claims schema)
    "incident_id": "Id of the incident (its page and file name).",
    "incident_title": "Title of the incident.",
    "date": "Date of the incident: a day, a month, a year, or unknown.",
    "place": "City or area, and governorates.",
    "claim_id": "Id of the claim, unique within its incident.",
    "kind": "figure (a count), allegation, or denial.",
    "counts": "What a figure counts: killed, injured, arrested and so on (a denial may deny a count).",
    "who": "Whom a figure counts, where the source says: protesters, security forces and so on.",
    "figure": "The figure as the source worded it.",
    "min": "The lowest number the wording allows; empty when it gives no lower limit or no number.",
    "max": "The highest number the wording allows; empty when there is no upper limit.",
    "period_from": "Start of the period the figure covers, when it is not the incident itself; for a "
                   "running total, the date it counts from.",
    "period_to": "End of that period; for a running total, the date it was counted up to (as_of).",
    "running_total": "true for a running total (a count since a date, as of a date), else false.",
    "as_of": "The date the claim was made or refers to, where known.",
    "as_of_basis": "How as_of was obtained: stated in the text, the document's date, or inferred.",
    "claimant": "Who made the claim first.",
    "origin": "The independent origin the claim counts for, as kind:id (a spokesman counts as his "
              "organisation; bodies speaking jointly as joint:...).",
    "chain": "The claimant, then each relay, up to the source.",
    "parties": "Those in the chain (claimant or relay) who are parties to the events, separated by "
               "semicolons; empty when none is.",
    "accused": "Whom an allegation accuses, separated by semicolons.",
    "group_min": "Lowest number stated in the claim's comparison group (same incident, count, group of "
                 "people and period).",
    "group_max": "Highest number stated in that group.",
    "group_range": "The group's range as the pages show it: a plus sign after the highest number when "
                   "that number is a floor (no upper limit), 'up to' when no figure gives a lower limit; "
                   "a denial counts as zero.",
    "grade": "The group's grade: single source, corroborated or contested.",
    "parts": "A breakdown of the figure, as a JSON list of {governorate, place, who, figure, min, max, "
             "in_addition}; in_addition is true for a part counted besides the total.",
    "source_key": "Key of the source in the bibliography (its page on this site).",
    "source_title": "Title of the source.",
    "source_publisher": "Organisation that published the source.",
    "source_kind": "What kind of source it is (UN body, news agency, advocacy media and so on).",
    "source_stake": "The source's affiliation or stake in the events.",
    "source_party": "true when the source is party media or published by a party to the events.",
    "source_url": "Address of the source.",
    "locator": "The passage of the source the claim was read in.",
    "alleges": "What an allegation alleges.",
    "denies": "What a denial denies.",
    "note": "How the figure was read, or other remarks (citations shown as (source key, locator)).",
}


def link_name(ds: Dataset, item: Link, name: Callable[[str], str] = str,
              words: Callable[[str], str] = str) -> str:
    """The display name of one link of a chain (bodies speaking jointly joined by 'and').

    name formats a record's name and words an unnamed claimant's description: plain text by
    default; the chart tables pass Markdown formatters that mark names holding digits.
    """
    if item.joint:
        return t(" and ").join(link_name(ds, member, name, words) for member in item.joint)
    if item.person:
        record = ds.people.get(item.person)
        shown = name(name_in(record) if record else item.person)
        if item.speaks_for:
            org = ds.organisations.get(item.speaks_for)
            shown += t(", speaking for {name}", name=name(name_in(org) if org else item.speaks_for))
        return shown
    if item.organisation:
        record = ds.organisations.get(item.organisation)
        return name(name_in(record) if record else item.organisation)
    return words(text_in(item, "unnamed", item.unnamed or ""))


def chain_text(ds: Dataset, chain: tuple[Link, ...], name: Callable[[str], str] = str,
               words: Callable[[str], str] = str) -> str:
    """'A, relayed by B, reposted by C': origin first."""
    shown = link_name(ds, chain[0], name, words) if chain else ""
    for item in chain[1:]:
        verb = vt(CHAIN_VERBS.get(item.role or "relay", "relayed by"))
        shown += t(", {verb} {name}", verb=verb, name=link_name(ds, item, name, words))
    return shown


def place_text(place: Place) -> str:
    """City, governorates and area in one line."""
    arabic = language() == "ar"  # the map's table on the Arabic edition
    parts = [text_in(place, "city", place.city)] if place.city else []
    parts += [(GOVERNORATES[g].arabic if arabic else GOVERNORATES[g].name) if g in GOVERNORATES else g
              for g in place.governorates]
    parts += [text_in(place, name, value)
              for name, value in (("area", place.area), ("country", place.country)) if value]
    return t("; ").join(dict.fromkeys(parts))


def plain(value: str | None) -> str | None:
    """Free text without citation markers' brackets: '[@key, para. 2]' becomes '(key, para. 2)'."""
    if value is None:
        return None
    return " ".join(MARKER_RE.sub(lambda m: f"({m[1]}{', ' + m[2].strip() if m[2] else ''})", value).split())


def _group(links: Links, incident: Incident, claim: Claim) -> Group | None:
    """The comparison group a counted claim belongs to."""
    if not claim.is_counted:
        return None
    wanted = scope(claim)
    return next((g for g in links.figures[incident.id] if g.scope == wanted), None)


def _parts(claim: Claim) -> str | None:
    if not claim.parts:
        return None
    return json.dumps([{"governorate": p.governorate, "place": p.place, "who": p.who, "figure": p.figure,
                        "min": p.min, "max": p.max, "in_addition": p.in_addition} for p in claim.parts],
                      ensure_ascii=False)


def row(ds: Dataset, links: Links, incident: Incident, claim: Claim,
        known: Parties | None = None) -> dict[str, str | int | bool | None]:
    """One claim as a flat row."""
    known = known or parties(ds)
    source = ds.sources.get(claim.cite.source)
    group = _group(links, incident, claim)
    found = links.origins.get((incident.id, claim.id))
    period = claim.period
    return {
        "incident_id": incident.id, "incident_title": plain(incident.title), "date": incident.date,
        "place": place_text(incident.place), "claim_id": claim.id,
        "kind": claim.kind, "counts": claim.counts,
        "who": claim.who, "figure": claim.figure, "min": claim.min, "max": claim.max,
        "period_from": period.start if period else None,
        "period_to": (claim.as_of if period.running else period.end) if period else None,
        "running_total": claim.running, "as_of": claim.as_of, "as_of_basis": claim.as_of_basis,
        "claimant": link_name(ds, claim.chain[0]),
        "origin": f"{found.kind}:{found.id}" if found else None,
        "chain": chain_text(ds, claim.chain),
        "parties": "; ".join(link_name(ds, item) for item in known.chain(claim.chain)) or None,
        "accused": "; ".join(link_name(ds, a) for a in claim.accused) or None,
        "group_min": group.low if group else None, "group_max": group.high if group else None,
        "group_range": (group.range_text or None) if group else None,
        "grade": group.grade if group else None, "parts": _parts(claim),
        "source_key": claim.cite.source,
        "source_title": plain_field(source, "title") if source else None,
        "source_publisher": (plain_field(source, "organization") or plain_field(source, "publisher"))
        if source else None,
        "source_kind": plain_field(source, "kind") if source else None,
        "source_stake": plain_field(source, "stake") if source else None,
        "source_party": known.source(source),
        "source_url": source.get("url") if source else None, "locator": claim.cite.locator,
        "alleges": plain(claim.alleges), "denies": plain(claim.denies), "note": plain(claim.note),
    }


def rows(ds: Dataset, links: Links | None = None) -> list[dict[str, str | int | bool | None]]:
    """Every claim of every incident, in incident then claim order."""
    links = links or link(ds)
    known = parties(ds)
    return [row(ds, links, ds.incidents[i], claim, known) for i in sorted(ds.incidents)
            for claim in ds.incidents[i].claims]


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str | int | bool | None) -> str | int | None:
    """A cell as CSV writes it: true/false as the downloads page documents them, and text that a
    spreadsheet would run as a formula with an apostrophe before it (the usual rule; numbers stay
    numbers, and a figure is never negative, so a number never starts with '-')."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(ds: Dataset, links: Links | None = None) -> str:
    """All claims as CSV text, with no cell a spreadsheet would run as a formula."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: spreadsheet_safe(value) for name, value in row.items()}
                     for row in rows(ds, links))
    return out.getvalue()


def to_json(ds: Dataset, links: Links | None = None) -> str:
    """All claims as a JSON array (text exactly as in the records: JSON has no formulas)."""
    return json.dumps(rows(ds, links), ensure_ascii=False, indent=1) + "\n"
