"""`factsheet new`: skeletons that validate once filled in, and refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.pipeline import load_checked
from factsheet.problems import errors
from factsheet.scaffold import scalar, schema_ref

REPO = Path(__file__).resolve().parent.parent.parent

BLANK_RE = re.compile(r'^(\s*(?:- )?)([a-z_]+): ""(.*)$')
# What a contributor would type into each blank of the skeletons.
FILLING = {
    "title": "A test incident", "name": "A test name", "date": "2019-12-01", "city": "Kut",
    "summary": "A summary in neutral words.", "id": "killed-test", "figure": "at least 3", "min": "3",
    "unnamed": "hospital officials", "source": "track-persia-2019-11-30", "locator": '"para. 4"',
    "kind": "media-outlet",
}


def fill(text: str) -> str:
    """Replace every blank with the value for its key; fail on a key the test does not know."""
    out = []
    for line in text.splitlines():
        match = BLANK_RE.match(line)
        if match:
            line = f"{match[1]}{match[2]}: {FILLING[match[2]]}{match[3]}"
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.fixture
def in_data(valid_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in the directory holding a copy of the valid dataset as data/."""
    monkeypatch.chdir(valid_copy.parent)
    return valid_copy


@pytest.mark.parametrize(("kind", "folder", "title"), [
    ("incident", "incidents", "Shootings at a bridge: 'night' raid"),
    ("person", "people", None),
    ("organisation", "organisations", "Example Agency"),
])
def test_skeleton_fails_until_filled_then_validates(in_data: Path, kind: str, folder: str,
                                                    title: str | None) -> None:
    args = ["new", kind, "--id", "new-record"] + (["--title", title] if title else [])
    assert main(args) == 0
    path = in_data / folder / "new-record.yml"
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    blank_lines = {n for n, line in enumerate(text.splitlines(), 1) if BLANK_RE.match(line)}
    _, problems = load_checked(Path("data"))
    mine = [p for p in errors(problems) if p.where.path.endswith("new-record.yml")]
    assert mine, "an unfilled skeleton must not validate"
    assert {p.where.line for p in mine} <= blank_lines  # each blank is reported at its own line
    path.write_text(fill(text), "utf-8")
    dataset, problems = load_checked(Path("data"))
    assert errors(problems) == []
    table = {"incident": dataset.incidents, "person": dataset.people, "organisation": dataset.organisations}
    record = table[kind]["new-record"]
    if title:
        assert getattr(record, "title", None) == title or getattr(record, "name", None) == title


def test_incident_skeleton_claim_is_read_as_written(in_data: Path) -> None:
    assert main(["new", "incident", "--id", "2019-12-01-kut", "--title", "Test"]) == 0
    path = in_data / "incidents" / "2019-12-01-kut.yml"
    path.write_text(fill(path.read_text("utf-8")), "utf-8")
    dataset, problems = load_checked(Path("data"))
    assert errors(problems) == []
    claim = dataset.incidents["2019-12-01-kut"].claims[0]
    assert (claim.figure, claim.min, claim.max, claim.counts) == ("at least 3", 3, None, "killed")
    assert claim.chain[0].unnamed == "hospital officials"


def test_schema_line_points_at_the_schema(in_data: Path) -> None:
    assert main(["new", "person", "--id", "someone"]) == 0
    first = (in_data / "people" / "someone.yml").read_text("utf-8").splitlines()[0]
    reference = first.removeprefix("# yaml-language-server: $schema=")
    assert (in_data / "people" / reference).resolve().is_file()


@pytest.mark.parametrize("kind", ["incident", "person", "organisation"])
def test_schema_line_in_the_repository_layout(kind: str) -> None:
    folder = {"incident": "incidents", "person": "people", "organisation": "organisations"}[kind]
    assert schema_ref(REPO / "data" / folder, kind) == f"../../scripts/factsheet/schemas/{kind}.schema.json"


@pytest.mark.parametrize("bad", ["Bad_Id", "two--hyphens", "-leading", "trailing-", "with space", "ümlaut"])
def test_refuses_bad_id(in_data: Path, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "incident", f"--id={bad}"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"data/incidents/{bad}.yml:1: bad-id: ")
    assert not (in_data / "incidents" / f"{bad}.yml").exists()


def test_refuses_existing_record_and_keeps_it(in_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = in_data / "incidents" / "2019-11-28-nasiriyah.yml"
    before = path.read_bytes()
    assert main(["new", "incident", "--id", "2019-11-28-nasiriyah"]) == 1
    assert capsys.readouterr().err.strip() == (
        "data/incidents/2019-11-28-nasiriyah.yml:1: duplicate-id: "
        "incident '2019-11-28-nasiriyah' already exists")
    assert path.read_bytes() == before


def test_refuses_when_a_yaml_spelling_exists(in_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_data / "people" / "someone.yaml").write_text("name: A\nsummary: B.\n")
    assert main(["new", "person", "--id", "someone"]) == 1
    assert "people/someone.yaml:1: duplicate-id:" in capsys.readouterr().err


def test_refuses_missing_data_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "organisation", "--id", "x", "--data", "nowhere"]) == 1
    assert capsys.readouterr().err.strip() == "nowhere:1: unreadable-file: no such data directory"
    assert not (tmp_path / "nowhere").exists()


def test_creates_the_kind_folder_when_missing(in_data: Path) -> None:
    for path in (in_data / "people").iterdir():
        path.unlink()
    (in_data / "people").rmdir()
    assert main(["new", "person", "--id", "someone"]) == 0
    assert (in_data / "people" / "someone.yml").is_file()


@pytest.mark.parametrize(("value", "expected"), [
    (None, '""'), ("", '""'), ("Plain title", "Plain title"), ("Colon: inside", "'Colon: inside'"),
    ("2019", "'2019'"), ("yes", "'yes'"), ("two\nlines", "two lines"), ("الناصرية", "الناصرية"),
])
def test_scalar_quotes_only_when_needed(value: str | None, expected: str) -> None:
    assert scalar(value) == expected
