"""No silent loss: a distinctive value in every field of every record kind reaches the built site or the
JSON export, or the field is listed below as internal with the reason.

The fields are read from the JSON Schemas (and, for sources, from the bibliography's field table), so a
field added later is walked too: it fails here until it shows somewhere or is listed as internal.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from datawalk import NUMBER, Placement, Values, all_leaves, bib_walk, forms, refit, walk, with_bib, write
from sitebuild import build

from factsheet import bib
from factsheet.governorates import GOVERNORATES
from factsheet.pipeline import load_checked, render_site
from factsheet.render.incident import claim_anchor
from factsheet.vocab import VOCABULARIES

# Fields of records that are kept for maintainers and not published, each with its reason (a name
# stands for every field under it).
INTERNAL: dict[str, str] = {
    "translates": "the version of the English text each Arabic text translates, a hash that factsheet "
                  "translated writes so that validate can warn when the English changes: for maintainers",
}
# Fields that no page shows yet, each with where they will show. Each is checked to show nowhere, so
# that the entry has to go (and the field be checked like the others) once they do.
NOT_SHOWN_YET: dict[str, str] = {}  # every field shows now: the Arabic texts on the Arabic edition
BIB_INTERNAL = bib.INTERNAL_FIELDS
# Fields of the bibliography that no page shows yet, by how their names end.
BIB_NOT_SHOWN_YET: tuple[str, ...] = ()  # a stake's or note's Arabic (_ar) shows on the Arabic edition


def listed(placement: Placement, table: dict[str, str]) -> bool:
    return any(step in table for step in placement.leaf.path)


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
    """A record's page in both editions: an Arabic text shows on the Arabic one (ar/...)."""
    folder = FOLDER_KINDS[rel.split("/")[0]]
    return "".join((root / folder / Path(rel).stem / "index.html").read_text("utf-8")
                   for root in (site, site / "ar"))


def export_rows(site: Path, rel: str) -> str:
    rows = json.loads((site / "downloads" / "claims.json").read_text("utf-8"))
    return json.dumps([r for r in rows if r["incident_id"] == Path(rel).stem], ensure_ascii=False)


def test_every_field_of_every_schema_takes_a_value(walked) -> None:
    """The walk found a place for every field: none is skipped because it could not be written, and
    the data with all of them validates."""
    done = walked[0]
    assert done.refused == {}
    assert done.problems == []
    placed = {f"{p.leaf.kind}: {p.leaf.name}" for p in done.placements}
    assert placed | set(done.not_keys) == {f"{leaf.kind}: {leaf.name}" for leaf in all_leaves()}
    # A key a mapping refuses is not a field; every mapping takes some key.
    maps = {(leaf.kind, leaf.path[:-1]) for leaf in all_leaves() if leaf.keyed}
    assert maps == {(p.leaf.kind, p.leaf.path[:-1]) for p in done.placements if p.leaf.keyed}
    assert len(done.not_keys) <= 4
    assert {"claims.[].answers.[]", "claims.[].period.since", "claims.[].chain.[].for",
            "claims.[].parts.[].who", "place.sites.[].kind", "victim.age.years"} <= {
        p.leaf.name for p in done.placements}
    assert len(all_leaves()) >= 85 and len(done.placements) >= 200


def test_each_walked_number_and_date_is_written_once(walked) -> None:
    """No other field holds a walked number or date (a min's neighbours, an item's dates moved with
    it), so that finding one on a page shows its own field got there."""
    done, _, state, _ = walked
    written = Counter(value for value in _scalars(state) if isinstance(value, (int, float, str)))
    made = [p.value for p in done.placements if distinctive(p) and not isinstance(p.value, str)
            or isinstance(p.value, str) and DAY.match(p.value) and distinctive(p)]
    assert len(made) >= 40
    assert [value for value in made if written[value] != 1] == []


DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _scalars(node: object) -> list:
    if isinstance(node, dict):
        return [v for value in node.values() for v in _scalars(value)]
    if isinstance(node, list):
        return [v for value in node for v in _scalars(value)]
    return [node]


def test_distinctive_values_show_on_their_record_page_or_in_the_export(walked) -> None:
    done, _, state, site = walked
    missing = []
    checked = 0
    for placement in done.placements:
        if listed(placement, INTERNAL) or listed(placement, NOT_SHOWN_YET) or not distinctive(placement):
            continue
        page = record_page(site, placement.file).lower()
        exported = export_rows(site, placement.file).lower() if "incidents/" in placement.file else ""
        if not any(form in page or form in exported for form in shown_as(placement)):
            missing.append(f"{placement.leaf.kind}: {placement.leaf.name} = {placement.value!r} "
                           f"({placement.file} {'.'.join(map(str, placement.steps))})")
        checked += 1
    assert missing == []
    assert checked >= 150


# Fields whose value shows in a form of its own, with why the plain value is not enough.
SHOWN_AS = {
    # The id of a claim a denial answers: the answered claim's row has the id as its anchor anyway,
    # so only a link to that row shows the answer.
    "claims.[].answers.[]": lambda value: [f'href="#{claim_anchor(value)}"'],
}


def shown_as(placement: Placement) -> list[str]:
    form = SHOWN_AS.get(placement.leaf.name)
    return form(placement.value) if form else forms(placement.value)


def distinctive(placement: Placement) -> bool:
    """A value the walk made up (a word, a full date, a large number), rather than one chosen from a
    set or a small range (a flag, a word of a vocabulary, a governorate, an age)."""
    value = placement.value
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value >= NUMBER
    if isinstance(value, float):
        return True
    return "zq" in value.lower() or bool(DAY.match(value)) and value >= "2031"


def test_values_chosen_from_a_set_change_their_page(walked) -> None:
    """A flag or a value from a fixed set (true, a word of a vocabulary, a language, a governorate, an
    age): the record's page differs with another value. Each is tried in the small state it was
    placed in (Placement.trial), whose pages render quickly. Where its item allows no other value (the
    first link of a chain is the claimant), nothing can be lost there, but the field must change the
    page in some other item."""
    done = walked[0]
    unchanged, fixed, changed = [], set(), set()
    for placement in done.placements:
        if listed(placement, INTERNAL) or listed(placement, NOT_SHOWN_YET) or distinctive(placement):
            continue
        trial = Placement(placement.leaf, placement.file, placement.trial_steps, placement.value)
        page = f"{FOLDER_KINDS[placement.file.split('/')[0]]}/{Path(placement.file).stem}.md"
        before = render_pages(placement.trial)
        assert before is not None
        for value in _other_values(placement):
            other = copy.deepcopy(placement.trial)
            refit(other, trial, value)
            after = render_pages(other)
            if after is not None:
                break
        else:
            fixed.add(placement.leaf.name)
            continue
        if (before[page], before[f"ar/{page}"]) == (after[page], after[f"ar/{page}"]):
            unchanged.append(f"{placement.leaf.kind}: {placement.leaf.name} = {placement.value!r} -> "
                             f"{value!r} ({placement.file} {'.'.join(map(str, placement.steps))})")
        else:
            changed.add(placement.leaf.name)
    assert unchanged == []
    assert fixed <= changed
    assert len(changed) >= 15


def _other_values(placement: Placement) -> list[object]:
    """Values to put instead of a chosen one, the likeliest to validate first."""
    value, schema = placement.value, placement.leaf.schema
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [value - 1, value + 1]
    if "enum" in schema:
        return [c for c in schema["enum"] if c != value]
    if "x-vocabulary" in schema:
        return [w for w in VOCABULARIES[schema["x-vocabulary"]] if w != value]
    return [v for v in ["en", "fr", *GOVERNORATES, "2019-10-02"] if v != value]


def render_pages(state: dict) -> dict[str, str] | None:
    """Every page's Markdown, or None when the data does not validate."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        dataset, problems = load_checked(write(state, Path(tmp) / "data"))
    if [p for p in problems if not p.warning]:
        return None
    return {path: page.content for path, page in render_site(dataset).items()}


def test_every_bibliography_field_shows_on_its_source_page(walked) -> None:
    _, entries, _, site = walked
    missing = []
    for entry, shown in entries:
        if entry.walked.endswith(BIB_NOT_SHOWN_YET):
            continue
        page = "".join((root / "source" / entry.key / "index.html").read_text("utf-8")
                       for root in (site, site / "ar"))
        if shown.lower() not in page.lower():
            missing.append(f"@{entry.entry_type} {entry.walked} = {entry.fields[entry.walked]!r}")
    assert missing == []
    assert len(entries) == len([f for f in bib.COMMON_FIELDS if f not in BIB_INTERNAL]) + sum(
        len(extra) for extra in bib.TYPE_FIELDS.values())


def test_internal_fields_are_documented() -> None:
    """Each field kept from the pages says why, in the code that reads it."""
    assert all(reason for reason in {**INTERNAL, **NOT_SHOWN_YET, **BIB_INTERNAL}.values())
