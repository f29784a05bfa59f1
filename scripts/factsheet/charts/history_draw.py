"""The toll history as SVG, with its caption and data table."""

from __future__ import annotations

from datetime import timedelta

from ..figures import IncidentFigures
from ..i18n import t
from ..markup import name as record_name
from ..model import Claim, Dataset
from . import axis, dates
from .history import (
    History,
    Series,
    base_key,
    chain_of,
    claimant,
    describe,
    grades_of,
    histories_of,
    spoken,
    value_text,
)
from .lines import keep_clear, legend, month_bar, plot_height, range_bar, value_label
from .links import Links
from .style import Style, assign, line, marker
from .svg import Room, document, esc, nice_ticks, readable, tag, text_box, tick_room, y_axis
from .table import Figure, Mark, graded, markdown_table, md, worded

WIDTH = 480
SIZE = readable(WIDTH)  # every piece of text: 12 CSS px on a phone
RIGHT = 8
PLOT = 210  # height of the plot area for a few claimants


def styles_for(histories: tuple[History, ...]) -> dict[str, Style]:
    """One style per series key across every history of a page."""
    return assign((base_key(s.key), s.key) for h in histories for s in h.series)


def _base(claim: Claim) -> int:
    """Where a claim's marker sits: its lowest number, or its ceiling when it gives no floor."""
    return claim.low if claim.low is not None else (claim.high or 0)


class _Plot:
    """The scales of one history: days across, the number down."""

    def __init__(self, history: History) -> None:
        points = [p for s in history.series for p in s.points]
        first, last = min(p.first for p in points), max(p.last for p in points)
        pad = max(1, round((last - first).days * 0.06))
        tops = [p.claim.high if p.claim.high is not None else p.claim.low for p in points]
        self.ticks = nice_ticks(max(t or 0 for t in tops) * 1.1)
        self.left = tick_room(self.ticks, SIZE)
        self.top = SIZE * 1.6  # a value label above the highest point stays inside the drawing
        self.bottom = self.top + plot_height(PLOT, len(history.series))
        self.scale = axis.TimeScale(first - timedelta(pad), last + timedelta(pad), self.left, WIDTH - RIGHT)

    def y(self, value: float) -> float:
        return self.bottom - value / self.ticks[-1] * (self.bottom - self.top)


def _dodges(history: History, plot: _Plot) -> dict[tuple[int, object], float]:
    """Claimants giving a figure on the same day stand side by side rather than on top of each other."""
    same_day: dict[object, list[int]] = {}
    for index, series in enumerate(history.series):
        for day in dict.fromkeys(p.day for p in series.points):
            same_day.setdefault(day, []).append(index)
    step = min(12.0, max(plot.scale.day, 6.0))
    return {(index, day): (group.index(index) - (len(group) - 1) / 2) * step
            for day, group in same_day.items() for index in group}


def _series(series: Series, index: int, style: Style, plot: _Plot, dodge, room: Room) -> str:
    """One claimant's line, markers, ranges and value labels."""
    coords = [(plot.scale.centre(p.day) + dodge[index, p.day], plot.y(_base(p.claim))) for p in series.points]
    shapes = [tag("title", esc(series.label))]
    if len(coords) > 1:
        shapes.append(line(style, coords))
    for point, (px, py) in zip(series.points, coords, strict=True):
        if point.claim.high is not None and point.claim.high > _base(point.claim):
            shapes.append(range_bar(style, px, py, plot.y(point.claim.high)))
        if point.by_month:
            shapes.append(month_bar(style, *plot.scale.extent(point.first, point.last), py))
        shapes.append(marker(style, px, py, hollow=point.by_month))
    for point, (px, py) in zip(series.points, coords, strict=True):
        high = plot.y(point.claim.high) if point.claim.high is not None else py
        shapes.append(value_label(room, value_text(point.claim), px, high, py, SIZE, WIDTH))
    return tag("g", "".join(shapes))


def svg(ds: Dataset, history: History, uid: str, styles: dict[str, Style] | None = None) -> str:
    """The toll history drawing: one line per claimant, each point labelled with its figure."""
    styles = styles or styles_for((history,))
    plot = _Plot(history)
    body = [y_axis(plot.ticks, plot.y, plot.left, WIDTH - RIGHT, SIZE),
            axis.draw(plot.scale, SIZE, WIDTH, plot.bottom, plot.top)]
    room = Room((0, 0, WIDTH, plot.bottom - 2))
    for value in plot.ticks:  # value labels keep clear of the axis' own numbers
        room.take(text_box(plot.left - SIZE * 0.35, plot.y(value) + SIZE * 0.35, f"{value:,}", SIZE, "end"))
    dodge = _dodges(history, plot)
    keep_clear(room, [(plot.scale.centre(p.day) + dodge[index, p.day], plot.y(_base(p.claim)))
                      for index, series in enumerate(history.series) for p in series.points])
    for index, series in enumerate(history.series):
        body.append(_series(series, index, styles[series.key], plot, dodge, room))
    top = plot.bottom + axis.height(SIZE) + SIZE * 1.4
    shown, height = legend([(styles[s.key], s.label) for s in history.series], top, WIDTH - RIGHT, SIZE)
    body.append(shown)
    title = t("{subject}: each claimant's figure over time", subject=history.subject)
    return document(uid, WIDTH, round(top + height), title, describe(history), "".join(body), "fs-history")


def table(ds: Dataset, history: History, mark: Mark, grades: dict[str, str], links: Links) -> str:
    """Every claim of the history, oldest first, each figure cited and graded; undated claims after."""
    rows = []
    for series in history.series:
        for point in series.points:
            claim, note = point.claim, mark(point.claim.cite)
            rows.append((point.day.isoformat(), series.label, [
                spoken(point), claimant(ds, series.points[0].claim, record_name, md)[1],
                chain_of(ds, claim, record_name, md), worded(claim.figure or "") + note,
                graded(grades.get(claim.id), links.grades),
                value_text(claim) + note]))  # numbers, not data text
    rows.sort(key=lambda r: (r[0], r[1]))
    # A running total is graded against the figures given on the same day, as on the incident's page.
    grade = t("Grade on its day") if history.since else t("Grade")
    out = markdown_table((t("Date"), t("Claimant"), t("Attribution chain"), t("Figure as worded"), grade,
                          t("Drawn as")), [r[2] for r in rows])
    if history.undated:
        undated = t("; ").join(f"{chain_of(ds, c, record_name, md)}: {worded(c.figure or '')}{mark(c.cite)}"
                               for c in history.undated)
        out += "\n" + t("Not drawn, having no date: {claims}.", claims=undated) + "\n"
    return out


def figures(ds: Dataset, incident_id: str, found: IncidentFigures, mark: Mark,
            links: Links) -> tuple[Figure, ...]:
    """A toll history for each count of the incident with enough dated figures, and each running total.

    The charts of one page share their styles, so that a claimant has one colour on the page.
    """
    histories = histories_of(ds, incident_id, found)
    styles = styles_for(histories)
    grades = grades_of(found)
    out = []
    for history in histories:
        counted = history.counted
        kind = t(", as a running total since {date}", date=spoken_since(history)) if history.since else ""
        month = any(p.by_month for s in history.series for p in s.points)
        caption = t("Figures for the number {counted}{kind}, by the date each was given (its 'as of' date, "
                    "or else its source's date): one line per claimant, each claimant in one colour on "
                    "this page, a vertical bar where a figure is a range.", counted=counted, kind=kind) + (
            " " + t("A hollow marker with a bar across a month is a figure dated only to that month.")
            if month else "")
        out.append(Figure(svg(ds, history, f"fs-history-{history.key}", styles), caption,
                          table(ds, history, mark, grades, links)))
    return tuple(out)


def spoken_since(history: History) -> str:
    """The start of a running total in words."""
    return dates.spoken(history.since or "unknown")
