"""Small, deterministic SVG writing helpers: numbers, escaping, elements, axes."""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..markup import attr

# Colours are presentation attributes so a figure still reads with no style sheet; the classes let
# docs/assets/charts.css take over with the theme's light and dark colours.
INK = "#3f3f3f"
FAINT = "#bdbdbd"
PRIMARY = "#3f51b5"
ACCENT = "#e6892e"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

# A figure scales with the page. On a 390 px phone the theme leaves it 358 CSS px (16 px of margin a
# side), so text must be this many drawing units per CSS pixel larger for 12 px to reach the reader.
PHONE_PX = 358
MIN_PX = 12
# Advance widths in em of DejaVu Sans, the widest of the usual sans-serif fonts (and Debian's default),
# so that text measured here is never wider on a reader's screen than the room it was given.
_NARROW, _MEDIUM, _WIDE = "il.,:;'|!", "tfrj()-/ ", "mwMW+≤%@"


def num(value: float) -> str:
    """A coordinate with at most two decimals and no '-0': the same number always prints the same."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def readable(width: int, px: float = MIN_PX) -> float:
    """The font size, in drawing units, that shows as px CSS pixels on a 390 px phone."""
    return math.ceil(px * width / PHONE_PX * 10) / 10


def text_width(words: str, size: float, bold: bool = False) -> float:
    """How wide a line of text is drawn, at most, in drawing units."""
    em = 0.0
    for char in words:
        if char in _NARROW:
            em += 0.3
        elif char in _MEDIUM:
            em += 0.42
        elif char in _WIDE:
            em += 0.9
        elif char.isupper():
            em += 0.76
        else:
            em += 0.64
    return em * size * (1.1 if bold else 1.0)


def wrap(words: str, size: float, room: float, bold: bool = False) -> list[str]:
    """Text broken at spaces into lines no wider than room (a single long word stays whole)."""
    lines: list[str] = []
    for word in words.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def esc(text: str) -> str:
    """Text or attribute value made safe for XML (markup.attr: the SVG is raw HTML Markdown never reads)."""
    return attr(text)


def attrs(values: dict[str, object]) -> str:
    """Attributes in the order given; None is left out, floats go through num()."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f' {name.rstrip("_").replace("_", "-")}="{esc(shown)}"')
    return "".join(parts)


def tag(name: str, body: str = "", **values: object) -> str:
    """One element; empty body gives a self-closing tag."""
    if body:
        return f"<{name}{attrs(values)}>{body}</{name}>"
    return f"<{name}{attrs(values)}/>"


def text(x: float, y: float, words: str, **values: object) -> str:
    """A text element with escaped content."""
    return tag("text", esc(words), x=float(x), y=float(y), **values)


def link(href: str | None, body: str, label: str | None = None) -> str:
    """An <a> around body when there is somewhere to go; label names the link for screen readers."""
    if not href:
        return body
    return f'<a href="{esc(href)}"{attrs({"aria-label": label})}>{body}</a>'


def path(points: Iterable[tuple[float, float]], closed: bool = False) -> str:
    """Path data through the points: M x y L x y ... (Z)."""
    coords = [f"{num(x)} {num(y)}" for x, y in points]
    if not coords:
        return ""
    return "M" + "L".join(coords) + ("Z" if closed else "")


def document(uid: str, width: int, height: int, title: str, desc: str, body: str, css_class: str,
             links: str = "") -> str:
    """The <svg> element: scalable (viewBox, no pixel size), titled and described for screen readers.

    The drawing is one role="img" group named by its title and description; links sit beside it, not
    inside it, because an image's content is presentational and a link in there would be unreachable.
    """
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fs-chart-svg {css_class}" '
        f'viewBox="0 0 {width} {height}" font-family="{esc(FONT)}" font-size="12" fill="{INK}">'
    )
    drawing = (f'<g role="img" aria-labelledby="{uid}-title {uid}-desc">'
               + tag("title", esc(title), id=f"{uid}-title") + tag("desc", esc(desc), id=f"{uid}-desc")
               + body + "</g>")
    return head + drawing + (tag("g", links, class_="fs-links") if links else "") + "</svg>"


def nice_ticks(top: float, count: int = 5) -> list[int]:
    """Round tick values from 0 to at least top: steps of 1, 2 or 5 times a power of ten."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(1, int(step))
    last = int(math.ceil(top / step)) * step
    return list(range(0, last + 1, step))


def tick_room(ticks: list[int], size: float) -> float:
    """How much room the widest tick value needs at the left of a plot, with its gap to the plot."""
    return max(text_width(f"{value:,}", size) for value in ticks) + size * 0.5 + 2


def y_axis(ticks: list[int], scale, left: float, right: float, size: float = 12) -> str:
    """Horizontal grid lines with their values at the left."""
    out = []
    for value in ticks:
        y = scale(value)
        out.append(tag("line", x1=float(left), y1=y, x2=float(right), y2=y, class_="fs-grid",
                       stroke=FAINT, stroke_width="0.6"))
        out.append(text(left - size * 0.35, y + size * 0.35, f"{value:,}", text_anchor="end",
                        class_="fs-axis", font_size=float(size)))
    return "".join(out)

Box = tuple[float, float, float, float]  # left, top, right, bottom


def text_box(x: float, y: float, words: str, size: float, anchor: str = "middle", bold: bool = False) -> Box:
    """The rectangle a line of text at baseline y covers: the font's whole ascent and descent, as a
    browser measures it, so that boxes apart here are apart on screen."""
    width = text_width(words, size, bold)
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return left, y - 0.94 * size, left + width, y + 0.25 * size


class Room:
    """The drawing's free space: rectangles already taken, so that new text overlaps none of them."""

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.taken: list[Box] = []

    def free(self, box: Box) -> bool:
        """True when the box lies inside the bounds and touches nothing taken."""
        left, top, right, bottom = self.bounds
        if box[0] < left or box[1] < top or box[2] > right or box[3] > bottom:
            return False
        return all(box[2] <= t[0] or box[0] >= t[2] or box[3] <= t[1] or box[1] >= t[3] for t in self.taken)

    def take(self, box: Box) -> Box:
        """Mark a box as taken."""
        self.taken.append(box)
        return box

    def first_free(self, boxes: Iterable[Box]) -> int | None:
        """The index of the first box that is free, now taken; None when none is."""
        for index, box in enumerate(boxes):
            if self.free(box):
                self.take(box)
                return index
        return None
