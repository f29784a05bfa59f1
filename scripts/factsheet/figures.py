"""Stage 3, derived figures: which claims are compared, their range, and their grade.

This is the one rule for every derived figure: incident pages, indexes, charts and exports all take
ranges and grades from here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .i18n import t
from .markup import number, sort_date
from .model import Claim, Dataset, Incident
from .vocab import is_casualty
from .wording import interval

SINGLE = "single source"
CORROBORATED = "corroborated"
CONTESTED = "contested"
GRADES = (SINGLE, CORROBORATED, CONTESTED)
KILLED = "killed"
# Which group of a count stands for an incident's toll on the timeline, the map and the indexes:
# figures that do not say who was counted, then everyone, then protesters.
TOLL_WHO = (None, "people", "protesters", "civilians")


@dataclass(frozen=True, order=True)
class Origin:
    """Where a claim independently comes from: a person, an organisation, bodies jointly, or a source."""

    kind: str  # person | organisation | joint | source
    id: str  # for joint: the members' "kind:id", joined by "+"

    @property
    def members(self) -> tuple[tuple[str, str], ...]:
        """The (kind, id) of each body of a joint origin; the origin itself otherwise."""
        if self.kind != "joint":
            return ((self.kind, self.id),)
        return tuple(tuple(m.split(":", 1)) for m in self.id.split("+"))  # type: ignore[misc]


@dataclass(frozen=True, order=True)
class Scope:
    """What a figure is compared with: the same count, group of people and period."""

    counts: str
    who: str | None
    period: tuple[str, ...]  # () the incident; ("period", from, to); ("running", since, as_of)

    @property
    def running(self) -> bool:
        """True for running totals."""
        return bool(self.period) and self.period[0] == "running"


def scope(claim: Claim) -> Scope:
    """The comparison scope of a counted claim."""
    found: tuple[str, ...] = ()
    if claim.period is not None and claim.period.running:
        found = ("running", claim.period.start or "", claim.as_of or "")
    elif claim.period is not None:
        found = ("period", claim.period.start or "", claim.period.end or "")
    return Scope(claim.counts or "", claim.who, found)


@dataclass(frozen=True)
class Group:
    """The claims of one scope in one incident, and what they add up to."""

    scope: Scope
    claims: tuple[Claim, ...]  # the claims with a number, in data order
    wordless: tuple[Claim, ...]  # figures in words only ("a large number")
    low: int | None
    high: int | None
    open_above: bool  # the highest stated number is itself a floor
    open_below: bool  # no claim gives a lower limit ("up to 35")
    origins: tuple[tuple[Origin, tuple[Claim, ...]], ...]
    grade: str | None

    @property
    def counts(self) -> str:
        """What the group counts."""
        return self.scope.counts

    @property
    def who(self) -> str | None:
        """Who the group counts, where the sources say."""
        return self.scope.who

    @property
    def range_text(self) -> str:
        """29–46+, 29+, up to 35 or 29; empty when no claim has a number."""
        if self.low is None or self.high is None:
            return ""
        plus = "+" if self.open_above else ""
        if self.open_below:
            return t("up to {n}", n=number(self.high))
        if self.low == self.high:
            return f"{number(self.low)}{plus}"
        return f"{number(self.low)}–{number(self.high)}{plus}"


@dataclass(frozen=True)
class Series:
    """Running totals of one count since one date: snapshots of a growing count, oldest first."""

    counts: str
    who: str | None
    since: str
    groups: tuple[Group, ...]  # one per as_of date
    latest: tuple[tuple[Origin, Claim], ...]  # each origin's latest figure, the newest first


@dataclass(frozen=True)
class IncidentFigures:
    """Every derived figure of one incident."""

    groups: tuple[Group, ...]  # casualty counts for the incident or a period
    series: tuple[Series, ...]  # casualty running totals
    other: tuple[Group, ...]  # counts that are not casualties (troops, years, kilometres)

    def __iter__(self):
        """Every group, running totals included (for callers that look at all of them)."""
        yield from self.groups
        for found in self.series:
            yield from found.groups
        yield from self.other

    def toll(self, counts: str = KILLED) -> Group | None:
        """The group that stands for the incident's own toll of one count, if any claim gives one."""
        own = [g for g in self.groups if g.counts == counts and not g.scope.period and g.claims]
        for who in TOLL_WHO:
            for group in own:
                if group.who == who:
                    return group
        return own[0] if own else None


def origin(ds: Dataset, claim: Claim) -> Origin:
    """The first named link of the chain (a spokesman counts as the body he speaks for, a joint
    statement as its bodies together); else the source's publisher, else the source itself."""
    for item in claim.chain:
        if item.joint:
            members = sorted(f"{kind}:{ref}" for kind, ref in (m.ref for m in item.joint if m.ref))
            return Origin("joint", "+".join(members))
        if item.speaks_for:
            return Origin("organisation", item.speaks_for)
        if item.ref:
            return Origin(*item.ref)
    source = ds.sources.get(claim.cite.source)
    publisher = source.get("publisherid") if source else None
    return Origin("organisation", publisher) if publisher else Origin("source", claim.cite.source)


def hull(claims: Iterable[Claim]) -> tuple[float, float]:
    """The interval of one origin's figures: lowest low to highest high, open ends left open."""
    found = [interval(c.low, c.high) for c in claims]
    return min(lo for lo, _ in found), max(hi for _, hi in found)


def grade(hulls: Iterable[tuple[float, float]]) -> str | None:
    """Single source; corroborated when every origin's interval shares a value; else contested."""
    hulls = list(hulls)
    if not hulls:
        return None
    if len(hulls) == 1:
        return SINGLE
    return CORROBORATED if max(lo for lo, _ in hulls) <= min(hi for _, hi in hulls) else CONTESTED


def group(found: Scope, claims: Iterable[Claim], origins: Mapping[str, Origin]) -> Group:
    """Range, independent origins and grade of the claims of one scope."""
    claims = tuple(claims)
    counted = tuple(c for c in claims if c.numbered)
    wordless = tuple(c for c in claims if not c.numbered)
    by_origin: dict[Origin, list[Claim]] = defaultdict(list)
    for claim in counted:
        by_origin[origins[claim.id]].append(claim)
    stated = [n for c in counted for n in (c.low, c.high) if n is not None]
    if not stated:
        return Group(found, (), wordless, None, None, False, False, (), None)
    high = max(stated)
    return Group(
        found, counted, wordless, min(stated), high,
        open_above=any(c.high is None and c.low == high for c in counted),
        open_below=all(c.low is None for c in counted),
        origins=tuple((o, tuple(g)) for o, g in sorted(by_origin.items())),
        grade=grade(hull(g) for g in by_origin.values()),
    )


def series(groups: list[Group], origins: Mapping[str, Origin]) -> Series:
    """One series from the running-total groups of one count and start, any order."""
    ordered = tuple(sorted(groups, key=lambda g: sort_date(g.scope.period[2])))
    latest: dict[Origin, Claim] = {}
    for found in ordered:
        for claim in found.claims:
            latest[origins[claim.id]] = claim  # later as_of dates overwrite earlier ones
    newest = sorted(latest.items(), key=lambda p: (sort_date(p[1].as_of), p[0]), reverse=True)
    first = ordered[0].scope
    return Series(first.counts, first.who, first.period[1], ordered, tuple(newest))


def incident_figures(incident: Incident, origins: Mapping[str, Origin]) -> IncidentFigures:
    """The groups, series and other figures of an incident, in order of their first claim."""
    scopes: dict[Scope, list[Claim]] = {}
    for claim in incident.claims:
        if claim.is_counted:
            scopes.setdefault(scope(claim), []).append(claim)
    groups = [group(s, claims, origins) for s, claims in scopes.items()]
    runs: dict[tuple[str, str | None, str], list[Group]] = {}
    for found in groups:
        if found.scope.running and is_casualty(found.counts):
            runs.setdefault((found.counts, found.who, found.scope.period[1]), []).append(found)
    return IncidentFigures(
        groups=tuple(g for g in groups if is_casualty(g.counts) and not g.scope.running),
        series=tuple(series(found, origins) for found in runs.values()),
        other=tuple(g for g in groups if not is_casualty(g.counts)),
    )


def for_incident(ds: Dataset, incident: Incident) -> IncidentFigures:
    """Every derived figure of one incident, its origins worked out from the dataset."""
    return incident_figures(incident, {claim.id: origin(ds, claim) for claim in incident.claims})
