"""Only regular files inside the data directory are read, and no file there is skipped in silence."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factsheet.pipeline import load_checked

VALID = Path(__file__).parent.parent / "fixtures" / "valid"
PERSON = "name: Someone Else\nsummary: A person.\n"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(VALID, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return Path("data")


def found(data: Path) -> tuple[set[tuple[str, int, str]], object]:
    dataset, problems = load_checked(data)
    return {(p.where.path, p.where.line, p.code) for p in problems if not p.warning}, dataset


def outside_file(data: Path, text: str = PERSON) -> Path:
    secret = data.resolve().parent / "outside" / "secret.yml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(text, "utf-8")
    return secret


def test_a_record_that_links_outside_is_refused_and_not_published(data: Path) -> None:
    (data / "people" / "leak.yml").symlink_to(outside_file(data))
    problems, dataset = found(data)
    assert problems == {("data/people/leak.yml", 1, "not-regular-file")}
    assert "leak" not in dataset.people


def test_a_link_to_a_record_inside_is_refused_too(data: Path) -> None:
    (data / "people" / "copy.yml").symlink_to("jamil-al-shimiri.yml")
    assert found(data)[0] == {("data/people/copy.yml", 1, "not-regular-file")}


def test_a_dangling_link_is_refused(data: Path) -> None:
    (data / "people" / "gone.yml").symlink_to("/nonexistent/gone.yml")
    assert found(data)[0] == {("data/people/gone.yml", 1, "not-regular-file")}


def test_a_linked_record_folder_is_refused_not_skipped(data: Path) -> None:
    elsewhere = data.resolve().parent / "elsewhere"
    shutil.move(str(data / "people"), elsewhere)
    (data / "people").symlink_to(elsewhere)
    problems, _ = found(data)
    assert ("data/people", 1, "not-regular-file") in problems


def test_a_linked_bibliography_is_refused(data: Path) -> None:
    real = data.resolve().parent / "real.bib"
    shutil.move(str(data / "sources.bib"), real)
    (data / "sources.bib").symlink_to(real)
    problems, dataset = found(data)
    assert ("data/sources.bib", 1, "not-regular-file") in problems
    assert dataset.sources == {}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(data: Path) -> None:
    os.mkfifo(data / "people" / "pipe.yml")
    assert found(data)[0] == {("data/people/pipe.yml", 1, "not-regular-file")}


@pytest.mark.parametrize("name", ["extra.YML", "extra.Yml", "extra.yaml", "extra.yml.txt", "notes.txt",
                                  "README", ".hidden.yml"])
def test_a_file_in_a_record_folder_not_named_id_yml_is_an_error(data: Path, name: str) -> None:
    (data / "people" / name).write_text(PERSON, "utf-8")
    problems, dataset = found(data)
    assert problems == {(f"data/people/{name}", 1, "misnamed-file")}
    assert "extra" not in dataset.people


@pytest.mark.parametrize("name", [".extra.yml.swp", ".gitkeep", ".DS_Store"])
def test_editor_and_system_dot_files_are_left_alone(data: Path, name: str) -> None:
    (data / "people" / name).write_bytes(b"\x00 not a record")
    assert found(data)[0] == set()


@pytest.mark.parametrize("name", ["stray.YML", "stray.yaml", "incident/typo.yml"])
def test_yaml_outside_the_record_folders_is_misplaced(data: Path, name: str) -> None:
    (data / name).parent.mkdir(exist_ok=True)
    (data / name).write_text(PERSON, "utf-8")
    assert found(data)[0] == {(f"data/{name}", 1, "misplaced-file")}


def test_a_file_is_never_read_past_the_size_limit(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factsheet import load

    monkeypatch.setattr(load, "MAX_BYTES", 100)
    (data / "people" / "big.yml").write_text(PERSON + "# " + "x" * 500 + "\n", "utf-8")
    problems, _ = found(data)
    assert ("data/people/big.yml", 1, "file-too-large") in problems
