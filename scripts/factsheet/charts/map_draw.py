"""The map of incidents as SVG, with its caption, credits and data table."""

from __future__ import annotations

import math

from ..governorates import GOVERNORATES
from ..model import Dataset
from .links import Links
from .places import Circle, MapData, boundaries, build
from .svg import ACCENT, INK, PRIMARY, document, esc, link, num, path, tag, text
from .table import Figure, Mark, cited, derived_note, markdown_table, md, md_link, too_many

WIDTH = 440
PAD = 10
MAX_RADIUS = 22.0
MIN_RADIUS = 2.5
LABELLED = ("baghdad", "basra", "nineveh", "erbil", "dhi-qar", "najaf", "kirkuk")
CREDIT = "Boundaries: Natural Earth (public domain)"
SUM_NOTE = "fs-map-sum"
MAX_LINKED = 6


class Projection:
    """Longitude and latitude to drawing units: equirectangular, east-west shrunk by the cosine of
    Iraq's middle latitude, so shapes look right at this size."""

    def __init__(self) -> None:
        points = [p for ring in boundaries()["outline"] for p in ring]
        self.west, self.east = min(p[0] for p in points), max(p[0] for p in points)
        self.south, self.north = min(p[1] for p in points), max(p[1] for p in points)
        self.k = math.cos(math.radians((self.north + self.south) / 2))
        self.scale = (WIDTH - 2 * PAD) / ((self.east - self.west) * self.k)
        self.height = round((self.north - self.south) * self.scale + 2 * PAD)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - self.west) * self.k * self.scale, PAD + (self.north - lat) * self.scale


def _land(project: Projection) -> str:
    data = boundaries()
    out = []
    for gid, rings in data["governorates"].items():
        d = "".join(path((project(lon, lat) for lon, lat in ring), True) for ring in rings)
        name = GOVERNORATES[gid].name if gid in GOVERNORATES else gid
        out.append(tag("path", tag("title", esc(name)), d=d, class_="fs-land", fill="#eceff1",
                       stroke="#ffffff", stroke_width="1"))
    outline = "".join(path((project(lon, lat) for lon, lat in ring), True) for ring in data["outline"])
    out.append(tag("path", d=outline, class_="fs-outline", fill="none", stroke="#757575", stroke_width="1.2"))
    return "".join(out)


def _cities(project: Projection) -> str:
    """A few cities for orientation, drawn over the circles with a halo in the page's colour."""
    out = []
    for gid in LABELLED:
        g = GOVERNORATES[gid]
        x, y = project(g.lon, g.lat)
        out.append(tag("circle", cx=x, cy=y, r="1.6", class_="fs-city", fill=INK)
                   + text(x + 4, y - 4, g.capital, class_="fs-city fs-halo", font_size="10.5",
                          stroke="#ffffff", stroke_width="2.5", paint_order="stroke"))
    return tag("g", "".join(out), pointer_events="none", aria_hidden="true")


def _radius(value: int, largest: int) -> float:
    """Area proportional to the number, with a floor so one death still shows."""
    if value <= 0:
        return 0.0
    return max(MIN_RADIUS, MAX_RADIUS * math.sqrt(value / largest))


def _describe_circle(ds: Dataset, circle: Circle) -> str:
    names = "; ".join(ds.incidents[i].title for i in circle.incidents[:3])
    more = f" and {len(circle.incidents) - 3} more incidents" if len(circle.incidents) > 3 else ""
    deaths = (f"{circle.total.low:,} to {circle.total.high:,} deaths claimed" if circle.total
              else "no death figure")
    return f"{circle.spot.name}: {deaths} ({names}{more})"


def _circle_href(ds: Dataset, circle: Circle, links: Links) -> str | None:
    if len(circle.incidents) == 1:
        return links.incident(circle.incidents[0])
    governorates = {g for i in circle.incidents for g in ds.incidents[i].place.governorates}
    return links.governorate(min(governorates)) if len(governorates) == 1 else None


def _circles(ds: Dataset, data: MapData, project: Projection, links: Links) -> tuple[str, str]:
    """Circles with nowhere to link (part of the drawing) and circles that are links."""
    largest = max((c.total.high for c in data.circles if c.total), default=1)
    still, linked = [], []
    for circle in data.circles:
        x, y = project(circle.spot.lon, circle.spot.lat)
        shapes = tag("title", esc(_describe_circle(ds, circle)))
        if circle.total:
            high, low = _radius(circle.total.high, largest), _radius(circle.total.low, largest)
            shapes += tag("circle", cx=x, cy=y, r=num(high), class_="fs-place-high", fill=ACCENT,
                          fill_opacity="0.35", stroke=ACCENT, stroke_width="1")
            if low:
                shapes += tag("circle", cx=x, cy=y, r=num(low), class_="fs-place-low", fill=PRIMARY,
                              fill_opacity="0.85", stroke="#ffffff", stroke_width="0.6")
        else:
            shapes += tag("circle", cx=x, cy=y, r="3", class_="fs-place-none", fill="none", stroke=INK,
                          stroke_width="1.2")
        href = _circle_href(ds, circle, links)
        if href:
            linked.append(link(href, tag("g", shapes), _describe_circle(ds, circle)))
        else:
            still.append(tag("g", shapes))
    return "".join(still), "".join(linked)


def _legend(data: MapData, height: float) -> str:
    """Size key in the empty south-west corner (Saudi Arabia lies there, outside the drawing)."""
    largest = max((c.total.high for c in data.circles if c.total), default=0)
    x, base = PAD + 30, height - 40
    out = [text(PAD, base - 2 * MAX_RADIUS - 26, "deaths claimed", class_="fs-axis", font_size="11")]
    if largest:
        for value in sorted({largest, max(1, round(largest / 4))}, reverse=True):
            r = _radius(value, largest)
            out.append(tag("circle", cx=float(x), cy=base - r, r=num(r), fill="none", stroke=INK,
                           stroke_width="0.8", class_="fs-key"))
            out.append(text(x + MAX_RADIUS + 6, base - 2 * r + 4, f"{value:,}", class_="fs-axis",
                            font_size="10.5"))
    out.append(tag("circle", cx=float(PAD + 6), cy=float(height - 24), r="5", class_="fs-place-low",
                   fill=PRIMARY) + text(PAD + 15, height - 20, "lowest claim", class_="fs-axis",
                                        font_size="10.5"))
    out.append(tag("circle", cx=float(PAD + 6), cy=float(height - 9), r="5", class_="fs-place-high",
                   fill=ACCENT, fill_opacity="0.35", stroke=ACCENT)
               + text(PAD + 15, height - 5, "highest claim", class_="fs-axis", font_size="10.5"))
    out.append(text(WIDTH - PAD, height - 5, CREDIT, text_anchor="end", class_="fs-axis", font_size="9.5"))
    return "".join(out)


def svg(ds: Dataset, data: MapData, links: Links, uid: str = "fs-map") -> str:
    """The map drawing."""
    project = Projection()
    height = project.height
    still, linked = _circles(ds, data, project, links)
    body = _land(project) + still + _legend(data, height)
    drawn = [c for c in data.circles if c.total]
    desc = (f"Map of Iraq and its governorates with {len(data.circles)} circles for incidents, each "
            f"sized by the deaths claimed: an inner circle for the lowest claim, an outer one for the "
            f"highest. " + " ".join(_describe_circle(ds, c) + "." for c in drawn[:10]))
    # City names go last so they stay legible over the circles; they hide from pointers and readers.
    return document(uid, WIDTH, height, "Where incidents happened, sized by the deaths claimed", desc,
                    body, "fs-map", linked + _cities(project))


def _incidents_cell(ds: Dataset, circle: Circle, links: Links) -> str:
    cells = [md_link(ds.incidents[i].title, links.incident(i)) for i in circle.incidents[:MAX_LINKED]]
    if len(circle.incidents) > MAX_LINKED:
        governorates = sorted({g for i in circle.incidents for g in ds.incidents[i].place.governorates})
        only = governorates[0] if len(governorates) == 1 and governorates[0] in GOVERNORATES else None
        where = (md_link(f"{GOVERNORATES[only].name} governorate", links.governorate(only)) if only
                 else "the incidents index")
        cells.append(f"and others, listed under {where}")
    return "; ".join(cells)


def table(ds: Dataset, data: MapData, mark: Mark, links: Links) -> str:
    """One row per circle, cited; then the incidents the map leaves off and why."""
    rows = []
    for circle in sorted(data.circles, key=lambda c: (c.spot.name, c.incidents)):
        low = cited(circle.total.low, circle.total.low_cites, mark, SUM_NOTE) if circle.total else "no figure"
        high = cited(circle.total.high, circle.total.high_cites, mark, SUM_NOTE) if circle.total else ""
        rows.append([md(circle.spot.name), md(circle.spot.precision), _incidents_cell(ds, circle, links),
                     low, high])
    out = markdown_table(("Place", "Placed by", "Incidents", "Lowest claim", "Highest claim"), rows)
    if any(c.total and too_many(c.total) for c in data.circles):
        out += derived_note(SUM_NOTE, "A sum over many incidents. Each incident's lowest and highest "
                                      "figures are cited on its own page.")
    if data.left_off:
        items = [f"{md_link(ds.incidents[i].title, links.incident(i))} ({md(why)})"
                 for i, why in data.left_off[:20]]
        more = "; and others, listed in the incidents index" if len(data.left_off) > 20 else ""
        out += "\nNot on the map, for want of a single place: " + "; ".join(items) + more + ".\n"
    return out


def caption(data: MapData) -> str:
    """What the map shows, and whose boundaries it draws."""
    each = ("incidents within about 10 km share a circle" if data.coarse
            else "incidents at one position share a circle")
    return (f"Incidents by place ({each}), at their coordinates or, failing those, at their city or "
            f"their governorate's capital. The inner circle's area is the lowest death figure claimed, "
            f"the outer circle's the highest; a ring marks an incident with no death figure. "
            f"Boundaries: Natural Earth, public domain, simplified; Halabja is drawn within "
            f"Sulaymaniyah, as in that data. Boundaries are for orientation and imply no position on "
            f"disputed ones.")


def figure(ds: Dataset, mark: Mark, links: Links, uid: str = "fs-map") -> Figure:
    """The map, its caption and its cited data table."""
    data = build(ds)
    return Figure(svg(ds, data, links, uid), caption(data), table(ds, data, mark, links))
