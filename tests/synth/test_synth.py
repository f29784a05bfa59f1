"""The synthetic dataset: deterministic, valid by construction, and shaped like the real data."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from factsheet import cli, synth
from factsheet.model import Dataset
from factsheet.pipeline import load_checked

SIZE = 300


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTSHEET_CACHE", "off")


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return synth.generate(SIZE, seed=3)


@pytest.fixture(scope="module")
def checked(files: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, list]:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth.write(files, out)
    return load_checked(out)


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    synth.write(synth.generate(80, seed=11), tmp_path / "a")
    synth.write(synth.generate(80, seed=11), tmp_path / "b")
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert first == second
    assert len(first) > 80


def test_a_different_seed_gives_different_data() -> None:
    assert synth.generate(80, seed=11) != synth.generate(80, seed=12)


def test_global_random_state_is_not_used() -> None:
    import random

    random.seed(1)
    first = synth.generate(40, seed=5)
    random.seed(2)
    assert synth.generate(40, seed=5) == first


def test_the_data_validates_with_no_error_and_no_warning(checked: tuple[Dataset, list]) -> None:
    dataset, problems = checked
    assert [str(p) for p in problems] == []
    assert len(dataset.incidents) == SIZE


@pytest.mark.parametrize("size", [1, 2, 3, 9, 26])
def test_tiny_datasets_validate(size: int, tmp_path: Path) -> None:
    synth.write(synth.generate(size, seed=1), tmp_path / "data")
    dataset, problems = load_checked(tmp_path / "data")
    assert [str(p) for p in problems] == []
    assert len(dataset.incidents) == size


def test_record_counts_follow_the_real_ratios(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked
    assert len(dataset.people) == SIZE // 2
    assert len(dataset.sources) == SIZE // 10
    assert len(dataset.organisations) >= 15
    claims = sum(len(i.claims) for i in dataset.incidents.values()) / SIZE
    assert 4.0 <= claims <= 6.0


def test_tolls_conflict(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked
    conflicting = [i for i in dataset.incidents.values()
                   if len({(c.min, c.max) for c in i.claims if c.counts == "killed"}) > 1]
    assert len(conflicting) > SIZE // 2


def test_figures_are_worded_in_every_way_the_sources_do(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked
    figures = [c.figure or "" for i in dataset.incidents.values() for c in i.claims if c.is_figure]
    words = Counter(f.split()[0].lower() if not f[:1].isdigit() else "exact" for f in figures)
    for expected in ("exact", "at", "over", "more", "between", "about", "dozens", "several", "a"):
        assert words[expected] > 0, expected
    assert any(f == "a large number" for f in figures)
    open_ended = [c for i in dataset.incidents.values() for c in i.claims
                  if c.figure and c.figure.lower().startswith("at least")]
    assert all(c.max is None for c in open_ended)


def test_chains_have_unnamed_origins_relays_and_allegations(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked
    claims = [c for i in dataset.incidents.values() for c in i.claims]
    assert any(c.chain[0].unnamed for c in claims)
    assert any(c.chain[0].person for c in claims)
    assert any(len(c.chain) >= 3 for c in claims)  # origin, an agency relaying it, the publisher
    allegations = [c for c in claims if not c.is_figure]
    assert allegations and all(c.accused for c in allegations)


def test_part_of_chains_and_parent_chains(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked

    def depth(table: dict, record_id: str, attr: str) -> int:
        steps = 0
        while (record_id := getattr(table[record_id], attr)) is not None:
            steps += 1
        return steps

    assert max(depth(dataset.incidents, i, "part_of") for i in dataset.incidents) >= 2
    assert max(depth(dataset.organisations, o, "parent") for o in dataset.organisations) >= 2


def test_names_have_variants_in_arabic_script(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked
    arabic = [v for p in dataset.people.values() for v in p.variants if v.lang == "ar"]
    assert len(arabic) > len(dataset.people) // 2
    assert all("\u0600" <= v.name[0] <= "\u06ff" for v in arabic)
    assert any(v.lang == "ar" for i in dataset.incidents.values() for v in i.place.variants)
    assert any(v.abbreviation for o in dataset.organisations.values() for v in o.variants)


def test_dates_can_be_partial_or_unknown(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked
    kinds = Counter("unknown" if i.date == "unknown" else len(i.date) for i in dataset.incidents.values())
    assert kinds[10] > SIZE // 2
    assert kinds[7] and kinds[4] and kinds["unknown"]


def test_some_incidents_have_a_toll_history(checked: tuple[Dataset, list]) -> None:
    dataset, _ = checked
    histories = 0
    for incident in dataset.incidents.values():
        series: dict[tuple, list] = {}
        for claim in incident.claims:
            if claim.counts == "killed" and claim.as_of and claim.min is not None:
                series.setdefault(claim.chain[0].ref or (claim.chain[0].unnamed,), []).append(claim)
        for claims in series.values():
            dated = sorted(claims, key=lambda c: c.as_of)
            if len({c.as_of for c in dated}) >= 3 and dated[-1].min > dated[0].min:
                histories += 1
    assert histories >= SIZE // 50


def test_the_command_writes_and_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "data"
    assert cli.main(["synth", "--incidents", "12", "--seed", "4", "--out", str(out)]) == 0
    assert len(list((out / "incidents").glob("*.yml"))) == 12
    assert (out / "sources.bib").is_file()
    assert cli.main(["synth", "--incidents", "5", "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert cli.main(["synth", "--incidents", "5", "--out", str(out), "--force"]) == 0
    assert len(list((out / "incidents").glob("*.yml"))) == 5
