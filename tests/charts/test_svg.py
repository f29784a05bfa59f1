"""Every figure: well-formed SVG, named for screen readers, scalable, offline, byte-identical."""

from __future__ import annotations

import dataclasses
import random
import re
import xml.etree.ElementTree as ET

import pytest
from chartpage import Notes

from factsheet.charts import Figure, incident_map, relative, timeline, toll_histories
from factsheet.model import Dataset

SVG = "{http://www.w3.org/2000/svg}"


def figures(ds: Dataset) -> list[Figure]:
    out = [timeline(ds, Notes(), relative()), incident_map(ds, Notes(), relative())]
    for incident_id in sorted(ds.incidents):
        out += toll_histories(ds, ds.incidents[incident_id], Notes(), relative("../"))
    return out


@pytest.fixture(scope="module")
def drawn(ds) -> list[Figure]:
    result = figures(ds)
    assert len(result) == 5  # timeline, map, Tahrir Square's toll history, the movement's two running totals
    return result


def test_svg_is_well_formed_and_scalable(drawn) -> None:
    for figure in drawn:
        root = ET.fromstring(figure.svg)
        assert root.tag == SVG + "svg"
        assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox"))
        assert root.get("width") is None and root.get("height") is None  # the page sets the width
        assert "\n" not in figure.svg  # a blank line would end the HTML block in Markdown


def test_text_shows_at_12_px_or_more_on_a_390_px_phone(drawn) -> None:
    # The theme leaves a figure 358 CSS px on a 390 px screen; the browser test measures it too.
    for figure in drawn:
        root = ET.fromstring(figure.svg)
        width = float(root.get("viewBox").split()[2])
        texts = list(root.iter(SVG + "text"))
        assert texts
        for element in texts:
            size = float(element.get("font-size") or root.get("font-size"))
            assert size * 358 / width >= 12, (element.text, size, width)


def test_drawing_is_an_image_named_by_its_title_and_description(drawn) -> None:
    for figure in drawn:
        root = ET.fromstring(figure.svg)
        (image,) = [e for e in root.iter() if e.get("role") == "img"]
        title_id, desc_id = image.get("aria-labelledby").split()
        ids = {e.get("id"): e for e in root.iter() if e.get("id")}
        assert ids[title_id].tag == SVG + "title" and ids[title_id].text
        assert ids[desc_id].tag == SVG + "desc" and len(ids[desc_id].text) > 40
        # Links are not inside the image: its content is presentational to assistive technology.
        assert not image.findall(f".//{SVG}a")


def test_links_are_relative_and_named(drawn) -> None:
    for figure in drawn:
        for anchor in ET.fromstring(figure.svg).iter(SVG + "a"):
            href = anchor.get("href")
            assert not re.match(r"[a-z]+:|/", href), href
            assert anchor.get("aria-label")


def test_nothing_loads_from_elsewhere(drawn) -> None:
    for figure in drawn:
        assert "<script" not in figure.svg and "<image" not in figure.svg and "url(" not in figure.svg
        assert not re.search(r'(href|src)="(https?:)?//', figure.svg)


def test_ids_are_unique_across_figures_on_a_page(drawn) -> None:
    ids = [e.get("id") for f in drawn for e in ET.fromstring(f.svg).iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_same_data_gives_the_same_bytes(ds) -> None:
    first = figures(ds)
    # The same records in another order (as another file system might list them).
    order = list(ds.incidents.items())
    random.Random(7).shuffle(order)
    shuffled = dataclasses.replace(ds, incidents=dict(order))
    again = figures(shuffled)
    assert [(f.svg, f.caption, f.table) for f in first] == [(f.svg, f.caption, f.table) for f in again]


def test_same_bytes_in_separate_processes(tmp_path) -> None:
    # Set and dict order must not leak into the output: run with two different hash seeds.
    import hashlib
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import hashlib, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from pathlib import Path\n"
        "from chartpage import Notes\n"
        "from factsheet.pipeline import load_dataset\n"
        "from test_svg import figures\n"
        "ds = load_dataset(Path(sys.argv[1]) / 'data')\n"
        "print(hashlib.sha256(''.join(f.svg + f.table for f in figures(ds)).encode()).hexdigest())\n"
    )
    here = str(Path(__file__).parent)
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run([sys.executable, "-c", script, here], env=env, capture_output=True, text=True,
                             check=True)
        digests.add(run.stdout.strip())
    assert len(digests) == 1 and len(digests.pop()) == len(hashlib.sha256().hexdigest())
