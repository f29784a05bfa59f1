"""What every page shares: the build context, one page's footnotes and links, tables, labels."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..charts import Links as FigureLinks
from ..cite import Notes, References
from ..edition import VERSION, data_date
from ..figures import Group, Origin, Scope, scope
from ..governorates import GOVERNORATES
from ..link import Links
from ..markup import attr, esc, external, human_date, lang_span, link, name, number, record_path, rel
from ..model import DENIAL, Claim, Dataset, Link, Part, Variant
from ..parties import Parties, parties
from ..text import MARKER_RE, markers
from ..vocab import CHAIN_VERBS, SOURCE_KINDS, source_kind_label
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

    @cached_property
    def edition(self) -> dict[str, str]:
        """The data's version and newest date, which every page shows (edition.py)."""
        date = data_date(self.ds)
        return {"data_version": VERSION, "data_date": date, "data_date_text": human_date(date)}

    @cached_property
    def parties(self) -> Parties:
        """Who is a party to the events (parties.py holds the rule)."""
        return parties(self.ds)


class Page:
    """One page being written: its path, its footnotes, and links relative to it."""

    def __init__(self, ctx: Context, path: str) -> None:
        self.ctx = ctx
        self.ds = ctx.ds
        self.path = path
        self.notes = Notes(ctx.refs, path)
        self.subpages: dict[str, str] = {}  # parts of long sections, each a page of its own
        self.own_notes: dict[str, str] = {}  # the site's own footnotes, by label

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

    def link_item(self, item: Link, marked: bool = True) -> str:
        """One link of a chain: a record link, bodies speaking jointly, or an unnamed claimant in words.

        marked: label a party to the events as such (claimants and relays; not the accused).
        """
        if item.joint:
            shown = " and ".join(self.link_item(member, marked) for member in item.joint) + " (jointly)"
        elif item.ref:
            shown = self.record(*item.ref)
        else:
            shown = unnamed(item.unnamed or "")
        if item.speaks_for:
            shown += f", speaking for {self.record('organisation', item.speaks_for)}"
        if item.described_as:
            described = f"described as “{esc(item.described_as)}”"
            if item.joint:  # one parenthesis: "A and B (jointly, described as ...)"
                shown = f"{shown.removesuffix(' (jointly)')} (jointly, {described})"
            else:
                shown += f" ({described})"
        if marked and not item.joint and self.ctx.parties.link(item):
            shown += " " + self.party_mark()
        return shown

    def chain(self, chain: Sequence[Link]) -> str:
        """Origin first, then each relay, joined by what each did (relayed, reposted, translated)."""
        shown = self.link_item(chain[0]) if chain else ""
        for item in chain[1:]:
            shown += f", {CHAIN_VERBS.get(item.role or 'relay', 'relayed by')} {self.link_item(item)}"
        return shown

    def origin(self, found: Origin) -> str:
        """An independent origin as a link, a party labelled; bodies speaking jointly as one origin."""
        if found.kind == "joint":
            return " and ".join(self.origin(Origin(kind, ref)) for kind, ref in found.members) + " (jointly)"
        known = self.ctx.parties
        party = {"organisation": known.organisation, "person": known.person,
                 "source": lambda key: known.source(self.ds.sources.get(key))}.get(found.kind, bool)(found.id)
        return self.record(found.kind, found.id) + (" " + self.party_mark() if party else "")

    def party_mark(self) -> str:
        """The label beside a party to the events, linked to where the methodology explains it."""
        return tag("party to the events", self.to(f"{METHODOLOGY}#parties"), PARTY_MEANING, "fs-party")

    def kind_mark(self, key: str) -> str:
        """The kind of a source as a label linked to its explanation, and whether a party publishes it."""
        source = self.ds.sources.get(key)
        if source is None:
            return ""
        kind = source.get("kind") or ""
        known = kind in SOURCE_KINDS
        target = self.to(f"{METHODOLOGY}#" + (f"kind-{kind}" if known else "source-kinds"))
        shown = tag(source_kind_label(kind) if kind else "kind not recorded", target,
                    SOURCE_KINDS.get(kind, ""), "fs-kind")
        if self.ctx.parties.source(source):
            target = self.to(f"{METHODOLOGY}#parties")
            shown += " " + tag("published by a party", target, PARTY_SOURCE_MEANING, "fs-party")
        return shown

    def party_fact(self, kind: str, record_id: str) -> str:
        """Why a person or organisation counts as a party to the events, or '' when it does not."""
        known = self.ctx.parties
        if kind == "organisation" and known.organisation(record_id):
            record = self.ds.organisations[record_id]
            if record.party:
                return f"yes ({self.party_mark()}: marked so in its record)"
            above = record.parent
            while above and not self.ds.organisations[above].party:
                above = self.ds.organisations[above].parent
            return f"yes ({self.party_mark()}: part of {self.record('organisation', above or '')})"
        if kind == "person" and known.person(record_id):
            posts = ", ".join(self.record("organisation", o) for o in known.person(record_id))
            return f"yes ({self.party_mark()}: a post in {posts})"
        return ""

    def source_cell(self, key: str) -> str:
        """A source as a table cell: who published it and when, its kind, and a party's mark."""
        mark = self.kind_mark(key)
        return self.source_label(key) + (f"<br>{mark}" if mark else "")

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
        """Where the figures on this page link: incident pages, governorates and grades, relative to it."""
        return FigureLinks(lambda i: self.to(record_path("incident", i)),
                           lambda g: self.to(governorate_target(self.ctx, g)),
                           self.to(f"{METHODOLOGY}#grades"))

    def note(self, label: str, text: str) -> str:
        """A footnote of the site's own (not a source's): its reference; the definition ends the page."""
        self.own_notes[label] = text
        return f"[^{label}]"

    def render(self, title: str, blocks: Iterable[str], boost: float | None = None,
               description: str | None = None, record: str | None = None) -> str:
        """The page's Markdown: front matter, blocks, footnote definitions.

        description: the page's summary for search engines and link previews, as plain text; by
        default its first paragraph. record: the kind of a record page, which ends with "How to cite".
        """
        blocks = [b for b in blocks if b]
        body = separate_footnotes("\n\n".join(blocks))
        notes = "\n".join([self.notes.definitions(), *(f"[^{label}]: {text}" for label, text
                                                          in self.own_notes.items())]).strip()
        summary = description if description is not None else first_paragraph(blocks)
        # The sections are tabs at the top, so the side navigation only takes room from the tables.
        meta = {"title": attr(title), "description": attr(shorten(summary or title)),
                "hide": ["navigation"]}
        if boost is not None:
            # A name search should rank the record itself above index pages listing the same name.
            meta["search"] = {"boost": boost}
        meta["factsheet"] = dict(self.ctx.edition)
        if record:
            # Where the page lives on the public site (directory URLs), for "How to cite".
            meta["factsheet"] |= {"record": record, "path": attr(self.path.removesuffix(".md") + "/")}
        return f"---\n{front_matter(meta)}---\n\n" + body + ("\n\n" + notes if notes else "") + "\n"


PARTY_MEANING = "what a party to the events is: see the methodology"
PARTY_SOURCE_MEANING = "the source is party media, or a party to the events publishes it"
# Words that already say how many or which (a Reuters cameraman, two officials, the hospital).
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "five", "some", "several", "many",
                "other", "another", "unnamed", "anonymous", "unspecified", "unidentified"}


def unnamed(words_value: str) -> str:
    """An unnamed claimant in words: 'unnamed medical sources', 'a Reuters cameraman' as written."""
    first = words_value.split(" ", 1)[0].lower() if words_value else ""
    return esc(words_value) if first in _DETERMINERS else "unnamed " + esc(words_value)


def tag(label: str, target: str, meaning: str, kind: str) -> str:
    """A short label linked to its explanation; the meaning shows on hover, the link works by keyboard."""
    # attr_list reads the title between double quotes; meanings come from vocab.py, never from the data.
    title = f' title="{meaning.replace(chr(34), chr(39))}"' if meaning else ""
    return f"[{esc(label)}]({target}){{: .fs-tag .{kind}{title} }}"


def front_matter(meta: dict, indent: str = "") -> str:
    """YAML front matter: every string in JSON quotes (valid YAML), so no value is read as anything else."""
    lines = []
    for key, value in meta.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:\n" + front_matter(value, indent + "  ").rstrip("\n"))
        elif isinstance(value, list):
            lines.append(f"{indent}{key}:\n" + "\n".join(f"{indent}  - {json.dumps(v, ensure_ascii=False)}"
                                                       for v in value))
        else:
            lines.append(f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


_ADJACENT_REFS = re.compile(r"(?<!\\)(\[\^[^\]\s]+\])(?=\[\^[^\]\s]+\])")


def separate_footnotes(text: str) -> str:
    """A comma between adjacent footnote references, which would read as one number ("12")."""
    return _ADJACENT_REFS.sub(r"\1<sup>,</sup>", text)


_REF = re.compile(r"\[\^[^\]\s]+\]")
_LINK = re.compile(r"!?\[((?:\\.|[^\]\\])*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_ATTRS = re.compile(r"\{:?[^{}]*\}")
_TAGS = re.compile(r"<[^>]*>")
_ESCAPED = re.compile(r"\\(.)")


def plain(markdown_text: str) -> str:
    """Markdown as plain text: no footnote references, links kept as their words, no tags or marks."""
    text = MARKER_RE.sub("", markdown_text)
    text = _REF.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _ATTRS.sub("", _TAGS.sub("", text))
    text = re.sub(r"(?<![\\\w])[*_]+|[*_]+(?![\w])", "", text)  # emphasis marks, not escaped ones
    text = _ESCAPED.sub(r"\1", text).replace("`", "")
    text = re.sub(r"\s+([.,;:!?)])", r"\1", " ".join(text.split()))  # where a marker stood
    return html.unescape(text)


def first_paragraph(blocks: Sequence[str]) -> str:
    """The first block of a page that is prose: not a heading, table, list, figure or raw HTML."""
    for block in blocks:
        if not re.match(r"\s*(#|\||- |\d+\. |<|\*\*[^*]+:\*\*)", block):
            return plain(block)
    return ""


def first_sentence(text: str) -> str:
    """The first sentence of plain text."""
    return re.split(r"(?<=[.!?])\s+(?=[“\"(]?[A-Z0-9])", text, maxsplit=1)[0]


def shorten(text: str, limit: int = 200) -> str:
    """Text cut at a word boundary to at most about limit characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


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


def grade_cell(page: Page, found: Group | None) -> str:
    """The grade, linked to where the methodology explains it."""
    return link(esc(found.grade), page.to(f"{METHODOLOGY}#grades")) if found and found.grade else ""


def group_of(page: Page, incident_id: str, claim: Claim) -> Group | None:
    """The comparison group of a counted claim (its grade is the group's), or None."""
    if not claim.is_counted:
        return None
    wanted = scope(claim)
    return next((g for g in page.ctx.links.figures[incident_id] if g.scope == wanted), None)


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
