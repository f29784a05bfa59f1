"""Timeline data: incidents with death figures placed on day bars, month bars, or boxes over a period."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Dataset
from . import dates
from .ranges import Range, Total, ranges, total

PEAK_SHARE = 1 / 3  # a month is drawn by day when its highest total reaches this share of the largest
MAX_PEAKS = 3
GAP_MONTHS = 3  # this many empty months in a row or more are drawn as one break in the axis
SHORT_DAYS = 4  # an incident of up to this many days counts on the day (or month) it began
MAX_MARKED = 8
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Column:
    """One slot of the axis: a day (YYYY-MM-DD), a month (YYYY-MM) or a break (gap:YYYY-MM:YYYY-MM)."""

    key: str
    total: Total | None

    @property
    def by_day(self) -> bool:
        """True for a day's slot."""
        return len(self.key) == 10 and not self.is_gap

    @property
    def is_gap(self) -> bool:
        """True for empty months left out of the axis."""
        return self.key.startswith("gap:")


@dataclass(frozen=True)
class Span:
    """Incidents over one long period covering several slots, drawn as one box behind their bars."""

    incidents: tuple[str, ...]  # the incidents dated to this period, the one with the highest figure first
    first: str  # first day of the period
    last: str  # last day
    columns: tuple[str, str]  # keys of the first and last slot it covers
    total: Total
    extended: bool  # a date gives only a start; the end is where the latest part begins

    @property
    def incident(self) -> str:
        """The incident the box is named after."""
        return self.incidents[0]


@dataclass(frozen=True)
class Marker:
    """A named incident marked with a letter over the slots it covers."""

    letter: str
    incident: str
    columns: tuple[str, str]


@dataclass(frozen=True)
class Timeline:
    """Everything the timeline draws, and what it leaves out and why."""

    columns: tuple[Column, ...]
    spans: tuple[Span, ...]
    peaks: tuple[str, ...]
    markers: tuple[Marker, ...]
    not_drawn: tuple[tuple[str, str], ...]
    ranges: dict[str, Range]


def bounds(value: str | None) -> tuple[str, str] | None:
    """First and last day a date may mean: 2019-11 -> (2019-11-01, 2019-11-30); unknown -> None."""
    if not value or value == "unknown":
        return None
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        days = dates.month_days(value)
        return days[0], days[-1]
    return value, value


def periods(ds: Dataset) -> dict[str, tuple[str, str, bool]]:
    """Every dated incident's (first day, last day, end taken from its parts)."""
    children: dict[str, list[str]] = {}
    for incident_id in sorted(ds.incidents):
        parent = ds.incidents[incident_id].part_of
        if parent:
            children.setdefault(parent, []).append(incident_id)
    own = {}
    for incident_id, incident in ds.incidents.items():
        start = bounds(incident.date)
        if start:
            end = bounds(incident.end_date) if incident.end_date else None
            own[incident_id] = (start[0], max(start[1], end[1]) if end else start[1])

    def latest_start(incident_id: str, seen: frozenset[str]) -> str:
        # An incident with no end date lasted at least until its latest part began.
        found = own[incident_id][0] if incident_id in own else ""
        for child in children.get(incident_id, ()):
            if child not in seen:
                found = max(found, latest_start(child, seen | {child}))
        return found

    out = {}
    for incident_id, (first, last) in own.items():
        reach = latest_start(incident_id, frozenset({incident_id}))
        out[incident_id] = (first, max(last, reach), reach > last)
    return out


def _peaks(ds: Dataset, placed: dict[str, tuple[str, str, bool]], found: dict[str, Range]) -> tuple[str, ...]:
    """Months with the largest totals whose deaths fall on more than one day, drawn day by day."""
    months: dict[str, list[str]] = {}
    days: dict[str, set[str]] = {}
    for incident_id, (first, last, _) in placed.items():
        if first[:7] == last[:7]:
            months.setdefault(first[:7], []).append(incident_id)
            if first == last and len(ds.incidents[incident_id].date) == 10:
                days.setdefault(first[:7], set()).add(first)
    highs = {m: total(ds, ids, found).high for m, ids in months.items()}
    largest = max(highs.values(), default=0)
    ranked = sorted((m for m, h in highs.items() if h > 0 and h >= largest * PEAK_SHARE
                     and len(days.get(m, ())) > 1), key=lambda m: (-highs[m], m))
    return tuple(sorted(ranked[:MAX_PEAKS]))


def build(ds: Dataset) -> Timeline:
    """Place every incident with a death figure on the axis, or say why it is left out."""
    found = ranges(ds)
    every = periods(ds)
    placed = {i: every[i] for i in found if i in every}
    not_drawn = tuple((i, "no date") for i in found if i not in every)
    peaks = _peaks(ds, placed, found)

    def slot(day: str) -> str:
        return day if day[:7] in peaks else day[:7]

    members: dict[str, list[str]] = {}
    spanning: dict[tuple[str, str], list[str]] = {}
    for incident_id, (first, last, _) in placed.items():
        short = (dates.full(last) - dates.full(first)).days < SHORT_DAYS
        if short or slot(first) == slot(last):
            members.setdefault(slot(first), []).append(incident_id)
        else:
            spanning.setdefault((first, last), []).append(incident_id)
    keys: list[str] = []
    if placed:
        months = dates.month_range(min(p[0] for p in placed.values())[:7],
                                   max(p[1] for p in placed.values())[:7])
        keys = [k for m in months for k in (dates.month_days(m) if m in peaks else [m])]
    children: dict[str, list[str]] = {}
    for incident_id in sorted(ds.incidents):
        if ds.incidents[incident_id].part_of:
            children.setdefault(ds.incidents[incident_id].part_of, []).append(incident_id)
    spans = tuple(_span(ds, spanning[period], placed, slot, found, children) for period in sorted(spanning))
    columns = _with_gaps([Column(k, total(ds, members[k], found) if k in members else None) for k in keys],
                         spans)
    return Timeline(columns, spans, peaks, _markers(ds, columns, spans, found), not_drawn, found)


def _span(ds: Dataset, ids: list[str], placed, slot, found: dict[str, Range],
          children: dict[str, list[str]]) -> Span:
    """One box for the incidents of one period; its sum takes in their parts within it, as for a bar."""
    first, last, _ = placed[ids[0]]
    extended = any(placed[i][2] for i in ids)
    ids = sorted(ids, key=lambda i: (-found[i].high, i))
    inside, todo, seen = [], list(ids), set(ids)
    while todo:
        current = todo.pop()
        if current in placed and first <= placed[current][0] and placed[current][1] <= last:
            inside.append(current)
        fresh = [c for c in children.get(current, ()) if c not in seen]
        seen.update(fresh)
        todo += fresh
    return Span(tuple(ids), first, last, (slot(first), slot(last)), total(ds, inside, found), extended)


def _ancestors(ds: Dataset, incident_id: str) -> list[str]:
    """The incidents this one is part of, nearest first."""
    out, current = [], ds.incidents[incident_id].part_of
    while current and current in ds.incidents and current not in out and current != incident_id:
        out.append(current)
        current = ds.incidents[current].part_of
    return out


def _with_gaps(columns: list[Column], spans: tuple[Span, ...]) -> tuple[Column, ...]:
    """Runs of empty months under no box become one break in the axis."""
    position = {c.key: n for n, c in enumerate(columns)}
    covered = {n for s in spans for n in range(position[s.columns[0]], position[s.columns[1]] + 1)}
    out: list[Column] = []
    run: list[Column] = []
    for n, column in enumerate([*columns, None]):
        if column and not column.by_day and column.total is None and n not in covered:
            run.append(column)
            continue
        if len(run) >= GAP_MONTHS:
            out.append(Column(f"gap:{run[0].key}:{run[-1].key}", None))
        else:
            out += run
        run = []
        if column:
            out.append(column)
    return tuple(out)


def _markers(ds: Dataset, columns: tuple[Column, ...], spans: tuple[Span, ...],
             found: dict[str, Range]) -> tuple[Marker, ...]:
    """Letters for the incidents with the highest figures that are not part of a marked bar's sum."""
    where: dict[str, tuple[str, str]] = {s.incident: s.columns for s in spans}  # one letter per box
    for column in columns:
        if column.total:
            for incident_id in _roots(ds, column.total.incidents):
                where[incident_id] = (column.key, column.key)
    ranked = sorted(where, key=lambda i: (-found[i].high, ds.incidents[i].date, i))[:MAX_MARKED]
    ranked.sort(key=lambda i: (ds.incidents[i].date, i))
    return tuple(Marker(LETTERS[n], i, where[i]) for n, i in enumerate(ranked))


def _roots(ds: Dataset, ids: tuple[str, ...]) -> list[str]:
    """The incidents not part of another one in the same group."""
    group = set(ids)
    return [i for i in ids if not group.intersection(_ancestors(ds, i))]


def period_text(span: Span) -> str:
    """'1 October 2019 to 7 June 2020': each date whole, so that no day is read as a figure."""
    return f"{dates.spoken(span.first)} to {dates.spoken(span.last)}"


def peak_text(peaks: tuple[str, ...]) -> str:
    """'October and November 2019' style list of the months drawn by day."""
    names = [dates.spoken(m) for m in peaks]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
