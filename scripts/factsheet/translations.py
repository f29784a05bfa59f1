"""Which texts of a record can carry an Arabic translation, and which English version each translates."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from .cite import plain_field
from .model import (
    Claim,
    Dataset,
    Fact,
    Incident,
    Involvement,
    Link,
    Organisation,
    Part,
    Person,
    Place,
    Role,
    Source,
    Translation,
)

# For each kind of object: the names under `ar:` and the English field each translates.
FIELDS: dict[type, dict[str, str]] = {
    Incident: {"title": "title", "summary": "summary"},
    Claim: {"note": "note", "alleges": "alleges", "denies": "denies", "as_of_note": "as_of_note"},
    Link: {"unnamed": "unnamed", "as": "described_as"},
    Part: {"place": "place"},
    Involvement: {"role": "role"},
    Place: {"city": "city", "area": "area", "country": "country"},
    Role: {"title": "title"},
    Fact: {"text": "value"},
    Person: {"name": "name", "summary": "summary"},
    Organisation: {"name": "name", "summary": "summary"},
}
# Texts written as Markdown with citation markers: their Arabic follows the same rules.
PROSE = {"summary", "note", "alleges", "denies", "as_of_note"}


def version(english: str) -> str:
    """A short, stable hash of an English text (spacing aside): what a translation records it translates."""
    return hashlib.sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:8]


def english(obj: Any, name: str) -> str | None:
    """The English text an `ar:` field of an object translates."""
    attr = FIELDS.get(type(obj), {}).get(name)
    value = getattr(obj, attr, None) if attr else None
    return value if isinstance(value, str) and value else None


def owners(ds: Dataset) -> Iterator[tuple[Any, Any]]:
    """Every object of the dataset that can be translated, with the record it belongs to."""
    for incident in ds.incidents.values():
        yield incident, incident
        yield incident.place, incident
        for inv in incident.involved:
            yield inv, incident
        for claim in incident.claims:
            yield claim, incident
            for item in (*claim.chain, *claim.accused):
                yield item, incident
                for member in item.joint:
                    yield member, incident
            for part in claim.parts:
                yield part, incident
    for person in ds.people.values():
        yield person, person
        for role in person.roles:
            yield role, person
        if person.victim is not None:
            for _, fact in person.victim.facts:
                yield fact, person
    for org in ds.organisations.values():
        yield org, org


def stale(obj: Any) -> list[tuple[str, str]]:
    """(field, why) for each Arabic text that has no recorded version or translates an older English."""
    found: Translation | None = getattr(obj, "ar", None)
    if found is None:
        return []
    versions = dict(found.translates)
    out = []
    for name, _ in found.texts:
        text = english(obj, name)
        if text is None:
            continue
        if name not in versions:
            out.append((name, "untracked"))
        elif versions[name] != version(text):
            out.append((name, "stale"))
    return out


# The texts of a source that can carry Arabic: stake_ar beside stake, note_ar beside note; their
# versions are written in translates_ar as "stake=1a2b3c4d; note=5e6f7a8b".
SOURCE_TEXTS = ("stake", "note")


def source_versions(source: Source) -> dict[str, str]:
    """The version of each English text of a source that has an Arabic text beside it."""
    return {name: version(text) for name in SOURCE_TEXTS
            if source.get(f"{name}_ar") and (text := plain_field(source, name))}


def bib_versions(versions: dict[str, str]) -> str:
    """Versions as the translates_ar field writes them."""
    return "; ".join(f"{name}={value}" for name, value in sorted(versions.items()))


def source_stale(source: Source) -> list[tuple[str, str]]:
    """(field, why) for a source's Arabic texts that are untracked or translate an older English."""
    written = dict(part.strip().split("=", 1) for part in (source.get("translates_ar") or "").split(";")
                   if "=" in part)
    return [(name, "untracked" if name not in written else "stale")
            for name, value in source_versions(source).items() if written.get(name) != value]
