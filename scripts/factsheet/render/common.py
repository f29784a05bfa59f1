"""What every page shares: the build context, one page's footnotes and links, tables, labels."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..charts import Links as FigureLinks
from ..cite import Notes, References
from ..figures import Group, Origin, Scope, scope
from ..governorates import GOVERNORATES
from ..link import Links
from ..markup import attr, esc, external, human_date, lang_span, link, name, number, record_path, rel
from ..model import DENIAL, Claim, Dataset, Link, Part, Variant
from ..text import MARKER_RE, markers
from ..vocab import CHAIN_VERBS
from ..wording import APPROXIMATE, read

METHODOLOGY = "methodology.md"
GOVERNORATES_PAGE = "governorates.md"
NO_GOVERNORATE = "none"
# About 1 KB of HTML a row at most: an index page of this many rows stays well under 1 MB.
PAGE_ROWS = 300


@dataclass(frozen=True)
class Context:
    """Everything a page may draw on, computed once per build."""

    ds: Dataset
    links: Links
    refs: References


class Page:
    """One page being written: its path, its footnotes, and links relative to it."""

    def __init__(self, ctx: Context, path: str) -> None:
        self.ctx = ctx
        self.ds = ctx.ds
        self.path = path
        self.notes = Notes(ctx.refs, path)
        self.subpages: dict[str, str] = {}  # parts of long sections, each a page of its own

    def with_subpages(self, text: str) -> str | dict[str, str]:
        """This page's Markdown, or it and its subpages by path when a section was split."""
        return {self.path: text, **self.subpages} if self.subpages else text

    def to(self, target: str) -> str:
        """A relative link target from this page."""
        return rel(self.path, target)

    def record(self, kind: str, record_id: str, anchor: str = "") -> str:
        """A link to a person, organisation, incident or source page, labelled with its name."""
        target = self.to(record_path(kind, record_id) + (f"#{anchor}" if anchor else ""))
        if kind == "incident" and record_id in self.ds.incidents:
            # A title's citation markers become footnotes after the link (a link cannot hold them).
            title = self.ds.incidents[record_id].title
            refs = "".join(self.notes(m.key, m.locator) for m in markers(title))
            return link(esc(plain_title(title)), target) + refs
        if kind == "source" and record_id in self.ds.sources:
            return link(cite_title(self.ds.sources[record_id].title), target)
        found = {"person": self.ds.people, "organisation": self.ds.organisations}.get(kind, {}).get(record_id)
        return link(name(found.name), target) if found else esc(record_id)

    def link_item(self, item: Link) -> str:
        """One link of a chain: a record link, bodies speaking jointly, or an unnamed claimant in words."""
        if item.joint:
            shown = " and ".join(self.link_item(member) for member in item.joint) + " (jointly)"
        elif item.ref:
            shown = self.record(*item.ref)
        else:
            shown = f"{esc(item.unnamed or '')} (unnamed)"
        if item.speaks_for:
            shown += f", speaking for {self.record('organisation', item.speaks_for)}"
        if not item.described_as:
            return shown
        described = f"described as “{esc(item.described_as)}”"
        if item.joint:  # one parenthesis: "A and B (jointly, described as ...)"
            return f"{shown.removesuffix(' (jointly)')} (jointly, {described})"
        return f"{shown} ({described})"

    def chain(self, chain: Sequence[Link]) -> str:
        """Origin first, then each relay, joined by what each did (relayed, reposted, translated)."""
        shown = self.link_item(chain[0]) if chain else ""
        for item in chain[1:]:
            shown += f", {CHAIN_VERBS.get(item.role or 'relay', 'relayed by')} {self.link_item(item)}"
        return shown

    def origin(self, found: Origin) -> str:
        """An independent origin as a link; bodies speaking jointly as one origin."""
        if found.kind == "joint":
            return " and ".join(self.record(kind, ref) for kind, ref in found.members) + " (jointly)"
        return self.record(found.kind, found.id)

    def origin_name(self, found: Origin) -> str:
        """An independent origin's name as text, for use inside a link or next to one."""
        names = []
        for kind, ref in found.members:
            record = {"person": self.ds.people, "organisation": self.ds.organisations}.get(kind, {}).get(ref)
            names.append(name(record.name) if record else "its source")
        return " and ".join(names) + (" (jointly)" if found.kind == "joint" else "")

    def source_label(self, key: str) -> str:
        """A short link to a source: who published it, and when."""
        source = self.ds.sources.get(key)
        if source is None:
            return esc(key)
        who = self.ctx.refs.publishers.get(key, key)
        when = human_date(source.get("date"), missing="undated")
        return link(f"{name(who or key)}, {when}", self.to(record_path("source", key)))

    def title(self, value: str) -> str:
        """A record title with any citation markers as footnotes after it."""
        refs = "".join(self.notes(m.key, m.locator) for m in markers(value))
        return esc(plain_title(value)) + refs

    def figure_links(self) -> FigureLinks:
        """Where the figures on this page link: incident pages and governorates, relative to it."""
        return FigureLinks(lambda i: self.to(record_path("incident", i)),
                           lambda g: self.to(governorate_target(self.ctx, g)))

    def render(self, title: str, blocks: Iterable[str], boost: float | None = None) -> str:
        """The page's Markdown: front matter, blocks, footnote definitions."""
        body = "\n\n".join(b for b in blocks if b)
        notes = self.notes.definitions()
        # The sections are tabs at the top, so the side navigation only takes room from the tables.
        meta = f"---\ntitle: {json.dumps(attr(title), ensure_ascii=False)}\nhide:\n  - navigation\n"
        if boost is not None:
            # A name search should rank the record itself above index pages listing the same name.
            meta += f"search:\n  boost: {boost}\n"
        meta += "---\n\n"
        return meta + body + ("\n\n" + notes if notes else "") + "\n"


def plain_title(value: str) -> str:
    """A title without its citation markers."""
    return " ".join(MARKER_RE.sub(" ", value).split())


def cite_title(value: str) -> str:
    """The title of a document, marked as such (titles of works quote their own words)."""
    return f"<cite>{esc(value)}</cite>"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; empty string when there are no rows."""
    rows = [list(r) for r in rows]
    if not rows:
        return ""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def section(heading: str, *blocks: str, anchor: str = "") -> str:
    """A second-level section, left out when it has nothing to show."""
    content = [b for b in blocks if b]
    if not content:
        return ""
    suffix = f" {{#{anchor}}}" if anchor else ""
    return "\n\n".join([f"## {heading}{suffix}", *content])


def variants(items: Sequence[Variant]) -> str:
    """Other names, Arabic script tagged as such, abbreviations marked."""
    shown = []
    for variant in items:
        text = lang_span(variant.name, variant.lang)
        shown.append(f"{text} (abbreviation)" if variant.abbreviation else text)
    return ", ".join(shown)


def words(value: str | None) -> str:
    """An id-like value (security-forces) as words."""
    return esc((value or "").replace("-", " "))


def period_text(found: Scope) -> str:
    """What a scope's period is, in words: empty for the incident itself."""
    if not found.period:
        return ""
    kind, start, end = found.period
    if kind == "running":
        return f"running total since {human_date(start)}, as of {human_date(end, missing='no date')}"
    if start and end:
        return f"{human_date(start)} to {human_date(end)}"
    return f"from {human_date(start)}" if start else f"up to {human_date(end)}"


def counted(counts: str | None, who: str | None, found: Scope | None = None) -> str:
    """What a figure counts, and who, as the source said; and the period, when not the incident's."""
    counted_who = words(who) if who else "who not stated"
    period = period_text(found) if found is not None else ""
    return f"{words(counts)} ({counted_who})" + (f", {period}" if period else "")


def claim_counted(claim: Claim) -> str:
    """What one claim counts, with its period."""
    return counted(claim.counts, claim.who, scope(claim))


def reading(claim: Claim) -> str:
    """How a claim's wording was read: 29 or more, up to 35, about 6, 29 to 80, zero, no number."""
    low, high = claim.low, claim.high
    if low is None and high is None:
        return "no number"
    if low is None:
        return f"up to {number(high or 0)}"
    if high is None:
        return f"{number(low)} or more"
    if low == high:
        approximate = claim.figure is not None and (found := read(claim.figure)) and found.kind == APPROXIMATE
        return ("zero" if low == 0 else f"about {number(low)}") if approximate or low == 0 else number(low)
    return f"{number(low)} to {number(high)}"


def figure(page: Page, claim: Claim) -> str:
    """A figure as worded, how it was read when that differs, its parts, and its footnote."""
    ref = page.notes.cite(claim.cite)
    parts = parts_text(claim.parts)
    if claim.kind == DENIAL:
        worded = f"“{esc(claim.figure)}” " if claim.figure else ""
        return f"denial: {worded}(read as zero){ref}"
    worded = esc(claim.figure or "")
    exact = claim.min is not None and claim.min == claim.max
    if exact and (claim.figure or "").replace(",", "").strip() == str(claim.min):
        return worded + ref + parts
    return f"“{worded}” (read as {reading(claim)}){ref}{parts}"


def parts_text(parts: Sequence[Part]) -> str:
    """A breakdown after its figure: ' (of which Baghdad: 276; in addition, security forces: 17)'."""
    shown = []
    for part in parts:
        where = [GOVERNORATES[part.governorate].name if part.governorate in GOVERNORATES
                 else (part.governorate or ""), part.place or "", (part.who or "").replace("-", " ")]
        label = esc(", ".join(w for w in where if w))
        value = esc(part.figure)
        shown.append(f"{'in addition,' if part.in_addition else 'of which'} {label}: {value}")
    # In brackets, so that the breakdown stays with its figure in cells that list several figures.
    return f" ({'; '.join(shown)})" if shown else ""


def claim_refs(page: Page, claims: Iterable[Claim]) -> str:
    """Footnote references for several claims, each note once, in footnote order."""
    refs = dict.fromkeys(page.notes.cite(c.cite) for c in claims)
    return "".join(sorted(refs, key=lambda ref: int(ref[2:-1])))


def range_cell(page: Page, found: Group) -> str:
    """29–46+ with the claims behind it; figures in words only are listed after it."""
    parts = []
    if found.claims:
        parts.append(found.range_text + claim_refs(page, found.claims))
    if found.wordless:
        worded = ", ".join(f"“{esc(c.figure or '')}”{page.notes.cite(c.cite)}" for c in found.wordless)
        parts.append(("also in words only: " if found.claims else "in words only: ") + worded)
    return "; ".join(parts)


def origins_cell(page: Page, found: Group) -> str:
    """How many independent origins, and which, each with its claims' footnotes."""
    if not found.origins:
        return ""
    named = ", ".join(page.origin(o) + claim_refs(page, claims) for o, claims in found.origins)
    return f"{number(len(found.origins))}: {named}"


def grade_cell(page: Page, found: Group) -> str:
    """The grade, linked to where the methodology explains it."""
    return link(esc(found.grade), page.to(f"{METHODOLOGY}#grades")) if found.grade else ""


def governorate_link(page: Page, gov_id: str) -> str:
    """A governorate, in English and Arabic, linked to its incidents."""
    gov = GOVERNORATES.get(gov_id)
    if gov is None:
        return esc(gov_id)
    label = f"{esc(gov.name)} ({lang_span(gov.arabic, 'ar')})"
    return link(label, page.to(governorate_target(page.ctx, gov_id)))


def governorates_split(ctx: Context) -> bool:
    """True when the incidents by governorate are too many for one page: a page per governorate."""
    return sum(len(found) for found in ctx.links.by_governorate.values()) > PAGE_ROWS


def governorate_target(ctx: Context, gov_id: str) -> str:
    """Where a governorate's incidents are listed: its section, or its own page on a large site."""
    if governorates_split(ctx):
        return f"governorates/{gov_id or NO_GOVERNORATE}.md"
    return f"{GOVERNORATES_PAGE}#{gov_id or NO_GOVERNORATE}"


def external_link(label: str, url: str | None) -> str:
    """A labelled external link, or nothing without an http(s) address."""
    return external(esc(label), url) if url else ""
