"""The incident page: key facts, summary, the claims side by side, ranges, running totals, who."""

from __future__ import annotations

from collections.abc import Sequence

from .. import charts
from ..figures import IncidentFigures, Series
from ..governorates import GOVERNORATES
from ..i18n import language, t, vt
from ..markup import attr, esc, external, human_date, number, record_path
from ..model import Claim, Incident, Place
from .blocks import first_sentence, plain, plain_title, section, table
from .common import METHODOLOGY, Context, Page, governorate_link
from .figure_text import (
    claim_counted,
    counted,
    figure,
    grade_cell,
    group_of,
    isolated,
    origins_cell,
    range_cell,
)
from .languages import place_html, place_text, quoted, text_of, variants

# How far to zoom a map link for each precision word of the coordinates.
_ZOOM = {"exact": 17, "neighbourhood": 15, "city": 12, "governorate": 9, "region": 7}


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's row on its incident page."""
    return f"claim-{claim_id}"


def claim_link(claim_id: str) -> str:
    """The start of a claim's row: its anchor, as a link to itself that a reader can copy."""
    anchor, label = attr(claim_anchor(claim_id)), t("Link to this claim")
    return (f'<a class="fs-claim-link" id="{anchor}" href="#{anchor}" title="{label}">'
            f'<span aria-hidden="true">#</span><span class="fs-sr">{label}</span></a> ')


def path(incident_id: str) -> str:
    """The page's source path."""
    return record_path("incident", incident_id)


def when(incident: Incident) -> str:
    """The date, or the first and last day."""
    start = human_date(incident.date, missing=t("date unknown"))
    return t("{start} to {end}", start=start,
             end=human_date(incident.end_date)) if incident.end_date else start


def place(page: Page, where: Place) -> str:
    """City (and its other spellings), area, country, and a map link with its precision."""
    parts = []
    others = variants(where.variants)  # abbreviations marked, as for people and organisations
    city = place_html(where, "city")
    if where.city:
        parts.append(t("{city} (also written {names})", city=city, names=others) if others else city)
    elif others:
        parts.append(t("also written {names}", names=others))
    parts += [place_html(where, field) for field in ("area", "country") if getattr(where, field)]
    coords = where.coordinates
    if coords:
        zoom = _ZOOM.get(coords.precision, 10)
        url = (f"https://www.openstreetmap.org/?mlat={coords.lat}&mlon={coords.lon}"
               f"#map={zoom}/{coords.lat}/{coords.lon}")
        precision = esc(vt(coords.precision))
        parts.append(external(t("map (position to {precision} level)", precision=precision), url))
    return t("; ").join(parts)


def sites(where: Place) -> str:
    """Places within the city, each with its kind and other names."""
    shown = []
    for site in where.sites:
        others = variants(site.variants)
        site_name = esc(site.name) if language() == "en" else _site_name(site)
        kind = esc(vt(site.kind.replace("-", " ")))
        shown.append(t("{name} ({kind}; also written {names})", name=site_name, kind=kind, names=others)
                     if others else t("{name} ({kind})", name=site_name, kind=kind))
    return t("; ").join(shown)


def _site_name(site: object) -> str:
    """A site's Arabic name (its first Arabic spelling), or its name tagged as English."""
    for variant in getattr(site, "variants", ()):
        if variant.lang == language():
            return esc(variant.name)
    return f'<span lang="en" dir="ltr">{esc(getattr(site, "name", ""))}</span>'


def facts(page: Page, incident: Incident) -> str:
    """The key facts as a list."""
    links = page.ctx.links
    items = [(t("Date"), when(incident)), (t("Place"), place(page, incident.place)),
             (t("Within the city"), sites(incident.place))]
    govs = t(", ").join(governorate_link(page, g) for g in incident.place.governorates)
    items.append((t("Governorate") if len(incident.place.governorates) == 1 else t("Governorates"), govs))
    if incident.part_of:
        items.append((t("Part of"), page.record("incident", incident.part_of)))
    shown = "\n".join(f"- **{label}:** {value}" for label, value in items if value)
    return shown + within(page, links.children.get(incident.id, ()))


def within(page: Page, children: Sequence[str]) -> str:
    """The incidents within this one as a list of their own, by date: a movement holds dozens."""
    if not children:
        return ""
    rows = [t("{date}: {incident}", date=when(page.ds.incidents[c]), incident=page.record("incident", c))
            for c in children]
    label = t("Incidents within it")
    return f"\n- **{label}:**\n" + "\n".join(f"    - {row}" for row in rows)


def _found(page: Page, incident: Incident) -> IncidentFigures:
    return page.ctx.links.figures[incident.id]


def ranges(page: Page, incident: Incident) -> str:
    """Per count, group counted and period: the range, its independent origins and the grade."""
    rows = [(counted(g.counts, g.who, g.scope), range_cell(page, g), origins_cell(page, g),
             grade_cell(page, g)) for g in _found(page, incident).groups]
    return table((t("Counted"), t("Claimed range"), t("Independent origins"), t("Grade")), rows)


def _latest_rows(page: Page, incident: Incident, run: Series) -> list[Sequence[str]]:
    return [(page.origin(found), figure(page, claim), grade_cell(page, group_of(page, incident.id, claim)),
             human_date(claim.as_of, missing=t("not stated")), page.source_cell(claim.cite.source))
            for found, claim in run.latest]


def running(page: Page, incident: Incident) -> str:
    """Each running total: every origin's latest figure, and the same-day comparisons."""
    blocks = []
    for run in _found(page, incident).series:
        heading = t("{counted}, since {date}", counted=counted(run.counts, run.who),
                    date=human_date(run.since))
        blocks.append(t("**{heading}.** The latest figure of each origin, newest first:", heading=heading))
        blocks.append(table((t("Origin"), t("Latest figure"), t("Grade on its day"), t("As of"), t("Source")),
                            _latest_rows(page, incident, run)))
        same_day = [(human_date(g.scope.period[2]), range_cell(page, g), origins_cell(page, g),
                     grade_cell(page, g)) for g in run.groups if len(g.origins) > 1]
        if same_day:
            blocks.append(t("Figures given for the same day by different origins, compared:"))
            blocks.append(table((t("As of"), t("Claimed range"), t("Independent origins"), t("Grade")),
                                same_day))
    return "\n\n".join(blocks)


def _claim_row(page: Page, incident: Incident, claim: Claim) -> list[str]:
    return [claim_link(claim.id) + claim_counted(claim), figure(page, claim),
            grade_cell(page, group_of(page, incident.id, claim)), page.chain(claim.chain), as_of(page, claim),
            page.source_cell(claim.cite.source), page.text(claim, "note", claim.note, inline=True)]


def as_of(page: Page, claim: Claim) -> str:
    """The date of a claim, and how it was obtained when not stated in the text."""
    shown = human_date(claim.as_of, missing=t("not stated"))
    if claim.as_of_basis == "document-date":
        return t("{date} (date of the document)", date=shown)
    if claim.as_of_basis == "inferred":
        return t("{date} (inferred: {how})", date=shown,
                 how=page.text(claim, "as_of_note", claim.as_of_note or "", inline=True))
    return shown


def _claims_table(page: Page, incident: Incident, claims: Sequence[Claim]) -> str:
    rows = [_claim_row(page, incident, c) for c in claims]
    headers = (t("Counted"), t("Figure as worded"), t("Grade"), t("Claimant, then relays"), t("As of"),
               t("Source"), t("Note"))
    if not any(row[-1] for row in rows):  # no claim has a note: leave the column out
        return table(headers[:-1], [row[:-1] for row in rows])
    return table(headers, rows)


def claims(page: Page, incident: Incident) -> str:
    """Every casualty figure and counted denial, source by source, grouped by what it counts."""
    found = _found(page, incident)
    order = [g for g in found.groups] + [g for run in found.series for g in run.groups]
    ordered = [c for g in order for c in (*g.claims, *g.wordless)]
    return _claims_table(page, incident, ordered)


def other(page: Page, incident: Incident) -> str:
    """Figures that count no casualties: troops, years, kilometres, names on a list."""
    ordered = [c for g in _found(page, incident).other for c in (*g.claims, *g.wordless)]
    return _claims_table(page, incident, ordered)


def allegations(page: Page, incident: Incident) -> str:
    """Allegations with who makes them and whom they accuse."""
    rows = []
    for claim in incident.claims:
        if claim.kind != "allegation":
            continue
        text = page.text(claim, "alleges", claim.alleges, inline=True) + page.notes.cite(claim.cite)
        accused = t(", ").join(page.link_item(a, marked=False) for a in claim.accused)
        rows.append((claim_link(claim.id) + text, page.chain(claim.chain), accused, as_of(page, claim),
                     page.source_cell(claim.cite.source), page.text(claim, "note", claim.note, inline=True)))
    headers = (t("Allegation"), t("Made by, then relays"), t("Accused"), t("As of"), t("Source"), t("Note"))
    if not any(row[-1] for row in rows):  # no allegation has a note: leave the column out, as for figures
        return table(headers[:-1], [row[:-1] for row in rows])
    return table(headers, rows)


def _answered(page: Page, incident: Incident, claim_id: str) -> str:
    """A claim a denial answers: its figure as worded (or its kind) and origin, linked to its row."""
    found = next((c for c in incident.claims if c.id == claim_id), None)
    if found is None:
        return esc(claim_id)
    if found.figure:
        what = t("“{worded}”", worded=quoted(esc(found.figure)))
    else:
        what = {"denial": t("the denial"), "allegation": t("the allegation")}.get(found.kind, t("the figure"))
    origin = page.ctx.links.origins.get((incident.id, claim_id))
    by = t(", {name}", name=page.origin_name(origin)) if origin else ""
    return f"[{what}{by}](#{claim_anchor(claim_id)})" + page.notes.cite(found.cite)


def denials(page: Page, incident: Incident) -> str:
    """Denials, with who makes them and which claims they answer."""
    rows = []
    for claim in incident.claims:
        if claim.kind != "denial":
            continue
        # A denial of a count already has its row, and its anchor, among the figures above.
        link = "" if claim.is_counted else claim_link(claim.id)
        text = page.text(claim, "denies", claim.denies, inline=True) + page.notes.cite(claim.cite)
        answers = t(", ").join(_answered(page, incident, a) for a in claim.answers)
        rows.append((link + text, page.chain(claim.chain), answers, as_of(page, claim),
                     page.source_cell(claim.cite.source)))
    return table((t("Denial"), t("Made by, then relays"), t("Answers"), t("As of"), t("Source")), rows)


def victims(page: Page, incident: Incident) -> str:
    """The named dead of this incident, each fact cited."""
    rows = []
    for person_id in page.ctx.links.victims.get(incident.id, ()):
        victim = page.ds.people[person_id].victim
        assert victim is not None
        cells = {label: (isolated(esc(number(int(fact.value)))) if label == "age" else
                         esc(human_date(fact.value)) if label == "died" else page.inline(fact, "text",
                                                                                         fact.value, esc))
                 + page.notes.cite(fact.cite) for label, fact in victim.facts}
        rows.append((page.record("person", person_id), cells.get("died", ""), cells.get("age", ""),
                     cells.get("how", ""), cells.get("place", "")))
    return table((t("Name"), t("Died"), t("Age"), t("How"), t("Where")), rows)


def involved(page: Page, incident: Incident) -> str:
    """People and organisations taking part, each role cited."""
    rows = []
    for inv in incident.involved:
        kind, record_id = ("person", inv.person) if inv.person else ("organisation", inv.organisation)
        rows.append((page.record(kind, record_id or ""), page.inline(inv, "role", inv.role, esc)
                     + page.notes.cite(inv.cite)))
    return table((t("Who"), t("Role")), rows)


def render(ctx: Context, incident: Incident) -> str:
    """The Markdown of one incident page."""
    page = Page(ctx, path(incident.id))
    method = page.to(METHODOLOGY)
    figures_intro = t("Each range runs from the lowest to the highest figure claimed for the same count, "
                      "group of people and period; two outlets relaying the same origin count once "
                      "([how figures are read]({target})).", target=f"{method}#ranges")
    running_intro = t("A running total counts from a start date up to the day it was given, so later "
                      "figures are larger: they are shown as a series, not compared as rivals "
                      "([running totals]({target})).", target=f"{method}#running-totals")
    range_table = ranges(page, incident)
    running_tables = running(page, incident)
    drawn = charts.toll_histories(ctx.ds, incident, page.notes.cite, page.figure_links())
    histories = [f.markdown() for f in drawn]
    blocks = [
        f"# {page.title(incident.title, incident)}",
        facts(page, incident),
        section(t("Summary"), page.text(incident, "summary", incident.summary)),
        section(t("Casualty figures"), figures_intro if range_table else "", range_table, anchor="figures"),
        section(t("Running totals"), running_intro if running_tables else "", running_tables,
                anchor="running-totals"),
        section(t("Claims, source by source"), claims(page, incident), anchor="claims"),
        section(t("How the figures changed"), *histories, anchor="history"),
        section(t("Named dead"), victims(page, incident), anchor="victims"),
        section(t("Denials"), denials(page, incident), anchor="denials"),
        section(t("Allegations"), allegations(page, incident), anchor="allegations"),
        section(t("Other figures"), other(page, incident), anchor="other-figures"),
        section(t("People and organisations involved"), involved(page, incident), anchor="involved"),
    ]
    title = text_of(incident, "title", incident.title)[0] or ""
    return page.render(plain_title(title), blocks, description=description(incident), record="incident")


def description(incident: Incident) -> str:
    """When and where, and the first sentence of the summary, as plain text."""
    where = incident.place
    names = [place_text(where, "city")[0] or place_text(where, "area")[0] or place_text(where, "country")[0]]
    names += [GOVERNORATES[g].arabic if language() == "ar" else GOVERNORATES[g].name
              for g in where.governorates if g in GOVERNORATES]
    where_text = t(", ").join(dict.fromkeys(n for n in names if n))
    head = t("{date}, {place}", date=when(incident), place=where_text) if where_text else when(incident)
    summary = text_of(incident, "summary", incident.summary)[0] or ""
    return t("{head}: {summary}", head=head, summary=first_sentence(plain(summary)))

