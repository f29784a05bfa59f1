"""The timeline as SVG: a legend, then a panel per time scale (by month, by day), then running totals."""

from __future__ import annotations

from ..i18n import N_, t
from ..model import Dataset
from . import axis, dates, runs_draw, timeline_table
from .links import Links
from .links import title as incident_title
from .ranges import Total
from .svg import (
    ACCENT,
    FAINT,
    PRIMARY,
    document,
    esc,
    link,
    nice_ticks,
    path,
    readable,
    tag,
    text,
    text_width,
    tick_room,
    wrap,
    y_axis,
)
from .table import Figure, Mark
from .timeline import Panel, Span, Timeline, build, months_text, period_text

WIDTH = 480
SIZE = readable(WIDTH)  # every piece of text: 12 CSS px on a phone
RIGHT = 8
PLOT = 130  # height of a panel's plot area
RADIUS = SIZE * 0.72  # a marker's circle
PANEL_GAP = SIZE * 2.2  # space between panels, above the next one's title


def _range_bar(x: float, width: float, found: Total, y, prefix: str, opacity: tuple[str, str]) -> str:
    """The solid part up to the lowest claim and the band up to the highest."""
    out = ""
    if found.high > found.low:
        out += tag("rect", x=x, y=y(found.high), width=width, height=y(found.low) - y(found.high),
                   class_=f"{prefix}-gap", fill=ACCENT, fill_opacity=opacity[1], stroke=ACCENT,
                   stroke_width="0.5")
    return out + tag("rect", x=x, y=y(found.low), width=width, height=y(0) - y(found.low),
                     class_=f"{prefix}-low", fill=PRIMARY, fill_opacity=opacity[0])


def _span_title(ds: Dataset, span: Span) -> str:
    what = t("a figure for the period") if span.claim else t("over several days")
    return t("{period}, {title} ({what}): lowest claim {low}, highest {high}", period=period_text(span),
             title=incident_title(ds, span.incident), what=what, low=f"{span.total.low:,}",
             high=f"{span.total.high:,}")


def _spans(ds: Dataset, panel: Panel, scale: axis.TimeScale, y) -> str:
    """Boxes over their stated days, behind the bars, widest at the back."""
    out = []
    def widest(span: Span) -> tuple:
        return -(dates.full(span.last) - dates.full(span.first)).days, span.first, span.incident

    for span in sorted(panel.spans, key=widest):
        left, right = scale.extent(dates.full(span.first), dates.full(span.last))
        css = "fs-period-edge" if span.claim else "fs-span-edge"
        dash = "1.5 2.5" if span.claim else "4 2"
        outline = tag("rect", x=left, y=y(span.total.high), width=right - left,
                      height=y(0) - y(span.total.high), class_=css, fill="none", stroke=PRIMARY,
                      stroke_width="1.2", stroke_dasharray=dash)
        floor = tag("path", d=path([(left, y(span.total.low)), (right, y(span.total.low))]), class_=css,
                    stroke=PRIMARY, stroke_width="1.6")
        bar = _range_bar(left, right - left, span.total, y, "fs-span", ("0.07", "0.3"))
        out.append(tag("g", tag("title", esc(_span_title(ds, span))) + bar + outline + floor))
    return "".join(out)


def _bars(panel: Panel, scale: axis.TimeScale, y) -> str:
    out = []
    for bar in panel.bars:
        left, right = scale.extent(*(dates.full(d) for d in dates.extent(bar.key)))
        pad = (right - left) * 0.12
        title = t("{when}: lowest claim {low}, highest {high}", when=dates.spoken(bar.key),
                  low=f"{bar.total.low:,}", high=f"{bar.total.high:,}")
        out.append(tag("g", tag("title", esc(title))
                       + _range_bar(left + pad, right - left - 2 * pad, bar.total, y, "fs", ("1", "0.45"))))
    return "".join(out)


def _markers(ds: Dataset, panel: Panel, scale: axis.TimeScale, y, row: float, links: Links) -> str:
    """Lettered circles in a row above the plot, each linked to its incident, with a leader to its mark."""
    bars = {dates.extent(b.key): b.total.high for b in panel.bars}
    boxes = {(s.incident, s.first, s.last): s.total.high for s in panel.spans if s.claim is None}
    placed = []
    for marker in panel.markers:
        left, right = scale.extent(dates.full(marker.first), dates.full(marker.last))
        extent = (marker.first, marker.last)
        high = boxes.get((marker.incident, *extent), bars.get(extent, 0))
        placed.append(((left + right) / 2, y(high), marker))
    out, last_x = [], float("-inf")
    for centre, top, marker in sorted(placed, key=lambda p: (p[0], p[2].letter)):
        mx = min(max(centre, last_x + 2 * RADIUS + 3, RADIUS + 1), WIDTH - RADIUS - 1)
        last_x = mx
        body = (tag("line", x1=mx, y1=row + RADIUS, x2=centre, y2=top - 2, class_="fs-leader", stroke=FAINT,
                    stroke_dasharray="2 2")
                + tag("circle", cx=mx, cy=row, r=RADIUS, class_="fs-marker", fill=PRIMARY)
                + text(mx, row + SIZE * 0.36, marker.letter, text_anchor="middle", class_="fs-marker-text",
                       fill="#ffffff", font_weight="bold", font_size=SIZE))
        out.append(link(links.incident(marker.incident), tag("g", body),
                        f"{marker.letter}: {incident_title(ds, marker.incident)}"))
    return "".join(out)


def _title(words: str, top: float) -> tuple[str, float]:
    """A panel's heading, wrapped to the width; returns it and the baseline of its last line."""
    lines = wrap(words, SIZE, WIDTH - 4, bold=True)
    out = "".join(text(0, top + SIZE * (1 + 1.2 * n), w, font_weight="bold", font_size=SIZE,
                       class_="fs-panel-title") for n, w in enumerate(lines))
    return out, top + SIZE * (1 + 1.2 * (len(lines) - 1))


def _panel(ds: Dataset, panel: Panel, heading: str, top: float, left: float, links: Links,
           shade: tuple[str, str] | None = None) -> tuple[str, str, float]:
    """One panel: heading, markers, plot, axis. Returns drawing, links and the y where it ends."""
    title, baseline = _title(heading, top)
    row = baseline + SIZE * 0.6 + RADIUS if panel.markers else baseline
    plot_top = row + RADIUS + SIZE * 0.8 if panel.markers else baseline + SIZE * 1.2
    plot_bottom = plot_top + PLOT
    highs = [b.total.high for b in panel.bars] + [s.total.high for s in panel.spans]
    ticks = nice_ticks(max(highs, default=0), 4)

    def y(value: float) -> float:
        return plot_bottom - value / ticks[-1] * (plot_bottom - plot_top)

    scale = axis.TimeScale(dates.full(panel.first), dates.full(panel.last), left, WIDTH - RIGHT)
    body = title
    if shade:
        first, last = scale.extent(dates.full(shade[0]), dates.full(shade[1]))
        body += tag("rect", x=first, y=plot_top, width=last - first, height=plot_bottom - plot_top,
                    class_="fs-shade", fill=FAINT, fill_opacity="0.25")
    body += (y_axis(ticks, y, left, WIDTH - RIGHT, SIZE) + _spans(ds, panel, scale, y)
             + _bars(panel, scale, y) + axis.draw(scale, SIZE, WIDTH, plot_bottom, plot_top))
    marked = _markers(ds, panel, scale, y, row, links) if panel.markers else ""
    return body, marked, plot_bottom + axis.height(SIZE)


def _legend(data: Timeline, top: float) -> tuple[str, float]:
    """What the bars and boxes mean, in rows that wrap; returns it and the y where it ends."""
    items = [("fs-low", t("lowest claim")), ("fs-gap", t("up to the highest"))]
    spans = [s for p in (data.months, data.days) if p for s in p.spans]
    if any(s.claim is None for s in spans):
        items.append(("fs-span-edge", t("incident over several days")))
    if any(s.claim for s in spans):
        items.append(("fs-period-edge", t("figure for a stated period")))
    out, x, y = [], 0.0, top + SIZE
    for css, words in items:
        width = SIZE * 1.1 + text_width(words, SIZE)
        if x and x + width > WIDTH:
            x, y = 0.0, y + SIZE * 1.4
        swatch = {"fs-low": {"fill": PRIMARY}, "fs-gap": {"fill": ACCENT, "fill_opacity": "0.45"},
                  "fs-span-edge": {"fill": "none", "stroke": PRIMARY, "stroke_dasharray": "4 2"},
                  "fs-period-edge": {"fill": "none", "stroke": PRIMARY, "stroke_dasharray": "1.5 2.5"}}[css]
        out.append(tag("rect", x=x + 1, y=y - SIZE * 0.7, width=SIZE * 0.7, height=SIZE * 0.7, class_=css,
                       **swatch) + text(x + SIZE * 1.0, y, words, class_="fs-axis", font_size=SIZE))
        x += width + SIZE
    return "".join(out), y + SIZE * 0.4


def svg(ds: Dataset, data: Timeline, links: Links, uid: str = "fs-timeline") -> str:
    """The timeline drawing."""
    panels = [p for p in (data.months, data.days) if p]
    ticks = [nice_ticks(max([b.total.high for b in p.bars] + [s.total.high for s in p.spans], default=0), 4)
             for p in panels]
    left = max([tick_room(t, SIZE) for t in ticks] + [runs_draw.left_room(data.runs, SIZE)])
    if not panels:
        body = text(0, SIZE * 1.5, t("No incident with a dated death figure yet."), font_size=SIZE)
        return document(uid, WIDTH, round(SIZE * 2.5), t(TITLE), describe(ds, data), body, "fs-timeline")
    body, marked = _legend(data, 0)
    body_links = ""
    if data.months:
        heading = t("By month, {months}", months=months_text(data.months.first, data.months.last))
        shade = (data.days.first, data.days.last) if data.days else None
        drawn, links_svg, bottom = _panel(ds, data.months, heading, marked + SIZE * 0.6, left, links, shade)
        body, body_links, marked = body + drawn, body_links + links_svg, bottom
    if data.days:
        heading = t("Day by day, {months}", months=months_text(data.days.first, data.days.last)) + (
            t(" (shaded above)") if data.months else "")
        drawn, links_svg, bottom = _panel(ds, data.days, heading, marked + PANEL_GAP, left, links)
        body, body_links, marked = body + drawn, body_links + links_svg, bottom
    if data.runs and data.months:
        drawn, bottom = runs_draw.panel(data.runs, data.months, marked + PANEL_GAP, left, WIDTH, SIZE)
        body, marked = body + drawn, bottom
    return document(uid, WIDTH, round(marked + SIZE * 0.5), t(TITLE), describe(ds, data), body, "fs-timeline",
                    body_links)


TITLE = N_("Deaths claimed over time: by month, by day in the busiest months, and running totals")


def describe(ds: Dataset, data: Timeline) -> str:
    """The figure in words, for screen readers."""
    if not data.months and not data.days:
        return t("No incident with a dated death figure yet.")
    out = []
    for panel, by_day in ((data.months, False), (data.days, True)):
        if panel is None:
            continue
        bars = t("; ").join(t("{when}, {low} to {high}", when=dates.spoken(b.key), low=f"{b.total.low:,}",
                               high=f"{b.total.high:,}") for b in panel.bars)
        spans = "".join(t("; ") + _span_title(ds, s) for s in panel.spans)
        months = months_text(panel.first, panel.last)
        out.append(t("By day, {months}: {bars}{spans}.", months=months, bars=bars, spans=spans) if by_day
                   else t("By month, {months}: {bars}{spans}.", months=months, bars=bars, spans=spans))
    for run in data.runs:
        steps = t(", then ").join(t("{value} as of {date}", value=_worded(p.claim), date=runs_draw.spoken(p))
                                  for _, p in run.points)
        out.append(t("Running total, {label}: {steps}.", label=run.label, steps=steps))
    markers = [m for p in (data.months, data.days) if p for m in p.markers]
    if markers:
        out.append(t("Marked: {items}.", items=t("; ").join(f"{m.letter}, {incident_title(ds, m.incident)}"
                                                           for m in sorted(markers, key=lambda m: m.letter))))
    return " ".join(out)


def _worded(claim) -> str:
    return runs_draw.value_text(claim)


def caption(data: Timeline) -> str:
    """What the figure shows, in words without figures."""
    parts = [t("Deaths claimed, on one time scale per panel.")]
    if data.months:
        parts.append(t("By month: a bar sums, for the incidents of the month, the lowest figure any source "
                       "gives (solid) and the highest (light band); a tall band means the sources disagree."))
    if data.days:
        parts.append(t("Day by day: the shaded months again, a bar per day; an incident dated only to its "
                       "month is in the monthly panel alone."))
    spans = [s for p in (data.months, data.days) if p for s in p.spans]
    if any(s.claim is None for s in spans):
        parts.append(t("A dashed box spans the stated days of an incident that lasted several."))
    if any(s.claim for s in spans):
        parts.append(t("A dotted box is a figure a source gives for a stated period."))
    parts.append(t("An incident within a wider one is counted once."))
    if data.runs:
        parts.append(t("Running totals: each claimant's count at the date it was counted to, never added to "
                       "the bars; a hollow marker with a bar across a month is dated only to that month."))
    if data.earlier or data.not_drawn:
        parts.append(t("Events before October 2019 and figures with no date or no end date are not drawn; "
                       "the table lists them with their figures."))
    return " ".join([*parts, t("Letters link to the incidents' pages.")])


def figure(ds: Dataset, mark: Mark, links: Links, uid: str = "fs-timeline") -> Figure:
    """The timeline, its caption and its cited data table."""
    data = build(ds)
    return Figure(svg(ds, data, links, uid), caption(data), timeline_table.table(ds, data, mark, links))
