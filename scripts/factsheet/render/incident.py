"""The incident page: key facts, summary, the claims side by side, ranges, allegations, who."""

from __future__ import annotations

from .. import charts
from ..markup import esc, external, human_date, record_path
from ..model import Incident, Place
from .common import (
    METHODOLOGY,
    Context,
    Page,
    counted,
    figure,
    governorate_link,
    grade_cell,
    origins_cell,
    plain_title,
    range_cell,
    section,
    table,
    variants,
)

# How far to zoom a map link for each precision word of the coordinates.
_ZOOM = {"exact": 17, "neighbourhood": 15, "city": 12, "governorate": 9, "region": 7}


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's row on its incident page."""
    return f"claim-{claim_id}"


def path(incident_id: str) -> str:
    """The page's source path."""
    return record_path("incident", incident_id)


def when(incident: Incident) -> str:
    """The date, or the first and last day."""
    start = human_date(incident.date, missing="date unknown")
    return f"{start} to {human_date(incident.end_date)}" if incident.end_date else start


def place(page: Page, where: Place) -> str:
    """City (and its other spellings), area, country, and a map link with its precision."""
    parts = []
    others = variants(where.variants)  # abbreviations marked, as for people and organisations
    if where.city:
        parts.append(esc(where.city) + (f" (also written {others})" if others else ""))
    elif others:
        parts.append(f"also written {others}")
    parts += [esc(p) for p in (where.area, where.country) if p]
    coords = where.coordinates
    if coords:
        zoom = _ZOOM.get(coords.precision, 10)
        url = (f"https://www.openstreetmap.org/?mlat={coords.lat}&mlon={coords.lon}"
               f"#map={zoom}/{coords.lat}/{coords.lon}")
        parts.append(external(f"map (position to {esc(coords.precision)} level)", url))
    return "; ".join(parts)


def facts(page: Page, incident: Incident) -> str:
    """The key facts as a list."""
    links = page.ctx.links
    items = [("Date", when(incident)), ("Place", place(page, incident.place))]
    govs = ", ".join(governorate_link(page, g) for g in incident.place.governorates)
    items.append(("Governorate" if len(incident.place.governorates) == 1 else "Governorates", govs))
    if incident.part_of:
        items.append(("Part of", page.record("incident", incident.part_of)))
    within = links.children.get(incident.id, ())
    items.append(("Incidents within it", ", ".join(page.record("incident", c) for c in within)))
    return "\n".join(f"- **{label}:** {value}" for label, value in items if value)


def ranges(page: Page, incident: Incident) -> str:
    """Per count and scope: the range, its independent origins and the grade."""
    rows = [(counted(f.counts, f.who), range_cell(page, f), origins_cell(page, f), grade_cell(page, f))
            for f in page.ctx.links.figures.get(incident.id, ())]
    return table(("Counted", "Claimed range", "Independent origins", "Grade"), rows)


def claims(page: Page, incident: Incident) -> str:
    """Every figure, source by source, grouped by what it counts."""
    groups = {(f.counts, f.who): n for n, f in enumerate(page.ctx.links.figures.get(incident.id, ()))}
    ordered = sorted((c for c in incident.claims if c.is_figure), key=lambda c: groups[c.counts or "", c.who])
    rows = []
    for claim in ordered:
        anchor = f'<span id="{claim_anchor(claim.id)}"></span>'
        rows.append((anchor + counted(claim.counts, claim.who), figure(page, claim),
                     page.chain(claim.chain), human_date(claim.as_of, missing="not stated"),
                     page.source_label(claim.cite.source), page.notes.text(claim.note, inline=True)))
    headers = ("Counted", "Figure as worded", "Claimant, then relays", "As of", "Source", "Note")
    if not any(row[-1] for row in rows):  # no claim has a note: leave the column out
        return table(headers[:-1], [row[:-1] for row in rows])
    return table(headers, rows)


def allegations(page: Page, incident: Incident) -> str:
    """Allegations with who makes them and whom they accuse."""
    rows = []
    for claim in incident.claims:
        if claim.is_figure:
            continue
        anchor = f'<span id="{claim_anchor(claim.id)}"></span>'
        text = page.notes.text(claim.alleges, inline=True) + page.notes.cite(claim.cite)
        accused = ", ".join(page.link_item(a) for a in claim.accused)
        rows.append((anchor + text, page.chain(claim.chain), accused,
                     human_date(claim.as_of, missing="not stated"), page.source_label(claim.cite.source),
                     page.notes.text(claim.note, inline=True)))
    headers = ("Allegation", "Made by, then relays", "Accused", "As of", "Source", "Note")
    if not any(row[-1] for row in rows):  # no allegation has a note: leave the column out, as for figures
        return table(headers[:-1], [row[:-1] for row in rows])
    return table(headers, rows)


def involved(page: Page, incident: Incident) -> str:
    """People and organisations taking part, each role cited."""
    rows = []
    for inv in incident.involved:
        kind, record_id = ("person", inv.person) if inv.person else ("organisation", inv.organisation)
        rows.append((page.record(kind, record_id or ""), esc(inv.role) + page.notes.cite(inv.cite)))
    return table(("Who", "Role"), rows)


def render(ctx: Context, incident: Incident) -> str:
    """The Markdown of one incident page."""
    page = Page(ctx, path(incident.id))
    method = page.to(METHODOLOGY)
    figures_intro = (f"Each row is one claim, as its source worded it. Ranges run from the lowest to the "
                     f"highest claimed figure for the same count and scope; two outlets relaying the same "
                     f"origin count once ([how figures are read]({method}#ranges)).")
    blocks = [
        f"# {page.title(incident.title)}",
        facts(page, incident),
        section("Summary", page.notes.text(incident.summary)),
    ]
    range_table = ranges(page, incident)
    blocks.append(section("Casualty figures", figures_intro if range_table else "", range_table,
                          anchor="figures"))
    blocks.append(section("Claims, source by source", claims(page, incident), anchor="claims"))
    histories = [f.markdown() for f in charts.toll_histories(ctx.ds, incident, page.notes.cite)]
    blocks.append(section("How the figures changed", *histories, anchor="history"))
    blocks.append(section("Allegations", allegations(page, incident), anchor="allegations"))
    blocks.append(section("People and organisations involved", involved(page, incident), anchor="involved"))
    return page.render(plain_title(incident.title), blocks)
