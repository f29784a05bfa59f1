"""The figures inside a page converted as the site converts Markdown, and in Chromium."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from chartpage import CHROMIUM, MEASURE, Notes, html, measure, screenshot

from factsheet.charts import incident_map, relative, timeline, toll_histories
from factsheet.text import strip_dates


def page_markdown(ds, notes: Notes) -> str:
    body = "# Figures\n\n" + timeline(ds, notes, relative()).markdown()
    body += "\n" + incident_map(ds, notes, relative()).markdown()
    for figure in toll_histories(ds, ds.incidents["2019-10-01-tahrir-square"], notes, relative("../")):
        body += "\n" + figure.markdown()
    return body


class Cells(HTMLParser):
    """Table cells as [text outside footnote references, number of footnote references]."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[list] = []
        self.in_cell = self.in_ref = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "td":
            self.cells.append(["", 0])
            self.in_cell = True
        elif tag == "sup" and self.in_cell and (dict(attrs).get("id") or "").startswith("fnref"):
            self.cells[-1][1] += 1
            self.in_ref = True

    def handle_endtag(self, tag) -> None:
        if tag == "td":
            self.in_cell = False
        elif tag == "sup":
            self.in_ref = False

    def handle_data(self, data) -> None:
        if self.in_cell and not self.in_ref:
            self.cells[-1][0] += data


@pytest.fixture(scope="module")
def converted(ds) -> tuple[str, Notes]:
    notes = Notes()
    return html(page_markdown(ds, notes), notes), notes


def test_svg_passes_through_markdown_untouched(ds, converted) -> None:
    page, _ = converted
    for figure in (timeline(ds, Notes(), relative()), incident_map(ds, Notes(), relative())):
        assert figure.svg in page


def test_every_number_in_the_tables_has_a_footnote(converted) -> None:
    page, notes = converted
    parser = Cells()
    parser.feed(page)
    numbered = [(text, refs) for text, refs in parser.cells if re.search(r"\d", strip_dates(text))]
    assert len(numbered) > 20, "too few numbers found: the parser is broken"
    for text, refs in numbered:
        assert refs, f"number without a footnote: {text!r}"
    # Every footnote the tables refer to is defined on the page.
    for number in notes.numbers.values():
        assert f'id="fn:{number}"' in page


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Chromium is not installed")
@pytest.mark.parametrize("width", [1280, 390, 320])
def test_figures_fit_the_window(ds, converted, tmp_path, width) -> None:
    page, notes = converted
    path = tmp_path / "figures.html"
    path.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    layout = measure(path, width)
    assert len(layout["figures"]) == 3
    for left, right, height in layout["figures"]:
        assert left >= 0 and right <= layout["window"], (left, right, layout["window"])
        assert height > 100


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Chromium is not installed")
def test_screenshots(ds, tmp_path_factory) -> None:
    # Kept for a person to look at: CHART_SCREENSHOTS=dir keeps them there, else in pytest's temp dir.
    out = Path(os.environ.get("CHART_SCREENSHOTS") or tmp_path_factory.mktemp("chart-screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    notes = Notes()
    body = page_markdown(ds, notes)
    for scheme in ("default", "slate"):
        page = out / f"figures-{scheme}.html"
        page.write_text(html(body, notes, scheme, open_tables=True), encoding="utf-8")
        for name, width in (("desktop", 1280), ("phone", 390)):
            png = out / f"figures-{scheme}-{name}.png"
            screenshot(page, png, width, 2400)
            assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
