"""The map: where each incident goes, what is left off, and the boundary data it draws."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from chartpage import Notes

from factsheet.charts import incident_map, map_labels, relative
from factsheet.charts.map_draw import Projection, caption
from factsheet.charts.map_labels import circle_name
from factsheet.charts.places import MapData, Spot, boundaries, build, spot
from factsheet.governorates import GOVERNORATES

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = Path(__file__).resolve().parents[2] / "scripts" / "factsheet" / "charts"


def inside(x: float, y: float, ring: list[list[float]]) -> bool:
    """Ray casting: is the point inside the ring?"""
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def test_every_incident_with_a_place_has_a_circle(ds) -> None:
    data = build(ds)
    on_map = [i for c in data.circles for i in c.incidents]
    assert sorted(on_map) == sorted(set(on_map))
    assert set(on_map) | {i for i, _ in data.left_off} == set(ds.incidents)
    assert dict(data.left_off) == {"2019-10-first-week": "spans several governorates",
                                   "2019-10-movement": "spans several governorates",
                                   "2019-11-28-south": "spans several governorates",
                                   "2020-01-24-nationwide": "the whole country"}


def test_a_figure_for_the_whole_country_is_never_drawn_at_one_city(ds) -> None:
    import dataclasses

    assert spot(ds.incidents["2020-01-24-nationwide"]) == "the whole country"
    # Even tagged with one governorate, a place given as the country is not drawn at that capital.
    tagged = dataclasses.replace(ds.incidents["2020-01-24-nationwide"],
                                 place=dataclasses.replace(ds.incidents["2020-01-24-nationwide"].place,
                                                           governorates=("baghdad",)))
    assert spot(tagged) == "the whole country"


def test_places_come_from_coordinates_city_or_governorate(ds) -> None:
    found = {i: spot(ds.incidents[i]) for i in ds.incidents}
    assert found["2019-10-01-tahrir-square"] == Spot(33.334, 44.387, "Baghdad", "neighbourhood")
    assert found["2019-10-02-nasiriyah"] == Spot(31.05, 46.26, "Nasiriyah", "city")  # a capital's position
    assert found["2019-10-25-basra"] == Spot(30.508, 47.783, "Basra governorate",
                                             "governorate (drawn at Basra)")
    assert found["2019-11-28-south"] == "spans several governorates"


def test_incidents_at_one_position_share_a_circle(ds) -> None:
    circles = {c.incidents: c for c in build(ds).circles}
    nasiriyah = circles["2019-10-02-nasiriyah", "2019-11-28-nasiriyah"]
    assert (nasiriyah.total.low, nasiriyah.total.high) == (34, 54)  # separate incidents add up
    assert circles["2019-10-25-basra", "undated-basra"].spot.precision == "city, governorate (drawn at Basra)"
    assert ("2019-10-01-tahrir-square",) in circles


def test_each_circle_links_its_incident_or_governorate(ds) -> None:
    svg = incident_map(ds, Notes(), relative()).svg
    hrefs = re.findall(r'<a href="([^"]+)"', svg)
    assert sorted(hrefs) == ["governorates.md#basra", "governorates.md#dhi-qar",
                             "incident/2013-02-09-camp-liberty.md", "incident/2019-10-01-tahrir-square.md",
                             "incident/2019-11-04-diwaniyah.md", "incident/2019-12-najaf.md",
                             "incident/2020-01-20-karbala.md"]


def test_table_cites_both_ends_of_each_circle(ds) -> None:
    notes = Notes()
    table = incident_map(ds, notes, relative()).table
    n = notes.numbers
    karbala = n["reuters-2020-01-21", "para. 2"]
    assert (f"| Karbala | city | [Protesters shot in Karbala](incident/2020-01-20-karbala.md) "
            f"| 2[^{karbala}] | 2[^{karbala}] |") in table
    low = f"{n['moh-2019-10-03', 'para. 3']}][^{n['reuters-2019-11-28', 'para. 3']}"
    high = f"{n['ihchr-2019-10-04', 'annex']}][^{n['moh-2019-10-03', 'para. 3']}"
    assert f"| 34[^{low}] | 54[^{high}] |" in table
    nationwide = n["reuters-2020-01-21", "para. 40"]
    assert ("| [Protests across Iraq on 24 January 2020](incident/2020-01-24-nationwide.md) | Iraq "
            f"| the whole country | 10[^{nationwide}] | 10[^{nationwide}] |") in table


def test_every_circle_is_named_beside_it_or_in_the_key(ds) -> None:
    svg = incident_map(ds, Notes(), relative()).svg
    root = ET.fromstring(svg)
    names = [t.text for t in root.iter(SVG + "text") if "fs-place-name" in (t.get("class") or "")]
    keyed = [t.text.split("  ", 1)[1] for t in root.iter(SVG + "text") if re.match(r"\d+  ", t.text or "")]
    expected = {circle_name(ds, c, "2019-10-01") for c in build(ds).circles}
    assert expected == {n for n in names if not n.isdigit()} | set(keyed)
    # An event before the protests is named with its year, so it is not read as one of them.
    assert "Baghdad governorate (2013)" in expected


def test_a_circle_without_room_for_its_name_is_numbered_and_keyed(ds, monkeypatch) -> None:
    monkeypatch.setattr("factsheet.charts.map_labels._spots", lambda x, y, r, words, size: [
        (map_labels.Label(x, y, words, "middle"), (x - 1, y - 1, x + 1, y + 1))] if words.isdigit() else [])
    svg = incident_map(ds, Notes(), relative()).svg
    root = ET.fromstring(svg)
    numbers = [t.text for t in root.iter(SVG + "text") if "fs-place-name" in (t.get("class") or "")]
    assert numbers == [str(n) for n in range(1, len(build(ds).circles) + 1)]
    assert "Numbered on the map:" in svg and "1 · Nasiriyah" in svg


def test_many_incidents_share_a_circle_per_area(ds, monkeypatch) -> None:
    monkeypatch.setattr("factsheet.charts.places.PER_INCIDENT_LIMIT", 2)
    data = build(ds)
    assert data.coarse
    # Tahrir Square (its own coordinates) and Camp Liberty (Baghdad's position) are within 0.1 degree.
    (baghdad,) = [c for c in data.circles if "2019-10-01-tahrir-square" in c.incidents]
    assert baghdad.incidents == ("2013-02-09-camp-liberty", "2019-10-01-tahrir-square")
    assert (baghdad.total.low, baghdad.total.high) == (30, 39)
    assert "within about 10 km" in caption(data)


def test_every_capital_falls_inside_its_governorate() -> None:
    data = boundaries()
    project = Projection()
    for gid, g in GOVERNORATES.items():
        shape = "sulaymaniyah" if gid == "halabja" else gid  # see BOUNDARIES.md
        x, y = project(g.lon, g.lat)
        rings = [[list(project(lon, lat)) for lon, lat in ring] for ring in data["governorates"][shape]]
        assert any(inside(x, y, ring) for ring in rings), gid


def test_boundary_file_is_small_and_credited() -> None:
    assert (CHARTS / "iraq.json").stat().st_size < 40_000
    credits = (CHARTS / "BOUNDARIES.md").read_text(encoding="utf-8")
    assert "public domain" in credits and "ISC" in credits
    assert "Natural Earth" in caption(MapData((), (), {}))
