"""`factsheet validate --format github`: workflow-command annotations and their escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheet.annotate import command, escape_data, escape_property
from factsheet.cli import main
from factsheet.model import Where
from factsheet.problems import Problem


def test_error_annotation_line() -> None:
    problem = Problem(Where("data/incidents/x.yml", 12), "bad-date", "not a real date: 2019-11-31")
    assert command(problem) == ("::error file=data/incidents/x.yml,line=12,title=bad-date"
                                "::not a real date: 2019-11-31")


def test_warning_annotation_line() -> None:
    problem = Problem(Where("data/sources.bib", 3), "unused-source", "source 'a' is cited by no record",
                      warning=True)
    assert command(problem) == ("::warning file=data/sources.bib,line=3,title=unused-source"
                                "::source 'a' is cited by no record")


def test_message_escapes_percent_and_line_breaks_only() -> None:
    assert escape_data("100% sure\r\nnext, a: b") == "100%25 sure%0D%0Anext, a: b"
    # '%' is escaped first: an existing '%0A' in the text must not turn into a line break.
    assert escape_data("%0A") == "%250A"


def test_properties_also_escape_comma_and_colon() -> None:
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"


def test_escaped_annotation_line() -> None:
    problem = Problem(Where("data/people/a,b:c.yml", 2), "yaml-syntax", "50% done\nhere: there")
    assert command(problem) == ("::error file=data/people/a%2Cb%3Ac.yml,line=2,title=yaml-syntax"
                                "::50%25 done%0Ahere: there")


def test_cli_prints_one_annotation_per_problem(valid_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(valid_copy.parent)
    (valid_copy / "people" / "extra.yml").write_text("name: X\nsumary: typo\nsummary: A person.\n")
    nasiriyah = valid_copy / "incidents" / "2019-11-28-nasiriyah.yml"
    nasiriyah.write_text(nasiriyah.read_text().replace("date: 2019-11-28", "date: 2019-11-31"))
    assert main(["validate", "--data", "data", "--format", "github"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert any(line.startswith("::error file=data/incidents/2019-11-28-nasiriyah.yml,line=3,title=bad-date::"
                               "not a real date: 2019-11-31") for line in lines)
    unknown = [line for line in lines if "title=unknown-field" in line]
    assert unknown
    assert unknown[0].startswith("::error file=data/people/extra.yml,line=2,title=unknown-field::")
    # Every stdout line is a workflow command; the closing count stays on stderr.
    assert all(line.startswith("::error ") for line in lines)
    assert captured.err.strip().endswith("2 errors, 0 warnings")


def test_cli_text_format_is_unchanged(valid_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(valid_copy.parent)
    (valid_copy / "people" / "extra.yml").write_text("name: X\nsumary: typo\nsummary: A person.\n")
    assert main(["validate", "--data", "data"]) == 1
    assert capsys.readouterr().err.startswith("data/people/extra.yml:2: unknown-field: ")
