"""factsheet build --jobs N, --shard K/N and merge: the same site as one process builds."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from factsheet import synth
from factsheet.shares import parse_share

REPO = Path(__file__).parent.parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "valid"
SEED = REPO / "data"
HIDDEN_ENV = {"SOURCE_DATE_EPOCH", "FACTSHEET_DATA", "FACTSHEET_PAGES", "FACTSHEET_SHARE"}


def factsheet(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in HIDDEN_ENV}
    return subprocess.run([sys.executable, "-m", "factsheet.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)


def build(data: Path, out: Path, *options: str, config: Path = REPO / "mkdocs.yml") -> Path:
    result = factsheet("build", "--data", str(data), "--out", str(out), "--config", str(config), *options)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    return out


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def differences(one: Path, two: Path) -> list[str]:
    """Files missing from either site, or whose bytes differ."""
    a, b = files(one), files(two)
    if a != b:
        return sorted(set(a) ^ set(b))
    return [path for path in a if not filecmp.cmp(one / path, two / path, shallow=False)]


def index_entries(site: Path) -> tuple[dict, Counter]:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return index["config"], Counter(json.dumps(entry, sort_keys=True) for entry in index["docs"])


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("synth") / "data"
    for path, text in synth.generate(40, seed=5).items():
        (data / path).parent.mkdir(parents=True, exist_ok=True)
        (data / path).write_text(text, "utf-8")
    return data


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory, synthetic: Path) -> dict[str, Path]:
    """The reference sites, built in one process."""
    root = tmp_path_factory.mktemp("serial")
    sites = {"fixture": build(FIXTURE, root / "fixture", "--jobs", "1"),
             "synthetic": build(synthetic, root / "synthetic", "--jobs", "1")}
    if SEED.is_dir():
        sites["seed"] = build(SEED, root / "seed", "--jobs", "1")
    return sites


def data_of(name: str, synthetic: Path) -> Path:
    return {"fixture": FIXTURE, "synthetic": synthetic, "seed": SEED}[name]


@pytest.mark.parametrize("name", ["fixture", "synthetic", "seed"])
@pytest.mark.parametrize("jobs", ["2", "3"])
def test_several_processes_build_the_same_bytes(name: str, jobs: str, serial: dict[str, Path],
                                                synthetic: Path, tmp_path: Path) -> None:
    if name not in serial:
        pytest.skip("no data/ directory")
    report = tmp_path / "report.json"
    site = build(data_of(name, synthetic), tmp_path / "site", "--jobs", jobs, "--report", str(report))
    steps = [process["step"] for process in json.loads(report.read_text())["processes"]]
    assert steps == ["render", *(f"share {k}/{jobs}" for k in range(1, int(jobs) + 1)),
                     "merge (the command itself)"]
    assert differences(serial[name], site) == []
    # Stated apart from the bytes: the search index holds the same entries and settings.
    assert index_entries(site) == index_entries(serial[name])


def test_the_search_index_is_the_same_from_build_to_build(synthetic: Path, tmp_path: Path) -> None:
    one = build(synthetic, tmp_path / "one", "--jobs", "2")
    two = build(synthetic, tmp_path / "two", "--jobs", "3")
    index = Path("search") / "search_index.json"
    assert (one / index).read_bytes() == (two / index).read_bytes()


def test_the_offline_site_too(tmp_path: Path) -> None:
    offline = REPO / "mkdocs-offline.yml"
    one = build(FIXTURE, tmp_path / "one", "--jobs", "1", config=offline)
    two = build(FIXTURE, tmp_path / "two", "--jobs", "2", config=offline)
    assert (two / "search" / "search_index.js").is_file()
    assert differences(one, two) == []


def test_shards_built_apart_and_merged(serial: dict[str, Path], synthetic: Path, tmp_path: Path) -> None:
    # As on several machines: each builds its share (with its own processes), then one merges.
    first = build(synthetic, tmp_path / "share-1", "--shard", "1/2", "--jobs", "2")
    second = build(synthetic, tmp_path / "share-2", "--shard", "2/2", "--jobs", "1")
    assert (first / "factsheet-share.json").is_file()
    result = factsheet("merge", str(second), str(first), "--out", str(tmp_path / "site"))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert differences(serial["synthetic"], tmp_path / "site") == []
    missing = factsheet("merge", str(first), "--out", str(tmp_path / "half"))
    assert missing.returncode == 1 and "share 2/2 is missing" in missing.stderr


def test_pages_rendered_once_are_built_the_same(serial: dict[str, Path], synthetic: Path,
                                                tmp_path: Path) -> None:
    manifest = tmp_path / "rendered" / "pages.json"
    rendered = factsheet("render", "--data", str(synthetic), "--out", str(tmp_path / "rendered" / "docs"),
                         "--manifest", str(manifest))
    assert rendered.returncode == 0, rendered.stderr
    site = build(synthetic, tmp_path / "site", "--pages", str(manifest), "--jobs", "1")
    assert differences(serial["synthetic"], site) == []


def test_data_errors_are_reported_by_a_build_in_several_processes(valid_copy: Path, tmp_path: Path) -> None:
    nasiriyah = valid_copy / "incidents" / "2019-11-28-nasiriyah.yml"
    nasiriyah.write_text(nasiriyah.read_text().replace("date: 2019-11-28", "date: 2019-11-31"))
    result = factsheet("build", "--data", str(valid_copy), "--out", str(tmp_path / "site"), "--jobs", "2")
    assert result.returncode == 1
    assert re.search(r"2019-11-28-nasiriyah\.yml:3: bad-date: ", result.stderr), result.stderr
    assert not any(p.name.startswith(".site-build-") for p in tmp_path.iterdir())  # its work is gone


RECORD = re.compile(r"^(WARNING|ERROR): ", re.MULTILINE)
GENERATED = ["incidents.md", "claims.md", "people.md", "sources.md", "organisations.md", "methodology.md",
             "downloads.md", "governorates.md", "index.md"]


def records(stderr: str) -> Counter:
    """Each logged warning or error, with the lines that continue it."""
    starts = [m.start() for m in RECORD.finditer(stderr)] + [len(stderr)]
    found = [stderr[a:b].rstrip("\n") for a, b in zip(starts, starts[1:], strict=False)]
    return Counter(text.split("\nbuild failed:")[0] for text in found)


def warning_project(tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the configuration with two extra pages, one in each half, that each warn."""
    halves = [parse_share("1/2"), parse_share("2/2")]
    names = [f"warn-{n}.md" for n in range(40)]
    first = next(n for n in names if halves[0].owns(n))
    second = next(n for n in names if halves[1].owns(n))
    target = next(page for page in GENERATED if halves[1].owns(page))  # a page built by the other half
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / first).write_text(f"# First\n\n[gone](missing-first.md), [anchor]({target}#no-such-anchor)\n")
    (docs / second).write_text("# Second\n\n[gone](missing-second.md)\n")
    return config_copy(tmp_path, docs), [first, second, target]


def site_config() -> dict:
    """The project's mkdocs.yml as MkDocs reads it (its !ENV tags resolved)."""
    return yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=get_yaml_loader(yaml.SafeLoader))


def config_copy(folder: Path, docs: Path, **changes: object) -> Path:
    """The project's mkdocs.yml, written into folder with its paths made absolute."""
    config = site_config()
    config.update(docs_dir=str(docs), hooks=[str(REPO / "scripts" / "factsheet" / "mkdocs_hooks.py")],
                  **changes)
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config.pop("watch", None)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return folder / "mkdocs.yml"


def test_every_warning_is_reported_once(tmp_path: Path) -> None:
    config, (first, second, target) = warning_project(tmp_path)
    runs = {jobs: factsheet("build", "--data", str(FIXTURE), "--config", str(config), "--jobs", jobs,
                            "--out", str(tmp_path / f"site-{jobs}")) for jobs in ("1", "2")}
    found = {jobs: records(run.stderr) for jobs, run in runs.items()}
    assert all(run.returncode == 1 for run in runs.values())
    texts = "\n".join(found["1"])
    # One warning every process gives (the pages left out of the navigation); from each half's
    # page, its broken link (MkDocs' warning and the hook's); and a link from one half to an
    # anchor that the other half's page lacks.
    assert f"  - {first}" in texts and f"  - {second}" in texts
    for page, missing in ((first, "missing-first.md"), (second, "missing-second.md")):
        assert f"Doc file '{page}' contains a link '{missing}'" in texts
        assert f"{page} links to {missing}, which is not a page of the site" in texts
    assert f"but the doc '{target}' does not contain an anchor '#no-such-anchor'" in texts
    assert len(found["1"]) == 6 and set(found["1"].values()) == {1}
    assert found["2"] == found["1"]
    summary = "build failed: Aborted with 6 warnings in strict mode!"
    assert summary in runs["1"].stderr and runs["2"].stderr.count(summary) == 1


def test_navigation_titles_taken_from_pages_of_other_shares(tmp_path: Path) -> None:
    # With no titles in mkdocs.yml, every page's navigation shows each listed page's own heading,
    # which for half of them is on a page another process builds.
    nav = site_config()["nav"]
    path = config_copy(tmp_path, REPO / "docs", nav=[next(iter(item.values())) for item in nav])
    one = build(FIXTURE, tmp_path / "one", "--jobs", "1", config=path)
    two = build(FIXTURE, tmp_path / "two", "--jobs", "2", config=path)
    assert differences(one, two) == []
