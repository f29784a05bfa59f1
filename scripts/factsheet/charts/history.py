"""Toll history: how each claimant's figure for one incident moved over time (22 -> 24 -> 29)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..export import chain_text, link_name
from ..figures import KILLED, IncidentFigures, for_incident, origin
from ..i18n import language, t, vt
from ..markup import human_date
from ..model import Claim, Dataset, Incident
from . import dates

MIN_DATED = 3  # fewer dated claims than this make no history worth drawing for one incident's toll
MIN_RUNNING = 2  # a running total is a series by nature: two dated snapshots already show its growth


@dataclass(frozen=True)
class Point:
    """One dated claim: the day it is drawn at, and the claim; a month-precision date sits mid-month."""

    day: date
    claim: Claim
    by_month: bool = False

    @property
    def first(self) -> date:
        """The first day the date may mean: the 1st of its month for a month-precision date."""
        return self.day.replace(day=1) if self.by_month else self.day

    @property
    def last(self) -> date:
        """The last day the date may mean."""
        if not self.by_month:
            return self.day
        return date.fromisoformat(dates.month_days(self.day.isoformat()[:7])[-1])


@dataclass(frozen=True)
class Series:
    """The dated figures of one claimant (for one group of people counted), oldest first."""

    label: str
    points: tuple[Point, ...]
    key: str = ""  # the claimant and group counted: the same key keeps its style across a page's charts


@dataclass(frozen=True)
class History:
    """Every claimant's series for one count (killed, injured, ...) of one incident."""

    incident: str
    counts: str
    series: tuple[Series, ...]
    undated: tuple[Claim, ...]
    since: str | None = None  # the start of a running total; None for the incident's own toll
    who: str | None = None  # the group of people counted, where the sources say

    @property
    def key(self) -> str:
        """A stable name for the drawing, unique within its page (one per count, group and start)."""
        return (self.counts + (f"-{self.who}" if self.who else "")
                + (f"-since-{self.since}" if self.since else ""))

    @property
    def counted(self) -> str:
        """What is counted, in words: 'killed' or 'killed (protesters)'."""
        words = vt(self.counts.replace("-", " "))
        return f"{words} ({vt(self.who.replace('-', ' '))})" if self.who else words

    @property
    def subject(self) -> str:
        """What is drawn, in words: 'Killed' or 'Killed, running total since 1 October 2019'."""
        counted = self.counted
        counted = counted[:1].upper() + counted[1:] if language() == "en" else counted
        return t("{counted}, running total since {date}", counted=counted, date=human_date(self.since)) \
            if self.since else counted


def claim_date(ds: Dataset, claim: Claim) -> str | None:
    """When the figure was given: its 'as of' date, else its source's date."""
    if claim.as_of:
        return claim.as_of
    source = ds.sources.get(claim.cite.source)
    return source.get("date") if source else None


def claim_point(ds: Dataset, claim: Claim) -> Point | None:
    """Where a claim is drawn in time: its day, or the middle of its month; None when undated."""
    value = claim_date(ds, claim)
    day = dates.full(value)
    if day is not None:
        return Point(day, claim)
    if value and len(value) == 7:
        return Point(date(int(value[:4]), int(value[5:7]), 15), claim, by_month=True)
    return None


def claim_day(ds: Dataset, claim: Claim) -> date | None:
    """The day a claim is drawn at, or None when it has no day or month."""
    found = claim_point(ds, claim)
    return found.day if found else None


def claimant(ds: Dataset, claim: Claim, name: Callable[[str], str] = str,
             words: Callable[[str], str] = str) -> tuple[str, str]:
    """A key and a label for who made the claim: its origin (figures.origin), named as the chain names it.

    A spokesman's figures are his organisation's, bodies speaking jointly are one claimant, and an
    unnamed first link is named after the body that relayed it ('Reuters, citing medical sources').
    The label is plain text unless name and words format record names and other words (as Markdown).
    """
    found = origin(ds, claim)
    key = f"{found.kind}:{found.id}"
    first = claim.chain[0] if claim.chain else None
    named = next((link for link in claim.chain if link.ref or link.joint), None)
    if named is None:
        label = words((first.unnamed if first else None) or found.id)
    else:
        label = link_name(ds, named, name, words)
        if first is not None and first is not named:
            label = t("{claimant}, citing {source}", claimant=label, source=link_name(ds, first, name, words))
    if claim.who:
        key, label = f"{key}/{claim.who}", f"{label} ({words(vt(claim.who.replace('-', ' ')))})"
    return key, label


def base_key(key: str) -> str:
    """The claimant of a series key, without the group counted."""
    return key.split("/", 1)[0]


def _history(ds: Dataset, incident_id: str, counts: str, who: str | None, claims: list[Claim], least: int,
             since: str | None = None) -> History | None:
    """The history of some claims of one count, if enough of them are dated."""
    points = [(p, c) for c in claims if (p := claim_point(ds, c))]
    if len(points) < least:
        return None
    groups: dict[str, tuple[str, list[Point]]] = {}
    for point, claim in sorted(points, key=lambda p: (p[0].day, p[1].id)):
        key, label = claimant(ds, claim)
        groups.setdefault(key, (label, []))[1].append(point)
    series = tuple(Series(label, tuple(found), key) for key, (label, found) in sorted(groups.items()))
    undated = tuple(c for c in claims if claim_point(ds, c) is None)
    return History(incident_id, counts, series, undated, since, who)


def histories(ds: Dataset, incident: Incident) -> tuple[History, ...]:
    """A history of the incident's own toll per count, and one per running-total series; killed first."""
    return histories_of(ds, incident.id, for_incident(ds, incident))


def histories_of(ds: Dataset, incident_id: str, found: IncidentFigures) -> tuple[History, ...]:
    """The histories of an incident whose figures are already worked out."""
    out = []
    for group in found.groups:
        if not group.scope.period:
            out.append(_history(ds, incident_id, group.counts, group.who, list(group.claims), MIN_DATED))
    for run in found.series:
        claims = [c for g in run.groups for c in g.claims]
        out.append(_history(ds, incident_id, run.counts, run.who, claims, MIN_RUNNING, run.since))
    drawn = [h for h in out if h is not None]
    return tuple(sorted(drawn, key=lambda h: (h.counts != KILLED, h.counts, h.since or "", h.who or "")))


def grades_of(found: IncidentFigures) -> dict[str, str]:
    """Each counted claim's grade (its comparison group's, as the incident's tables show it), by claim id."""
    return {claim.id: group.grade for group in found for claim in group.claims if group.grade}


def value_text(claim: Claim) -> str:
    """The number drawn for a claim: '22', '20–25', '46+' when open above, '≤35' when open below."""
    if claim.low is None:
        return f"≤{claim.high:,}"
    if claim.high is None:
        return f"{claim.low:,}+"
    return f"{claim.low:,}" if claim.high == claim.low else f"{claim.low:,}–{claim.high:,}"


def describe(history: History) -> str:
    """Every series in words, for screen readers."""
    parts = []
    for series in history.series:
        steps = t(", then ").join(t("{value} on {date}", value=value_text(p.claim), date=spoken(p))
                                  for p in series.points)
        parts.append(f"{series.label}: {steps}")
    return t("{subject}, as each claimant gave it over time.", subject=history.subject) + " " + \
        t(". ").join(parts) + "."


def spoken(point: Point) -> str:
    """The date of a point in words, at the precision the data gives."""
    day = point.day.isoformat()
    return dates.spoken(day[:7] if point.by_month else day)


def chain_of(ds: Dataset, claim: Claim, name: Callable[[str], str] = str,
             words: Callable[[str], str] = str) -> str:
    """The claim's attribution chain in words (formatted as claimant() formats its label)."""
    return chain_text(ds, claim.chain, name, words)
