"""Index pages: incidents by date and by governorate, people, organisations, sources, all claims."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from .. import charts
from ..charts.places import wider_than_one_governorate
from ..figures import KILLED
from ..governorates import GOVERNORATES
from ..i18n import N_, language, t
from ..link import PartRef
from ..markup import esc, human_date, lang_span, number, sort_date
from ..model import Claim, Organisation, Person
from ..vocab import is_casualty
from . import paging
from .blocks import table
from .common import (
    GOVERNORATES_PAGE,
    METHODOLOGY,
    NO_GOVERNORATE,
    Context,
    Page,
    governorate_target,
    governorates_split,
)
from .figure_text import (
    claim_counted,
    claim_refs,
    figure,
    grade_cell,
    group_of,
    isolated,
    period_text,
    range_cell,
)
from .incident import claim_anchor
from .languages import foreign, place_text, quoted, variants, words

INCIDENTS = "incidents.md"
PEOPLE = "people.md"
ORGANISATIONS = "organisations.md"
SOURCES = "sources.md"
CLAIMS = "claims.md"
VICTIMS = "victims.md"
T = TypeVar("T")


def killed(page: Page, incident_id: str) -> tuple[str, str]:
    """The claimed range of deaths per scope, and how many sources stand behind it."""
    found = page.ctx.links.figures[incident_id]
    groups = [g for g in found.groups if g.counts == KILLED]
    latest = [(run, claim) for run in found.series if run.counts == KILLED for _, claim in run.latest]
    if not groups and not latest:
        return "", ""
    cells = [t("{range} ({who}, {period})", range=range_cell(page, g), who=_who(g.who),
               period=period_text(g.scope))
             if g.scope.period else t("{range} ({who})", range=range_cell(page, g), who=_who(g.who))
             for g in groups]
    cells = [t("{cell}, {grade}", cell=cell, grade=grade_cell(page, g)) if g.grade else cell
             for cell, g in zip(cells, groups, strict=True)]
    claims = [c for g in groups for c in g.claims + g.wordless]  # the claims the cells show
    if latest:
        newest = max(latest, key=lambda item: (sort_date(item[1].as_of), item[1].id))[1]
        grade = grade_cell(page, group_of(page, incident_id, newest))
        cell = t("running total, latest: {figure}, as of {date}", figure=figure(page, newest),
                 date=human_date(newest.as_of, missing=t("no date")))
        cells.append(t("{cell}, {grade}", cell=cell, grade=grade) if grade else cell)
        claims.append(newest)
    sources = len({c.cite.source for c in claims})
    return t("; ").join(cells), isolated(number(sources)) + claim_refs(page, claims)


def _who(who: str | None) -> str:
    return words(who) if who else t("who not stated")


def place(page: Page, incident_id: str) -> str:
    """City or area, with governorates."""
    where = page.ds.incidents[incident_id].place
    first = place_text(where, "city")[0] or place_text(where, "area")[0] or place_text(where, "country")[0]
    govs = [GOVERNORATES[g].arabic if language() == "ar" else GOVERNORATES[g].name
            for g in where.governorates if g in GOVERNORATES]
    # Baghdad, the city, is in Baghdad, the governorate: name it once.
    return t(", ").join(esc(p) for p in dict.fromkeys(p for p in (first, *govs) if p))


def _incident_rows(page: Page, ids: Sequence[str]) -> list[Sequence[str]]:
    rows = []
    for incident_id in ids:
        incident = page.ds.incidents[incident_id]
        row_killed, row_sources = killed(page, incident_id)
        rows.append((human_date(incident.date, missing=t("date unknown")), page.record("incident",
                                                                                       incident_id),
                     place(page, incident_id), row_killed, row_sources))
    return rows


def _by_date(ctx: Context, incident_of: Callable[[T], str]) -> list[Callable[[T], str]]:
    """Keys that split a date-ordered table by year, then by month."""
    def date(item: T) -> str:
        return ctx.ds.incidents[incident_of(item)].date
    return [lambda item: paging.year(date(item)), lambda item: paging.month(date(item))]


def incidents(ctx: Context) -> dict[str, str]:
    """Every incident in date order, with the claimed range of deaths (split by year when long)."""
    def intro(page: Page) -> list[str]:
        text = t("Every incident in date order. *Killed* is the range of claimed deaths, for each group "
                 "of people the sources counted; *Sources* is how many sources give those figures. See "
                 "[how figures become ranges]({ranges}), or browse [by governorate]({governorates}).",
                 ranges=f"{page.to(METHODOLOGY)}#ranges", governorates=page.to(GOVERNORATES_PAGE))
        return [text, charts.timeline(ctx.ds, page.notes.cite, page.figure_links()).markdown()]

    return paging.paged(ctx, INCIDENTS, t("Incidents"), intro, list(ctx.links.chronology),
                        _by_date(ctx, lambda i: i),
                        (t("Date"), t("Incident"), t("Place"), t("Killed (claimed)"),
                         t("Sources")), _incident_rows)


def _part_text(page: Page, ref: PartRef) -> str:
    """A governorate's share of a wider figure: '276 in this governorate, of “at least 543” in all; ...'."""
    part, claim = ref.part, ref.claim
    who = f" {words(part.who)}" if part.who else ""
    whole = quoted(esc(claim.figure or ""))
    figure_text = quoted(esc(part.figure)) + who + page.notes.cite(claim.cite)
    if part.in_addition:
        return t("{figure} in this governorate, besides “{whole}” in all; counted: {counted}",
                 figure=figure_text, whole=whole, counted=claim_counted(claim))
    return t("{figure} in this governorate, of “{whole}” in all; counted: {counted}",
             figure=figure_text, whole=whole, counted=claim_counted(claim))


def _governorate_killed(page: Page, gov_id: str, incident_id: str) -> str:
    """Deaths claimed for what happened in this governorate: never a total that covers several."""
    incident = page.ds.incidents[incident_id]
    if not gov_id or not wider_than_one_governorate(incident.place):
        return killed(page, incident_id)[0]
    parts = [r for r in page.ctx.links.parts_by_governorate.get(gov_id, ())
             if r.incident == incident_id and r.claim.counts == KILLED]
    if parts:
        return "; ".join(_part_text(page, ref) for ref in parts)
    found = page.ctx.links.figures[incident_id]
    counts = [g.counts for g in found.groups] + [r.counts for r in found.series]
    if KILLED not in counts:  # asked without killed(), which would add footnotes the page never shows
        return ""
    # No count in words: a bare number here would read as a figure without its footnote.
    if len(set(incident.place.governorates)) > 1:
        return t("none for this governorate alone: the incident's figures are for several governorates "
                 "together")
    return t("none for this governorate alone: the incident's figures are for the whole country together")


def _governorate_ids(ctx: Context, gov_id: str) -> list[str]:
    """The incidents tagged with a governorate, and those with a figure given for it within a wider one."""
    ids = set(ctx.links.by_governorate.get(gov_id, ()))
    ids.update(r.incident for r in ctx.links.parts_by_governorate.get(gov_id, ()) if r.claim.counts == KILLED)
    order = {incident_id: n for n, incident_id in enumerate(ctx.links.chronology)}
    return sorted(ids, key=order.__getitem__)


def _governorate_rows(gov_id: str) -> Callable[[Page, Sequence[str]], list[Sequence[str]]]:
    def rows(page: Page, ids: Sequence[str]) -> list[Sequence[str]]:
        return [(human_date(page.ds.incidents[i].date, missing=t("date unknown")), page.record("incident", i),
                 place(page, i), _governorate_killed(page, gov_id, i)) for i in ids]
    return rows


def gov_headers() -> tuple[str, ...]:
    return (t("Date"), t("Incident"), t("Place"), t("Killed (claimed)"))


def _governorate_heading(gov_id: str) -> str:
    if gov_id:
        gov = GOVERNORATES[gov_id]
        if language() == "ar":
            return esc(gov.arabic)
        return f"{esc(gov.name)} ({lang_span(gov.arabic, 'ar')})"
    return t("No governorate given")


GOV_INTRO = N_("Each governorate lists the incidents that happened there. An incident that covers several "
             "governorates, or the whole country, is listed under each of them, but its figures are not: "
             "a figure for several governorates together says nothing of any one of them. Where a source "
             "gives a governorate's share of such a figure, that share is shown instead.")


def governorates(ctx: Context) -> dict[str, str]:
    """Incidents grouped by governorate; an incident in several governorates is under each, its totals not."""
    present = [g for g in [*GOVERNORATES, ""] if _governorate_ids(ctx, g)]
    page = Page(ctx, GOVERNORATES_PAGE)
    title = t("Incidents by governorate")
    if not governorates_split(ctx):
        blocks = [f"# {title}", t(GOV_INTRO)]
        for gov_id in present:
            blocks.append(f"## {_governorate_heading(gov_id)} {{#{gov_id or NO_GOVERNORATE}}}")
            blocks.append(table(gov_headers(), _governorate_rows(gov_id)(page, _governorate_ids(ctx,
                                                                                                gov_id))))
        return {GOVERNORATES_PAGE: page.render(title, blocks)}
    # A large site: the overview links to a page per governorate, itself split by date when long.
    listing = "\n".join(f"- [{_governorate_heading(g)}]({page.to(governorate_target(ctx, g))})"
                        for g in present)
    out = {GOVERNORATES_PAGE: page.render(title, [f"# {title}", t(GOV_INTRO), listing])}
    for gov_id in present:
        gov = GOVERNORATES.get(gov_id)
        name_text = (gov.arabic if language() == "ar" else gov.name) if gov else t("No governorate given")
        out |= paging.paged(ctx, governorate_target(ctx, gov_id), t("Incidents in {name}", name=name_text),
                            lambda p: [t("Back to [{title}]({target}).", title=title,
                                         target=p.to(GOVERNORATES_PAGE)),
                                       t(GOV_INTRO)],
                            _governorate_ids(ctx, gov_id), _by_date(ctx, lambda i: i),
                            gov_headers(), _governorate_rows(gov_id))
    return out


def _people_rows(page: Page, people: Sequence[Person]) -> list[Sequence[str]]:
    rows = []
    for person in people:
        orgs = dict.fromkeys(r.organisation for r in person.roles if r.organisation)
        rows.append((page.record("person", person.id), variants(person.variants),
                     t(", ").join(page.record("organisation", o) for o in orgs)))
    return rows


def people(ctx: Context) -> dict[str, str]:
    """Everyone with a page, by name, with every other spelling."""
    found = sorted(ctx.ds.people.values(), key=lambda p: (p.name.lower(), p.id))
    def intro(page: Page) -> list[str]:
        return [t("Everyone the records name, by name, with every other spelling of the name (Arabic script "
                  "included) and the organisations they held posts in.")]

    return paging.paged(ctx, PEOPLE, t("People"), intro, found, [lambda p: paging.initial(p.name)],
                        (t("Name"), t("Also written"), t("Organisations")), _people_rows)


def _organisation_rows(page: Page, orgs: Sequence[Organisation]) -> list[Sequence[str]]:
    return [(page.record("organisation", org.id), variants(org.variants), words(org.kind),
             page.record("organisation", org.parent) if org.parent else "") for org in orgs]


def organisations(ctx: Context) -> dict[str, str]:
    """Every organisation, by name, with other names, kind and parent."""
    found = sorted(ctx.ds.organisations.values(), key=lambda o: (o.name.lower(), o.id))
    def intro(page: Page) -> list[str]:
        return [t("Every organisation the records name: armed groups, forces, governments and their bodies, "
                  "rights bodies, news agencies and other outlets, with their other names, kind and parent. "
                  "Those that are [parties to the events]({target}) say so on their page.",
                  target=f"{page.to(METHODOLOGY)}#parties")]

    return paging.paged(ctx, ORGANISATIONS, t("Organisations"), intro, found,
                        [lambda o: paging.initial(o.name)], (t("Name"), t("Also written"), t("Kind"),
                                                             t("Part of")),
                        _organisation_rows)


def _source_rows(page: Page, keys: Sequence[str]) -> list[Sequence[str]]:
    sources, publishers = page.ds.sources, page.ctx.refs.publishers
    return [(page.record("source", k), foreign(publishers[k]),
             human_date(sources[k].get("date")), page.kind_mark(k)) for k in keys]


def sources(ctx: Context) -> dict[str, str]:
    """Every source, by publisher then date."""
    keys = sorted(ctx.ds.sources, key=lambda k: (ctx.refs.publishers[k].lower(),
                                                 sort_date(ctx.ds.sources[k].get("date")), k))
    def intro(page: Page) -> list[str]:
        return [t("Every document the site reads its figures in, by publisher, with its kind. Each source's "
                  "page gives its stake in the events and every claim read in it; see "
                  "[the source base]({target}) for how many come from parties to the events.",
                  target=f"{page.to(METHODOLOGY)}#sources")]

    return paging.paged(ctx, SOURCES, t("Sources"), intro, keys,
                        [lambda k: paging.initial(ctx.refs.publishers[k])],
                        (t("Source"), t("Published by"), t("Date"), t("Kind")), _source_rows)


def _claim_rows(page: Page, items: Sequence[tuple[str, Claim]]) -> list[Sequence[str]]:
    return [(human_date(page.ds.incidents[incident_id].date, missing=t("date unknown")),
             page.record("incident", incident_id, claim_anchor(claim.id)),
             claim_counted(claim), figure(page, claim), grade_cell(page, group_of(page, incident_id, claim)),
             page.chain(claim.chain), page.source_cell(claim.cite.source)) for incident_id, claim in items]


def claims(ctx: Context) -> dict[str, str]:
    """Every casualty figure of every incident, in one table (split by year when long)."""
    items = [(incident_id, claim) for incident_id in ctx.links.chronology
             for claim in ctx.ds.incidents[incident_id].claims
             if claim.is_counted and is_casualty(claim.counts)]

    def intro(page: Page) -> list[str]:
        return [t("Every casualty figure of every incident (killed, injured, detained, disappeared), and "
                  "every denial of one, one row per claim, as each source worded it. Figures are compared "
                  "only within one incident and scope; see the [methodology]({target}).",
                  target=page.to(METHODOLOGY))]

    headers = (t("Date"), t("Incident"), t("Counted"), t("Figure as worded"), t("Grade"),
               t("Claimant, then relays"), t("Source"))
    return paging.paged(ctx, CLAIMS, t("All casualty claims"), intro, items, _by_date(ctx, lambda it: it[0]),
                        headers, _claim_rows)


def _victim_row(page: Page, person_id: str) -> Sequence[str]:
    victim = page.ds.people[person_id].victim
    assert victim is not None
    cells = {label: fact for label, fact in victim.facts}

    def cell(label: str, shown: str) -> str:
        return shown + page.notes.cite(cells[label].cite) if label in cells else ""

    died = cell("died", human_date(cells["died"].value)) if "died" in cells else ""
    age = cell("age", isolated(number(int(cells["age"].value)))) if "age" in cells else ""
    where = cell("place", page.inline(cells["place"], "text", cells["place"].value,
                                      esc)) if "place" in cells else ""
    incident = page.record("incident", victim.incident) if victim.incident else ""
    return (page.record("person", person_id), died, age, where, incident)


def victims(ctx: Context) -> str:
    """Every named victim, by date of death, then grouped by governorate."""
    page = Page(ctx, VICTIMS)
    named = [p for p in ctx.ds.people.values() if p.victim is not None]
    by_date = sorted(named, key=lambda p: (sort_date(p.victim.died.value if p.victim and p.victim.died
                                                     else None), p.name.lower(), p.id))
    headers = (t("Name"), t("Died"), t("Age"), t("Where"), t("Incident"))
    blocks = ["# " + t("Named dead"),
              t("People killed in the events whom the sources name, each fact with its footnote. The same "
                "list is given twice: [by date of death](#by-date) and [by governorate](#by-place)."),
              "## " + t("By date of death") + " {#by-date}",
              table(headers, [_victim_row(page, p.id) for p in by_date]) or t("No named victims yet."),
              "## " + t("By governorate") + " {#by-place}"]
    groups: dict[str, list[str]] = {}
    for person in by_date:
        incident = ctx.ds.incidents.get(person.victim.incident or "") if person.victim else None
        govs = incident.place.governorates if incident else ()
        for gov in govs or ("",):
            groups.setdefault(gov, []).append(person.id)
    for gov in sorted(groups, key=lambda g: (not g, GOVERNORATES[g].name if g in GOVERNORATES else g)):
        blocks.append(f"### {_governorate_heading(gov)} {{#victims-{gov or NO_GOVERNORATE}}}")
        blocks.append(table(headers, [_victim_row(page, p) for p in groups[gov]]))
    return page.render(t("Named dead"), blocks)
