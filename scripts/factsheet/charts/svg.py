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


def num(value: float) -> str:
    """A coordinate with at most two decimals and no '-0': the same number always prints the same."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


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


def y_axis(ticks: list[int], scale, left: float, right: float) -> str:
    """Horizontal grid lines with their values at the left."""
    out = []
    for value in ticks:
        y = scale(value)
        out.append(tag("line", x1=float(left), y1=y, x2=float(right), y2=y, class_="fs-grid",
                       stroke=FAINT, stroke_width="0.6"))
        out.append(text(left - 5, y + 4, f"{value:,}", text_anchor="end", class_="fs-axis"))
    return "".join(out)
