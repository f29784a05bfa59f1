"""Stage 4: format every source once with pybtex, and number the footnotes of each page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from pybtex.backends import markdown as markdown_backend
from pybtex.backends import plaintext
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Entry
from pybtex.database import Person as BibPerson
from pybtex.richtext import Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle, toplevel
from pybtex.style.template import FieldIsMissing, field, href, join, names, node, optional, sentence, tag

from .i18n import language, t
from .markup import esc, escape_inline, human_date, link, prose, record_path, rel, safe_url
from .model import Cite, Source

PERSON_FIELDS = ("author", "editor")
# Where a source's publisher is named, most telling first.
PUBLISHER_FIELDS = ("organization", "publisher", "journaltitle", "journal", "institution", "author")
# Zotero and hand-written entries wrap text in LaTeX commands pybtex prints literally ("\url ...").
_WRAPPERS = re.compile(r"\\(?:url|emph|textit|textbf|textsc|texttt|textup|textrm|textsf|mkbibquote|"
                       r"mkbibemph|enquote)\s*(?=\{)")
_CREATORS = ("organization", "institution", "publisher")
_REPORT_CREATORS = ("institution", "organization", "publisher")  # a report is its institution's
# Organisation fields shown after the title, each once, whatever the entry type (none is dropped).
_WHERE = ("organization", "institution", "publisher", "howpublished")
MISSING_DATE = "n.d."


class MarkdownBackend(markdown_backend.Backend):
    """pybtex's Markdown backend without its over-escaping: text shows exactly as written."""

    symbols = MappingProxyType({"ndash": "–", "newblock": " ", "nbsp": "\u00a0"})

    def format_str(self, text: str) -> str:
        return escape_inline(text)

    def format_protected(self, text: str) -> str:
        return text  # braces only protect capitals, which this style never changes

    def format_tag(self, tag_name: str, text: str) -> str:
        # HTML rather than *...*: emphasis marks around text that starts with a space (a BibTeX ~)
        # would show as asterisks. The tag names are the style's own (em).
        return f"<{tag_name}>{text}</{tag_name}>" if text else text

    def format_href(self, url: str, text: str, external: bool = False) -> str:
        target = safe_url(url)
        return link(text, target) if target and text else text


class TextBackend(plaintext.Backend):
    """Plain text, with real dashes and spaces instead of markup symbols."""

    symbols = MappingProxyType({"ndash": "–", "newblock": " ", "nbsp": " "})


def _date_text(entry: Entry, name: str = "date") -> str | None:
    """A BibLaTeX date (or BibTeX year and month) in words."""
    value = entry.fields.get(name)
    if value:
        return human_date(str(value), missing=MISSING_DATE)
    if name == "date" and entry.fields.get("year"):
        return " ".join(str(entry.fields[f]) for f in ("month", "year") if entry.fields.get(f))
    return None


@node
def date_or_nd(children: list, context: dict) -> Text:
    """The entry's date, or n.d. when it has none."""
    return Text(_date_text(context["entry"]) or MISSING_DATE)


@node
def accessed(children: list, context: dict) -> Text:
    """'accessed 5 January 2020' from urldate; missing when there is none."""
    value = _date_text(context["entry"], "urldate")
    if not value:
        raise FieldIsMissing("urldate", context["entry"])
    return Text("accessed ", value)


@node
def quoted(children: list, context: dict) -> Text:
    """A title in quotation marks, its full stop inside them."""
    text = join[children].format_data(context)
    return Text("“", text.add_period(), "”") if text else Text()


class Style(BaseStyle):
    """References for news, reports and web pages: capitals kept, undated entries marked n.d."""

    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "none"

    def creator(self, e: Entry) -> tuple[object, str | None]:
        """Authors, or else the organisation behind the document, and the field it came from."""
        if "author" in e.persons:
            return names("author", sep=", ", sep2=" and ", last_sep=", and "), None
        for name in _REPORT_CREATORS if e.type == "report" else _CREATORS:
            if e.fields.get(name):
                return field(name), name
        return None, None

    def publishers(self, e: Entry, used: str | None, fields: tuple[str, ...]) -> list:
        """The organisation fields not already shown as the creator, each once."""
        seen = {str(e.fields.get(used, "")).lower()} if used else set()
        parts = []
        for name in fields:
            value = str(e.fields.get(name, "")).strip()
            if value and value.lower() not in seen:
                seen.add(value.lower())
                parts.append(field(name))
        return parts

    def web(self, e: Entry) -> object:
        url = field("url", raw=True)
        return sentence[optional[href(url)[url]], optional[accessed]]

    def head(self, e: Entry, title: object) -> tuple[list, str | None]:
        creator, used = self.creator(e)
        return ([sentence[creator]] if creator is not None else []) + [title], used

    def get_online_template(self, e: Entry) -> object:
        head, used = self.head(e, quoted[field("title")])
        where = self.publishers(e, used, _WHERE)
        return toplevel[[*head, sentence[[*where, date_or_nd]], self.web(e)]]

    def get_misc_template(self, e: Entry) -> object:
        return self.get_online_template(e)

    def get_article_template(self, e: Entry) -> object:
        head, used = self.head(e, quoted[field("title")])
        journal = [tag("em")[field(n)] for n in ("journaltitle", "journal") if e.fields.get(n)][:1]
        issue = ([join[field("volume"), optional["(", field("number"), ")"]]] if e.fields.get("volume")
                 else [join["no. ", field("number")]] if e.fields.get("number") else [])
        pages = [join["pp. ", field("pages")]] if e.fields.get("pages") else []
        where = self.publishers(e, used, _WHERE)
        return toplevel[[*head, sentence[[*journal, *issue, *pages, *where, date_or_nd]], self.web(e)]]

    def get_report_template(self, e: Entry) -> object:
        head, used = self.head(e, sentence[tag("em")[field("title")]])
        kind = [join(sep=" ")[optional[field("type")], optional[field("number")]]]
        where = self.publishers(e, used, ("institution", "organization", "publisher", "howpublished"))
        return toplevel[[*head, sentence[[*kind, *where, date_or_nd]], self.web(e)]]


def plain_field(source: Source, name: str) -> str | None:
    """A bibliography field as plain text (LaTeX braces and escapes resolved)."""
    value = source.get(name)
    return _plain(value) if value else None


@lru_cache(maxsize=1 << 15)  # the same fields are read for every claim citing a source
def _plain(value: str) -> str:
    return Text.from_latex(_WRAPPERS.sub("", value)).render(TextBackend())


def entry(source: Source) -> Entry:
    """A pybtex entry rebuilt from a source record."""
    fields, persons = [], {}
    for name, value in source.fields:
        value = _WRAPPERS.sub("", value)
        if name in PERSON_FIELDS:
            persons[name] = [BibPerson(n) for n in split_name_list(value)]
        else:
            fields.append((name, value))
    return Entry(source.entry_type, fields=fields, persons=persons)


@dataclass(frozen=True)
class References:
    """Every source formatted once: Markdown for pages, plain text for titles and exports."""

    markdown: Mapping[str, str]
    plain: Mapping[str, str]
    archives: Mapping[str, str]  # the address of the archived copy, where there is one
    publishers: Mapping[str, str]  # who published each source, as plain text, for short labels


def format_source(style: Style, source: Source) -> tuple[str, str]:
    """One source as (Markdown, plain text)."""
    try:
        formatted: FormattedEntry = style.format_entry(source.key, entry(source))
    except FieldIsMissing:  # only a title is required, and the validator insists on it
        return esc(source.title) + ".", source.title + "."
    text = formatted.text
    return text.render(MarkdownBackend()).strip(), text.render(TextBackend()).strip()


def format_sources(sources: Mapping[str, Source]) -> References:
    """Format each source once per build (pybtex costs about a millisecond per entry)."""
    style = Style()
    done = {key: format_source(style, sources[key]) for key in sorted(sources)}
    return References(MappingProxyType({k: v[0] for k, v in done.items()}),
                      MappingProxyType({k: v[1] for k, v in done.items()}),
                      MappingProxyType({k: target for k in done
                                        if (target := safe_url(sources[k].get("archiveurl")))}),
                      MappingProxyType({k: publisher(sources[k]) for k in done}))



def publisher(source: Source) -> str:
    """Who published a source, most telling field first; its key when no field says."""
    return next((plain_field(source, f) or "" for f in PUBLISHER_FIELDS if source.get(f)), source.key)


class Notes:
    """The footnotes of one page: one per (source, locator), numbered in order of first use."""

    def __init__(self, refs: References, page: str) -> None:
        self.refs = refs
        self.page = page
        self.labels: dict[tuple[str, str], int] = {}

    def __call__(self, source: str, locator: str) -> str:
        """The footnote reference for a source and locator, reused if already on the page."""
        label = self.labels.setdefault((source, " ".join(locator.split())), len(self.labels) + 1)
        return f"[^{label}]"

    def cite(self, cite: Cite) -> str:
        """The footnote reference for a record's citation."""
        return self(cite.source, cite.locator)

    def text(self, value: str | None, inline: bool = False) -> str:
        """Free text with its citation markers turned into this page's footnotes."""
        return prose(value or "", self, inline=inline)

    def definition(self, label: int, source: str, locator: str) -> str:
        """One footnote: reference, passage, archived copy and the source's own page."""
        english = language() != "en"  # the reference and passage stay as the source wrote them
        reference = self.refs.markdown.get(source) or t("Source {key} (not in the bibliography).",
                                                        key=esc(source))
        parts = [f'<span class="fs-cited" lang="en" dir="ltr">{reference}</span>'
                 if english and source in self.refs.markdown else reference]
        if locator:
            passage = esc(locator.rstrip("."))
            parts.append(t("Passage: {passage}.", passage=f'<span lang="en" dir="ltr">{passage}</span>'
                           if english else passage))
        archive = self.refs.archives.get(source)
        if archive:
            parts.append(link(t("Archived copy"), archive) + ".")
        own_page = record_path("source", source)
        if source in self.refs.markdown and own_page != self.page:
            parts.append(link(t("About this source"), rel(self.page, own_page)) + ".")
        return f"[^{label}]: " + " ".join(parts)

    def definitions(self) -> str:
        """Every footnote definition of the page, in numbering order."""
        return "\n".join(self.definition(n, s, loc) for (s, loc), n in self.labels.items())
