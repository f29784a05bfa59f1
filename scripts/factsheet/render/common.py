"""What every page shares: the build context, one page's footnotes and links, tables, labels."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..charts import Links as FigureLinks
from ..cite import Notes, References
from ..edition import VERSION, data_date
from ..figures import Group, Origin, Scope, scope
from ..governorates import GOVERNORATES
from ..i18n import N_, language, t, vt
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
    lang: str = "en"  # the edition being written: "en" at the top of the site, "ar" under ar/

    @cached_property
    def edition(self) -> dict[str, str]:
        """The data's version and newest date, which every page shows (edition.py)."""
        date = data_date(self.ds)
        return {"data_version": VERSION, "data_date": date, "data_date_text": human_date(date)}

    @property
    def prefix(self) -> str:
        """Where the edition's pages are, below the top of the site: "" for English, "ar/" for Arabic."""
        return "" if self.lang == "en" else f"{self.lang}/"

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
        """A relative link target from this page (to a page of the same edition)."""
        return rel(self.path, target)

    def to_shared(self, target: str) -> str:
        """A relative link to a file both editions share (the downloads), which lives at the top."""
        return "../" * self.ctx.prefix.count("/") + rel(self.path, target)

    def record(self, kind: str, record_id: str, anchor: str = "") -> str:
        """A link to a person, organisation, incident or source page, labelled with its name."""
        target = self.to(record_path(kind, record_id) + (f"#{anchor}" if anchor else ""))
        if kind == "incident" and record_id in self.ds.incidents:
            # A title's citation markers become footnotes after the link (a link cannot hold them).
            incident = self.ds.incidents[record_id]
            title, fallback = text_of(incident, "title", incident.title)
            refs = "".join(self.notes(m.key, m.locator) for m in markers(title or ""))
            shown = esc(plain_title(title or ""))
            return link(untranslated(shown) if fallback else shown, target) + refs
        if kind == "source" and record_id in self.ds.sources:
            return link(cite_title(self.ds.sources[record_id].title), target)
        found = {"person": self.ds.people, "organisation": self.ds.organisations}.get(kind, {}).get(record_id)
        return link(name_html(found), target) if found else esc(record_id)

    def link_item(self, item: Link, marked: bool = True) -> str:
        """One link of a chain: a record link, bodies speaking jointly, or an unnamed claimant in words.

        marked: label a party to the events as such (claimants and relays; not the accused).
        """
        if item.joint:
            shown = t("{names} (jointly)", names=t(" and ").join(self.link_item(member, marked)
                                                                  for member in item.joint))
        elif item.ref:
            shown = self.record(*item.ref)
        else:
            # A translation words an unnamed claimant whole ("مصادر طبية"); English adds "unnamed".
            shown = (unnamed(item.unnamed or "") if language() == "en"
                     else self.inline(item, "unnamed", item.unnamed or "", esc))
        if item.speaks_for:
            shown += t(", speaking for {name}", name=self.record("organisation", item.speaks_for))
        if item.described_as:
            described = t("described as “{words}”", words=self.inline(item, "as", item.described_as, esc))
            if item.joint:  # one parenthesis: "A and B (jointly, described as ...)"
                names = t(" and ").join(self.link_item(member, marked) for member in item.joint)
                shown = t("{names} (jointly, {described})", names=names, described=described)
            else:
                shown += f" ({described})"
        if marked and not item.joint and self.ctx.parties.link(item):
            shown += " " + self.party_mark()
        return shown

    def chain(self, chain: Sequence[Link]) -> str:
        """Origin first, then each relay, joined by what each did (relayed, reposted, translated)."""
        shown = self.link_item(chain[0]) if chain else ""
        for item in chain[1:]:
            verb = vt(CHAIN_VERBS.get(item.role or "relay", "relayed by"))
            shown += t(", {verb} {name}", verb=verb, name=self.link_item(item))
        return shown

    def origin(self, found: Origin) -> str:
        """An independent origin as a link, a party labelled; bodies speaking jointly as one origin."""
        if found.kind == "joint":
            return t("{names} (jointly)", names=t(" and ").join(self.origin(Origin(kind, ref))
                                                                for kind, ref in found.members))
        known = self.ctx.parties
        party = {"organisation": known.organisation, "person": known.person,
                 "source": lambda key: known.source(self.ds.sources.get(key))}.get(found.kind, bool)(found.id)
        return self.record(found.kind, found.id) + (" " + self.party_mark() if party else "")

    def party_mark(self) -> str:
        """The label beside a party to the events, linked to where the methodology explains it."""
        return tag(t("party to the events"), self.to(f"{METHODOLOGY}#parties"), t(PARTY_MEANING), "fs-party")

    def kind_mark(self, key: str) -> str:
        """The kind of a source as a label linked to its explanation, and whether a party publishes it."""
        source = self.ds.sources.get(key)
        if source is None:
            return ""
        kind = source.get("kind") or ""
        known = kind in SOURCE_KINDS
        target = self.to(f"{METHODOLOGY}#" + (f"kind-{kind}" if known else "source-kinds"))
        shown = tag(vt(source_kind_label(kind)) if kind else t("kind not recorded"), target,
                    vt(SOURCE_KINDS.get(kind, "")), "fs-kind")
        if self.ctx.parties.source(source):
            target = self.to(f"{METHODOLOGY}#parties")
            shown += " " + tag(t("published by a party"), target, t(PARTY_SOURCE_MEANING), "fs-party")
        return shown

    def party_fact(self, kind: str, record_id: str) -> str:
        """Why a person or organisation counts as a party to the events, or '' when it does not."""
        known = self.ctx.parties
        if kind == "organisation" and known.organisation(record_id):
            record = self.ds.organisations[record_id]
            if record.party:
                return t("yes ({mark}: marked so in its record)", mark=self.party_mark())
            above = record.parent
            while above and not self.ds.organisations[above].party:
                above = self.ds.organisations[above].parent
            return t("yes ({mark}: part of {name})", mark=self.party_mark(),
                     name=self.record("organisation", above or ""))
        if kind == "person" and known.person(record_id):
            posts = t(", ").join(self.record("organisation", o) for o in known.person(record_id))
            return t("yes ({mark}: a post in {names})", mark=self.party_mark(), names=posts)
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
            names.append(name_html(record) if record else t("its source"))
        joined = t(" and ").join(names)
        return t("{names} (jointly)", names=joined) if found.kind == "joint" else joined

    def source_label(self, key: str) -> str:
        """A short link to a source: who published it, and when."""
        source = self.ds.sources.get(key)
        if source is None:
            return esc(key)
        who = self.ctx.refs.publishers.get(key, key)
        when = human_date(source.get("date"))
        publisher_id = source.get("publisherid")
        org = self.ds.organisations.get(publisher_id) if publisher_id else None
        shown = name_html(org) if org is not None and language() != "en" else foreign(who or key)
        return link(t("{publisher}, {date}", publisher=shown, date=when),
                    self.to(record_path("source", key)))

    def title(self, value: str, record: object = None) -> str:
        """A record title (in the edition's language) with any citation markers as footnotes after it."""
        value, fallback = text_of(record, "title", value) if record is not None else (value, False)
        refs = "".join(self.notes(m.key, m.locator) for m in markers(value or ""))
        shown = esc(plain_title(value or ""))
        return (untranslated(shown) if fallback else shown) + refs

    def text(self, obj: object, field: str, english: str | None, inline: bool = False) -> str:
        """A record's prose in the edition's language, footnoted; English marked when not yet translated."""
        value, fallback = text_of(obj, field, english)
        shown = self.notes.text(value, inline=inline)
        if not fallback or not shown:
            return shown
        return untranslated(shown) if inline else untranslated_block(shown)

    def inline(self, obj: object, field: str, english: str | None, show: Callable[[str], str]) -> str:
        """A record's short text (a role, a place) in the edition's language, shown by show (escaping)."""
        value, fallback = text_of(obj, field, english)
        shown = show(value or "")
        return untranslated(shown) if fallback and shown else shown

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
        if self.ctx.lang != "en":  # the page's language: the theme's words, direction and language switch
            meta["factsheet"]["lang"] = self.ctx.lang
        if record:
            # Where the page lives on the public site (directory URLs), for "How to cite".
            where = self.ctx.prefix + self.path.removesuffix(".md") + "/"
            meta["factsheet"] |= {"record": record, "path": attr(where)}
        return f"---\n{front_matter(meta)}---\n\n" + body + ("\n\n" + notes if notes else "") + "\n"


PARTY_MEANING = N_("what a party to the events is: see the methodology")
PARTY_SOURCE_MEANING = N_("the source is party media, or a party to the events publishes it")
# Words that already say how many or which (a Reuters cameraman, two officials, the hospital).
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "five", "some", "several", "many",
                "other", "another", "unnamed", "anonymous", "unspecified", "unidentified"}


def unnamed(words_value: str) -> str:
    """An unnamed claimant in words: 'unnamed medical sources', 'a Reuters cameraman' as written."""
    first = words_value.split(" ", 1)[0].lower() if words_value else ""
    return esc(words_value) if first in _DETERMINERS else "unnamed " + esc(words_value)


def quoted(shown: str) -> str:
    """A source's own words (a figure as worded): in their language, isolated from the page's direction."""
    return shown if language() == "en" else f'<bdi class="fs-worded">{shown}</bdi>'


def in_english(shown: str) -> str:
    """Text in English on a page in another language (a name with no Arabic form), tagged as English."""
    return f'<span lang="en" dir="ltr">{shown}</span>'


def untranslated(shown: str) -> str:
    """English text on an Arabic page, with a visible label: its translation is not written yet."""
    if not shown:
        return shown
    label = t("(not yet translated)")
    return in_english(shown) + f' <span class="fs-untranslated">{label}</span>'


def untranslated_block(shown: str) -> str:
    """Paragraphs of English on an Arabic page, labelled as not yet translated."""
    words = t("Not yet translated: the English text follows.")
    label = f'<p class="fs-untranslated">{words}</p>'
    return f'{label}\n\n<div lang="en" dir="ltr" markdown="1">\n\n{shown}\n\n</div>'


def text_of(obj: object, field: str, english: str | None) -> tuple[str | None, bool]:
    """A record's text in the language being written: (text, True when it falls back to the English)."""
    if language() == "en" or not english:
        return english, False
    found = getattr(obj, "ar", None)
    arabic = found.get(field) if found is not None else None
    return (arabic, False) if arabic else (english, True)


def place_text(where: object, field: str) -> tuple[str, bool]:
    """A place's city, area or country in the language being written: (text, True when only in English).

    Its Arabic text when the record has one; for a city, else its first Arabic spelling (a name).
    """
    english = getattr(where, field, None) or ""
    value, fallback = text_of(where, field, english)
    if not fallback:
        return value or "", False
    if field == "city":
        for variant in getattr(where, "variants", ()):
            if variant.lang == language():
                return variant.name, False
    return english, True


def place_html(where: object, field: str) -> str:
    """place_text as HTML: a name left in English is tagged as English (names are not labelled)."""
    value, only_english = place_text(where, field)
    return in_english(esc(value)) if only_english and value else esc(value)


def foreign(value: str) -> str:
    """A name as HTML: on a page in another language, tagged as English unless written in Arabic script."""
    shown = name(value)
    if language() == "en" or not value or re.search(r"[\u0600-\u06ff]", value):
        return shown
    return in_english(shown)


def record_name(record: object) -> str:
    """A person's or organisation's name in the language being written: its `ar: name`, else its first
    Arabic spelling, else its name."""
    english = getattr(record, "name", "")
    if language() == "en":
        return english
    found = getattr(record, "ar", None)
    given = found.get("name") if found is not None else None
    if given:  # a name the record gives for the Arabic edition comes first
        return given
    return next((v.name for v in getattr(record, "variants", ()) if v.lang == language()), english)


def name_html(record: object) -> str:
    """A record's name as HTML: a name with no form in the page's language is tagged as English."""
    shown = record_name(record)
    return name(shown) if language() == "en" or shown != getattr(record, "name",
                                                                 "") else in_english(name(shown))


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
        text = lang_span(variant.name, variant.lang or ("en" if language() != "en" else None))
        shown.append(t("{name} (abbreviation)", name=text) if variant.abbreviation else text)
    return t(", ").join(shown)


def words(value: str | None) -> str:
    """An id-like value (security-forces) as words."""
    return esc(vt((value or "").replace("-", " ")))


def period_text(found: Scope) -> str:
    """What a scope's period is, in words: empty for the incident itself."""
    if not found.period:
        return ""
    kind, start, end = found.period
    if kind == "running":
        return t("running total since {start}, as of {end}", start=human_date(start),
                 end=human_date(end, missing=t("no date")))
    if start and end:
        return t("{start} to {end}", start=human_date(start), end=human_date(end))
    return t("from {date}", date=human_date(start)) if start else t("up to {date}", date=human_date(end))


def counted(counts: str | None, who: str | None, found: Scope | None = None) -> str:
    """What a figure counts, and who, as the source said; and the period, when not the incident's."""
    counted_who = words(who) if who else t("who not stated")
    period = period_text(found) if found is not None else ""
    shown = t("{counts} ({who})", counts=words(counts), who=counted_who)
    return t("{counted}, {period}", counted=shown, period=period) if period else shown


def claim_counted(claim: Claim) -> str:
    """What one claim counts, with its period."""
    return counted(claim.counts, claim.who, scope(claim))


def reading(claim: Claim) -> str:
    """How a claim's wording was read: 29 or more, up to 35, about 6, 29 to 80, zero, no number."""
    low, high = claim.low, claim.high
    if low is None and high is None:
        return t("no number")
    if low is None:
        return t("up to {n}", n=number(high or 0))
    if high is None:
        return t("{n} or more", n=number(low))
    if low == high:
        approximate = claim.figure is not None and (found := read(claim.figure)) and found.kind == APPROXIMATE
        if low == 0:
            return t("zero")
        return t("about {n}", n=number(low)) if approximate else number(low)
    return t("{low} to {high}", low=number(low), high=number(high))


def figure(page: Page, claim: Claim) -> str:
    """A figure as worded, how it was read when that differs, its parts, and its footnote."""
    ref = page.notes.cite(claim.cite)
    parts = parts_text(claim.parts)
    if claim.kind == DENIAL:
        if claim.figure:
            return t("denial: “{worded}” (read as zero)", worded=quoted(esc(claim.figure))) + ref
        return t("denial: (read as zero)") + ref
    worded = esc(claim.figure or "")
    exact = claim.min is not None and claim.min == claim.max
    if exact and (claim.figure or "").replace(",", "").strip() == str(claim.min):
        return quoted(worded) + ref + parts
    return t("“{worded}” (read as {reading})", worded=quoted(worded), reading=reading(claim)) + ref + parts


def parts_text(parts: Sequence[Part]) -> str:
    """A breakdown after its figure: ' (of which Baghdad: 276; in addition, security forces: 17)'."""
    shown = []
    for part in parts:
        gov = GOVERNORATES.get(part.governorate or "")
        where = [esc(gov.arabic if language() == "ar" else gov.name) if gov else esc(part.governorate or ""),
                 esc(text_of(part, "place", part.place)[0] or ""), words(part.who)]
        label = t(", ").join(w for w in where if w)
        value = quoted(esc(part.figure))
        shown.append(t("in addition, {label}: {value}", label=label, value=value) if part.in_addition
                     else t("of which {label}: {value}", label=label, value=value))
    # In brackets, so that the breakdown stays with its figure in cells that list several figures.
    return " (" + t("; ").join(shown) + ")" if shown else ""


def claim_refs(page: Page, claims: Iterable[Claim]) -> str:
    """Footnote references for several claims, each note once, in footnote order."""
    refs = dict.fromkeys(page.notes.cite(c.cite) for c in claims)
    return "".join(sorted(refs, key=lambda ref: int(ref[2:-1])))


def range_cell(page: Page, found: Group) -> str:
    """29–46+ with the claims behind it; figures in words only are listed after it."""
    parts = []
    if found.claims:
        parts.append(isolated(found.range_text) + claim_refs(page, found.claims))
    if found.wordless:
        worded = t(", ").join(t("“{worded}”", worded=quoted(esc(c.figure or ""))) + page.notes.cite(c.cite)
                              for c in found.wordless)
        parts.append(t("also in words only: {figures}", figures=worded) if found.claims
                     else t("in words only: {figures}", figures=worded))
    return t("; ").join(parts)


_FIGURE = re.compile(r"\d[\d,]*(?:–\d[\d,]*)?\+?")


def isolated(figure_text: str) -> str:
    """Text with each figure or range (29–46+) isolated, so a right-to-left page cannot reorder it."""
    if language() == "en":
        return figure_text
    return _FIGURE.sub(lambda m: f'<bdi dir="ltr">{m[0]}</bdi>', figure_text)


def origins_cell(page: Page, found: Group) -> str:
    """How many independent origins, and which, each with its claims' footnotes."""
    if not found.origins:
        return ""
    named = t(", ").join(page.origin(o) + claim_refs(page, claims) for o, claims in found.origins)
    return t("{n}: {names}", n=isolated(number(len(found.origins))), names=named)


def grade_cell(page: Page, found: Group | None) -> str:
    """The grade, linked to where the methodology explains it."""
    return link(esc(vt(found.grade)), page.to(f"{METHODOLOGY}#grades")) if found and found.grade else ""


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
    if language() == "ar":
        return link(esc(gov.arabic), page.to(governorate_target(page.ctx, gov_id)))
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
