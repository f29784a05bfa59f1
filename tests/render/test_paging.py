"""Long index tables are split over several pages; every row lands on exactly one of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.pipeline import load_dataset, render_site
from factsheet.render import common, paging

ROWS = 12  # a small limit, so a small synthetic dataset needs several pages


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    assert main(["synth", "--incidents", "40", "--seed", "7", "--out", str(out)]) == 0
    return out


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "PAGE_ROWS", ROWS)
    monkeypatch.setattr(common, "PAGE_ROWS", ROWS)


def _parts(site: dict, base: str) -> dict[str, str]:
    prefix = base.removesuffix(".md") + "/"
    return {path: out.content for path, out in site.items() if path.startswith(prefix)}


def test_split_keeps_order_and_every_item() -> None:
    items = [f"2019-{m:02d}-{d:02d}" for m in (10, 11) for d in range(1, 29)] + ["unknown"] * 3
    parts = paging.split(items, [paging.year, paging.month], "x")
    assert [i for p in parts for i in p.items] == items
    assert all(len(p.items) <= paging.PAGE_ROWS for p in parts)
    many = paging.split(list(range(700)), [], "x", prefix="2019-11")
    assert [p.label for p in many] == ["2019-11 (a)", "2019-11 (b)", "2019-11 (c)"]


def test_letters() -> None:
    assert [paging.letters(n) for n in (0, 25, 26, 27)] == ["a", "z", "aa", "ab"]


@pytest.mark.usefixtures("small_pages")
def test_incidents_and_claims_are_split_without_loss(synthetic: Path) -> None:
    dataset = load_dataset(synthetic)
    site = render_site(dataset)
    for base, pattern, expected in (
        ("incidents.md", r"\]\(\.\./incident/([a-z0-9-]+)\.md\)", set(dataset.incidents)),
        ("claims.md", r"\]\(\.\./incident/([a-z0-9-]+\.md#claim-[a-z0-9-]+)\)",
         {f"{i}.md#claim-{c.id}" for i, inc in dataset.incidents.items() for c in inc.claims if c.is_figure}),
    ):
        parts = _parts(site, base)
        assert len(parts) > 1
        found = [m for text in parts.values() for m in re.findall(pattern, text)]
        assert sorted(found) == sorted(expected)  # each row on exactly one page
        assert all(not site[p].listed for p in parts)  # parts stay out of the navigation
        for path in parts:  # the first page links every part
            assert f"({base.removesuffix('.md')}/{Path(path).name})" in site[base].content


@pytest.mark.usefixtures("small_pages")
def test_governorates_get_pages_and_links_follow(synthetic: Path) -> None:
    site = render_site(load_dataset(synthetic))
    pages = [p for p in site if p.startswith("governorates/")]
    assert pages
    incident_pages = [out.content for path, out in site.items() if path.startswith("incident/")]
    assert any("../governorates/" in text for text in incident_pages)
    assert not any("governorates.md#" in text for text in incident_pages)


@pytest.mark.usefixtures("small_pages")
def test_split_site_builds_strictly(synthetic: Path, tmp_path: Path) -> None:
    """MkDocs validates every link and anchor of the split pages (--strict)."""
    # One process: the small page limit set above holds only in this one.
    assert main(["build", "--jobs", "1", "--data", str(synthetic), "--out", str(tmp_path / "site")]) == 0
    assert list((tmp_path / "site" / "claims").glob("*/index.html"))  # the parts were built too


@pytest.mark.usefixtures("small_pages")
def test_long_record_sections_are_split_without_loss(synthetic: Path) -> None:
    """An organisation named in many incidents lists them over pages of parts, each incident once."""
    dataset = load_dataset(synthetic)
    site = render_site(dataset)
    split_orgs = [p for p in site if re.fullmatch(r"organisation/[a-z0-9-]+/incidents/[^/]+\.md", p)]
    assert split_orgs
    org = split_orgs[0].split("/")[1]
    parts = {p: out.content for p, out in site.items() if p.startswith(f"organisation/{org}/incidents/")}
    pattern = r"\| \[[^\]]+\]\(\.\./\.\./\.\./incident/([a-z0-9-]+)\.md\)"  # the Incident column
    found = [m for text in parts.values() for m in re.findall(pattern, text)]
    assert found
    assert len(found) == len(set(found))  # an incident is on one part only
    main_page = site[f"organisation/{org}.md"].content
    assert all(f"({org}/incidents/{Path(p).name})" in main_page for p in parts)
