"""Markdown-safe text: escaping of data, safe link targets, relative paths, dates and numbers."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from functools import lru_cache

from . import text

# Characters with inline meaning in the Markdown dialect the site uses ({ } would let text add
# attributes through attr_list; | would end a table cell; [^ would start a footnote).
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]|#])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)(\d+)\.|^(\s*)([-+])")
_UNSAFE_URL_CHARS = str.maketrans({c: f"%{ord(c):02X}" for c in " \"'<>()[]{}|\\^`"})
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
RTL_LANGS = {"ar", "fa", "ur", "he", "ckb", "ps", "yi", "syr"}
RECORD_DIRS = {"incident": "incident", "person": "person", "organisation": "organisation",
               "source": "source"}


def escape_inline(value: str) -> str:
    """Text as inline Markdown that shows exactly as written, spaces kept (no markup, no HTML)."""
    # A bare & is already text to Markdown; only one that would read as an entity needs escaping.
    value = _ENTITY.sub("&amp;", value).replace("<", "&lt;").replace(">", "&gt;")
    return _BACKSLASHED.sub(r"\\\1", value)


@lru_cache(maxsize=1 << 16)  # names and labels recur on thousands of pages
def esc(value: object) -> str:
    """Data text on one line as inline Markdown that shows exactly as written."""
    escaped = escape_inline(" ".join(str(value).split()))
    # A number or dash at the start would begin a list where the text is a list item or cell.
    return _LINE_START.sub(lambda m: (f"{m[1]}{m[2]}\\." if m[2] else f"{m[3]}\\{m[4]}"), escaped)


def attr(value: object) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(" ".join(str(value).split()), quote=True)


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


def human_date(value: str | None, missing: str = "undated") -> str:
    """2019-11-28 as 28 November 2019; 2019-11 as November 2019; unknown or absent as missing."""
    if not value or value == "unknown":
        return missing
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return value
    year, month, day = match.groups()
    if not month:
        return year
    words = f"{MONTHS[int(month) - 1]} {year}"
    return f"{int(day)} {words}" if day else words


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
        result = " ".join(result.replace("|", "\\|").split())
    return result


def _neutralise(chunk: str) -> str:
    chunk = chunk.replace("<", "&lt;")  # no HTML; > stays for quotations
    chunk = chunk.replace("{", "\\{").replace("}", "\\}").replace("[^", "\\[^").replace("![", "!\\[")
    chunk = re.sub(r"(?m)^(\s{0,3})\[([^\]]*)\]:", r"\1\\[\2]:", chunk)  # link definitions
    return re.sub(r"\]\((?!\s*(?:https?://|#))", lambda _: "\\]\\(", chunk)
