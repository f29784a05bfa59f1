"""Where incidents go on the map: their coordinates, else their city or governorate's capital."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..governorates import GOVERNORATES
from ..i18n import N_, language, t
from ..model import Dataset, Incident, Place
from .ranges import Range, Total, ranges, total

PER_INCIDENT_LIMIT = 60  # up to this many placed incidents, a circle per position; above, one per area
CELL = 1  # decimal places of the grid that groups incidents into one circle (0.1 degree, ~10 km)
SAME = 3  # decimal places (about 100 m) under which two positions are the same
WHOLE_COUNTRY = {"iraq", "all of iraq", "across iraq", "nationwide", "the whole country"}


@dataclass(frozen=True)
class Spot:
    """A position on the map and how it was found."""

    lat: float
    lon: float
    name: str
    precision: str


@dataclass(frozen=True)
class Circle:
    """One circle: the incidents at one spot, their summed death range (None: no figure)."""

    spot: Spot
    incidents: tuple[str, ...]
    total: Total | None


@dataclass(frozen=True)
class MapData:
    """The circles to draw, and the incidents left off with the reason."""

    circles: tuple[Circle, ...]
    left_off: tuple[tuple[str, str], ...]
    ranges: dict[str, Range]
    coarse: bool = False  # circles group incidents within about 10 km, not only at one position


@cache
def boundaries() -> dict:
    """Iraq's outline and governorates (see BOUNDARIES.md beside this module)."""
    return json.loads(resources.files(__package__).joinpath("iraq.json").read_text(encoding="utf-8"))


def _capital_by_name() -> dict[str, str]:
    """Governorate id by its capital's lowercase name."""
    return {g.capital.lower(): gid for gid, g in GOVERNORATES.items()}


def whole_country(place: Place) -> bool:
    """True when the place given is the country itself ('Iraq'), not a part of it."""
    return bool(place.area) and place.area.strip().lower() in WHOLE_COUNTRY


def wider_than_one_governorate(place: Place) -> bool:
    """True when an incident's figures cover the whole country or several governorates together."""
    return whole_country(place) or len(set(place.governorates)) > 1


def spot(incident: Incident) -> Spot | str:
    """Where an incident goes, or why it has no single spot."""
    place = incident.place
    if place.country and place.country.lower() != "iraq":
        return N_("outside Iraq")
    city = _city(place)
    where = city or t(", ").join(_gov_name(GOVERNORATES[g]) for g in place.governorates if g in GOVERNORATES)
    if place.coordinates:
        c = place.coordinates
        return Spot(c.lat, c.lon, where or place.area or "", c.precision)
    capitals = _capital_by_name()
    names = [place.city, *(v.name for v in place.variants)] if place.city else []
    for name in names:
        if name and name.lower() in capitals:
            g = GOVERNORATES[capitals[name.lower()]]
            return Spot(g.lat, g.lon, city or g.capital, "city")
    if whole_country(place):
        return N_("the whole country")  # a national figure drawn at one city would read as that city's
    known = [g for g in place.governorates if g in GOVERNORATES]
    if len(known) == 1:
        g = GOVERNORATES[known[0]]
        label = t("{city}, {governorate}", city=city, governorate=_gov_name(g)) if city else t(
            "{name} governorate", name=_gov_name(g))
        return Spot(g.lat, g.lon, label, f"governorate (drawn at {g.capital})")
    if len(known) > 1:
        return N_("spans several governorates")
    return N_("no place given")


def _city(place: Place) -> str:
    """The city's name in the language being written: its Arabic text or spelling, else as written."""
    if language() == "en" or not place.city:
        return place.city or ""
    given = place.ar.get("city") if place.ar is not None else None
    spelt = next((v.name for v in place.variants if v.lang == language()), None)
    return given or spelt or place.city


def _gov_name(gov: object) -> str:
    return gov.arabic if language() == "ar" else gov.name


def build(ds: Dataset) -> MapData:
    """Circles for every incident with a spot; one per incident while few, one per place when many."""
    found = ranges(ds)
    placed: dict[str, Spot] = {}
    left_off = []
    for incident_id in sorted(ds.incidents):
        where = spot(ds.incidents[incident_id])
        if isinstance(where, Spot):
            placed[incident_id] = where
        else:
            left_off.append((incident_id, where))
    groups: dict[tuple[float, float], list[str]] = {}
    for incident_id, where in placed.items():
        # Incidents at one position share a circle (one on top of another could not be clicked).
        digits = SAME if len(placed) <= PER_INCIDENT_LIMIT else CELL
        key = (round(where.lat, digits), round(where.lon, digits))
        groups.setdefault(key, []).append(incident_id)
    circles = []
    for ids in groups.values():
        counted = [i for i in ids if i in found]
        if len(ids) == 1:
            where = placed[ids[0]]
        else:
            lat = round(sum(placed[i].lat for i in ids) / len(ids), 3)
            lon = round(sum(placed[i].lon for i in ids) / len(ids), 3)
            precision = ", ".join(sorted({placed[i].precision for i in ids}))
            where = Spot(lat, lon, _common_name(placed, ids), precision)
        circles.append(Circle(where, tuple(ids), total(ds, counted, found) if counted else None))
    # Largest first, so smaller circles are drawn on top and stay visible and clickable.
    circles.sort(key=lambda c: (-(c.total.high if c.total else 0), c.spot.lat, c.spot.lon, c.incidents))
    return MapData(tuple(circles), tuple(left_off), found, len(placed) > PER_INCIDENT_LIMIT)


def _common_name(placed: dict[str, Spot], ids: list[str]) -> str:
    """The most frequent place name of a group (ties: alphabetical)."""
    names = [placed[i].name for i in ids]
    return min(set(names), key=lambda n: (-names.count(n), n))
