"""The bibliography: every field is shown somewhere or refused, and BibTeX's year and month are a date."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsheet import bib
from factsheet.pipeline import load_checked, render_site

VALID = Path(__file__).parent.parent / "fixtures" / "valid"
HEAD = "@online{pmoi-2019-11-29,\n  title = {A title},\n  kind = {advocacy},\n  stake = {A party.},\n"


def parse(body: str, head: str = HEAD) -> tuple[dict, list[tuple[int, str, str]]]:
    sources, problems = bib.parse_sources(head + body + "}\n", "sources.bib")
    return sources, [(p.where.line, p.code, p.message) for p in problems]


@pytest.mark.parametrize(("field", "hint"), [
    ("urll", "did you mean 'url'?"), ("orgnization", "did you mean 'organization'?"),
    ("editor", None), ("subtitle", "did you mean 'title'?"), ("doi", None), ("abstract", None),
])
def test_unknown_fields_are_errors_at_their_line(field: str, hint: str | None) -> None:
    _, problems = parse(f"  {field} = {{Some value}},\n")
    assert [(line, code) for line, code, _ in problems] == [(5, "unknown-field")]
    message = problems[0][2]
    assert f"'{field}'" in message
    if hint:
        assert hint in message


def test_a_field_of_another_entry_type_says_where_it_belongs() -> None:
    _, problems = parse("  volume = {3},\n")
    assert [(line, code) for line, code, _ in problems] == [(5, "unknown-field")]
    assert "@article" in problems[0][2]


def test_fields_of_the_entry_type_are_fine() -> None:
    head = HEAD.replace("@online", "@article")
    _, problems = parse("  journaltitle = {J},\n  volume = {3},\n  number = {2},\n  pages = {1--9},\n", head)
    assert problems == []


@pytest.mark.parametrize(("fields", "date"), [
    ("  year = {2019},\n  month = nov,\n", "2019-11"),
    ("  year = {2019},\n  month = {November},\n", "2019-11"),
    ("  year = {2019},\n  month = {11},\n", "2019-11"),
    ("  year = 2020,\n  month = {Jan.},\n", "2020-01"),
    ("  year = {2019},\n", "2019"),
])
def test_year_and_month_are_read_as_the_date(fields: str, date: str) -> None:
    sources, problems = parse(fields)
    assert problems == []
    source = sources["pmoi-2019-11-29"]
    assert source.get("date") == date
    assert source.get("year") is None and source.get("month") is None
    assert dict(source.field_lines)["date"] == 5


@pytest.mark.parametrize(("fields", "line", "code"), [
    ("  year = {2019},\n  month = {Novembre},\n", 6, "bad-date"),
    ("  year = {2019},\n  month = {13},\n", 6, "bad-date"),
    ("  year = {19},\n", 5, "bad-date"),
    ("  month = nov,\n", 5, "bad-date"),
    ("  date = {2019-11-30},\n  year = {2019},\n", 6, "duplicate-key"),
])
def test_unreadable_or_conflicting_year_and_month_are_errors(fields: str, line: int, code: str) -> None:
    _, problems = parse(fields)
    assert [(got, found) for got, found, _ in problems] == [(line, code)]


def test_a_long_field_is_an_error() -> None:
    _, problems = parse("  note = {" + "word " * 2001 + "},\n")
    assert [(line, code) for line, code, _ in problems] == [(5, "string-too-long")]


def test_year_and_month_date_the_source_everywhere(tmp_path: Path) -> None:
    """The reference and the source's own page and labels all give the month, none says undated."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    path = data / "sources.bib"
    text = path.read_text("utf-8").replace("date      = {2019-11-29},", "year = {2019},\n  month = nov,")
    path.write_text(text, "utf-8")
    dataset, problems = load_checked(data)
    assert [p for p in problems if not p.warning] == []
    site = render_site(dataset)
    page = site["source/pmoi-2019-11-29.md"].content
    assert "**Date:** November 2019" in page
    incident = site["incident/2019-11-28-nasiriyah.md"].content
    assert "PMOI/MEK, November 2019" in incident
    assert "undated" not in page and "PMOI/MEK, undated" not in incident
