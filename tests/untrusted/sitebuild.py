"""Building a data directory into a site in this process, and reading the built pages' elements."""

from __future__ import annotations

import os
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from factsheet.cli import main

REPO = Path(__file__).parent.parent.parent
ENV = ("FACTSHEET_DATA", "SOURCE_DATE_EPOCH")


def build(data: Path, out: Path) -> Path:
    """factsheet build, in this process; the environment it sets for MkDocs is put back afterwards."""
    saved = {name: os.environ.get(name) for name in ENV}
    cwd = Path.cwd()
    try:
        os.chdir(REPO)
        code = main(["build", "--data", str(data.resolve()), "--out", str(out.resolve())])
    finally:
        os.chdir(cwd)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert code == 0, f"the build of {data} failed"
    return out


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of a built site by its path in the site."""
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))}


class Elements(HTMLParser):
    """Every element of a page: its tag and attributes, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


# The renderer marks proper names that hold digits (Brigade 30), so that they are not read as figures.
NAME_SPAN = ("span", {"class": "fs-name"})


def shape(html: str, ignore: frozenset[str] = frozenset()) -> Counter:
    """How many elements of each tag with each set of attribute names a page has (the renderer's
    marks for names with digits aside, which a payload's digits add)."""
    return Counter((tag, tuple(sorted(attrs))) for tag, attrs in elements(html)
                   if tag not in ignore and (tag, attrs) != NAME_SPAN)
