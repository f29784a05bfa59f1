"""What every page shares: the build context, and one page with its footnotes and links."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..charts import Links as FigureLinks
from ..cite import Notes, References
from ..edition import VERSION, data_date
from ..figures import Origin
from ..governorates import GOVERNORATES
from ..i18n import N_, language, t, vt
from ..link import Links
from ..markup import attr, esc, human_date, isolated_quotations, lang_span, link, record_path, rel
from ..model import Dataset, Link
from ..parties import Parties, parties
from ..text import markers
from ..vocab import CHAIN_VERBS, SOURCE_KINDS, source_kind_label
from .blocks import cite_title, first_paragraph, front_matter, plain_title, separate_footnotes, shorten, tag
from .languages import (
    foreign,
    name_html,
    text_of,
    unnamed,
    untranslated,
    untranslated_block,
)

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
            return link(untranslated(shown) if fallback else isolated_quotations(shown), target) + refs
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
        return (untranslated(shown) if fallback else isolated_quotations(shown)) + refs

    def text(self, obj: object, field: str, english: str | None, inline: bool = False) -> str:
        """A record's prose in the edition's language, footnoted; English marked when not yet translated."""
        value, fallback = text_of(obj, field, english)
        shown = self.notes.text(value, inline=inline)
        if not fallback or not shown:
            return isolated_quotations(shown)
        return untranslated(shown) if inline else untranslated_block(shown)

    def inline(self, obj: object, field: str, english: str | None, show: Callable[[str], str]) -> str:
        """A record's short text (a role, a place) in the edition's language, shown by show (escaping)."""
        value, fallback = text_of(obj, field, english)
        shown = show(value or "")
        return untranslated(shown) if fallback and shown else isolated_quotations(shown)

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
