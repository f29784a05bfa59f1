"""Ranges of claimed figures per incident, and totals over incidents that never count a death twice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..figures import KILLED, Group, IncidentFigures, for_incident
from ..model import Cite, Claim, Dataset, Incident


@dataclass(frozen=True)
class Range:
    """The lowest and highest figure the claims about one incident give, with the claims behind each."""

    low: int
    high: int
    low_claims: tuple[Claim, ...]
    high_claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Total:
    """A low and high summed over incidents, with every citation behind each end."""

    low: int
    high: int
    low_cites: tuple[Cite, ...]
    high_cites: tuple[Cite, ...]
    incidents: tuple[str, ...]


def top(claim: Claim) -> int | None:
    """The highest number a figure names: its max, or its min when open-ended ('at least 46' -> 46)."""
    return claim.high if claim.high is not None else claim.low


def bottom(claim: Claim) -> int | None:
    """The lowest number a figure names: its min, or its max when it gives no floor ('up to 35')."""
    return claim.low if claim.low is not None else claim.high


def figure_range(ds: Dataset, incident: Incident, counts: str = KILLED) -> Range | None:
    """The range of the incident's own toll for one count (the group the pages show); None without one.

    Running totals and figures for a period within the incident are not its toll; the toll history
    draws them instead.
    """
    group = for_incident(ds, incident).toll(counts)
    return group_range(group) if group is not None else None


def group_range(group: Group) -> Range | None:
    """A comparison group's range (figures.Group, the one rule), with the claims behind each end."""
    if group.low is None or group.high is None:
        return None
    return Range(group.low, group.high, tuple(c for c in group.claims if bottom(c) == group.low),
                 tuple(c for c in group.claims if top(c) == group.high))


def ranges(ds: Dataset, counts: str = KILLED,
           figures: Mapping[str, IncidentFigures] | None = None) -> dict[str, Range]:
    """The range of every incident that has one, by incident id (from its figures, when worked out)."""
    out = {}
    for i in sorted(ds.incidents):
        group = (figures[i] if figures else for_incident(ds, ds.incidents[i])).toll(counts)
        if group is not None and (found := group_range(group)):
            out[i] = found
    return out


def unique_cites(cites: Iterable[Cite]) -> tuple[Cite, ...]:
    """Citations without repeats, sorted by source and locator so output does not depend on order."""
    seen = {(c.source, c.locator): c for c in cites}
    return tuple(seen[k] for k in sorted(seen))


def _parent_in(ds: Dataset, incident_id: str, members: set[str]) -> str | None:
    """The nearest wider incident (through part_of) that is also among members."""
    seen = {incident_id}
    current = ds.incidents[incident_id].part_of
    while current and current in ds.incidents and current not in seen:
        if current in members:
            return current
        seen.add(current)
        current = ds.incidents[current].part_of
    return None


def total(ds: Dataset, members: Iterable[str], found: dict[str, Range]) -> Total:
    """Sum the ranges of members; an incident inside a wider member is not added again.

    A wider incident counts the larger of its own figure and the sum of the incidents within it, for
    each end: a figure for a part is also a lower bound for the whole.
    """
    ids = sorted(set(members))
    member_set = set(ids)
    children: dict[str | None, list[str]] = {}
    for i in ids:
        children.setdefault(_parent_in(ds, i, member_set), []).append(i)

    def combine(i: str) -> tuple[int, int, list[Cite], list[Cite]]:
        own = found[i]
        parts = [combine(c) for c in children.get(i, [])]
        part_low, part_high = sum(p[0] for p in parts), sum(p[1] for p in parts)
        if parts and part_low > own.low:
            low, low_cites = part_low, [c for p in parts for c in p[2]]
        else:
            low, low_cites = own.low, [c.cite for c in own.low_claims]
        if parts and part_high > own.high:
            high, high_cites = part_high, [c for p in parts for c in p[3]]
        else:
            high, high_cites = own.high, [c.cite for c in own.high_claims]
        return low, high, low_cites, high_cites

    roots = [combine(i) for i in children.get(None, [])]
    return Total(sum(r[0] for r in roots), sum(r[1] for r in roots),
                 unique_cites(c for r in roots for c in r[2]), unique_cites(c for r in roots for c in r[3]),
                 tuple(ids))
