"""CONTRIBUTING.md cannot rot: its worked example is applied to the valid fixtures and must validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.figures import CONTESTED, SINGLE, Origin, for_incident, origin
from factsheet.pipeline import load_checked
from factsheet.problems import CODES
from factsheet.schema import SCHEMA_DIR
from guide_example import GUIDE, INCIDENT, INCIDENT_ID, apply_example, blocks, worked_example

# The example's claims: (id, kind, counts, who, figure as worded, min, max, period, as_of, as_of_basis,
# source). period is () for the incident itself, ("from", start, end) or ("since", start).
CLAIMS = [
    ("killed-night-wire", "figure", "killed", "protesters", "9", 9, 9, ("from", "2019-12-07", "2019-12-08"),
     "2019-12-08", None, "example-wire-2019-12-08"),
    ("killed-night-joint", "figure", "killed", "protesters", "as many as 7", None, 7,
     ("from", "2019-12-07", "2019-12-08"), "2019-12-08", None, "example-wire-2019-12-08"),
    ("no-deaths-police", "denial", "killed", "protesters", "no protester", None, None,
     ("from", "2019-12-07", "2019-12-08"), "2019-12-07", "inferred", "example-wire-2019-12-08"),
    ("killed-since-start-wire", "figure", "killed", "protesters", "15", 15, 15, ("since", "2019-12-01"),
     "2019-12-08", "document-date", "example-wire-2019-12-08"),
    ("killed-since-start-monitor", "figure", "killed", "protesters", "more than 20", 20, None,
     ("since", "2019-12-01"), "2019-12-09", "stated", "example-monitor-2019-12-10"),
]


@pytest.fixture
def example(valid_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The valid fixtures with the worked example applied; the working directory holds data/."""
    monkeypatch.chdir(valid_copy.parent)
    apply_example(valid_copy.parent)
    return valid_copy.parent


def period_of(claim) -> tuple[str, ...]:
    if claim.period is None:
        return ()
    if claim.period.running:
        return ("since", claim.period.start)
    return ("from", claim.period.start, claim.period.end)


def test_worked_example_validates(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().err.strip().endswith("0 errors, 0 warnings")
    dataset, _ = load_checked(Path("data"))
    incident = dataset.incidents[INCIDENT_ID]
    found = [(c.id, c.kind, c.counts, c.who, c.figure, c.min, c.max, period_of(c), c.as_of, c.as_of_basis,
              c.cite.source) for c in incident.claims]
    assert found == CLAIMS
    assert {"example-wire-2019-12-08", "example-monitor-2019-12-10"} <= set(dataset.sources)
    assert dataset.sources["example-wire-2019-12-08"].get("publisherid") == "example-wire"
    bodies = ("example-wire", "example-monitor", "example-police", "example-health")
    assert set(bodies) <= set(dataset.organisations)
    assert [o for o in bodies if dataset.organisations[o].party] == ["example-police", "example-health"]


def test_worked_example_holds_each_new_kind_of_fact(example: Path) -> None:
    """Sites, a breakdown, a joint statement, a spokesman, a denial, an inferred date, a named victim."""
    dataset, _ = load_checked(Path("data"))
    incident = dataset.incidents[INCIDENT_ID]
    claims = {c.id: c for c in incident.claims}
    (site,) = incident.place.sites
    assert (site.name, site.kind) == ("Example Square", "square")
    assert [(v.name, v.lang) for v in site.variants] == [("ساحة المثال", "ar"), ("Mithal Square", None)]
    parts = [(p.governorate, p.who, p.figure, p.min, p.max, p.in_addition)
             for p in claims["killed-since-start-monitor"].parts]
    assert parts == [("basra", None, "14", 14, 14, False), (None, "security-forces", "3", 3, 3, True)]
    joint = claims["killed-night-joint"].chain[0]
    assert [m.organisation for m in joint.joint] == ["example-police", "example-health"]
    assert origin(dataset, claims["killed-night-joint"]) == Origin(
        "joint", "organisation:example-health+organisation:example-police")
    spokesman = claims["no-deaths-police"].chain[0]
    assert (spokesman.person, spokesman.speaks_for) == ("sami-namuthaj", "example-police")
    assert origin(dataset, claims["no-deaths-police"]) == Origin("organisation", "example-police")
    denial = claims["no-deaths-police"]
    assert denial.answers == ("killed-night-wire",)
    assert denial.is_counted and (denial.low, denial.high) == (0, 0)
    assert "[@example-wire-2019-12-08, para. 5]" in (denial.as_of_note or "")
    victim = dataset.people["ali-mithal"].victim
    assert victim is not None and victim.incident == INCIDENT_ID
    assert [(label, fact.value, fact.cite.source) for label, fact in victim.facts] == [
        ("died", "2019-12-07", "example-monitor-2019-12-10"), ("age", "23", "example-monitor-2019-12-10"),
        ("how", "shot in the chest", "example-monitor-2019-12-10"),
        ("place", "Example Square, Example Town", "example-monitor-2019-12-10")]
    assert dataset.people["sami-namuthaj"].roles[0].organisation == "example-police"


def test_worked_example_figures_come_out_as_the_guide_says(example: Path) -> None:
    """The night's toll is compared and contested; the running totals are a series, not rivals."""
    dataset, _ = load_checked(Path("data"))
    figures = for_incident(dataset, dataset.incidents[INCIDENT_ID])
    (night,) = figures.groups
    assert [c.id for c in night.claims] == ["killed-night-wire", "killed-night-joint", "no-deaths-police"]
    assert (night.low, night.high, night.grade) == (0, 9, CONTESTED)
    assert len(night.origins) == 3
    (series,) = figures.series
    assert (series.counts, series.who, series.since) == ("killed", "protesters", "2019-12-01")
    assert [c.id for _, c in series.latest] == ["killed-since-start-monitor", "killed-since-start-wire"]
    assert [g.grade for g in series.groups] == [SINGLE, SINGLE]  # one origin a day: nothing to grade
    assert figures.other == ()


def test_worked_example_mistake_prints_what_the_guide_shows(example: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    shown = [line for lang, _, body in blocks(worked_example()) if lang == "text"
             for line in body.splitlines()]
    assert len(shown) == 2
    path = example / INCIDENT
    text = path.read_text("utf-8")
    assert text.count("    min: 20\n") == 1
    path.write_text(text.replace("    min: 20\n", "    min: 21\n"), "utf-8")
    assert main(["validate"]) == 1
    assert shown[0] in capsys.readouterr().err.splitlines()
    assert main(["validate", "--format", "github"]) == 1
    assert shown[1] in capsys.readouterr().out.splitlines()
    line = shown[0].split(":")[1]
    assert f"annotation on line {line} of the changed file" in " ".join(worked_example().split())


def test_unknown_word_prints_what_the_guide_shows(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The vocabulary section's sample error, shortened with '...', is the start and end of the real one."""
    text = GUIDE.read_text("utf-8")
    section = text[text.index("\n## Words the data uses"):]
    section = section[:section.index("\n## ", 1)]
    (sample,) = [body.strip() for lang, _, body in blocks(section) if lang == "text"]
    start, end = sample.split(" ... ")
    path = example / INCIDENT
    incident = path.read_text("utf-8")
    assert incident.count("    counts: killed\n") == 5
    path.write_text(incident.replace("    counts: killed\n", "    counts: kiled\n", 1), "utf-8")
    assert main(["validate"]) == 1
    printed = [line for line in capsys.readouterr().err.splitlines() if "unknown-word" in line]
    assert len(printed) == 1
    assert printed[0].startswith(start) and printed[0].endswith(end)


def test_every_error_code_is_explained() -> None:
    text = GUIDE.read_text("utf-8")
    missing = [code for code in CODES if f"\n| `{code}` |" not in text]
    assert missing == []


def schema_fields() -> set[str]:
    """Every property name the record schemas define, at any depth (shared definitions included)."""
    found: set[str] = set()
    stack: list[object] = [json.loads(p.read_text("utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found |= set(node.get("properties", {}))
            stack += node.values()
        elif isinstance(node, list):
            stack += node
    return found


def test_reference_snippets_use_known_fields() -> None:
    """YAML snippets outside the worked example parse and use only fields the schemas know."""
    import yaml

    text = GUIDE.read_text("utf-8")
    snippets = [body for lang, options, body in blocks(text) if lang == "yaml" and not options]
    assert len(snippets) >= 10
    known = schema_fields()
    # The nested fields the guide's snippets use, each defined somewhere in the schemas.
    assert {"since", "from", "to", "parts", "in_addition", "joint", "for", "role", "as", "sites", "victim",
            "died", "years", "as_of_basis", "as_of_note", "answers", "denies", "party"} <= known
    for body in snippets:
        data = yaml.safe_load(body)
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                assert set(node) <= known, set(node) - known
                stack += node.values()
            elif isinstance(node, list):
                stack += node


def test_guide_names_the_words_of_the_vocabularies() -> None:
    """The source kinds the guide lists are exactly the validator's, and it points at the file."""
    from factsheet.vocab import SOURCE_KINDS

    text = GUIDE.read_text("utf-8")
    listed = [line.split("`")[1] for line in text.splitlines()
              if line.startswith("| `") and line.split("`")[1] in SOURCE_KINDS]
    assert sorted(set(listed)) == sorted(SOURCE_KINDS)
    assert "scripts/factsheet/vocab.py" in text and "scripts/factsheet/wording.py" in text


def test_files_the_guide_names_exist() -> None:
    text = GUIDE.read_text("utf-8")
    for name in (".pre-commit-config.yaml", "scripts/factsheet/schemas/", "scripts/factsheet/vocab.py",
                 "scripts/factsheet/wording.py", "tests/test_dataset.py"):
        assert f"`{name}" in text or f"{name}" in text, name
        assert (GUIDE.parent / name).exists(), name
    assert (GUIDE.parent / ".github" / "pull_request_template.md").is_file()
