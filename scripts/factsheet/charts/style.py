"""How a claimant's line looks: one colour per claimant on a page, a dash and marker shape per series."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .svg import path, tag

# Colour-blind-safe (after Okabe and Ito); docs/assets/charts.css gives each a dark-scheme twin.
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9")
DASHES = (None, "6 3", "2 3", "8 3 2 3", "4 4", "1 2")
SHAPES = 4  # circle, square, triangle, diamond


@dataclass(frozen=True)
class Style:
    """The colour, dash and marker shape of one series."""

    colour: int
    dash: int
    shape: int

    @property
    def css(self) -> str:
        """The class that lets the style sheet recolour it for the dark scheme."""
        return f"fs-s{self.colour}"

    @property
    def fill(self) -> str:
        """The colour as an attribute, for a figure read without the style sheet."""
        return COLOURS[self.colour]

    @property
    def dasharray(self) -> str | None:
        """The stroke dash pattern; None for a solid line."""
        return DASHES[self.dash]


def assign(series: Iterable[tuple[str, str]]) -> dict[str, Style]:
    """A style for each (claimant, series) pair, in order of first appearance.

    The colour follows the claimant, so one claimant keeps one colour in every chart of a page; the
    dash and shape follow the series, so two series of one claimant (two groups counted) differ.
    """
    claimants: dict[str, int] = {}
    variants: dict[str, int] = {}
    out: dict[str, Style] = {}
    for claimant, key in series:
        if key in out:
            continue
        base = claimants.setdefault(claimant, len(claimants))
        variant = variants.get(claimant, 0)
        variants[claimant] = variant + 1
        turn = base + base // len(COLOURS) + variant  # past six claimants, colours repeat, dashes move on
        out[key] = Style(base % len(COLOURS), turn % len(DASHES), turn % SHAPES)
    return out


def marker(style: Style, x: float, y: float, scale: float = 1.0, hollow: bool = False) -> str:
    """A marker whose shape, like the colour and dash, tells the series apart."""
    fill = "none" if hollow else style.fill
    common = {"class_": style.css + (" fs-hollow" if hollow else ""), "fill": fill, "stroke": style.fill,
              "stroke_width": "1.5" if hollow else None}
    size = 4.5 * scale
    if style.shape == 0:
        return tag("circle", cx=x, cy=y, r=size, **common)
    if style.shape == 1:
        side = size * 1.7
        return tag("rect", x=x - side / 2, y=y - side / 2, width=side, height=side, **common)
    if style.shape == 2:
        corners = [(x, y - size * 1.2), (x + size * 1.1, y + size * 0.85), (x - size * 1.1, y + size * 0.85)]
    else:
        corners = [(x, y - size * 1.3), (x + size * 1.3, y), (x, y + size * 1.3), (x - size * 1.3, y)]
    return tag("path", d=path(corners, True), **common)


def line(style: Style, points: list[tuple[float, float]], width: float = 2.5) -> str:
    """The line through a series' points."""
    return tag("path", d=path(points), class_=f"fs-line {style.css}", fill="none", stroke=style.fill,
               stroke_width=f"{width:g}", stroke_dasharray=style.dasharray)
