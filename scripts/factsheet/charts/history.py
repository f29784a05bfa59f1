"""Toll history: how each claimant's figure for one incident moved over time (22 -> 24 -> 29)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..export import chain_text, link_name
from ..model import Claim, Dataset, Incident
from . import dates
from .ranges import KILLED

MIN_DATED = 3  # fewer dated claims than this make no history worth drawing


@dataclass(frozen=True)
class Point:
    """One dated claim: its day and the claim."""

    day: date
    claim: Claim


@dataclass(frozen=True)
class Series:
    """The dated figures of one claimant (for one group of people counted), oldest first."""

    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class History:
    """Every claimant's series for one count (killed, injured, ...) of one incident."""

    incident: str
    counts: str
    series: tuple[Series, ...]
    undated: tuple[Claim, ...]


def claim_day(ds: Dataset, claim: Claim) -> date | None:
    """When the figure was given: its 'as of' date, else its source's date, when either is a full date."""
    if claim.as_of:
        return dates.full(claim.as_of)
    source = ds.sources.get(claim.cite.source)
    return dates.full(source.get("date")) if source else None


def claimant(ds: Dataset, claim: Claim) -> tuple[str, str]:
    """A key and a label for who made the claim: its first named link, naming an unnamed origin too."""
    named = next((link for link in claim.chain if link.ref), None)
    if named is None:
        key = label = claim.chain[0].unnamed or "unnamed"
    else:
        key, label = f"{named.ref[0]}:{named.ref[1]}", link_name(ds, named)
        if claim.chain[0] is not named:
            label += f", citing {link_name(ds, claim.chain[0])}"
    if claim.who:
        key, label = f"{key}/{claim.who}", f"{label} ({claim.who.replace('-', ' ')})"
    return key, label


def histories(ds: Dataset, incident: Incident) -> tuple[History, ...]:
    """A history for each count with enough dated figures; killed first, then by name."""
    counts = sorted({c.counts for c in incident.claims if c.is_figure and c.counts},
                    key=lambda c: (c != KILLED, c))
    out = []
    for count in counts:
        figures = [c for c in incident.claims if c.is_figure and c.counts == count and c.min is not None]
        dated = [(d, c) for c in figures if (d := claim_day(ds, c))]
        if len(dated) < MIN_DATED:
            continue
        groups: dict[str, tuple[str, list[Point]]] = {}
        for day, claim in sorted(dated, key=lambda p: (p[0], p[1].id)):
            key, label = claimant(ds, claim)
            groups.setdefault(key, (label, []))[1].append(Point(day, claim))
        series = tuple(Series(label, tuple(points)) for _, (label, points) in sorted(groups.items()))
        undated = tuple(c for c in figures if not claim_day(ds, c))
        out.append(History(incident.id, count, series, undated))
    return tuple(out)


def value_text(claim: Claim) -> str:
    """The number drawn for a claim: '22', '20–25', or '46+' when open-ended."""
    if claim.max is None:
        return f"{claim.min:,}+"
    return f"{claim.min:,}" if claim.max == claim.min else f"{claim.min:,}–{claim.max:,}"


def describe(history: History) -> str:
    """Every series in words, for screen readers."""
    parts = []
    for series in history.series:
        steps = ", then ".join(f"{value_text(p.claim)} on {dates.spoken(p.day.isoformat())}"
                               for p in series.points)
        parts.append(f"{series.label}: {steps}")
    return f"{history.counts.replace('-', ' ').capitalize()}, as each claimant gave it over time. " + (
        ". ".join(parts) + ".")


def chain_of(ds: Dataset, claim: Claim) -> str:
    """The claim's attribution chain in words."""
    return chain_text(ds, claim.chain)
