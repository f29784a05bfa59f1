"""Markdown building blocks: tables, sections, labels, front matter, and Markdown as plain text."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence

from ..markup import esc, external
from ..text import MARKER_RE


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


def external_link(label: str, url: str | None) -> str:
    """A labelled external link, or nothing without an http(s) address."""
    return external(esc(label), url) if url else ""
