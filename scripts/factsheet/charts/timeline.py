"""Timeline data: what goes on the monthly panel, the daily panel and the running totals, and what not.

Each panel has one time scale. The monthly panel covers the protest period, a bar per month; the
daily panel repeats its busiest months day by day; running totals are lines of their own under the
monthly panel, on its scale. Earlier events, and figures that cannot be placed in time without
inventing a date, are listed beside the figure instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..figures import KILLED, TOLL_WHO, Group, IncidentFigures, for_incident
from ..i18n import N_, t
from ..model import Dataset
from . import dates
from .history import Point, claim_point, claimant, grades_of
from .ranges import Range, Total, group_range, ranges, total

PROTESTS_BEGAN = "2019-10-01"  # the site's subject starts here; earlier events are listed, not drawn
PEAK_SHARE = 1 / 3  # a month is repeated day by day when its highest total reaches this share of the largest
MAX_DAILY_MONTHS = 3  # the daily panel covers at most this many months in a row
SHORT_DAYS = 4  # an incident of up to this many days counts in the month it began
MAX_MARKED = 8
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Bar:
    """A day's or a month's slot: the sum of the tolls of the incidents counted in it."""

    key: str  # YYYY-MM-DD or YYYY-MM
    total: Total


@dataclass(frozen=True)
class Span:
    """A box over the stated days of an incident that lasted several, or of a figure for a period."""

    incidents: tuple[str, ...]  # the incidents dated to this period, the one with the highest figure first
    first: str  # first day
    last: str  # last day, as the data states it: never inferred
    total: Total
    claim: str | None = None  # the id of a period figure of the incident, rather than its own toll

    @property
    def incident(self) -> str:
        """The incident the box is named after."""
        return self.incidents[0]


@dataclass(frozen=True)
class Marker:
    """A named incident marked with a letter over what it is drawn as."""

    letter: str
    incident: str
    first: str  # first and last day of the bar or box marked
    last: str


@dataclass(frozen=True)
class Panel:
    """One scale: 'month' or 'day', from the first to the last day shown."""

    scale: str
    first: str
    last: str
    bars: tuple[Bar, ...]
    spans: tuple[Span, ...]
    markers: tuple[Marker, ...] = ()


@dataclass(frozen=True)
class RunLine:
    """One claimant's running total since one date: its snapshots at their as_of dates, oldest first."""

    key: str
    label: str
    since: str
    points: tuple[tuple[str, Point], ...]  # (incident id, point)


@dataclass(frozen=True)
class Timeline:
    """Everything the timeline draws, and what it lists instead and why."""

    months: Panel | None
    days: Panel | None
    runs: tuple[RunLine, ...]
    earlier: tuple[str, ...]  # incidents before the protest period
    not_drawn: tuple[tuple[str, str], ...]  # (incident id, why)
    ranges: dict[str, Range]
    grades: dict[tuple[str, str], str]  # (incident id, claim id) -> grade, for the running totals drawn


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
    """Every dated incident's (first day, last day, whether only its parts say it lasted longer)."""
    children = _children(ds)
    own = {}
    for incident_id, incident in ds.incidents.items():
        start = bounds(incident.date)
        if start:
            end = bounds(incident.end_date) if incident.end_date else None
            own[incident_id] = (start[0], max(start[1], end[1]) if end else start[1])

    def latest_start(incident_id: str, seen: frozenset[str]) -> str:
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


def _children(ds: Dataset) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for incident_id in sorted(ds.incidents):
        parent = ds.incidents[incident_id].part_of
        if parent:
            out.setdefault(parent, []).append(incident_id)
    return out


def _days(first: str, last: str) -> int:
    return (dates.full(last) - dates.full(first)).days + 1


def _why_not(ds: Dataset, incident_id: str, period: tuple[str, str, bool] | None) -> str | None:
    """Why an incident's toll cannot be drawn in time without inventing a date; None when it can."""
    if period is None:
        return N_("no date")
    if period[2]:
        return N_("no end date: its parts are drawn where they happened")
    if len(ds.incidents[incident_id].date) == 4 and not ds.incidents[incident_id].end_date:
        return N_("dated only to the year")
    return None


@dataclass(frozen=True)
class _Placed:
    """An incident's toll as the timeline places it."""

    first: str
    last: str
    day_precise: bool  # its start is a full date


def build(ds: Dataset) -> Timeline:
    """Place every incident with a death figure, every period figure and every running total."""
    figures = {i: for_incident(ds, incident) for i, incident in ds.incidents.items()}  # worked out once
    found = ranges(ds, figures=figures)
    every = periods(ds)
    children = _children(ds)
    placed: dict[str, _Placed] = {}
    earlier, not_drawn = [], []
    for incident_id in sorted(found, key=lambda i: (ds.incidents[i].date, i)):
        period = every.get(incident_id)
        why = _why_not(ds, incident_id, period)
        if why:
            not_drawn.append((incident_id, why))
        elif period[0] < PROTESTS_BEGAN:
            earlier.append(incident_id)
        else:
            placed[incident_id] = _Placed(period[0], period[1], len(ds.incidents[incident_id].date) == 10)
    period_spans = _period_spans(ds, figures, children, every, found)
    runs = _runs(ds, figures)
    months = _monthly(ds, children, placed, found, period_spans, runs)
    window = _window(ds, placed, found)
    days = _daily(ds, children, placed, found, period_spans, window) if window else None
    months, days = _with_markers(ds, months, days, found)
    grades = {(i, claim): grade for i in sorted({i for run in runs for i, _ in run.points})
              for claim, grade in grades_of(figures[i]).items()}
    return Timeline(months, days, runs, tuple(earlier), tuple(not_drawn), found, grades)


def _toll_group(groups: list[Group]) -> Group | None:
    """Among the groups of one period, the one standing for the toll (who not stated, then everyone...)."""
    for who in TOLL_WHO:
        for group in groups:
            if group.who == who:
                return group
    return groups[0] if groups else None


def _period_spans(ds: Dataset, figures: dict[str, IncidentFigures], children: dict[str, list[str]], every,
                  found: dict[str, Range]) -> list[Span]:
    """A box for each killed figure over a stated period (from and to given) of an incident."""
    out = []
    for incident_id in sorted(ds.incidents):
        by_period: dict[tuple[str, str], list[Group]] = {}
        for group in figures[incident_id].groups:
            period = group.scope.period
            if group.counts == KILLED and period and period[0] == "period" and group.claims:
                by_period.setdefault(period[1:], []).append(group)
        for (start, end), groups in sorted(by_period.items()):
            first, last = bounds(start), bounds(end)
            chosen = _toll_group(groups)
            own = group_range(chosen) if chosen is not None else None
            if not first or not last or own is None or chosen is None or first[0] < PROTESTS_BEGAN:
                continue
            inside = [incident_id] + [c for c in _descendants(children, incident_id) if c in found
                                      and c in every and first[0] <= every[c][0] and every[c][1] <= last[1]]
            out.append(Span((incident_id,), first[0], last[1], total(ds, inside, {**found, incident_id: own}),
                            chosen.claims[0].id))
    return out


def _descendants(children: dict[str, list[str]], incident_id: str) -> list[str]:
    out, todo = [], list(children.get(incident_id, ()))
    while todo:
        current = todo.pop()
        if current not in out and current != incident_id:
            out.append(current)
            todo += children.get(current, ())
    return sorted(out)


def _span(ds: Dataset, children: dict[str, list[str]], ids: list[str], placed: dict[str, _Placed],
          found: dict[str, Range]) -> Span:
    """One box for the incidents of one period; its sum takes in their parts within it, as for a bar."""
    first, last = placed[ids[0]].first, placed[ids[0]].last
    ids = sorted(ids, key=lambda i: (-found[i].high, i))
    inside = [i for i in {*ids, *(d for i in ids for d in _descendants(children, i))}
              if i in placed and first <= placed[i].first and placed[i].last <= last]
    return Span(tuple(ids), first, last, total(ds, inside, found))


def _monthly(ds: Dataset, children: dict[str, list[str]], placed: dict[str, _Placed], found: dict[str, Range],
             period_spans: list[Span], runs: tuple[RunLine, ...]) -> Panel | None:
    """A bar per month for the incidents of that month; a box for those over several months."""
    members: dict[str, list[str]] = {}
    spanning: dict[tuple[str, str], list[str]] = {}
    for incident_id, where in placed.items():
        if where.first[:7] == where.last[:7] or _days(where.first, where.last) <= SHORT_DAYS:
            members.setdefault(where.first[:7], []).append(incident_id)
        else:
            spanning.setdefault((where.first, where.last), []).append(incident_id)
    spans = [_span(ds, children, ids, placed, found) for _, ids in sorted(spanning.items())]
    spans += period_spans
    bars = tuple(Bar(m, total(ds, ids, found)) for m, ids in sorted(members.items()))
    days = [d for s in spans for d in (s.first, s.last)]
    days += [d.isoformat() for r in runs for _, p in r.points for d in (p.first, p.last)]
    days += [dates.month_days(b.key)[0] for b in bars]
    if not days:
        return None
    return Panel("month", min(days)[:7] + "-01", dates.month_days(max(days)[:7])[-1], bars,
                 tuple(sorted(spans, key=lambda s: (s.first, s.last, s.incident))))


def _window(ds: Dataset, placed: dict[str, _Placed], found: dict[str, Range]) -> tuple[str, str] | None:
    """The months the daily panel repeats: busy months whose deaths fall on several days, in a row."""
    months: dict[str, list[str]] = {}
    for incident_id, where in placed.items():
        if where.day_precise and where.first[:7] == where.last[:7]:
            months.setdefault(where.first[:7], []).append(incident_id)
    highs = {m: total(ds, ids, found).high for m, ids in months.items()}
    largest = max(highs.values(), default=0)
    busy = {m for m, ids in months.items() if highs[m] > 0 and highs[m] >= largest * PEAK_SHARE
            and len({placed[i].first for i in ids}) > 1}
    if not busy:
        return None
    best: tuple[int, int] = (0, 0)
    chosen = ("", "")
    for start in sorted(busy):  # the earliest of equally good windows wins
        inside = [m for m in dates.month_range(start, max(busy))[:MAX_DAILY_MONTHS] if m in busy]
        score = (len(inside), sum(highs[m] for m in inside))
        if score > best:
            best, chosen = score, (start, inside[-1])
    return chosen


def _daily(ds: Dataset, children: dict[str, list[str]], placed: dict[str, _Placed], found: dict[str, Range],
           period_spans: list[Span], window: tuple[str, str]) -> Panel:
    """A bar per day for the incidents of that day within the window; a box for those over several."""
    first, last = window[0] + "-01", dates.month_days(window[1])[-1]
    members: dict[str, list[str]] = {}
    spanning: dict[tuple[str, str], list[str]] = {}
    for incident_id, where in placed.items():
        if not where.day_precise or where.first < first or where.last > last:
            continue  # dated only to the month, or partly outside: the monthly panel has it
        if where.first == where.last:
            members.setdefault(where.first, []).append(incident_id)
        else:
            spanning.setdefault((where.first, where.last), []).append(incident_id)
    spans = [_span(ds, children, ids, placed, found) for _, ids in sorted(spanning.items())]
    spans += [s for s in period_spans if first <= s.first and s.last <= last]
    bars = tuple(Bar(d, total(ds, ids, found)) for d, ids in sorted(members.items()))
    return Panel("day", first, last, bars, tuple(sorted(spans, key=lambda s: (s.first, s.last, s.incident))))


def _runs(ds: Dataset, figures: dict[str, IncidentFigures]) -> tuple[RunLine, ...]:
    """Every running total of deaths as of a date in the protest period, one line per claimant and start."""
    lines: dict[tuple[str, str], tuple[str, list[tuple[str, Point]]]] = {}
    for incident_id in sorted(ds.incidents):
        for series in figures[incident_id].series:
            if series.counts != KILLED:
                continue
            for group in series.groups:
                for claim in group.claims:
                    point = claim_point(ds, claim)
                    if point is None or point.last.isoformat() < PROTESTS_BEGAN:
                        continue
                    key, label = claimant(ds, claim)
                    lines.setdefault((key, series.since), (label, []))[1].append((incident_id, point))
    several = len({since for _, since in lines}) > 1
    out = []
    for (key, since), (label, points) in sorted(lines.items()):
        shown = t("{label}, since {date}", label=label, date=dates.spoken(since)) if several else label
        points.sort(key=lambda p: (p[1].day, p[1].claim.id))
        out.append(RunLine(f"{key}@{since}", shown, since, tuple(points)))
    return tuple(out)


def _with_markers(ds: Dataset, months: Panel | None, days: Panel | None,
                  found: dict[str, Range]) -> tuple[Panel | None, Panel | None]:
    """Letters for the incidents with the highest figures, on the daily panel where they are drawn there."""
    where: dict[str, tuple[str, str, str]] = {}  # incident -> (panel, first, last)
    for scale, panel in (("month", months), ("day", days)):  # the daily panel wins: it is the closer look
        if panel is None:
            continue
        for span in panel.spans:
            if span.claim is None:
                where[span.incident] = (scale, span.first, span.last)
        for bar in panel.bars:
            extent = (bar.key, bar.key) if len(bar.key) == 10 else (dates.month_days(bar.key)[0],
                                                                    dates.month_days(bar.key)[-1])
            for incident_id in _roots(ds, bar.total.incidents):
                where[incident_id] = (scale, *extent)
    ranked = sorted(where, key=lambda i: (-found[i].high, ds.incidents[i].date, i))[:MAX_MARKED]

    def middle(incident_id: str) -> int:  # letters run left to right, as the reader meets them
        _, first, last = where[incident_id]
        return dates.full(first).toordinal() + dates.full(last).toordinal()

    ranked.sort(key=lambda i: (middle(i), i))
    markers = [(where[i][0], Marker(LETTERS[n], i, where[i][1], where[i][2])) for n, i in enumerate(ranked)]

    def marked(panel: Panel | None, scale: str) -> Panel | None:
        if panel is None:
            return None
        own = tuple(m for s, m in markers if s == scale)
        return Panel(panel.scale, panel.first, panel.last, panel.bars, panel.spans, own)

    return marked(months, "month"), marked(days, "day")


def _ancestors(ds: Dataset, incident_id: str) -> list[str]:
    """The incidents this one is part of, nearest first."""
    out, current = [], ds.incidents[incident_id].part_of
    while current and current in ds.incidents and current not in out and current != incident_id:
        out.append(current)
        current = ds.incidents[current].part_of
    return out


def _roots(ds: Dataset, ids: tuple[str, ...]) -> list[str]:
    """The incidents not part of another one in the same group."""
    group = set(ids)
    return [i for i in ids if not group.intersection(_ancestors(ds, i))]


def period_text(span: Span) -> str:
    """'1 October 2019 to 7 June 2020': each date whole, so that no day is read as a figure."""
    return t("{start} to {end}", start=dates.spoken(span.first), end=dates.spoken(span.last))


def months_text(first: str, last: str) -> str:
    """The months first to last: 'November 2019', 'October and November 2019', 'May 2019 to June 2020'."""
    months = dates.month_range(first[:7], last[:7])
    if len(months) == 1:
        return dates.spoken(months[0])
    if len(months) == 2 and months[0][:4] == months[1][:4]:
        return t("{first} and {second}", first=dates.month_name(int(months[0][5:])),
                 second=dates.spoken(months[1]))
    return t("{start} to {end}", start=dates.spoken(months[0]), end=dates.spoken(months[-1]))
