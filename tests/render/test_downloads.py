"""Every download is listed on the downloads page and holds what its schema says."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pybtex.database import parse_string

from factsheet.export import FORMULA_STARTS
from factsheet.pipeline import load_dataset, render_site
from factsheet.render.downloads import FILES

REPO = Path(__file__).parent.parent.parent
DATASETS = [REPO / "tests" / "fixtures" / "valid", REPO / "data"]


@pytest.fixture(scope="module", params=DATASETS, ids=["fixture", "data"])
def built(request):
    ds = load_dataset(request.param)
    return ds, {path: out.content for path, out in render_site(ds).items()}


def validator(site: dict[str, str], schema: str) -> Draft202012Validator:
    found = json.loads(site[f"downloads/{schema}"])
    Draft202012Validator.check_schema(found)
    return Draft202012Validator(found)


@pytest.mark.parametrize(("name", "schema"), [(n, s) for n, s, _ in FILES if s and n.endswith(".json")])
def test_each_json_download_matches_its_schema(built, name, schema):
    _, site = built
    data = json.loads(site[f"downloads/{name}"])
    assert data, f"{name} is empty, so its check proves nothing"
    errors = sorted(validator(site, schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_the_schemas_refuse_what_the_files_must_not_hold(built):
    _, site = built
    incidents = json.loads(site["downloads/incidents.json"])
    check = validator(site, "incidents.schema.json")
    claim = next(c for i in incidents for c in i["claims"] if c["kind"] == "figure")
    for change in ({"counts": "killd"}, {"min": "29"}, {"extra": 1}, {"as_of": "29 Nov"}):
        bad = json.loads(json.dumps(incidents))
        target = next(c for i in bad for c in i["claims"] if c["id"] == claim["id"])
        target.update(change)
        assert not check.is_valid(bad), change
    claims = json.loads(site["downloads/claims.json"])
    claims[0].pop("grade")
    assert not validator(site, "claims.schema.json").is_valid(claims)


def test_records_are_complete_in_id_order_and_plain(built):
    ds, site = built
    for stem, table in (("incidents", ds.incidents), ("people", ds.people),
                        ("organisations", ds.organisations)):
        items = json.loads(site[f"downloads/{stem}.json"])
        assert [item["id"] for item in items] == sorted(table)
    sources = json.loads(site["downloads/sources.json"])
    assert [s["key"] for s in sources] == sorted(ds.sources)
    text = site["downloads/incidents.json"]
    assert "[@" not in text  # citation markers are written as plain text
    claims = sum(len(i.claims) for i in ds.incidents.values())
    assert sum(len(i["claims"]) for i in json.loads(text)) == claims


def test_party_marks_follow_the_site_rule(built):
    ds, site = built
    organisations = {o["id"]: o for o in json.loads(site["downloads/organisations.json"])}
    assert organisations["pmoi"]["party"] and organisations["pmoi"]["party_to_events"]
    sources = {s["key"]: s for s in json.loads(site["downloads/sources.json"])}
    for key, source in ds.sources.items():
        assert sources[key]["party_to_events"] == (source.get("publisherid") == "pmoi"
                                                   or source.get("kind") == "party-media"
                                                   or bool(source.get("publisherid")
                                                           and organisations[source.get("publisherid")]
                                                           ["party_to_events"]))
    rows = json.loads(site["downloads/claims.json"])
    assert any(row["parties"] and "PMOI/MEK" in row["parties"] for row in rows)
    assert all(isinstance(row["source_party"], bool) for row in rows)


def test_csv_rows_are_the_json_rows(built):
    _, site = built
    rows = list(csv.DictReader(io.StringIO(site["downloads/claims.csv"])))
    # CSV writes true/false as the downloads page documents them, and neutralises formula cells.
    as_text = [{k: "" if v is None else ("true" if v is True else "false" if v is False else
                                          ("'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS)
                                           else str(v)))
                for k, v in row.items()} for row in json.loads(site["downloads/claims.json"])]
    assert rows == as_text


def test_bibliography_as_bibtex_and_csl(built):
    ds, site = built
    bib = parse_string(site["downloads/sources.bib"], "bibtex")
    assert sorted(bib.entries) == sorted(ds.sources)
    for key, source in ds.sources.items():
        assert bib.entries[key].type == source.entry_type
        assert bib.entries[key].fields.get("kind") == source.get("kind")
    csl = json.loads(site["downloads/sources.csl.json"])
    assert [item["id"] for item in csl] == sorted(ds.sources)
    dated = [item for item in csl if ds.sources[item["id"]].get("date")]
    assert dated and all(item["issued"]["date-parts"][0][0] >= 1900 for item in dated)


def test_the_downloads_page_lists_and_describes_every_file(built):
    _, site = built
    page = site["downloads.md"]
    offered = {p.removeprefix("downloads/") for p in site if p.startswith("downloads/")
               and not p.startswith("downloads/schemas/")}
    listed = {name for name, _, _ in FILES} | {schema for _, schema, _ in FILES if schema}
    assert offered == listed
    for name in listed:
        assert f"[{name}](downloads/{name})" in page
    assert "## Licence {#licence}" in page and "https://creativecommons.org/licenses/by/4.0/" in page
    for column in ("parties", "source_party", "source_kind", "grade", "accused", "group_min"):
        assert f"- `{column}`: " in page
