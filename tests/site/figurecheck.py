"""Find numbers in a built page's content that have no footnote reference in their cell or sentence.

Dates and years need no footnote (the same rule as the validator's, factsheet.text). Left out, on
purpose: footnote definitions (they are the citations), titles of works (<cite>), formatted
references (.fs-reference), proper names that contain digits (.fs-name), code (notation samples
on the methodology page), SVG drawings (their numbers are repeated, cited, in a table beside
them) and the theme's own elements outside the article.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from factsheet.text import uncited_numerals

FOOTNOTE = "[@fn]"  # stands for a footnote reference, in the validator's own marker syntax
UNITS = {"td", "th", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "caption",
         "figcaption", "blockquote", "div", "summary", "pre"}
CELLS = {"td", "th"}
SKIPPED_TAGS = {"cite", "code", "svg", "script", "style", "template"}
SKIPPED_CLASSES = {"footnote", "fs-reference", "fs-name", "headerlink", "md-content__button"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"}


class _Units(HTMLParser):
    """Collects the text of each cell and block of the article, footnote references marked."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, starts a unit)
        self.buffers: list[tuple[str, list[str]]] = []
        self.skipping = 0
        self.in_article = 0
        self.found: list[tuple[str, str]] = []  # (tag, text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag == "br":
                self._text(" ")
            return
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self.in_article += 1
        skip = tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)
        if self.skipping or skip:
            self.skipping += 1
            self.stack.append((tag, False))
            return
        if tag == "sup" and (found.get("id") or "").startswith("fnref"):
            self._text(" " + FOOTNOTE)
            self.skipping += 1  # the reference's own number is not a figure
            self.stack.append((tag, False))
            return
        unit = self.in_article > 0 and tag in UNITS
        if unit:
            self.buffers.append((tag, []))
        self.stack.append((tag, unit))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            open_tag, unit = self.stack.pop()
            if self.skipping:
                self.skipping -= 1
            elif unit:
                kind, parts = self.buffers.pop()
                self.found.append((kind, "".join(parts)))
                if self.buffers:
                    self.buffers[-1][1].append(" ")
            if open_tag == "article" and self.in_article:
                self.in_article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.buffers:
            self.buffers[-1][1].append(data)


def uncited(html: str) -> list[str]:
    """Each cell or sentence of the page content with a number (not a date) and no footnote."""
    parser = _Units()
    parser.feed(html)
    parser.close()
    problems = []
    for tag, text in parser.found:
        text = " ".join(text.split())
        if not re.search(r"\d", text):
            continue
        if tag in CELLS:
            # One cell is one unit: a footnote anywhere in it covers it.
            hits = [] if FOOTNOTE in text else uncited_numerals(text)
        else:
            hits = uncited_numerals(text)
        problems += [f"<{tag}> {hit}" for hit in hits]
    return problems
