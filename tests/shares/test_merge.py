"""Merging shares' output folders: files, search indexes, links between shares, warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factsheet.merge import MergeError, merge, strict_summary, updated_index
from factsheet.shares import SIDECAR

PAGES = ["", "a/", "b/", "c/"]
CONFIG = {"lang": ["en"], "separator": "[\\s]+"}


def entry(location: str, text: str = "") -> dict[str, str]:
    return {"location": location, "title": location or "Home", "text": text or f"text of {location}"}


def share(root: Path, name: str, docs: list[dict[str, str]], *, files: dict[str, str] | None = None,
          anchors: dict[str, list[str]] | None = None, links: list[list[Any]] | None = None,
          warnings: list[list[str]] | None = None, pages: list[str] = PAGES, script: bool = False) -> Path:
    """A folder as factsheet build --shard NAME leaves it."""
    folder = root / name.replace("/", "-").replace(",", "_")
    for path, text in (files or {}).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, "utf-8")
    (folder / "search").mkdir(parents=True, exist_ok=True)
    index = json.dumps({"config": CONFIG, "docs": docs}, separators=(",", ":"))
    (folder / "search" / "search_index.json").write_text(index, "utf-8")
    if script:
        (folder / "search" / "search_index.js").write_text("var __index = " + index, "utf-8")
    sidecar = {"share": name, "pages": pages, "anchors": anchors or {}, "links": links or [],
               "warnings": warnings or []}
    (folder / SIDECAR).write_text(json.dumps(sidecar), "utf-8")
    return folder


def index_of(site: Path) -> dict[str, Any]:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))


def test_files_and_search_index_are_joined_in_page_order(tmp_path: Path) -> None:
    one = share(tmp_path, "1/2", [entry("b/"), entry("b/#x"), entry("")],
                files={"b/index.html": "B", "index.html": "H", "404.html": "404", "sitemap.xml": "S"})
    two = share(tmp_path, "2/2", [entry("c/"), entry("a/"), entry("a/#y")],
                files={"a/index.html": "A", "c/index.html": "C", "404.html": "404", "sitemap.xml": "S"})
    result = merge([two, one], tmp_path / "site")
    site = tmp_path / "site"
    assert result.share.whole and result.warnings == ()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "404.html", "a/index.html", "b/index.html", "c/index.html", "index.html",
        "search/search_index.json", "sitemap.xml"]
    docs = index_of(site)["docs"]
    assert [d["location"] for d in docs] == ["", "a/", "a/#y", "b/", "b/#x", "c/"]
    assert index_of(site)["config"] == CONFIG
    # Written as Material writes it, so that one build and a merge give the same bytes.
    expected = json.dumps({"config": CONFIG, "docs": docs}, separators=(",", ":"))
    assert (site / "search" / "search_index.json").read_text("utf-8") == expected
    assert (one / "b" / "index.html").is_file(), "the shares' folders are left as they were"
    assert not (site / SIDECAR).exists()


def test_the_offline_copy_of_the_index_is_joined_too(tmp_path: Path) -> None:
    one = share(tmp_path, "1/2", [entry("a/")], script=True)
    two = share(tmp_path, "2/2", [entry("")], script=True)
    merge([one, two], tmp_path / "site")
    script = (tmp_path / "site" / "search" / "search_index.js").read_text("utf-8")
    joined = (tmp_path / "site" / "search" / "search_index.json").read_text("utf-8")
    assert script == "var __index = " + joined


def test_an_offline_index_that_is_not_the_json_is_refused(tmp_path: Path) -> None:
    one = share(tmp_path, "1/2", [entry("a/")], script=True)
    two = share(tmp_path, "2/2", [entry("")], script=True)
    (two / "search" / "search_index.js").write_text("var __index = {}", "utf-8")
    with pytest.raises(MergeError, match="search_index.js"):
        merge([one, two], tmp_path / "site")


@pytest.mark.parametrize(("names", "message"), [
    (["1/3", "2/3"], "share 3/3 is missing"),
    (["1/2", "1/2", "2/2"], "share 1/2 given twice"),
    (["1/2", "2/3"], "different splits"),
    (["1/2,1/2", "2/2"], "different splits"),
])
def test_incomplete_or_mixed_shares_are_refused(tmp_path: Path, names: list[str], message: str) -> None:
    folders = [share(tmp_path / str(n), name, []) for n, name in enumerate(names)]
    with pytest.raises(MergeError, match=message):
        merge(folders, tmp_path / "site")


def test_shares_of_different_sites_are_refused(tmp_path: Path) -> None:
    one = share(tmp_path, "1/2", [])
    two = share(tmp_path, "2/2", [], pages=["", "a/"])
    with pytest.raises(MergeError, match="different data or configuration"):
        merge([one, two], tmp_path / "site")


def test_a_file_written_differently_by_two_shares_is_refused(tmp_path: Path) -> None:
    one = share(tmp_path, "1/2", [], files={"sitemap.xml": "one"})
    two = share(tmp_path, "2/2", [], files={"sitemap.xml": "two"})
    with pytest.raises(MergeError, match="sitemap.xml differs between shares 1/2 and 2/2"):
        merge([one, two], tmp_path / "site")


def test_a_folder_that_is_no_share_is_refused(tmp_path: Path) -> None:
    one = share(tmp_path, "1/2", [])
    (tmp_path / "other").mkdir()
    with pytest.raises(MergeError, match="no factsheet-share.json"):
        merge([one, tmp_path / "other"], tmp_path / "site")
    unfinished = share(tmp_path, "2/2", [])
    data = json.loads((unfinished / SIDECAR).read_text())
    del data["warnings"]
    (unfinished / SIDECAR).write_text(json.dumps(data))
    with pytest.raises(MergeError, match="did not finish"):
        merge([one, unfinished], tmp_path / "site")


def link(target: str, anchor: str) -> list[Any]:
    return [target, anchor, 30, f"Doc file 'x.md' contains a link '{target}#{anchor}', but the doc "
                                f"'{target}' does not contain an anchor '#{anchor}'."]


def test_links_to_anchors_in_other_shares_are_checked(tmp_path: Path) -> None:
    one = share(tmp_path, "1/2", [], anchors={"a.md": ["top"]},
                links=[link("b.md", "there"), link("b.md", "gone"), link("data.csv", "row")])
    two = share(tmp_path, "2/2", [], anchors={"b.md": ["there"]}, links=[link("a.md", "top")])
    result = merge([one, two], tmp_path / "site")
    # A link to a file that is no page (data.csv) is not checked, as MkDocs does not check it.
    assert result.warnings == (("WARNING", link("b.md", "gone")[3]),)
    assert strict_summary(result.warnings) == "Aborted with 1 warnings in strict mode!"


def test_warnings_every_share_printed_are_reported_once(tmp_path: Path) -> None:
    everywhere = ["WARNING", "a setting every process reads"]
    one = share(tmp_path, "1/2", [], warnings=[everywhere, ["WARNING", "page a"], ["WARNING", "page a"]])
    two = share(tmp_path, "2/2", [], warnings=[everywhere, ["ERROR", "page b"]])
    result = merge([one, two], tmp_path / "site")
    assert sorted(result.warnings) == [("ERROR", "page b"), ("WARNING", "a setting every process reads"),
                                       ("WARNING", "page a"), ("WARNING", "page a")]
    assert strict_summary(result.warnings) == "Aborted with 1 errors, 3 warnings in strict mode!"


def test_shares_of_a_share_merge_into_that_share_first(tmp_path: Path) -> None:
    everywhere = ["WARNING", "everywhere"]
    quarter_1 = share(tmp_path, "1/2,1/2", [entry("a/")], anchors={"a.md": ["x"]},
                      links=[link("b.md", "y"), link("c.md", "z")], warnings=[everywhere])
    quarter_2 = share(tmp_path, "1/2,2/2", [entry("")], anchors={"b.md": ["y"]}, warnings=[everywhere])
    half = merge([quarter_1, quarter_2], tmp_path / "half")
    assert str(half.share) == "1/2" and half.warnings == (tuple(everywhere),)
    sidecar = json.loads((tmp_path / "half" / SIDECAR).read_text("utf-8"))
    assert sidecar["share"] == "1/2" and sidecar["links"] == [link("c.md", "z")]  # c.md is elsewhere
    other = share(tmp_path, "2/2", [entry("c/")], anchors={"c.md": []}, warnings=[everywhere])
    whole = merge([tmp_path / "half", other], tmp_path / "site")
    assert whole.share.whole
    assert whole.warnings == (tuple(everywhere), ("WARNING", link("c.md", "z")[3]))
    assert [d["location"] for d in index_of(tmp_path / "site")["docs"]] == ["", "a/", "c/"]


def test_the_output_folder_is_emptied_first_but_keeps_hidden_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "stale.html").write_text("x")
    (site / ".git").write_text("kept")
    merge([share(tmp_path, "1/1", [], files={"index.html": "H"})], site)
    assert not (site / "old").exists() and (site / ".git").is_file() and (site / "index.html").is_file()


def test_an_index_updated_after_a_partial_build() -> None:
    before = {"config": CONFIG, "docs": [entry(""), entry("a/"), entry("a/#s"), entry("b/"), entry("c/")]}
    partial = {"config": CONFIG, "docs": [entry("d/"), entry("a/", "new text")]}
    after = updated_index(before, partial, pages={"", "a/", "c/", "d/"})  # b/ was deleted
    assert [(e["location"], e["text"]) for e in after["docs"]] == [
        ("", "text of "), ("a/", "new text"), ("c/", "text of c/"), ("d/", "text of d/")]
