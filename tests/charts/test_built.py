"""The figures in the built site and in the offline bundle: placed, linked, styled, no script."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
FACTSHEET = Path(sys.executable).parent / "factsheet"


@pytest.fixture(scope="module", params=["site", "bundle"])
def built(request, tmp_path_factory) -> Path:
    """The charts fixture built as the site (directory URLs) and as the offline bundle (.html files)."""
    out = tmp_path_factory.mktemp(request.param)
    if request.param == "site":
        subprocess.run([FACTSHEET, "build", "--data", DATA, "--out", out / "site"], cwd=REPO, check=True,
                       capture_output=True)
        return out / "site"
    subprocess.run([FACTSHEET, "bundle", "--data", DATA, "--dist", out], cwd=REPO, check=True,
                   capture_output=True)
    (archive,) = out.glob("*.zip")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(out / "unzipped")
    (root,) = (out / "unzipped").iterdir()
    return root


def page(root: Path, path: str) -> Path:
    """A page of either build: incident/x/index.html on the site, incident/x.html in the bundle."""
    flat = root / f"{path}.html"
    return flat if flat.exists() else root / path / "index.html"


def svgs(html: str) -> list[str]:
    """The figures of a page (the theme's icons are SVG too)."""
    return re.findall(r'<svg[^>]*class="fs-chart-svg.*?</svg>', html, re.S)


def test_home_shows_the_timeline_and_the_map(built) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    drawn = svgs(html)
    assert [re.search(r'class="fs-chart-svg (\S+)"', s).group(1) for s in drawn] == ["fs-timeline", "fs-map"]
    assert "assets/charts.css" in html
    # Every incident with a single place is linked from the map, or from its governorate's circle.
    map_svg = drawn[1]
    for incident in ("2019-10-01-tahrir-square", "2020-01-20-karbala", "2019-12-najaf"):
        assert f"incident/{incident}" in map_svg
    assert "governorates" in map_svg and "#basra" in map_svg


def test_incidents_index_shows_the_timeline(built) -> None:
    html = page(built, "incidents").read_text(encoding="utf-8")
    assert 'class="fs-chart-svg fs-timeline"' in html


def test_incident_with_three_dated_claims_shows_its_toll_history(built) -> None:
    html = page(built, "incident/2019-10-01-tahrir-square").read_text(encoding="utf-8")
    assert 'class="fs-chart-svg fs-history"' in html
    other = page(built, "incident/2019-11-28-nasiriyah").read_text(encoding="utf-8")
    assert "fs-history" not in other


def test_every_link_in_a_figure_reaches_a_page(built) -> None:
    count = 0
    for html_file in built.rglob("*.html"):
        for svg in svgs(html_file.read_text(encoding="utf-8")):
            assert "<script" not in svg
            for href in re.findall(r'href="([^"]+)"', svg):
                count += 1
                assert not href.endswith(".md"), href
                target = html_file.parent / href.split("#")[0]
                if target.is_dir():
                    target = target / "index.html"
                assert target.is_file(), f"{html_file}: {href}"
    assert count >= 10
