"""No silent loss: a distinctive value in every field of every record kind reaches the built site or the
JSON export, or the field is listed below as internal with the reason.

The fields are read from the JSON Schemas (and, for sources, from the bibliography's field table), so a
field added later is walked too: it fails here until it shows somewhere or is listed as internal.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from datawalk import Placement, Values, bib_walk, forms, get, put, walk, with_bib, write
from sitebuild import build

from factsheet import bib
from factsheet.pipeline import load_checked, render_site

# Fields of records that are kept for maintainers and not published, each with its reason.
INTERNAL: dict[str, str] = {}
BIB_INTERNAL = bib.INTERNAL_FIELDS


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory):
    values = Values()
    done = walk(values)
    entries = bib_walk(values)
    state = with_bib(done.state, [entry for entry, _ in entries])
    root = tmp_path_factory.mktemp("walk")
    site = build(write(state, root / "data"), root / "site")
    return done, entries, state, site


FOLDER_KINDS = {"incidents": "incident", "people": "person", "organisations": "organisation"}


def record_page(site: Path, rel: str) -> str:
    folder = FOLDER_KINDS[rel.split("/")[0]]
    return (site / folder / Path(rel).stem / "index.html").read_text("utf-8")


def export_rows(site: Path, rel: str) -> str:
    rows = json.loads((site / "downloads" / "claims.json").read_text("utf-8"))
    return json.dumps([r for r in rows if r["incident_id"] == Path(rel).stem], ensure_ascii=False)


def test_every_field_of_every_schema_takes_a_value(walked) -> None:
    """The walk found a place for every field: none is skipped because it could not be written."""
    done = walked[0]
    assert done.refused == {}
    fields = {p.leaf.name for p in done.placements}
    assert {"title", "summary", "claims.[].figure", "place.variants.[].abbreviation"} <= fields
    assert len(done.placements) >= 55


def test_distinctive_values_show_on_their_record_page_or_in_the_export(walked) -> None:
    done, _, state, site = walked
    missing = []
    checked = 0
    for placement in done.placements:
        if placement.leaf.name in INTERNAL or not distinctive(placement):
            continue
        page = record_page(site, placement.file).lower()
        exported = export_rows(site, placement.file).lower() if "incidents/" in placement.file else ""
        if not any(form in page or form in exported for form in forms(placement.value)):
            missing.append(f"{placement.leaf.kind}: {placement.leaf.name} = {placement.value!r}")
        checked += 1
    assert missing == []
    assert checked >= 45


def distinctive(placement: Placement) -> bool:
    """A value the walk made up (a word, a date, a number), rather than one chosen from a set."""
    value = placement.value
    return not isinstance(value, bool) and ("zq" in str(value).lower() or not isinstance(value, str)
                                            or str(value).startswith("203"))


def test_values_chosen_from_a_set_change_their_page(walked) -> None:
    """A flag or a value from a fixed set (true, a precision word, a language, a governorate): the
    record's page differs with and without it."""
    done, _, state, _ = walked
    original = copy.deepcopy(state)
    unchanged = []
    checked = 0
    for placement in done.placements:
        if placement.leaf.name in INTERNAL or distinctive(placement):
            continue
        other = copy.deepcopy(original)
        put(other, placement, _other_value(placement))
        if render_page(original, placement) == render_page(other, placement):
            unchanged.append(f"{placement.leaf.kind}: {placement.leaf.name} = {get(original, placement)!r}")
        checked += 1
    assert unchanged == []
    assert checked >= 7


def _other_value(placement: Placement) -> object:
    value = placement.value
    if isinstance(value, bool):
        return not value
    choices = placement.leaf.schema.get("enum")
    if choices:
        return next(c for c in choices if c != value)
    return {"ar": "en", "diyala": "basra"}.get(value, "basra")


def render_page(state: dict, placement: Placement) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        dataset, problems = load_checked(write(state, Path(tmp) / "data"))
    assert [p for p in problems if not p.warning] == []
    kind = FOLDER_KINDS[placement.file.split("/")[0]]
    return render_site(dataset)[f"{kind}/{Path(placement.file).stem}.md"].content


def test_every_bibliography_field_shows_on_its_source_page(walked) -> None:
    _, entries, _, site = walked
    missing = []
    for entry, shown in entries:
        page = (site / "source" / entry.key / "index.html").read_text("utf-8")
        if shown.lower() not in page.lower():
            missing.append(f"@{entry.entry_type} {entry.walked} = {entry.fields[entry.walked]!r}")
    assert missing == []
    assert len(entries) == len([f for f in bib.COMMON_FIELDS if f not in BIB_INTERNAL]) + sum(
        len(extra) for extra in bib.TYPE_FIELDS.values())


def test_internal_fields_are_documented() -> None:
    """Each field kept from the pages says why, in the code that reads it."""
    assert all(reason for reason in {**INTERNAL, **BIB_INTERNAL}.values())
