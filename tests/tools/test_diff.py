"""`factsheet diff`: comparison of two datasets, and the git edge on a scratch repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.diff import compare, markdown
from factsheet.pipeline import load_dataset

VALID = Path(__file__).parent.parent / "fixtures" / "valid"
NASIRIYAH = "incidents/2019-11-28-nasiriyah.yml"
NEW_CLAIM = """\
  - id: killed-pmoi
    counts: killed
    figure: over 100
    min: 100
    chain:
      - organisation: pmoi
    cite: {source: pmoi-2019-11-29, locator: "para. 1"}
"""


def git(repo: Path, *args: str) -> str:
    """Run git with a fixed identity and no user configuration."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def edit(data: Path) -> None:
    """The second commit: change a figure, add a claim, remove a record (and the link to it)."""
    path = data / NASIRIYAH
    text = path.read_text("utf-8")
    text = text.replace("figure: at least 46\n    min: 46", "figure: at least 50\n    min: 50")
    text = text.replace("      - organisation: al-hadath\n", "      - unnamed: a television channel\n")
    path.write_text(text, "utf-8")
    southern = data / "incidents" / "2019-11-28-southern-iraq.yml"
    southern.write_text(southern.read_text("utf-8") + NEW_CLAIM, "utf-8")
    (data / "organisations" / "al-hadath.yml").unlink()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch repository: fixture data committed, then edited and committed again."""
    repo = tmp_path / "repo"
    shutil.copytree(VALID, repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "one")
    edit(repo / "data")
    git(repo, "commit", "-q", "-a", "-m", "two")
    monkeypatch.chdir(repo)
    return repo


def run_diff(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["diff", *args]) == 0
    return capsys.readouterr().out


def test_diff_between_two_commits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_diff(capsys, "HEAD~1", "HEAD")
    assert out.startswith("## Data changes: `HEAD~1` → `HEAD`\n")
    assert "Figures: 1 changed, 1 added. Allegations: 1 changed. Incidents: 2 changed. " \
           "Organisations: 1 removed." in out
    # The changed figure: old and new as worded with their ranges, incident, chain, source, locator.
    row = ("| `2019-11-28-nasiriyah` | `killed-pmoi` | at least 46 killed (46–open) | "
           "at least 50 killed (50–open) | incoming reports, relayed by PMOI/MEK | "
           "`pmoi-2019-11-29`, para. 2 | figure, min |")
    assert row in out.splitlines()
    assert ("| `2019-11-28-southern-iraq` | `killed-pmoi` | over 100 killed (100–open) | PMOI/MEK | "
            "`pmoi-2019-11-29`, para. 1 |") in out.splitlines()
    assert "Al Hadath, relayed by PMOI/MEK → a television channel, relayed by PMOI/MEK" in out
    assert "| removed | `al-hadath` | Al Hadath |  |" in out.splitlines()
    assert "| changed | `2019-11-28-nasiriyah` | Shootings of protesters in Nasiriyah | claims |" in out
    # Untouched records and figures are not listed.
    assert "killed-reuters" not in out and "jamil-al-shimiri" not in out


def test_sections_in_order(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_diff(capsys, "HEAD~1", "HEAD")
    headings = [line for line in out.splitlines() if line.startswith("### ")]
    assert headings == ["### Figures changed (1)", "### Allegations changed (1)", "### Claims added (1)",
                        "### Incidents (2)", "### Organisations (1)"]


def test_head_defaults_to_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "No record, claim or source changed." in run_diff(capsys, "HEAD")
    path = repo / "data" / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace("figure: At least 29\n    min: 29",
                                                    "figure: At least 30\n    min: 30"), "utf-8")
    out = run_diff(capsys, "HEAD")
    assert out.startswith("## Data changes: `HEAD` → working tree\n")
    assert "| At least 29 killed (29–open) | At least 30 killed (30–open) |" in out
    assert "police and medical sources, relayed by Reuters, relayed by Track Persia" in out


def test_reverse_diff_lists_removed_claim_and_added_record(repo: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = run_diff(capsys, "HEAD", "HEAD~1")
    assert "### Claims removed (1)" in out
    assert "| added | `al-hadath` | Al Hadath |  |" in out


def test_base_without_data_lists_everything_as_added(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README").write_text("x\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "empty")
    shutil.copytree(VALID, repo / "data")
    monkeypatch.chdir(repo)
    out = run_diff(capsys, "HEAD")
    assert "### Claims added (5)" in out
    assert "| added | `2019-11-28-nasiriyah` |" in out
    assert "Note:" not in out


def test_errors_in_a_version_are_noted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "data" / "people" / "broken.yml").write_text("name: X\n")
    out = run_diff(capsys, "HEAD")
    assert "> **Note:** the working tree has 1 validation error;" in out


def test_max_rows_truncates_long_tables(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_diff(capsys, "HEAD~1", "HEAD", "--max-rows", "1")
    assert "…and 1 more; run `factsheet diff` locally to see them all." in out


def test_unknown_revision_is_a_clear_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "no-such-branch"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("factsheet diff: 'no-such-branch' is not a commit")


def test_outside_a_repository_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["diff", "HEAD"]) == 1
    assert capsys.readouterr().err.startswith("factsheet diff: ")


def test_compare_ignores_positions_in_files(tmp_path: Path) -> None:
    """Moving a record's lines (a comment added on top) is not a change."""
    shutil.copytree(VALID, tmp_path / "data")
    path = tmp_path / "data" / NASIRIYAH
    path.write_text("# a comment\n\n" + path.read_text("utf-8"), "utf-8")
    old, new = load_dataset(VALID), load_dataset(tmp_path / "data")
    changes = compare(old, new)
    assert changes.records == () and changes.claims == ()
    assert "No record, claim or source changed." in markdown(changes, old, new, "a", "b")


def test_compare_names_changed_source_fields(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "data")
    bib = tmp_path / "data" / "sources.bib"
    bib.write_text(bib.read_text("utf-8").replace("date      = {2019-11-29}", "date      = {2019-11-28}"))
    changes = compare(load_dataset(VALID), load_dataset(tmp_path / "data"))
    assert [(r.kind, r.id, r.status, r.changed) for r in changes.records] == [
        ("source", "pmoi-2019-11-29", "changed", ("date",))]


def test_table_cells_are_escaped(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "data")
    path = tmp_path / "data" / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace("unnamed: incoming reports", "unnamed: a | b"))
    old, new = load_dataset(VALID), load_dataset(tmp_path / "data")
    out = markdown(compare(old, new), old, new, "a", "b")
    assert "incoming reports, relayed by PMOI/MEK → a \\| b, relayed by PMOI/MEK" in out
