"""`factsheet diff`: comparison of two datasets, and the git edge on a scratch repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.diff import markdown, review, to_json
from factsheet.diff.report import word_diff
from factsheet.pipeline import load_dataset

VALID = Path(__file__).parent.parent / "fixtures" / "valid"
GOLDEN = Path(__file__).parent.parent / "golden" / "files" / "diff"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
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
    assert "Claims: 2 changed, 1 added. Organisations: 1 removed." in out
    lines = out.splitlines()
    # The changed figure: its page, then each field that differs with old and new values.
    assert ("#### `2019-11-28-nasiriyah` / `killed-pmoi` (figure) — "
            "`incident/2019-11-28-nasiriyah/#claim-killed-pmoi`") in lines
    assert "| `figure` | at least 46 | at least 50 |" in lines
    assert "| `min` | 46 | 50 |" in lines
    # The changed chain link, by its path in the record.
    assert "| `chain[0].organisation` | al-hadath | — |" in lines
    assert "| `chain[0].unnamed` | — | a television channel |" in lines
    # The added claim shows every field, max included (open above).
    assert "| `figure` | over 100 |" in lines and "| `max` | null |" in lines
    # The removed record, with its fields and the page it loses.
    assert "#### Removed organisation `al-hadath`: Al Hadath — `organisation/al-hadath/`" in lines
    assert "- Pages removed: `organisation/al-hadath/`" in lines
    # What it does to the site: each group whose range, origins or grade moves.
    assert ("| Shootings of protesters in Nasiriyah (`incident/2019-11-28-nasiriyah/#figures`) | killed "
            "(who not stated) | 46+, 1 origin, single source | 50+, 1 origin, single source |") in lines
    # Untouched records and figures are not listed.
    assert "killed-reuters" not in out and "jamil-al-shimiri" not in out


def test_sections_in_order(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_diff(capsys, "HEAD~1", "HEAD")
    headings = [line for line in out.splitlines() if line.startswith("### ")]
    assert headings == ["### Ranges and grades (2)", "### Things to check (1)", "### Claims changed (2)",
                        "### Claims added (1)", "### Organisations (1)", "### Pages"]


def test_head_defaults_to_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "No record, claim or source changed." in run_diff(capsys, "HEAD")
    path = repo / "data" / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace("figure: At least 29\n    min: 29",
                                                    "figure: At least 30\n    min: 30"), "utf-8")
    out = run_diff(capsys, "HEAD")
    assert out.startswith("## Data changes: `HEAD` → the working tree\n")
    assert "| `figure` | At least 29 | At least 30 |" in out.splitlines()


def test_reverse_diff_lists_removed_claim_and_added_record(repo: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = run_diff(capsys, "HEAD", "HEAD~1")
    assert "### Claims removed (1)" in out
    assert "#### Added organisation `al-hadath`: Al Hadath — `organisation/al-hadath/`" in out


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
    assert "#### Added incident `2019-11-28-nasiriyah`:" in out
    assert "Note:" not in out


def test_errors_in_a_version_are_noted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "data" / "people" / "broken.yml").write_text("name: X\n")
    out = run_diff(capsys, "HEAD")
    assert "> **Note:** the working tree has 1 validation error;" in out


def test_a_removed_record_that_others_point_at_is_a_broken_link(repo: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "data" / "people" / "jamil-al-shimiri.yml").unlink()
    out = run_diff(capsys, "HEAD")
    broken = out[out.index("### Broken links"):]
    assert "unknown-person: no person record 'jamil-al-shimiri'" in broken
    assert "- Pages removed: `person/jamil-al-shimiri/`" in out


def test_max_rows_truncates_long_sections(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_diff(capsys, "HEAD~1", "HEAD", "--max-rows", "1")
    assert "…and 1 more; run `factsheet diff` locally to see them all." in out


def test_the_markdown_stays_under_its_size_cap(repo: Path) -> None:
    old, new = load_dataset(repo / "data"), load_dataset(VALID)
    found = review(new, old, "a", "b")
    whole = markdown(found)
    capped = markdown(found, max_bytes=len(whole.encode()) // 2)
    assert len(capped.encode()) <= len(whole.encode()) // 2
    assert "more entries that do not fit in a job summary" in capped


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
    found = review(load_dataset(VALID), load_dataset(tmp_path / "data"), "a", "b")
    assert found.records == () and found.claims == () and found.groups == ()
    assert "No record, claim or source changed." in markdown(found)


def test_compare_names_changed_source_fields(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "data")
    bib = tmp_path / "data" / "sources.bib"
    bib.write_text(bib.read_text("utf-8").replace("date      = {2019-11-29}", "date      = {2019-11-28}"))
    found = review(load_dataset(VALID), load_dataset(tmp_path / "data"), "a", "b")
    assert [(r.kind, r.id, r.status, [(f.path, f.old, f.new) for f in r.fields]) for r in found.records] == [
        ("source", "pmoi-2019-11-29", "changed", [("date", "2019-11-29", "2019-11-28")])]


def test_table_cells_are_escaped(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "data")
    path = tmp_path / "data" / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace("unnamed: incoming reports", "unnamed: a | b <i>"))
    found = review(load_dataset(VALID), load_dataset(tmp_path / "data"), "a", "b")
    assert "| `chain[0].unnamed` | incoming reports | a &#124; b &lt;i&gt; |" in markdown(found).splitlines()


def test_long_texts_are_shown_as_a_word_diff() -> None:
    old = "Security forces opened fire on protesters who had blocked a bridge before dawn."
    new = "Troops opened fire on protesters who had blocked a bridge before dawn on Thursday."
    assert word_diff(old, new) == ("~~Security forces~~ **Troops** opened fire on protesters who had "
                                   "blocked a bridge before ~~dawn.~~ **dawn on Thursday.**")


def test_figures_not_in_their_stored_document_are_listed(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "data")
    path = tmp_path / "data" / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace("figure: at least 46\n    min: 46",
                                                    "figure: at least 47\n    min: 47"), "utf-8")
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "pmoi-2019-11-29.txt").write_text("Reports say at least 46 people were killed.\n")
    found = review(load_dataset(VALID), load_dataset(tmp_path / "data"), "a", "b", documents=documents)
    assert [(a.kind, a.subject) for a in found.aids] == [
        ("not-in-document", "incident/2019-11-28-nasiriyah/#claim-killed-pmoi")]
    assert "the wording “at least 47”" in found.aids[0].message


# --- the review of a typical pull request, pinned by golden files ---------------------------------

RUNNING_TOTAL = """\
  - id: killed-since-october-example-agency
    counts: killed
    who: protesters
    figure: more than 400
    min: 400
    max: null
    period: {since: 2019-10-01}
    as_of: 2019-11-30
    as_of_basis: stated
    chain:
      - organisation: reuters
    cite: {source: example-agency-2019-11-30, locator: "para. 4"}
"""
SOURCE = """
@online{example-agency-2019-11-30,
  title        = {Death toll of the protests passes 400 (invented for a test)},
  organization = {Reuters},
  date         = {2019-11-30},
  langid       = {english},
  kind         = {news-agency},
  stake        = {An international news agency with no stated stake in the events.},
  publisherid  = {reuters},
}
"""
PERSON = """\
name: Jamil al-Shammari
summary: An Iraqi general, as an invented test record names him [@example-agency-2019-11-30, para. 5].
"""


def pull_request(data: Path) -> None:
    """A claim's who and as_of changed, a running total and its source added, a near-duplicate person."""
    path = data / NASIRIYAH
    dated = "    figure: At least 29\n    min: 29\n    as_of: 2019-11-30\n    as_of_basis: document-date\n"
    path.write_text(path.read_text("utf-8").replace(
        "    figure: At least 29\n    min: 29\n    who: protesters\n", dated), "utf-8")
    southern = data / "incidents" / "2019-11-28-southern-iraq.yml"
    southern.write_text(southern.read_text("utf-8") + RUNNING_TOTAL, "utf-8")
    with (data / "sources.bib").open("a", encoding="utf-8") as bib:
        bib.write(SOURCE)
    (data / "people" / "jamil-al-shammari.yml").write_text(PERSON, "utf-8")


def check_golden(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, "utf-8")
    assert actual == golden.read_text("utf-8"), f"{name} differs from its golden file"


def test_a_typical_pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(VALID, repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "one")
    pull_request(repo / "data")
    git(repo, "commit", "-q", "-a", "-m", "two")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "three")
    monkeypatch.chdir(repo)
    md = run_diff(capsys, "HEAD~2", "HEAD")
    data = run_diff(capsys, "HEAD~2", "HEAD", "--format", "json")
    check_golden("pull-request.md", md)
    check_golden("pull-request.json", data)
    lines = md.splitlines()
    # The changed who and as_of, old and new.
    assert "| `who` | protesters | — |" in lines and "| `as_of` | — | 2019-11-30 |" in lines
    # The grade that changes is flagged at the top, and every affected group has before and after.
    assert lines[2] == ("> **Grades changed (1):** Shootings of protesters in Nasiriyah, killed (who not "
                        "stated): single source → corroborated")
    assert "| killed (who not stated) | 46+, 1 origin, single source | 29–46+, 2 origins, corroborated |" \
        in md
    assert ("running total since 1 October 2019: latest of each origin | — | Reuters 400+ "
            "(30 November 2019) |") in md
    # The near duplicate and the source without an address are listed to check.
    assert "**near-duplicate** (`person/jamil-al-shammari/`)" in md
    assert "**no-url** (`source/example-agency-2019-11-30/`)" in md
    facts = json.loads(data)
    assert facts["grades_changed"] == ["incident/2019-11-28-nasiriyah/#figures"]
    assert {a["kind"] for a in facts["to_check"]} == {"near-duplicate", "no-url"}
    assert to_json(review(load_dataset(VALID), load_dataset(repo / "data"), "HEAD~2", "HEAD")) == data
