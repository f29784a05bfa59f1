"""Arabic texts beside the English: which field each translates, and `factsheet translated` keeping track."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.pipeline import load_checked
from factsheet.translated import mark_yaml
from factsheet.translations import version

VALID = Path(__file__).parent.parent / "fixtures" / "valid"
NASIRIYAH = "incidents/2019-11-28-nasiriyah.yml"
ARABIC = """\
ar:
  title: إطلاق النار على المحتجين في الناصرية
  summary: >-
    أطلقت قوات الأمن النار على المحتجين الذين قطعوا جسرا قبل الفجر [@pmoi-2019-11-29, para. 2].
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(VALID, root)
    path = root / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace("claims:\n", ARABIC + "claims:\n", 1), "utf-8")
    return root


def codes(root: Path) -> list[tuple[str, bool]]:
    _, problems = load_checked(root)
    return sorted((p.code, p.warning) for p in problems)


def test_an_arabic_text_without_a_version_is_a_warning_until_marked(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert codes(data) == [("untracked-translation", True)] * 2
    assert main(["translated", str(data / NASIRIYAH)]) == 0
    assert "1 Arabic block marked" in capsys.readouterr().out
    assert codes(data) == []
    dataset, _ = load_checked(data)
    incident = dataset.incidents["2019-11-28-nasiriyah"]
    assert incident.ar is not None
    assert incident.ar.get("title") == "إطلاق النار على المحتجين في الناصرية"
    assert dict(incident.ar.translates) == {"title": version(incident.title),
                                           "summary": version(incident.summary)}


def test_a_changed_english_text_makes_its_arabic_stale(data: Path) -> None:
    main(["translated", str(data / NASIRIYAH)])
    path = data / NASIRIYAH
    text = path.read_text("utf-8")
    changed = text.replace("title: Shootings of protesters in Nasiriyah", "title: Gunfire in Nasiriyah")
    path.write_text(changed, "utf-8")
    _, problems = load_checked(data)
    found = [(p.code, p.warning, "'title'" in p.message) for p in problems]
    assert found == [("stale-translation", True, True)]
    # Spacing alone is not a change of the English.
    assert version("a  b\n c") == version("a b c")


def test_marking_touches_only_the_translates_lines(data: Path) -> None:
    path = data / NASIRIYAH
    before = path.read_text("utf-8")
    first, count = mark_yaml(before)
    assert count == 1
    added = [line for line in first.split("\n") if line not in before.split("\n")]
    summary, title = version(_summary(data)), version(_title(data))
    assert added == [f'  translates: {{summary: "{summary}", title: "{title}"}}']
    second, _ = mark_yaml(first)
    assert second == first  # marking twice changes nothing


def _title(data: Path) -> str:
    dataset, _ = load_checked(data)
    return dataset.incidents["2019-11-28-nasiriyah"].title


def _summary(data: Path) -> str:
    dataset, _ = load_checked(data)
    return dataset.incidents["2019-11-28-nasiriyah"].summary


def test_an_arabic_field_must_translate_a_field_of_its_record(data: Path) -> None:
    path = data / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace("  title: إطلاق", "  titel: إطلاق"), "utf-8")
    _, problems = load_checked(data)
    unknown = [p for p in problems if p.code == "unknown-field"]
    assert len(unknown) == 1 and "did you mean title?" in unknown[0].message


def test_arabic_prose_follows_the_rules_of_english_prose(data: Path) -> None:
    path = data / NASIRIYAH
    path.write_text(path.read_text("utf-8").replace(" [@pmoi-2019-11-29, para. 2].", " 29 شخصا."), "utf-8")
    assert ("uncited-numeral", False) in codes(data)


def test_a_source_s_arabic_stake_is_tracked(data: Path) -> None:
    bib = data / "sources.bib"
    arabic = "  kind      = {advocacy},\n  stake_ar  = {منظمة معارضة.},"
    bib.write_text(bib.read_text("utf-8").replace("  kind      = {advocacy},", arabic, 1), "utf-8")

    def in_bib() -> list[str]:
        _, problems = load_checked(data)
        return [p.code for p in problems if p.where.path.endswith("sources.bib")]

    assert in_bib() == ["untracked-translation"]
    assert main(["translated", str(bib)]) == 0
    assert in_bib() == []
