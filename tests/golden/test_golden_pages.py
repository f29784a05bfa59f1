"""Golden files: rendered pages and formatted citations, reviewed in diffs.

After a deliberate change to the output, regenerate them with
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden
and read the diff before committing it. They are never regenerated otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factsheet.cite import format_sources
from factsheet.load import read_sources
from factsheet.pipeline import load_dataset, render_site

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "fixtures" / "valid"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PAGES = ("incident/2019-11-28-nasiriyah.md", "person/jamil-al-shimiri.md",
         "organisation/iraqi-security-forces.md", "source/track-persia-2019-11-30.md")


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
