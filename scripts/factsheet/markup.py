"""Markdown-safe text: escaping of data, safe link targets, relative paths, dates and numbers."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from functools import lru_cache

from . import text
from .i18n import N_, language, t

# Every ASCII character that means something to Markdown or to an extension the site uses or might
# (attr_list's { }, tables' |, footnotes' [^, emphasis, code, admonitions' !!!, pymdownx's ~ ^ = + $,
# the first / of footnotes' ///Footnotes Go Here/// marker) becomes a numeric character reference
# after html.escape: Markdown passes references through as text, so no syntax can form. (: and a
# single / only mean something after a character of this set, so they stay readable.)
_MARKDOWN_CHARS = "\\`*_{}[]|#!~^=$+/"
_MARKDOWN = re.compile(r"[\\`*_{}\[\]|!~^=$+]|/(?=//)|(?<!&)#")  # html.escape's own &#x27; keeps its #
_REFS = {c: f"&#{ord(c)};" for c in _MARKDOWN_CHARS}
# A list marker where the text starts a line (a list item, a cell read as a block by some engines).
_LINE_START = re.compile(r"^(\s*)(?:(\d+)([.)])|([-+]))")
# Control characters are refused when the data is read; these replace any that reach here.
_CONTROLS = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), *range(0x7f, 0xa0)]}
_UNSAFE_URL_CHARS = str.maketrans({c: f"%{ord(c):02X}" for c in " \"'<>()[]{}|\\^`"})


# The month names, translated one at a time where shown (in Arabic, the names used in Iraq).
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


def month(number: int) -> str:
    """A month's name (1 is January) in the language being written."""
    return t(MONTHS[number - 1])


RTL_LANGS = {"ar", "fa", "ur", "he", "ckb", "ps", "yi", "syr"}
RECORD_DIRS = {"incident": "incident", "person": "person", "organisation": "organisation",
               "source": "source"}


def escape_inline(value: str) -> str:
    """Data text as Markdown that shows exactly as written, spaces kept (the one escaping rule).

    html.escape, then every Markdown character as a character reference, which Markdown passes
    through as text: no markup, attribute, footnote or HTML can form, in a cell, heading or link
    label alike. esc() is this with whitespace folded; attr() is its html.escape alone, for the
    places Markdown never reads (attribute values, the page title, the figures' SVG).
    """
    escaped = _MARKDOWN.sub(_ref, html.escape(value.translate(_CONTROLS), quote=True))
    return _LINE_START.sub(_line_start, escaped, count=1)


def _ref(match: re.Match[str]) -> str:
    return _REFS[match[0]]


def _line_start(match: re.Match[str]) -> str:
    indent, digits, dot, dash = match.groups()
    return f"{indent}{digits}&#{ord(dot)};" if digits else f"{indent}&#{ord(dash)};"


@lru_cache(maxsize=1 << 16)  # names and labels recur on thousands of pages
def esc(value: object) -> str:
    """Data text on one line as inline Markdown (or HTML) that shows exactly as written."""
    return escape_inline(" ".join(str(value).split()))


def attr(value: object) -> str:
    """Data text on one line for an HTML attribute, the page title or SVG, which Markdown never reads."""
    return html.escape(" ".join(str(value).translate(_CONTROLS).split()), quote=True)


def safe_url(url: str | None) -> str | None:
    """An http(s) address made safe as a Markdown link target, or None for anything else."""
    if not url or not re.match(r"^https?://[^\s]+$", url):
        return None
    return url.translate(_UNSAFE_URL_CHARS)


def link(label_md: str, target: str) -> str:
    """A Markdown link; target must already be safe (a page path or safe_url's result)."""
    return f"[{label_md}]({target})"


def external(label_md: str, url: str | None) -> str:
    """A link to an http(s) address, or the bare label when the address is not http(s)."""
    target = safe_url(url)
    return link(label_md, target) if target else label_md


def record_path(kind: str, record_id: str) -> str:
    """Where a record's page lives in the site, as a Markdown source path."""
    return f"{RECORD_DIRS[kind]}/{record_id}.md"


def rel(page: str, target: str) -> str:
    """A link from one page's source path to another path, relative, as MkDocs resolves them."""
    target, _, anchor = target.partition("#")
    if target == page:
        return f"#{anchor}" if anchor else posixpath.basename(page)
    # Site paths are clean (no . or ..), so this is posixpath.relpath without its slow abspath calls.
    here, there = page.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    path = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{path}#{anchor}" if anchor else path


@lru_cache(maxsize=1 << 16)
def name(value: str) -> str:
    """A proper name; one that holds digits (Brigade 30) is marked so it is not read as a figure."""
    escaped = esc(value)
    return f'<span class="fs-name">{escaped}</span>' if re.search(r"\d", value) else escaped


def lang_span(value: str, lang: str | None) -> str:
    """A name in another script, tagged with its language and direction."""
    if not lang:
        return name(value)
    direction = ' dir="rtl"' if lang.split("-")[0] in RTL_LANGS else ""
    return f'<span lang="{attr(lang)}"{direction}>{name(value)}</span>'


def number(value: int) -> str:
    """A count with thousands separators, so it can never be mistaken for a year."""
    return f"{value:,}"


def human_date(value: str | None, missing: str | None = None) -> str:
    """2019-11-28 as 28 November 2019; 2019-11 as November 2019; unknown or absent as missing ("undated")."""
    if not value or value == "unknown":
        return t("undated") if missing is None else missing
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return value
    year, month_number, day = match.groups()
    if not month_number:
        return year
    name = month(int(month_number))
    if day:
        return t("{day} {month} {year}", day=int(day), month=name, year=year)
    return t("{month} {year}", month=name, year=year)


def sort_date(value: str | None) -> tuple[bool, str]:
    """A key that orders dates chronologically, unknown dates last."""
    return (not value or value == "unknown", value or "")


def prose(value: str, cite: Callable[[str, str], str], inline: bool = False) -> str:
    """Contributors' Markdown with its [@key, locator] markers turned into footnote references.

    cite is called with (key, locator) and returns a footnote reference. Anything that would
    reach past plain prose (HTML, attributes, footnote or link definitions, images, links that
    are not http(s)) is shown as text; the validator already refuses most of it.
    """
    parts = []
    last = 0
    for match in text.MARKER_RE.finditer(value):
        parts.append(_neutralise(value[last:match.start()].rstrip(" \t")))
        parts.append(cite(match.group(1), (match.group(2) or "").strip()))
        last = match.end()
    parts.append(_neutralise(value[last:]))
    result = "".join(parts).strip()
    if inline:
        result = " ".join(result.replace("|", "&#124;").split())
    return result


_PROSE_RULES = (
    (re.compile(r"<"), "&lt;"),  # no HTML; > stays for quotations
    (re.compile(r"[{}]"), None),  # attr_list's { }, as references: a backslash before them cannot undo it
    (re.compile(r"\[(?=\^)|!(?=\[)"), None),  # footnote references, images
    (re.compile(r"(?m)^([ \t]{0,3})(\*?\[)(?=[^\]]*\]:)"), None),  # link, footnote, abbreviation definitions
    (re.compile(r"(?m)^[ \t]*[!?](?=[!?]{2})"), None),  # admonitions and details (!!! note, ??? note)
    (re.compile(r"\[(?=TOC\])|/(?=//Footnotes Go Here///)", re.I), None),  # the toc and footnote markers
    (re.compile(r"\](?=\((?!\s*(?:https?://|#)))"), None),  # links that are not http(s) or in the page
)


def _neutralise(chunk: str) -> str:
    """Contributors' Markdown with nothing in it that reaches past plain prose (see prose)."""
    chunk = chunk.translate(_CONTROLS)
    for pattern, replacement in _PROSE_RULES:
        chunk = pattern.sub(replacement or _prose_ref, chunk)
    return chunk


def _prose_ref(match: re.Match[str]) -> str:
    """The last character of a match as a character reference (the rest kept as written)."""
    text = match[0]
    return text[:-1] + f"&#{ord(text[-1])};"


# A source's words quoted in Latin script inside Arabic text: «on Sunday», «Who killed me?». Text
# from the data is escaped before this runs, so a tag (< >), Markdown's emphasis or code marks
# (* _ `) or the middle of a link ("](") here is markup: a quotation holding one is left as it is,
# so that no element can be split by the <bdi> around it. Brackets alone ("[At least] 149") are text.
_LATIN_QUOTATION = re.compile(r"«(?=[^«»]*[A-Za-z])((?:(?!\]\()[^«»<>*_`\u0600-\u06ff])+)»")


def isolated_quotations(shown: str) -> str:
    """Latin-script quotations in text of another language, isolated and tagged as English.

    Left to the page's direction, their closing punctuation and brackets move to the wrong end
    («Who killed» me?»); isolated, each reads left to right inside the right-to-left sentence.
    """
    if language() == "en" or "«" not in shown:
        return shown
    return _LATIN_QUOTATION.sub(r'«<bdi lang="en">\1</bdi>»', shown)
