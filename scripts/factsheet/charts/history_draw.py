"""The toll history as SVG, with its caption and data table."""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Dataset, Incident
from . import dates
from .history import History, chain_of, describe, histories, value_text
from .svg import document, esc, nice_ticks, path, tag, text, y_axis
from .table import Figure, Mark, markdown_table, md

WIDTH = 480
LEFT, RIGHT, TOP, BOTTOM = 36, 18, 16, 196
ROW = 18  # height of a legend row
MAX_LABEL = 56  # characters of a claimant's name in the legend; the table has it in full
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9")
DASHES = (None, "6 3", "2 3", "8 3 2 3", "4 4", "1 2")


def _marker(index: int, x: float, y: float) -> str:
    """A marker whose shape, like the colour and dash, tells the series apart."""
    cls, fill = f"fs-s{index % 6}", COLOURS[index % 6]
    shape = index % 4
    if shape == 0:
        return tag("circle", cx=x, cy=y, r="3.5", class_=cls, fill=fill)
    if shape == 1:
        return tag("rect", x=x - 3.2, y=y - 3.2, width="6.4", height="6.4", class_=cls, fill=fill)
    if shape == 2:
        corners = [(x, y - 4.2), (x + 4, y + 3), (x - 4, y + 3)]
    else:
        corners = [(x, y - 4.5), (x + 4.5, y), (x, y + 4.5), (x - 4.5, y)]
    return tag("path", d=path(corners, True), class_=cls, fill=fill)


def _day_ticks(first: date, last: date) -> list[date]:
    """A handful of days to label along the axis."""
    span = (last - first).days
    if span > 120:
        months = dates.month_range(first.isoformat()[:7], last.isoformat()[:7])
        step = max(1, len(months) // 5)
        return [date.fromisoformat(m + "-01") for m in months[::step] if m + "-01" >= first.isoformat()]
    step = next(s for s in (1, 2, 3, 7, 14, 28, 56) if span / s <= 6)
    return dates.days_between(first, last)[::step]


def _tick_label(day: date, span: int) -> str:
    return f"{dates.MONTHS[day.month - 1][:3]} {day.year}" if span > 120 else dates.short(day)


def svg(ds: Dataset, history: History, uid: str) -> str:
    """The toll history drawing: one line per claimant, each point labelled with its figure."""
    points = [p for s in history.series for p in s.points]
    first, last = min(p.day for p in points), max(p.day for p in points)
    if first == last:
        first, last = first - timedelta(1), last + timedelta(1)
    span = (last - first).days
    pad = span * 0.06

    def x(day: date) -> float:
        return LEFT + ((day - first).days + pad) / (span + 2 * pad) * (WIDTH - LEFT - RIGHT)

    tops = [p.claim.max if p.claim.max is not None else p.claim.min for p in points]
    ticks = nice_ticks(max(t or 0 for t in tops) * 1.1)

    def y(value: float) -> float:
        return BOTTOM - value / ticks[-1] * (BOTTOM - TOP)

    height = BOTTOM + 40 + ROW * len(history.series)
    body = [y_axis(ticks, y, LEFT, WIDTH - RIGHT)]
    for day in _day_ticks(first, last):
        body.append(text(x(day), BOTTOM + 15, _tick_label(day, span), text_anchor="middle", class_="fs-axis",
                         font_size="11"))
    if span <= 120:
        body.append(text(WIDTH - RIGHT, BOTTOM + 30, str(last.year), text_anchor="end", class_="fs-axis",
                         font_size="11"))
    labels: list[tuple[float, float]] = []
    # Claimants giving a figure on the same day stand side by side rather than on top of each other.
    same_day: dict[date, list[int]] = {}
    for index, series in enumerate(history.series):
        for day in dict.fromkeys(p.day for p in series.points):
            same_day.setdefault(day, []).append(index)

    def dodge(day: date, index: int) -> float:
        group = same_day[day]
        return (group.index(index) - (len(group) - 1) / 2) * 9

    for index, series in enumerate(history.series):
        cls, colour = f"fs-s{index % 6}", COLOURS[index % 6]
        coords = [(x(p.day) + dodge(p.day, index), y(p.claim.min or 0)) for p in series.points]
        shapes = [tag("title", esc(series.label))]
        if len(coords) > 1:
            shapes.append(tag("path", d=path(coords), class_=f"fs-line {cls}", fill="none", stroke=colour,
                              stroke_width="2", stroke_dasharray=DASHES[index % 6]))
        for point, (px, py) in zip(series.points, coords, strict=True):
            claim = point.claim
            if claim.max is not None and claim.max > (claim.min or 0):
                top = y(claim.max)
                whisker = path([(px, py), (px, top)]) + path([(px - 3, top), (px + 3, top)])
                shapes.append(tag("path", d=whisker, class_=cls, stroke=colour, stroke_width="1.5"))
            shapes.append(_marker(index, px, py))
            label_y = _free_spot(labels, px, py)
            if label_y is not None:
                shapes.append(text(px, label_y, value_text(claim), text_anchor="middle", font_size="11",
                                   font_weight="bold"))
        body.append(tag("g", "".join(shapes)))
    body.append(_legend(history, BOTTOM + 40))
    title = f"{history.counts.replace('-', ' ').capitalize()}: each claimant's figure over time"
    return document(uid, WIDTH, height, title, describe(history), "".join(body), "fs-history")


def _free_spot(taken: list[tuple[float, float]], px: float, py: float) -> float | None:
    """A baseline for a value label above or below its point that overlaps no label already placed."""
    for candidate in (py - 8, py + 17):
        if candidate < TOP - 4 or candidate > BOTTOM - 2:
            continue
        if all(abs(candidate - ty) > 12 or abs(px - tx) > 30 for tx, ty in taken):
            taken.append((px, candidate))
            return candidate
    return None


def _legend(history: History, top: float) -> str:
    out = []
    for index, series in enumerate(history.series):
        y = top + ROW * index
        cls, colour = f"fs-s{index % 6}", COLOURS[index % 6]
        out.append(tag("path", d=path([(LEFT, y - 4), (LEFT + 28, y - 4)]), class_=f"fs-line {cls}",
                       stroke=colour, stroke_width="2", stroke_dasharray=DASHES[index % 6], fill="none"))
        out.append(_marker(index, LEFT + 14, y - 4))
        name = series.label if len(series.label) <= MAX_LABEL else series.label[: MAX_LABEL - 1] + "…"
        out.append(text(LEFT + 36, y, name))
    return "".join(out)


def table(ds: Dataset, history: History, mark: Mark) -> str:
    """Every claim of the history, oldest first, each figure cited; undated claims after."""
    rows = []
    for series in history.series:
        for point in series.points:
            claim, note = point.claim, mark(point.claim.cite)
            rows.append((point.day.isoformat(), series.label, [
                dates.spoken(point.day.isoformat()), md(series.label), md(chain_of(ds, claim)),
                md(claim.figure or "") + note, value_text(claim) + note]))  # numbers, not data text
    rows.sort(key=lambda r: (r[0], r[1]))
    out = markdown_table(("Date", "Claimant", "Attribution chain", "Figure as worded", "Drawn as"),
                         [r[2] for r in rows])
    if history.undated:
        undated = "; ".join(f"{md(chain_of(ds, c))}: {md(c.figure or '')}{mark(c.cite)}"
                            for c in history.undated)
        out += f"\nNot drawn, having no date: {undated}.\n"
    return out


def figures(ds: Dataset, incident: Incident, mark: Mark) -> tuple[Figure, ...]:
    """A toll history for each count of the incident with three or more dated figures."""
    out = []
    for history in histories(ds, incident):
        counted = history.counts.replace("-", " ")
        caption = (f"Figures for the number {counted}, by the date each was given (its 'as of' date, "
                   f"or else its source's date): one line per claimant, a vertical bar where a figure "
                   f"is a range.")
        out.append(Figure(svg(ds, history, f"fs-history-{history.counts}"), caption,
                          table(ds, history, mark)))
    return tuple(out)
