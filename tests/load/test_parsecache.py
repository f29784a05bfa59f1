"""The parse cache only saves work: cached and uncached runs report the same records and problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsheet import load, parsecache
from factsheet.pipeline import load_checked

FIXTURES = Path(__file__).parent.parent / "fixtures"


def run(root: Path) -> tuple[object, list[str]]:
    dataset, problems = load_checked(root)
    return dataset, [str(p) for p in problems]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTSHEET_CACHE", str(folder))
    return folder


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The valid fixture with a bad record added, so that problems come from the cache too."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", root)
    (root / "incidents" / "bad.yml").write_text("title: x\ndate: 2019-13-45\nplace: {}\nsummary: s\n"
                                                "unknown_key: 1\nunknown_key: 2\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("data")


def test_a_warm_run_gives_what_a_cold_run_gives(cache: Path, data: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run(data)
    assert list(cache.glob("*.pickle")), "the first run writes the cache"
    calls: list[str] = []
    with monkeypatch.context() as patched:
        patched.setattr(load, "parse_record", lambda kind, text: calls.append(kind))
        assert run(data) == cold
    assert calls == [], "nothing is parsed again when no file changed"
    monkeypatch.setenv("FACTSHEET_CACHE", "off")
    assert run(data) == cold
    assert any("unknown-field" in p for p in cold[1]) and any("duplicate-key" in p for p in cold[1])


def test_a_changed_file_is_parsed_again(cache: Path, data: Path) -> None:
    run(data)
    path = data / "incidents" / "bad.yml"
    path.write_text(path.read_text("utf-8").replace("unknown_key: 2\n", ""), "utf-8")
    _, problems = run(data)
    assert not any("duplicate-key" in p for p in problems)


def test_the_bibliography_is_shown_from_where_it_is_read(cache: Path, data: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (data / "sources.bib").write_text((data / "sources.bib").read_text("utf-8") + "@online{broken,\n",
                                      "utf-8")
    _, here = run(data)
    monkeypatch.chdir(data)
    _, inside = run(Path("."))
    assert [p for p in here if "sources.bib" in p]
    assert [p.removeprefix("data/") for p in here if "sources.bib" in p] == \
        [p for p in inside if "sources.bib" in p]


def test_a_damaged_cache_is_ignored(cache: Path, data: Path) -> None:
    cold = run(data)
    for path in cache.glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    assert run(data) == cold


def test_caching_can_be_turned_off(tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTSHEET_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert parsecache.cache_dir() is None
    run(data)
    assert not (tmp_path / "xdg").exists()


def test_a_new_code_version_starts_afresh(cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(data)
    monkeypatch.setattr(parsecache, "version", lambda: "another version")
    assert parsecache.ParseCache(data).old == {}

