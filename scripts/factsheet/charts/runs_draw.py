"""The timeline's running-total panel: one line per claimant, at the dates the totals were counted to."""

from __future__ import annotations

from ..i18n import t
from ..model import Claim
from . import axis, dates
from .history import Point, base_key, value_text
from .lines import keep_clear, legend, month_bar, plot_height, range_bar, value_label
from .style import assign, line, marker
from .svg import Room, esc, nice_ticks, tag, text, text_box, tick_room, wrap, y_axis
from .timeline import Panel, RunLine

PLOT = 150  # height of the plot area

__all__ = ["left_room", "panel", "spoken", "value_text"]


def _base(claim: Claim) -> int:
    return claim.low if claim.low is not None else (claim.high or 0)


def _ticks(runs: tuple[RunLine, ...]) -> list[int]:
    tops = [p.claim.high if p.claim.high is not None else p.claim.low or 0 for r in runs for _, p in r.points]
    return nice_ticks(max(tops, default=0) * 1.1, 4)


def left_room(runs: tuple[RunLine, ...], size: float) -> float:
    """Room the panel's tick values need at the left (0 without running totals)."""
    return tick_room(_ticks(runs), size) if runs else 0.0


def spoken(point: Point) -> str:
    """The date of a point in words, at the precision the data gives."""
    day = point.day.isoformat()
    return dates.spoken(day[:7] if point.by_month else day)


def heading(runs: tuple[RunLine, ...]) -> str:
    """The panel's title: since when, if all the totals count from one date."""
    starts = {r.since for r in runs}
    if len(starts) == 1:
        return t("Running totals of deaths since {date}, each as of the date it was counted to",
                 date=dates.spoken(starts.pop()))
    return t("Running totals of deaths, each as of the date it was counted to")


def panel(runs: tuple[RunLine, ...], months: Panel, top: float, left: float, width: float,
          size: float) -> tuple[str, float]:
    """The panel on the monthly panel's time scale, under its own heading; returns it and where it ends."""
    lines_ = wrap(heading(runs), size, width - 4, bold=True)
    out = [text(0, top + size * (1 + 1.2 * n), w, font_weight="bold", font_size=size, class_="fs-panel-title")
           for n, w in enumerate(lines_)]
    plot_top = top + size * (1 + 1.2 * (len(lines_) - 1)) + size * 2.2
    plot_bottom = plot_top + plot_height(PLOT, len(runs))
    ticks = _ticks(runs)

    def y(value: float) -> float:
        return plot_bottom - value / ticks[-1] * (plot_bottom - plot_top)

    scale = axis.TimeScale(dates.full(months.first), dates.full(months.last), left, width - 8)
    out.append(y_axis(ticks, y, left, width - 8, size))
    out.append(axis.draw(scale, size, width, plot_bottom, plot_top))
    styles = assign((base_key(r.key), r.key) for r in runs)
    room = Room((0, plot_top - size * 1.6, width, plot_bottom - 2))
    for value in ticks:
        room.take(text_box(left - size * 0.35, y(value) + size * 0.35, f"{value:,}", size, "end"))
    labels = []
    for run in runs:
        style = styles[run.key]
        coords = [(scale.centre(p.day), y(_base(p.claim))) for _, p in run.points]
        shapes = [tag("title", esc(run.label))]
        if len(coords) > 1:
            shapes.append(line(style, coords))
        for (_, point), (px, py) in zip(run.points, coords, strict=True):
            if point.claim.high is not None and point.claim.high > _base(point.claim):
                shapes.append(range_bar(style, px, py, y(point.claim.high)))
            if point.by_month:
                shapes.append(month_bar(style, *scale.extent(point.first, point.last), py))
            shapes.append(marker(style, px, py, hollow=point.by_month))
        out.append(tag("g", "".join(shapes)))
        # Each line's latest figure is labelled first; the others where there is room.
        for order, ((_, point), (px, py)) in enumerate(zip(run.points, coords, strict=True)):
            high = y(point.claim.high) if point.claim.high is not None else py
            labels.append((order != len(coords) - 1, point.day, px, high, py, value_text(point.claim)))
    keep_clear(room, [(px, py) for _, _, px, _, py, _ in labels])
    for _, _, px, high, py, words in sorted(labels, key=lambda item: item[:2]):
        out.append(value_label(room, words, px, high, py, size, width))
    top = plot_bottom + axis.height(size) + size * 1.4
    shown, height = legend([(styles[r.key], r.label) for r in runs], top, width - 8, size)
    out.append(shown)
    return "".join(out), top + height
