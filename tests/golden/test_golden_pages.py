"""Golden files: rendered pages and formatted citations, reviewed in diffs.

After a deliberate change to the output, regenerate them with
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden
and read the diff before committing it. They are never regenerated otherwise.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from factsheet.cite import format_sources
from factsheet.load import read_sources
from factsheet.pipeline import load_dataset, render_site
from guide_example import INCIDENT_ID, example_data

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "fixtures" / "valid"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PAGES = ("incident/2019-11-28-nasiriyah.md", "person/jamil-al-shimiri.md",
         "organisation/iraqi-security-forces.md", "source/track-persia-2019-11-30.md")
# The contributor guide's worked example: a period figure, a running-total series, an "as many as"
# figure, a breakdown by governorate, a joint statement, a spokesman, a denial and a named victim.
EXAMPLE_PAGES = (f"incident/{INCIDENT_ID}.md", "person/ali-mithal.md", "organisation/example-police.md",
                 "victims.md")


def check(name: str, actual: str) -> None:
    """Compare with the golden file, or rewrite it when UPDATE_GOLDEN=1."""
    golden = HERE / "files" / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, "utf-8")
        return
    assert golden.is_file(), f"no golden file {golden}: run UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden"
    assert actual == golden.read_text("utf-8"), f"{name} differs from its golden file"


@pytest.fixture(scope="module")
def site():
    return render_site(load_dataset(FIXTURE))


@pytest.mark.parametrize("path", PAGES)
def test_page(site, path):
    check(f"pages/{path}", site[path].content)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    return render_site(load_dataset(example_data(tmp_path_factory.mktemp("example"))))


@pytest.mark.parametrize("path", EXAMPLE_PAGES)
def test_example_page(example_site, path):
    check(f"example/{path}", example_site[path].content)


def test_example_pages_give_each_id_once(example_site):
    """A claim shown in two sections (a counted denial) keeps one anchor: ids are unique on a page."""
    for path, out in example_site.items():
        if path.endswith(".md"):
            ids = re.findall(r'<span id="([^"]+)"></span>', out.content)
            assert len(ids) == len(set(ids)), path
    incident = example_site[f"incident/{INCIDENT_ID}.md"].content
    assert incident.count('id="claim-no-deaths-police"') == 1


def test_example_claims_csv(example_site):
    """The CSV rows of the example's incident, as the downloads page offers them."""
    table = list(csv.reader(io.StringIO(example_site["downloads/claims.csv"].content)))
    column = table[0].index("incident_id")
    rows = [table[0]] + [row for row in table[1:] if row[column] == INCIDENT_ID]
    assert len(rows) == 6
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    check("example/downloads/claims.csv", out.getvalue())


def citations(bib: Path) -> str:
    """Every entry of a bibliography as Markdown and as plain text."""
    sources, problems = read_sources(bib)
    assert not problems
    refs = format_sources(sources)
    return "".join(f"{key}\n  markdown: {refs.markdown[key]}\n  text:     {refs.plain[key]}\n"
                   for key in sorted(sources))


def test_citations_of_each_entry_type():
    check("citations.txt", citations(HERE / "citations.bib"))


def test_citations_of_the_fixture():
    check("citations-fixture.txt", citations(FIXTURE / "sources.bib"))
