"""Pieces shared by the charts that draw one line per claimant: value labels, date precision, legend."""

from __future__ import annotations

from .style import Style, line, marker
from .svg import Room, path, tag, text, text_box, text_width, wrap

SWATCH = 40  # width of a legend's line sample and its gap to the name
# Past a few claimants a plot grows taller, so that their lines and figure labels still find room apart.
FEW, PER_LINE, MOST = 6, 15, 1.7


def plot_height(base: float, lines: int) -> float:
    """The height of a plot drawn base high for a few lines: taller for more, up to MOST times base."""
    return float(min(base * MOST, base + PER_LINE * max(0, lines - FEW)))


def value_label(room: Room, words: str, px: float, above: float, below: float, size: float,
                width: float) -> str:
    """A bold figure above a point, below it, or beside it, where it overlaps nothing; empty when there
    is no room. Near an edge the label moves in rather than off the drawing; the data table has every
    figure.
    """
    half = text_width(words, size, bold=True) / 2
    x = min(max(px, half + 1), width - half - 1)
    side = below + size * 0.35
    spots = [(x, above - 9), (x, below + size + 7), (px + 8 + half, side), (px - 8 - half, side)]
    chosen = room.first_free(text_box(sx, sy, words, size, bold=True) for sx, sy in spots)
    if chosen is None:
        return ""
    sx, sy = spots[chosen]
    return text(sx, sy, words, text_anchor="middle", font_size=size, font_weight="bold", class_="fs-value")


def keep_clear(room: Room, points: list[tuple[float, float]], reach: float = 6.0) -> None:
    """Markers are taken before any figure is labelled, so that no label hides one."""
    for px, py in points:
        room.take((px - reach, py - reach, px + reach, py + reach))


def month_bar(style: Style, left: float, right: float, y: float) -> str:
    """A bar across the month a figure is dated to, with end ticks: the date's precision, drawn."""
    return tag("path", d=path([(left, y), (right, y)]) + path([(left, y - 4), (left, y + 4)])
               + path([(right, y - 4), (right, y + 4)]), class_=style.css, stroke=style.fill,
               stroke_width="1.5")


def range_bar(style: Style, px: float, low_y: float, high_y: float) -> str:
    """A vertical bar from a figure's lowest to its highest number."""
    return tag("path", d=path([(px, low_y), (px, high_y)]) + path([(px - 4, high_y), (px + 4, high_y)]),
               class_=style.css, stroke=style.fill, stroke_width="2")


def legend(entries: list[tuple[Style, str]], top: float, width: float, size: float) -> tuple[str, float]:
    """Each series' line sample and name (wrapped, never cut); returns it and its height."""
    out, y = [], top
    for style, label in entries:
        lines = wrap(label, size, width - SWATCH - 4)
        mid = y - size * 0.35
        out.append(line(style, [(4, mid), (SWATCH - 8, mid)]) + marker(style, SWATCH / 2 - 2, mid))
        for number, words in enumerate(lines):
            out.append(text(SWATCH, y + number * size * 1.2, words, font_size=size))
        y += size * 1.2 * len(lines) + size * 0.5
    return "".join(out), y - top
