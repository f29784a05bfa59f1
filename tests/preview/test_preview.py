"""The fast preview: an edit rebuilds the edited record's page first, and the rest after it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from factsheet import preview

REPO = Path(__file__).parent.parent.parent
VALID = REPO / "tests" / "fixtures" / "valid"
INCIDENT = "2019-11-28-nasiriyah"


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> preview.Preview:
    monkeypatch.setenv("FACTSHEET_CACHE", "off")
    monkeypatch.chdir(REPO)
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    site = preview.Preview(data, REPO / "mkdocs.yml", tmp_path / "work")
    site.build(first=True)
    return site


def page(site: preview.Preview, kind: str, record_id: str) -> str:
    return (site.site / kind / record_id / "index.html").read_text("utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    later = path.stat().st_mtime + 2  # a different time stamp even on coarse file systems
    os.utime(path, (later, later))


def test_the_first_build_makes_every_page(built: preview.Preview) -> None:
    assert "Shootings of protesters in Nasiriyah" in page(built, "incident", INCIDENT)
    assert (built.site / "incidents" / "index.html").is_file()


def test_an_edit_reaches_the_record_page_before_the_indexes(built: preview.Preview) -> None:
    incidents_index = built.site / "incidents" / "index.html"
    before = incidents_index.read_text("utf-8")
    seen_first: list[str] = []

    def reload() -> None:  # called once the edited page is built, before the rest
        seen_first.append(page(built, "incident", INCIDENT))
        seen_first.append(incidents_index.read_text("utf-8"))

    built.reload = reload
    edit(built.data / "incidents" / f"{INCIDENT}.yml", "title: Shootings of protesters",
         "title: Edited shootings of protesters")
    built.build()
    assert "Edited shootings of protesters" in seen_first[0]
    assert seen_first[1] == before, "the index is rebuilt after the edited page"
    assert "Edited shootings of protesters" in incidents_index.read_text("utf-8")


def test_pending_edits_put_off_the_rest_of_the_rebuild(built: preview.Preview) -> None:
    built.pending = lambda: True
    incidents_index = built.site / "incidents" / "index.html"
    before = incidents_index.read_text("utf-8")
    edit(built.data / "incidents" / f"{INCIDENT}.yml", "title: Shootings of protesters",
         "title: Edited shootings of protesters")
    built.build()
    assert "Edited shootings of protesters" in page(built, "incident", INCIDENT)
    assert incidents_index.read_text("utf-8") == before
    built.pending = lambda: False
    built.build()
    assert "Edited shootings of protesters" in incidents_index.read_text("utf-8")


def test_data_with_errors_keeps_the_last_good_pages(built: preview.Preview,
                                                    capsys: pytest.CaptureFixture) -> None:
    edit(built.data / "incidents" / f"{INCIDENT}.yml", "min: 46", "min: -1")
    built.build()
    assert "Shootings of protesters in Nasiriyah" in page(built, "incident", INCIDENT)
    assert "negative-figure" in capsys.readouterr().err


def index(site: preview.Preview, edition: str = "") -> list[dict]:
    path = site.site / edition / "search" / "search_index.json"
    return json.loads(path.read_text("utf-8"))["docs"]


def entries(docs: list[dict]) -> set[str]:
    return {json.dumps(entry, sort_keys=True) for entry in docs}


def test_search_covers_the_whole_site_after_an_edit(built: preview.Preview, tmp_path: Path) -> None:
    before = index(built)
    edit(built.data / "incidents" / f"{INCIDENT}.yml", "title: Shootings of protesters",
         "title: Edited shootings of protesters")
    built.build()
    after = index(built)
    assert {e["location"] for e in after} == {e["location"] for e in before}
    page = next(e for e in after if e["location"] == f"incident/{INCIDENT}/")
    assert page["title"] == "Edited shootings of protesters in Nasiriyah"
    # The same entries as a first build of the edited data gives.
    fresh = preview.Preview(built.data, REPO / "mkdocs.yml", tmp_path / "fresh")
    fresh.build(first=True)
    assert entries(after) == entries(index(fresh))
    # Each edition has an index of its own, completed the same way.
    assert entries(index(built, "ar")) == entries(index(fresh, "ar"))
    assert any(e["location"] == f"incident/{INCIDENT}/" for e in index(built, "ar"))


def test_search_drops_the_pages_of_a_deleted_record(built: preview.Preview) -> None:
    extra = built.data / "people" / "extra-person.yml"
    extra.write_text("name: Extra Person\nsummary: A person added for this test.\n", "utf-8")
    built.build()
    assert any(e["location"] == "person/extra-person/" for e in index(built))
    extra.unlink()
    built.build()
    assert not any(e["location"].startswith("person/extra-person/") for e in index(built))
    assert any(e["location"] == f"incident/{INCIDENT}/" for e in index(built))


def test_the_preview_builds_pages_as_the_site_does(built: preview.Preview) -> None:
    # The hooks run in the preview too: the Arabic edition reads right to left, with its language
    # switch, and the theme's own pages have their translated text.
    arabic = (built.site / "ar" / "incident" / INCIDENT / "index.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl"' in arabic
    assert "English" in arabic and "العربية" in arabic
    assert "Page not found" in (built.site / "404.html").read_text("utf-8")


def test_record_pages_stay_out_of_the_navigation_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    # As in the build: record pages are linked from the indexes, not named in the navigation, and
    # MkDocs does not list each of them as missing on every rebuild.
    monkeypatch.setenv("FACTSHEET_CACHE", "off")
    monkeypatch.chdir(REPO)
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    site = preview.Preview(data, REPO / "mkdocs.yml", tmp_path / "work")
    with caplog.at_level("INFO"):
        site.build(first=True)
    assert "not included in the \"nav\"" not in caplog.text
    assert (site.site / "incident" / INCIDENT / "index.html").is_file()
