"""The map of incidents as SVG, with its caption, credits and data table."""

from __future__ import annotations

import math

from ..export import place_text
from ..governorates import GOVERNORATES
from ..i18n import N_, language, t, vt
from ..model import Dataset
from . import map_labels
from .links import Links
from .links import title as incident_title
from .places import Circle, MapData, boundaries, build
from .svg import (
    ACCENT,
    INK,
    PRIMARY,
    Room,
    document,
    esc,
    link,
    num,
    path,
    readable,
    tag,
    text,
    text_box,
    text_width,
)
from .table import Figure, Mark, cited, derived_note, markdown_table, md, md_link, too_many
from .timeline import PROTESTS_BEGAN

WIDTH = 440
SIZE = readable(WIDTH)  # every piece of text: 12 CSS px on a phone
PAD = 10
MAX_RADIUS = 22.0
MIN_RADIUS = 3.0
LABELLED = ("baghdad", "basra", "nineveh", "erbil", "dhi-qar", "najaf", "kirkuk")
CREDIT = N_("Boundaries: Natural Earth (public domain)")
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


def _cities(project: Projection, room: Room, circles: list[tuple[float, float]]) -> str:
    """A few cities for orientation, where no circle stands and their name has room."""
    out = []
    for gid in LABELLED:
        g = GOVERNORATES[gid]
        x, y = project(g.lon, g.lat)
        if any(math.hypot(x - cx, y - cy) < 8 for cx, cy in circles):
            continue  # a circle there is named already
        box = text_box(x + 4, y - 4, g.capital, SIZE, "start")
        if not room.free(box):
            continue
        room.take(box)
        out.append(tag("circle", cx=x, cy=y, r="1.8", class_="fs-city", fill=INK)
                   + text(x + 4, y - 4, g.capital, class_="fs-city fs-halo", font_size=SIZE, stroke="#ffffff",
                          stroke_width="2.5", paint_order="stroke"))
    return tag("g", "".join(out), pointer_events="none", aria_hidden="true") if out else ""


def _radius(value: int, largest: int) -> float:
    """Area proportional to the number, with a floor so one death still shows."""
    if value <= 0:
        return 0.0
    return max(MIN_RADIUS, MAX_RADIUS * math.sqrt(value / largest))


def _describe_circle(ds: Dataset, circle: Circle) -> str:
    names = t("; ").join(incident_title(ds, i) for i in circle.incidents[:3])
    more = t(" and {n} more incidents", n=len(circle.incidents) - 3) if len(circle.incidents) > 3 else ""
    deaths = (t("{low} to {high} deaths claimed", low=f"{circle.total.low:,}", high=f"{circle.total.high:,}")
              if circle.total else t("no death figure"))
    return f"{map_labels.circle_name(ds, circle, PROTESTS_BEGAN)}: {deaths} ({names}{more})"


def _circle_href(ds: Dataset, circle: Circle, links: Links) -> str | None:
    if len(circle.incidents) == 1:
        return links.incident(circle.incidents[0])
    governorates = {g for i in circle.incidents for g in ds.incidents[i].place.governorates}
    return links.governorate(min(governorates)) if len(governorates) == 1 else None


def _outer(circle: Circle, largest: int) -> float:
    return _radius(circle.total.high, largest) if circle.total else 4.0


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
            shapes += tag("circle", cx=x, cy=y, r="4", class_="fs-place-none", fill="none", stroke=INK,
                          stroke_width="1.5")
        href = _circle_href(ds, circle, links)
        if href:
            linked.append(link(href, tag("g", shapes), _describe_circle(ds, circle)))
        else:
            still.append(tag("g", shapes))
    return "".join(still), "".join(linked)


def _legend(data: MapData, top: float) -> tuple[str, float]:
    """Under the map: the size key, then what the circles and rings mean; returns it and its height."""
    largest = max((c.total.high for c in data.circles if c.total), default=0)
    out, y = [], top + SIZE
    out.append(text(0, y, t("Deaths claimed:"), class_="fs-axis", font_size=SIZE))
    if largest:
        x, base = text_width(t("Deaths claimed:"), SIZE) + SIZE * 0.6, y + SIZE * 0.3
        for value in sorted({largest, max(1, round(largest / 4))}, reverse=True):
            r = _radius(value, largest)
            out.append(tag("circle", cx=x + r, cy=base - r, r=num(r), fill="none", stroke=INK,
                           stroke_width="0.8", class_="fs-key")
                       + text(x + 2 * r + 4, y, f"{value:,}", class_="fs-axis", font_size=SIZE))
            x += 2 * r + 4 + text_width(f"{value:,}", SIZE) + SIZE
        y = max(y, base) + SIZE * 0.3
    rows = [("fs-place-low", t("lowest claim")), ("fs-place-high", t("highest claim"))]
    if any(c.total is None for c in data.circles):
        rows.append(("fs-place-none", t("no death figure")))
    x, y = 0.0, y + SIZE * 1.4
    for css, words in rows:
        width = 16 + text_width(words, SIZE)
        if x and x + width > WIDTH:
            x, y = 0.0, y + SIZE * 1.4
        swatch = {"fs-place-low": {"fill": PRIMARY}, "fs-place-high": {"fill": ACCENT, "fill_opacity": "0.35",
                                                                       "stroke": ACCENT},
                  "fs-place-none": {"fill": "none", "stroke": INK, "stroke_width": "1.5"}}[css]
        out.append(tag("circle", cx=x + 6, cy=y - SIZE * 0.35, r="5", class_=css, **swatch)
                   + text(x + 16, y, words, class_="fs-axis", font_size=SIZE))
        x += width + SIZE
    return "".join(out), y - top + SIZE * 0.4


def svg(ds: Dataset, data: MapData, links: Links, uid: str = "fs-map") -> str:
    """The map drawing: circles, their names (or numbers and a key), the legend and the credit."""
    project = Projection()
    height = project.height
    still, linked = _circles(ds, data, project, links)
    room = Room((0, 0, WIDTH, height))
    largest = max((c.total.high for c in data.circles if c.total), default=1)
    centres = []
    for circle in data.circles:  # small circles stay visible: no name is written over one
        x, y = project(circle.spot.lon, circle.spot.lat)
        centres.append((x, y))
        r = min(_outer(circle, largest), 6.0)
        room.take((x - r, y - r, x + r, y + r))
    ranked = sorted(data.circles, key=lambda c: (-(c.total.high if c.total else 0), c.spot.name, c.incidents))
    names = [(*project(c.spot.lon, c.spot.lat), _outer(c, largest),
              map_labels.circle_name(ds, c, PROTESTS_BEGAN)) for c in ranked]
    labels, keyed = map_labels.place(names, room, SIZE)
    cities = _cities(project, room, centres)
    key, key_height = map_labels.key(keyed, height, SIZE)
    legend, legend_height = _legend(data, height + key_height)
    credit_y = height + key_height + legend_height + SIZE * 1.3
    body = (_land(project) + still + legend + key
            + text(0, credit_y, t(CREDIT), class_="fs-axis", font_size=SIZE))
    drawn = [c for c in data.circles if c.total]
    desc = t("Map of Iraq and its governorates with {n} circles for incidents, each sized by the deaths "
             "claimed: an inner circle for the lowest claim, an outer one for the highest.",
             n=len(data.circles)
             ) + " " + " ".join(_describe_circle(ds, c) + "." for c in drawn[:10])
    # Names go last so they stay legible over the circles; they hide from pointers and readers.
    names_svg = tag("g", map_labels.draw(labels, SIZE) + cities, pointer_events="none", aria_hidden="true")
    return document(uid, WIDTH, round(credit_y + SIZE * 0.4),
                    t("Where incidents happened, sized by the deaths "
                    "claimed"), desc, body, "fs-map", linked + names_svg)


def _incidents_cell(ds: Dataset, circle: Circle, links: Links) -> str:
    cells = [md_link(incident_title(ds, i), links.incident(i)) for i in circle.incidents[:MAX_LINKED]]
    if len(circle.incidents) > MAX_LINKED:
        governorates = sorted({g for i in circle.incidents for g in ds.incidents[i].place.governorates})
        only = governorates[0] if len(governorates) == 1 and governorates[0] in GOVERNORATES else None
        gov = GOVERNORATES[only] if only else None
        name = (gov.arabic if language() == "ar" else gov.name) if gov else ""
        where = (md_link(t("{name} governorate", name=name), links.governorate(only)) if only
                 else t("the incidents index"))
        cells.append(t("and others, listed under {where}", where=where))
    return t("; ").join(cells)


def _left_off(ds: Dataset, data: MapData, mark: Mark, links: Links) -> str:
    """The incidents the map does not draw, with where they happened and their figures."""
    rows = []
    for incident_id, why in data.left_off[:40]:
        found = data.ranges.get(incident_id)
        low = cited(found.low, [c.cite for c in found.low_claims], mark) if found else t("no figure")
        high = cited(found.high, [c.cite for c in found.high_claims], mark) if found else ""
        rows.append([md_link(incident_title(ds, incident_id), links.incident(incident_id)),
                     md(place_text(ds.incidents[incident_id].place)), md(vt(why)), low, high])
    out = markdown_table((t("Incident"), t("Where"), t("Why not on the map"), t("Lowest claim"),
                          t("Highest claim")), rows)
    if len(data.left_off) > 40:
        out += "\n" + t("And {n} more, listed in the incidents index.", n=len(data.left_off) - 40) + "\n"
    return out


def table(ds: Dataset, data: MapData, mark: Mark, links: Links) -> str:
    """One row per circle, cited; then the incidents the map leaves off and why."""
    rows = []
    for circle in sorted(data.circles, key=lambda c: (c.spot.name, c.incidents)):
        low = cited(circle.total.low, circle.total.low_cites, mark,
                    SUM_NOTE) if circle.total else t("no figure")
        high = cited(circle.total.high, circle.total.high_cites, mark, SUM_NOTE) if circle.total else ""
        rows.append([md(map_labels.circle_name(ds, circle, PROTESTS_BEGAN)),
                     md(_precision(circle.spot.precision)),
                     _incidents_cell(ds, circle, links), low, high])
    out = markdown_table((t("Place"), t("Placed by"), t("Incidents"), t("Lowest claim"), t("Highest claim")),
                         rows)
    if any(c.total and too_many(c.total) for c in data.circles):
        out += derived_note(SUM_NOTE, t("A sum over many incidents. Each incident's lowest and highest "
                                        "figures are cited on its own page."))
    if data.left_off:
        out += ("\n" + t("**Not on the map**: figures for the whole country or for several governorates "
                          "together, which no single place stands for, and incidents with no place or "
                          "outside Iraq.") + "\n\n" + _left_off(ds, data, mark, links))
    return out


def caption(data: MapData) -> str:
    """What the map shows, and whose boundaries it draws."""
    each = (t("incidents within about 10 km share a circle") if data.coarse
            else t("incidents at one position share a circle"))
    listed = (" " + t("Figures for the whole country or for several governorates are not drawn at any one "
                      "place: the table lists them.") if data.left_off else "")
    return t("Incidents by place ({each}), at their coordinates or, failing those, at their city or "
             "their governorate's capital. The inner circle's area is the lowest death figure claimed, "
             "the outer circle's the highest; a ring marks an incident with no death figure. Each circle "
             "is named beside it, or numbered and named in the key; a year after a name marks events "
             "before the protests.{listed} Boundaries: Natural Earth, public domain, simplified; "
             "Halabja is drawn within Sulaymaniyah, as in that data. Boundaries are for orientation and "
             "imply no position on disputed ones.", each=each, listed=listed)


def _precision(words: str) -> str:
    """How a circle was placed ('city', 'governorate (drawn at Basra)'), in the page's language."""
    if language() == "en":
        return words
    shown = []
    for part in words.split(", "):
        head, _, capital = part.partition(" (drawn at ")
        shown.append(t("{precision} (drawn at {capital})", precision=vt(head),
                       capital=capital.removesuffix(")"))
                     if capital else vt(part))
    return t(", ").join(shown)


def figure(ds: Dataset, mark: Mark, links: Links, uid: str = "fs-map") -> Figure:
    """The map, its caption and its cited data table."""
    data = build(ds)
    return Figure(svg(ds, data, links, uid), caption(data), table(ds, data, mark, links))
