"""Index pages: incidents by date and by governorate, people, organisations, sources, all claims."""

from __future__ import annotations

from .. import charts
from ..cite import plain_field
from ..governorates import GOVERNORATES
from ..markup import esc, human_date, lang_span, name, number, sort_date
from .common import (
    GOVERNORATES_PAGE,
    METHODOLOGY,
    Context,
    Page,
    claim_refs,
    counted,
    figure,
    range_cell,
    table,
    variants,
    words,
)
from .incident import claim_anchor

INCIDENTS = "incidents.md"
PEOPLE = "people.md"
ORGANISATIONS = "organisations.md"
SOURCES = "sources.md"
CLAIMS = "claims.md"
NO_GOVERNORATE = "none"


def killed(page: Page, incident_id: str) -> tuple[str, str]:
    """The claimed range of deaths per scope, and how many sources stand behind it."""
    groups = [f for f in page.ctx.links.figures.get(incident_id, ()) if f.counts == "killed"]
    if not groups:
        return "", ""
    cells = [f"{range_cell(page, f)} ({words(f.who) if f.who else 'who not stated'})" for f in groups]
    claims = [c for f in groups for c in f.claims + f.wordless]
    sources = len({c.cite.source for c in claims})
    return "; ".join(cells), number(sources) + claim_refs(page, claims)


def place(page: Page, incident_id: str) -> str:
    """City or area, with governorates."""
    where = page.ds.incidents[incident_id].place
    first = where.city or where.area or where.country or ""
    govs = [GOVERNORATES[g].name for g in where.governorates if g in GOVERNORATES]
    # Baghdad, the city, is in Baghdad, the governorate: name it once.
    return ", ".join(esc(p) for p in dict.fromkeys(p for p in (first, *govs) if p))


def incidents(ctx: Context) -> str:
    """Every incident in date order, with the claimed range of deaths."""
    page = Page(ctx, INCIDENTS)
    rows = []
    for incident_id in ctx.links.chronology:
        incident = ctx.ds.incidents[incident_id]
        row_killed, row_sources = killed(page, incident_id)
        rows.append((human_date(incident.date, missing="date unknown"), page.record("incident", incident_id),
                     place(page, incident_id), row_killed, row_sources))
    intro = (f"Every incident in date order. *Killed* is the range of claimed deaths, for each group of "
             f"people the sources counted; *Sources* is how many sources give those figures. See "
             f"[how figures become ranges]({page.to(METHODOLOGY)}#ranges), or browse "
             f"[by governorate]({page.to(GOVERNORATES_PAGE)}).")
    body = table(("Date", "Incident", "Place", "Killed (claimed)", "Sources"), rows)
    timeline = charts.timeline(ctx.ds, page.notes.cite, page.figure_links()).markdown()
    return page.render("Incidents", ["# Incidents", intro, timeline, body or "No incidents yet."])


def governorates(ctx: Context) -> str:
    """Incidents grouped by governorate; an incident in several governorates is under each."""
    page = Page(ctx, GOVERNORATES_PAGE)
    blocks = ["# Incidents by governorate"]
    for gov_id in [*GOVERNORATES, ""]:
        found = ctx.links.by_governorate.get(gov_id, ())
        if not found:
            continue
        if gov_id:
            gov = GOVERNORATES[gov_id]
            blocks.append(f"## {esc(gov.name)} ({lang_span(gov.arabic, 'ar')}) {{#{gov_id}}}")
        else:
            blocks.append(f"## No governorate given {{#{NO_GOVERNORATE}}}")
        rows = [(human_date(ctx.ds.incidents[i].date, missing="date unknown"), page.record("incident", i),
                 place(page, i), killed(page, i)[0]) for i in found]
        blocks.append(table(("Date", "Incident", "Place", "Killed (claimed)"), rows))
    return page.render("Incidents by governorate", blocks)


def people(ctx: Context) -> str:
    """Everyone with a page, by name, with every other spelling."""
    page = Page(ctx, PEOPLE)
    rows = []
    for person in sorted(ctx.ds.people.values(), key=lambda p: (p.name.lower(), p.id)):
        orgs = dict.fromkeys(r.organisation for r in person.roles if r.organisation)
        rows.append((page.record("person", person.id), variants(person.variants),
                     ", ".join(page.record("organisation", o) for o in orgs)))
    body = table(("Name", "Also written", "Organisations"), rows)
    return page.render("People", ["# People", body or "No people yet."])


def organisations(ctx: Context) -> str:
    """Every organisation, by name, with other names, kind and parent."""
    page = Page(ctx, ORGANISATIONS)
    rows = [(page.record("organisation", org.id), variants(org.variants), words(org.kind),
             page.record("organisation", org.parent) if org.parent else "")
            for org in sorted(ctx.ds.organisations.values(), key=lambda o: (o.name.lower(), o.id))]
    body = table(("Name", "Also written", "Kind", "Part of"), rows)
    return page.render("Organisations", ["# Organisations", body or "No organisations yet."])


def sources(ctx: Context) -> str:
    """Every source, by publisher then date."""
    page = Page(ctx, SOURCES)
    keys = sorted(ctx.ds.sources, key=lambda k: (ctx.refs.publishers[k].lower(),
                                                 sort_date(ctx.ds.sources[k].get("date")), k))
    rows = [(page.record("source", k), name(ctx.refs.publishers[k]),
             human_date(ctx.ds.sources[k].get("date"), missing="undated"),
             words(plain_field(ctx.ds.sources[k], "kind"))) for k in keys]
    body = table(("Source", "Published by", "Date", "Kind"), rows)
    return page.render("Sources", ["# Sources", body or "No sources yet."])


def claims(ctx: Context) -> str:
    """Every casualty figure of every incident, in one table."""
    page = Page(ctx, CLAIMS)
    rows = []
    for incident_id in ctx.links.chronology:
        incident = ctx.ds.incidents[incident_id]
        for claim in incident.claims:
            if not claim.is_figure:
                continue
            rows.append((human_date(incident.date, missing="date unknown"),
                         page.record("incident", incident_id, claim_anchor(claim.id)),
                         counted(claim.counts, claim.who), figure(page, claim), page.chain(claim.chain),
                         page.source_label(claim.cite.source)))
    intro = ("Every figure of every incident, one row per claim, as each source worded it. "
             f"Figures are compared only within one incident and scope; see the [methodology]"
             f"({page.to(METHODOLOGY)}).")
    body = table(("Date", "Incident", "Counted", "Figure as worded", "Claimant, then relays", "Source"), rows)
    return page.render("All casualty claims", ["# All casualty claims", intro, body or "No claims yet."])
