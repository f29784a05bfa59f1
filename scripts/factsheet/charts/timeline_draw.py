"""The timeline as SVG, with its caption and data table."""

from __future__ import annotations

from ..model import Dataset
from . import dates
from .links import Links
from .ranges import Total
from .svg import ACCENT, FAINT, PRIMARY, document, esc, link, nice_ticks, path, tag, text, y_axis
from .table import Figure, Mark, cited, derived_note, markdown_table, md, md_link, too_many
from .timeline import Column, Span, Timeline, build, peak_text, period_text

WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 36, 6, 46, 236  # plot area; markers above it, axis labels and legend below
UNITS = {"day": 1, "month": 3, "gap": 2}  # a month's bar is three days wide: readable, visibly not a day
MAX_LINKED = 6  # incidents linked per row of the table
SUM_NOTE = "fs-timeline-sum"
Slots = dict[str, tuple[float, float]]


def _kind(column: Column) -> str:
    return "gap" if column.is_gap else "day" if column.by_day else "month"


def _layout(columns: tuple[Column, ...]) -> Slots:
    """Left edge and width of each column's slot in the plot."""
    unit = (WIDTH - RIGHT - LEFT) / max(1, sum(UNITS[_kind(c)] for c in columns))
    out, x = {}, float(LEFT)
    for column in columns:
        out[column.key] = (x, unit * UNITS[_kind(column)])
        x += unit * UNITS[_kind(column)]
    return out


def _range_bar(x: float, width: float, found: Total, y, prefix: str, opacity: tuple[str, str]) -> str:
    """The solid part up to the lowest claim and the band up to the highest."""
    out = ""
    if found.high > found.low:
        out += tag("rect", x=x, y=y(found.high), width=width, height=y(found.low) - y(found.high),
                   class_=f"{prefix}-gap", fill=ACCENT, fill_opacity=opacity[1], stroke=ACCENT,
                   stroke_width="0.5")
    return out + tag("rect", x=x, y=y(found.low), width=width, height=y(0) - y(found.low),
                     class_=f"{prefix}-low", fill=PRIMARY, fill_opacity=opacity[0])


def _spans(ds: Dataset, data: Timeline, slots: Slots, y) -> str:
    """Incidents over several slots as pale boxes behind the bars, widest at the back."""
    out = []
    for span in sorted(data.spans, key=lambda s: (-_extent(s, slots)[1], s.first, s.incident)):
        x, width = _extent(span, slots)
        title = (f"{period_text(span)}, {ds.incidents[span.incident].title}: "
                 f"lowest claim {span.total.low:,}, highest {span.total.high:,}")
        outline = tag("rect", x=x, y=y(span.total.high), width=width, height=y(0) - y(span.total.high),
                      class_="fs-span-edge", fill="none", stroke=PRIMARY, stroke_width="0.8",
                      stroke_dasharray="3 2")
        floor = tag("path", d=path([(x, y(span.total.low)), (x + width, y(span.total.low))]),
                    class_="fs-span-edge", stroke=PRIMARY, stroke_width="1.2")
        bar = _range_bar(x, width, span.total, y, "fs-span", ("0.07", "0.3"))
        out.append(tag("g", tag("title", esc(title)) + bar + outline + floor))
    return "".join(out)


def _extent(span: Span, slots: Slots) -> tuple[float, float]:
    first, last = slots[span.columns[0]], slots[span.columns[1]]
    return first[0], last[0] + last[1] - first[0]


def _bars(data: Timeline, slots: Slots, y) -> str:
    out = []
    for column in data.columns:
        x, width = slots[column.key]
        if column.is_gap:
            first, last = column.key.split(":")[1:]
            title = f"No incident from {dates.spoken(first)} to {dates.spoken(last)}: months left out"
            mark = path([(x + width * 0.3, BOTTOM + 5), (x + width * 0.5, BOTTOM - 5)]) + path(
                [(x + width * 0.5, BOTTOM + 5), (x + width * 0.7, BOTTOM - 5)])
            out.append(tag("g", tag("title", esc(title)) + tag("path", d=mark, class_="fs-axis-line",
                                                               stroke=FAINT, stroke_width="1.5")))
            continue
        if not column.total:
            continue
        low, high = column.total.low, column.total.high
        shapes = tag("title", esc(f"{dates.spoken(column.key)}: lowest claim {low:,}, highest {high:,}"))
        bar = _range_bar(x + width * 0.1, width * 0.8, column.total, y, "fs", ("1", "0.45"))
        out.append(tag("g", shapes + bar))
    return "".join(out)


def _markers(data: Timeline, slots: Slots, y) -> list[tuple[float, float, float, str, str]]:
    """Where each marker goes: (its x, x and top of what it marks, letter, incident), kept apart."""
    tops = {c.key: c.total.high for c in data.columns if c.total}
    tops.update({f"span:{s.incident}": s.total.high for s in data.spans})
    out, last_x = [], -100.0
    placed = []
    for marker in data.markers:
        first, last = slots[marker.columns[0]], slots[marker.columns[1]]
        centre = (first[0] + last[0] + last[1]) / 2
        top = tops.get(marker.columns[0]) if marker.columns[0] == marker.columns[1] else None
        if top is None:
            top = tops[f"span:{marker.incident}"]
        placed.append((centre, y(top), marker))
    for centre, top, marker in sorted(placed, key=lambda p: (p[0], p[2].letter)):
        mx = max(centre, last_x + 17)
        last_x = mx
        out.append((mx, centre, top, marker.letter, marker.incident))
    return out


def _marker_links(ds: Dataset, data: Timeline, slots: Slots, y, links: Links) -> str:
    out = []
    for mx, centre, top, letter, incident_id in _markers(data, slots, y):
        body = (tag("line", x1=mx, y1=float(TOP - 14), x2=centre, y2=top - 2, class_="fs-leader",
                    stroke=FAINT, stroke_dasharray="2 2")
                + tag("circle", cx=mx, cy=float(TOP - 24), r="8", class_="fs-marker", fill=PRIMARY)
                + text(mx, TOP - 20, letter, text_anchor="middle", class_="fs-marker-text", fill="#ffffff",
                       font_weight="bold", font_size="11"))
        out.append(link(links.incident(incident_id), tag("g", body),
                        f"{letter}: {ds.incidents[incident_id].title}"))
    return "".join(out)


def _clamped(x: float, words: str, size: float) -> float:
    """x moved so a centred label of that many characters stays inside the drawing."""
    half = len(words) * size * 0.3
    return min(max(x, half + 2), WIDTH - half - 2)


def _x_axis(data: Timeline, slots: Slots) -> str:
    out = [tag("line", x1=float(LEFT), y1=float(BOTTOM), x2=float(WIDTH - RIGHT), y2=float(BOTTOM),
               class_="fs-axis-line", stroke=FAINT)]
    labels: dict[str, list[float]] = {}  # label under the axis -> [left, right] of the bars it names
    for column in data.columns:
        x, width = slots[column.key]
        if column.is_gap:
            continue
        if column.by_day:
            day = int(column.key[8:])
            if day == 1:
                out.append(tag("line", x1=x, y1=float(TOP), x2=x, y2=float(BOTTOM + 4), class_="fs-grid",
                               stroke=FAINT, stroke_width="0.6"))
            if day in (1, 10, 20):
                out.append(text(x + width / 2, BOTTOM + 13, str(day), text_anchor="middle",
                                class_="fs-axis", font_size="10.5"))
            label = dates.spoken(column.key[:7])
        else:
            name = dates.MONTHS[int(column.key[5:7]) - 1]
            out.append(text(x + width / 2, BOTTOM + 13, name[:3] if width >= 24 else name[0],
                            text_anchor="middle", class_="fs-axis", font_size="10.5"))
            label = column.key[:4]
        span = labels.setdefault(label, [x, x + width])
        span[1] = x + width
    named_years = {label[-4:] for label in labels if len(label) > 4}
    last_right = float("-inf")
    for label, (left, right) in labels.items():
        if label in named_years:  # 'November 2019' already names the year of December's bar
            continue
        x = _clamped((left + right) / 2, label, 12)
        if x - len(label) * 3.6 < last_right + 4:  # would overlap the label before it
            continue
        last_right = x + len(label) * 3.6
        out.append(text(x, BOTTOM + 28, label, text_anchor="middle", class_="fs-axis", font_size="12"))
    return "".join(out)


def _legend(data: Timeline) -> str:
    y = HEIGHT - 14
    out = (tag("rect", x=float(LEFT), y=float(y - 9), width="10", height="10", class_="fs-low", fill=PRIMARY)
           + text(LEFT + 14, y, "lowest claim", class_="fs-axis")
           + tag("rect", x=float(LEFT + 100), y=float(y - 9), width="10", height="10", class_="fs-gap",
                 fill=ACCENT, fill_opacity="0.45", stroke=ACCENT, stroke_width="0.5")
           + text(LEFT + 114, y, "up to the highest", class_="fs-axis"))
    if data.spans:
        out += (tag("rect", x=float(LEFT + 236), y=float(y - 9), width="10", height="10",
                    class_="fs-span-edge", fill="none", stroke=PRIMARY, stroke_dasharray="3 2")
                + text(LEFT + 250, y, "over several days", class_="fs-axis"))
    return out


def _describe(ds: Dataset, data: Timeline) -> str:
    drawn = [c for c in data.columns if c.total]
    if not drawn and not data.spans:
        return "No incident with a dated death figure yet."
    bars = f"each day of {peak_text(data.peaks)} and each other month" if data.peaks else "each month"
    out = (f"Bars for {bars}: the sum of the lowest death figures claimed for the incidents of that "
           f"period, and above it a band up to the sum of the highest.")
    if drawn:
        widest = max(drawn, key=lambda c: (c.total.high - c.total.low, c.key))
        out += (f" Sources disagree most for {dates.spoken(widest.key)}: {widest.total.low:,} to "
                f"{widest.total.high:,}.")
    for span in data.spans:
        out += (f" A box for {ds.incidents[span.incident].title}, {period_text(span)}: {span.total.low:,} "
                f"to {span.total.high:,}.")
    if data.markers:
        marked = "; ".join(f"{m.letter}, {ds.incidents[m.incident].title}" for m in data.markers)
        out += f" Marked: {marked}."
    return out


def svg(ds: Dataset, data: Timeline, links: Links, uid: str = "fs-timeline") -> str:
    """The timeline drawing."""
    highs = [c.total.high for c in data.columns if c.total] + [s.total.high for s in data.spans]
    ticks = nice_ticks(max(highs, default=0))

    def y(value: float) -> float:
        return BOTTOM - value / ticks[-1] * (BOTTOM - TOP)

    slots = _layout(data.columns)
    body = (y_axis(ticks, y, LEFT, WIDTH - RIGHT) + _spans(ds, data, slots, y) + _x_axis(data, slots)
            + _bars(data, slots, y) + _legend(data))
    title = "Deaths claimed over time, from the lowest to the highest claim"
    return document(uid, WIDTH, HEIGHT, title, _describe(ds, data), body, "fs-timeline",
                    _marker_links(ds, data, slots, y, links))


def _incidents_cell(ds: Dataset, data: Timeline, ids: tuple[str, ...], links: Links) -> str:
    letters = {m.incident: m.letter for m in data.markers}
    ids = tuple(sorted(ids, key=lambda i: (i not in letters, letters.get(i, ""), i)))
    cells = [(f"{letters[i]}: " if i in letters else "") + md_link(ds.incidents[i].title, links.incident(i))
             for i in ids[:MAX_LINKED]]
    if len(ids) > MAX_LINKED:
        cells.append("and others, listed in the incidents index")
    return "; ".join(cells)


def table(ds: Dataset, data: Timeline, mark: Mark, links: Links) -> str:
    """One row per bar and box with its lowest and highest sums, cited; then the incidents left out."""
    rows = []
    for column in data.columns:
        if column.total:
            days = dates.month_days(column.key) if len(column.key) == 7 else [column.key]
            key = (days[0], -len(days))
            rows.append((key, dates.spoken(column.key), column.total, column.total.incidents))
    for span in data.spans:
        when = period_text(span) + (" (its end: when its latest part began)" if span.extended else "")
        length = len(dates.days_between(*(dates.full(d) for d in (span.first, span.last))))
        rows.append(((span.first, -length), when, span.total, (span.incident,)))
    cells = [[md(when), cited(found.low, found.low_cites, mark, SUM_NOTE),
              cited(found.high, found.high_cites, mark, SUM_NOTE), _incidents_cell(ds, data, ids, links)]
             for _, when, found, ids in sorted(rows, key=lambda r: r[0])]
    out = markdown_table(("Period", "Lowest claim", "Highest claim", "Incidents"), cells)
    if any(too_many(found) for _, _, found, _ in rows):
        out += derived_note(SUM_NOTE, "A sum over many incidents. Each incident's lowest and highest "
                                      "figures are cited on its own page, reached from the incidents index.")
    if data.not_drawn:
        left_out = [md_link(ds.incidents[i].title, links.incident(i)) for i, _ in data.not_drawn[:20]]
        more = "; and others, listed in the incidents index" if len(data.not_drawn) > 20 else ""
        out += "\nNot drawn, having no date: " + "; ".join(left_out) + more + ".\n"
    return out


def caption(data: Timeline) -> str:
    """What the figure shows, in words without figures."""
    when = f"by day in {peak_text(data.peaks)} and by month otherwise" if data.peaks else "by month"
    boxes = (" A dashed box stands for an incident that covers several days, drawn behind the bars of "
             "those days." if data.spans else "")
    breaks = " Slanted strokes on the axis mark months with no incident, left out." if any(
        c.is_gap for c in data.columns) else ""
    return (f"Deaths claimed, {when}. The solid bar reaches the sum of the lowest figures any source "
            f"gives for the incidents of the period, the light band the sum of the highest; a tall band "
            f"means the sources disagree. Where an incident lies within a wider one of the same period, "
            f"its deaths are counted once.{boxes}{breaks} Lettered incidents link to their pages.")


def figure(ds: Dataset, mark: Mark, links: Links, uid: str = "fs-timeline") -> Figure:
    """The timeline, its caption and its cited data table."""
    data = build(ds)
    return Figure(svg(ds, data, links, uid), caption(data), table(ds, data, mark, links))
