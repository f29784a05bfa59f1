"""Turn schema-checked YAML documents into frozen records."""

from __future__ import annotations

from typing import Any

from .model import (
    Cite,
    Claim,
    Coordinates,
    Fact,
    Incident,
    Involvement,
    Link,
    Organisation,
    Part,
    Period,
    Person,
    Place,
    Role,
    Site,
    Translation,
    Variant,
    Victim,
    Where,
)


def _where(path: str, container: Any, key: Any = None) -> Where:
    """The line of a key in a mapping, or of the mapping itself."""
    if key is not None:
        return Where(path, getattr(container, "key_lines", {}).get(key, getattr(container, "line", 1)))
    return Where(path, getattr(container, "line", 1) or 1)


def _items(path: str, seq: Any) -> list[tuple[Any, Where]]:
    """Each item of a list with its line."""
    lines = getattr(seq, "item_lines", [])
    return [(item, Where(path, lines[i] if i < len(lines) else 1)) for i, item in enumerate(seq or [])]


def _lines(data: Any) -> dict[str, int]:
    return dict(getattr(data, "key_lines", {}))


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def cite(path: str, data: dict) -> Cite:
    """A citation mapping."""
    return Cite(data["source"], str(data["locator"]), _where(path, data))


def variants(data: Any) -> tuple[Variant, ...]:
    """Name variants."""
    return tuple(Variant(v["name"], v.get("lang"), bool(v.get("abbreviation", False))) for v in data or [])


def translation(path: str, data: dict) -> Translation | None:
    """A record's (or item's) `ar:` block: its Arabic texts and the versions they translate."""
    found = data.get("ar")
    if not found:
        return None
    translates = found.get("translates") or {}
    texts = tuple((name, str(value)) for name, value in found.items() if name != "translates")
    return Translation(texts, tuple(sorted((str(k), str(v)) for k, v in translates.items())),
                       _where(path, found), tuple((name, _where(path, found, name)) for name, _ in texts))


def link(path: str, data: dict, where: Where) -> Link:
    """One link of an attribution chain, or an accused reference."""
    joint = tuple(link(path, d, w) for d, w in _items(path, data.get("joint")))
    return Link(data.get("person"), data.get("organisation"), data.get("unnamed"), data.get("as"), where,
                joint=joint, speaks_for=data.get("for"), role=data.get("role"), ar=translation(path, data))


def period(path: str, data: dict | None) -> Period | None:
    """What a figure covers: a period, or a running total since a date; None for the incident."""
    if not data:
        return None
    if "since" in data:
        return Period(_str(data["since"]), None, True, _where(path, data),
                      tuple(name for name in ("from", "to") if name in data))
    return Period(_str(data.get("from")), _str(data.get("to")), False, _where(path, data))


def part(path: str, data: dict, where: Where) -> Part:
    """One share of a figure."""
    return Part(_str(data["figure"]) or "", data.get("min"), data.get("max"), data.get("governorate"),
                data.get("place"), data.get("who"), bool(data.get("in_addition", False)), where,
                ar=translation(path, data), figure_at=_where(path, data, "figure"))


def claim(path: str, data: dict, where: Where) -> Claim:
    """One figure, allegation or denial."""
    return Claim(
        id=data["id"], chain=tuple(link(path, d, w) for d, w in _items(path, data["chain"])),
        cite=cite(path, data["cite"]), where=where, counts=data.get("counts"),
        figure=_str(data.get("figure")), min=data.get("min"), max=data.get("max"),
        who=data.get("who"), alleges=data.get("alleges"),
        accused=tuple(link(path, d, w) for d, w in _items(path, data.get("accused"))),
        as_of=_str(data.get("as_of")), note=data.get("note"), lines=_lines(data),
        denies=data.get("denies"), answers=tuple(data.get("answers") or ()),
        period=period(path, data.get("period")),
        parts=tuple(part(path, d, w) for d, w in _items(path, data.get("parts"))),
        as_of_basis=data.get("as_of_basis"), as_of_note=data.get("as_of_note"), ar=translation(path, data),
    )


def place(path: str, data: dict) -> Place:
    """Where an incident happened."""
    coords = data.get("coordinates")
    return Place(
        city=data.get("city"), variants=variants(data.get("variants")),
        governorates=tuple(data.get("governorates") or ()), area=data.get("area"),
        country=data.get("country"),
        coordinates=Coordinates(float(coords["lat"]), float(coords["lon"]), coords["precision"])
        if coords else None,
        sites=tuple(Site(d["name"], d["kind"], variants(d.get("variants")), w)
                    for d, w in _items(path, data.get("sites"))),
        ar=translation(path, data),
    )


def incident(record_id: str, path: str, data: dict) -> Incident:
    """An incident record."""
    return Incident(
        id=record_id, title=data["title"], date=str(data["date"]), place=place(path, data["place"]),
        summary=data["summary"], where=_where(path, data), end_date=_str(data.get("end_date")),
        part_of=data.get("part_of"),
        involved=tuple(Involvement(d["role"], cite(path, d["cite"]), d.get("person"),
                                   d.get("organisation"), w, ar=translation(path, d))
                       for d, w in _items(path, data.get("involved"))),
        claims=tuple(claim(path, d, w) for d, w in _items(path, data.get("claims"))),
        lines=_lines(data), ar=translation(path, data),
    )


def fact(path: str, data: dict | None, key: str) -> Fact | None:
    """One cited fact of a victim, its value as text."""
    return Fact(str(data[key]), cite(path, data["cite"]), ar=translation(path, data)) if data else None


def victim(path: str, data: dict | None) -> Victim | None:
    """What the sources say of a person's death."""
    if data is None:
        return None
    return Victim(data.get("incident"), fact(path, data.get("died"), "date"),
                  fact(path, data.get("age"), "years"), fact(path, data.get("how"), "text"),
                  fact(path, data.get("place"), "text"), _where(path, data))


def person(record_id: str, path: str, data: dict) -> Person:
    """A person record."""
    roles = tuple(Role(d["title"], cite(path, d["cite"]), d.get("organisation"),
                       _str(d.get("from")), _str(d.get("to")), w, ar=translation(path, d))
                  for d, w in _items(path, data.get("roles")))
    return Person(record_id, data["name"], data["summary"], _where(path, data),
                  variants(data.get("variants")), roles, lines=_lines(data),
                  victim=victim(path, data.get("victim")), ar=translation(path, data))


def organisation(record_id: str, path: str, data: dict) -> Organisation:
    """An organisation record."""
    return Organisation(record_id, data["name"], data["kind"], data["summary"], _where(path, data),
                        variants(data.get("variants")), data.get("parent"), lines=_lines(data),
                        party=bool(data.get("party", False)), ar=translation(path, data))


BUILDERS = {"incident": incident, "person": person, "organisation": organisation}
