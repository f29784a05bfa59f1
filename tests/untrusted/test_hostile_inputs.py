"""Hostile inputs that were once published, crashed a command or were lost: each now refused with a
path:line: code: error or shown as text. Some are held by tests elsewhere, named at the end."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import REPO, build, elements, pages

from factsheet import export
from factsheet.cli import main
from factsheet.pipeline import load_checked, render_site

VALID = REPO / "tests" / "fixtures" / "valid"
CHARTS = REPO / "tests" / "charts" / "data"  # has a toll history and a map with their data tables
PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<code>[a-z]+(?:-[a-z0-9]+)*): [^\n]+$")
NASIRIYAH = "incidents/2019-11-28-nasiriyah.yml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(VALID, tmp_path / "data")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def run(*args: str) -> tuple[int, list[str]]:
    """The factsheet command in a process of its own, as a user runs it: exit code and stderr lines."""
    env = {k: v for k, v in os.environ.items() if k not in ("FACTSHEET_DATA", "SOURCE_DATE_EPOCH")}
    done = subprocess.run([sys.executable, "-m", "factsheet.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    return done.returncode, done.stderr.splitlines()


def problems_of(lines: list[str]) -> set[tuple[str, int, str]]:
    """(file name, line, code) of each problem line; every line but the summary must be one."""
    found = set()
    for line in lines:
        match = PROBLEM.match(line)
        if match is None:
            assert re.match(r"^\d+ incidents, ", line) or line.startswith("build failed"), line
            continue
        found.add((Path(match["path"]).name, int(match["line"]), match["code"]))
    return found


# ------------------------------------------------------------------------ injected


ATTRIBUTE_LIST = '{: onclick="alert(1)" }'
FOCUS_LIST = '{: tabindex autofocus onfocus="alert(1)" style="color: red" }'


def test_attribute_lists_in_names_chains_figures_and_cities_stay_text(tmp_path: Path) -> None:
    """An attribute list at the end of an organisation name, an unnamed chain link, a figure's
    wording or a city made attributes of table cells of the toll history and map tables."""
    root = tmp_path / "data"
    shutil.copytree(CHARTS, root)
    edit(root / "organisations" / "ministry-of-health.yml", "name: Ministry of Health",
         f"name: 'Ministry of Health {ATTRIBUTE_LIST}'")
    tahrir = root / "incidents" / "2019-10-01-tahrir-square.yml"
    edit(tahrir, "  city: Baghdad", f"  city: 'Baghdad {FOCUS_LIST}'")
    edit(tahrir, '    figure: "29"\n    min: 29', f"    figure: 'twenty-nine {ATTRIBUTE_LIST}'\n    min: 29")
    edit(tahrir, "    chain: [{organisation: ihchr}]\n    as_of: 2019-10-04",
         f"    chain: [{{unnamed: 'a monitor {FOCUS_LIST}'}}, {{organisation: ihchr}}]\n"
         "    as_of: 2019-10-04")
    site = pages(build(root, tmp_path / "site"))
    page = site["incident/2019-10-01-tahrir-square/index.html"]
    assert "<table" in page and "fs-chart-data" in page  # the toll history's table is on the page
    attributes = {name for html in site.values() for _, attrs in elements(html) for name in attrs}
    assert not {"onclick", "onfocus", "autofocus"} & attributes
    assert not [attrs for html in site.values() for tag, attrs in elements(html)
                if tag in ("td", "th", "tr", "table") and ("tabindex" in attrs or "style" in attrs)]
    assert "Ministry of Health {: onclick=&quot;alert(1)&quot; }" in page.replace("&#123;", "{").replace(
        "&#125;", "}").replace("&#61;", "=")


def test_formula_cells_are_neutralised_in_the_csv_export_and_the_site_download(data: Path,
                                                                               tmp_path: Path) -> None:
    # A wording with no number reads as none: its min goes with it.
    edit(data / NASIRIYAH, "    figure: dozens\n    min: 24", "    figure: '=HYPERLINK(\"https://example.org\")'\n"
         "    min: null")
    edit(data / NASIRIYAH, "      - unnamed: incoming reports", "      - unnamed: '+cmd|calc'")
    edit(data / NASIRIYAH, "role: forces reported to have opened fire", "role: '@SUM(A1)'")
    edit(data / NASIRIYAH, '{source: pmoi-2019-11-29, locator: "para. 2"}',
         '{source: pmoi-2019-11-29, locator: "-2+3"}')
    dataset, problems = load_checked(data)
    assert [p for p in problems if not p.warning] == []
    rows = list(csv.DictReader(io.StringIO(export.to_csv(dataset))))
    cells = [value for row in rows for value in row.values()]
    assert "'=HYPERLINK(\"https://example.org\")" in cells
    assert "'+cmd|calc" in cells and "'-2+3" in cells
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    assert any(row["min"] == "46" for row in rows)  # numbers stay numbers
    site = render_site(dataset)
    assert site["downloads/claims.csv"].content == export.to_csv(dataset)
    exported = json.loads(site["downloads/claims.json"].content)
    assert any(row["figure"] == '=HYPERLINK("https://example.org")' for row in exported)  # JSON as written
    assert "apostrophe" in site["downloads.md"].content


# ------------------------------------------------------------------------ crashed


def deep_record(depth: int) -> str:
    return ("title: Deep\ndate: 2019-10-03\nplace: {city: Baghdad}\nsummary: A record nested deep.\n"
            "claims: " + "[" * depth + "]" * depth + "\n")


@pytest.mark.parametrize("command", [["validate"], ["build", "--out", "SITE"], ["export", "--format", "csv"],
                                     ["export", "--format", "json"]])
@pytest.mark.parametrize("depth", [250, 30_000])
def test_deep_nesting_is_an_error_in_every_command(data: Path, tmp_path: Path, command: list[str],
                                                   depth: int) -> None:
    """250 levels gave a RecursionError traceback; 30,000 made libyaml crash (exit 139, no message)."""
    (data / "incidents" / "deep.yml").write_text(deep_record(depth), "utf-8")
    args = [str(tmp_path / "site") if a == "SITE" else a for a in command]
    code, lines = run(*args, "--data", str(data))
    assert code == 1
    assert problems_of(lines) == {("deep.yml", 5, "too-deep")}
    assert not [line for line in lines if "Traceback" in line]


def test_a_figure_past_the_limit_is_refused_before_the_charts_see_it(data: Path, tmp_path: Path) -> None:
    """10^400 passed validate and overflowed in the toll history's drawing."""
    edit(data / NASIRIYAH, "    min: 29\n", "    min: 1" + "0" * 400 + "\n")
    code, lines = run("validate", "--data", str(data))
    assert code == 1 and ("2019-11-28-nasiriyah.yml", 39, "number-too-large") in problems_of(lines)
    code, lines = run("build", "--data", str(data), "--out", str(tmp_path / "site"))
    assert code == 1 and ("2019-11-28-nasiriyah.yml", 39, "number-too-large") in problems_of(lines)
    assert not [line for line in lines if "Traceback" in line or "OverflowError" in line]


# ------------------------------------------------------------------------ lost or altered


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_coordinates_that_are_not_numbers_are_errors(data: Path, value: str) -> None:
    """lat: .nan was accepted and the incident vanished from the map (cx="nan")."""
    edit(data / NASIRIYAH, "coordinates: {lat: 31.05, lon: 46.26, precision: city}",
         f"coordinates: {{lat: {value}, lon: {value}, precision: city}}")
    _, problems = load_checked(data)
    assert {(p.where.line, p.code) for p in problems if not p.warning} == {(11, "bad-number")}
    assert f"'{value}' is not a finite number" in {p.message for p in problems}


def test_an_octal_looking_figure_is_an_error(data: Path) -> None:
    """min: 010 was read as 8 and shown as "“ten” (read as 8)"."""
    edit(data / NASIRIYAH, "    figure: dozens\n    min: 24", "    figure: ten\n    min: 010\n    max: 10")
    _, problems = load_checked(data)
    (problem,) = [p for p in problems if not p.warning]
    assert (problem.where.line, problem.code) == (49, "bad-number")
    assert "reads it as 8" in problem.message


def test_a_place_variant_marked_as_an_abbreviation_says_so(data: Path) -> None:
    edit(data / NASIRIYAH, "    - name: Nassiriya\n",
         "    - name: Nassiriya\n    - name: NSR\n      abbreviation: true\n")
    dataset, problems = load_checked(data)
    assert [p for p in problems if not p.warning] == []
    page = render_site(dataset)["incident/2019-11-28-nasiriyah.md"].content
    assert "Nasiriyah (also written Nassiriya, NSR (abbreviation)," in page


def test_a_nul_byte_is_reported_on_its_line_in_one_line(data: Path) -> None:
    (data / "people" / "nul.yml").write_bytes(b"name: Someone\nsummary: a\x00b\n")
    code, lines = run("validate", "--data", str(data))
    assert code == 1
    assert problems_of(lines) == {("nul.yml", 2, "yaml-syntax")}
    assert len(lines) == 2  # the problem and the summary: no second line without its prefix


def test_min_over_max_is_reported_with_a_negative_figure(data: Path) -> None:
    """A negative figure hid a min greater than max in the same record: all problems at once."""
    edit(data / NASIRIYAH, "    min: 29\n", "    min: 29\n    max: 20\n")
    edit(data / NASIRIYAH, "    min: 24\n", "    min: -24\n")
    _, problems = load_checked(data)
    found = {(p.where.line, p.code) for p in problems if not p.warning}
    assert found == {(36, "min-over-max"), (50, "negative-figure")}


def test_an_allegation_note_is_on_its_page(data: Path) -> None:
    edit(data / NASIRIYAH, "    alleges: The shootings were commanded by General Jamil al-Shimiri.\n",
         "    alleges: The shootings were commanded by General Jamil al-Shimiri.\n"
         "    note: Denied by the ministry [@track-persia-2019-11-30, para. 6].\n")
    dataset, problems = load_checked(data)
    assert [p for p in problems if not p.warning] == []
    page = render_site(dataset)["incident/2019-11-28-nasiriyah.md"].content
    assert "Denied by the ministry" in page


def test_accused_on_a_figure_is_an_error_not_dropped(data: Path) -> None:
    edit(data / NASIRIYAH, "    figure: dozens\n",
         "    figure: dozens\n    accused:\n      - person: jamil-al-shimiri\n")
    _, problems = load_checked(data)
    assert {(p.where.line, p.code) for p in problems if not p.warning} == {(49, "claim-kind")}


def test_the_cli_prints_one_line_per_problem(data: Path, capsys: pytest.CaptureFixture) -> None:
    (data / "people" / "broken.yml").write_text("name: [Someone\nsummary: x\n", "utf-8")
    assert main(["validate", "--data", str(data)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and PROBLEM.match(lines[0])


# Held elsewhere:
# - a record that is a link to a file outside data/, a linked sources.bib or folder, a named pipe, a
#   record named *.YML: tests/load/test_files.py;
# - unknown BibTeX fields with a did-you-mean, year and month read as the date: tests/load/test_bib.py;
# - error lines with a BOM, CRLF, tabs and Unicode line breaks: tests/load/test_yamlio.py;
# - every text field with every payload: test_payloads.py; every field shown: test_field_walk.py;
#   seeded mutations of every fixture file: test_fuzz.py.
