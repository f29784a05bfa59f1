"""Which texts of a record can carry an Arabic translation, and which English version each translates."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from .cite import plain_field
from .i18n import language
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


def missing(ds: Dataset) -> list[tuple[Any, str]]:
    """(object, field) for every English text of the records that has no Arabic text beside it yet.

    A name is not counted: without an Arabic form it is shown as written, with no label.
    """
    found = []
    # A date of death and an age are written by the page in each language, not translated.
    formatted = {id(fact) for person in ds.people.values() if person.victim is not None
                 for fact in (person.victim.died, person.victim.age) if fact is not None}
    for obj, _ in owners(ds):
        if id(obj) in formatted:
            continue
        arabic = getattr(obj, "ar", None)
        for name in FIELDS.get(type(obj), {}):
            if name == "name" or (isinstance(obj, Place) and name == "city" and _arabic_spelling(obj)):
                continue
            if english(obj, name) and not (arabic is not None and arabic.get(name)):
                found.append((obj, name))
    for source in ds.sources.values():
        for name in SOURCE_TEXTS:
            if plain_field(source, name) and not source.get(f"{name}_ar"):
                found.append((source, name))
    return found


def _arabic_spelling(place: Place) -> bool:
    return any(variant.lang == "ar" for variant in place.variants)


def name_in(record: Any) -> str:
    """A name in the language being written: its first spelling in that language, or its own name."""
    lang = language()
    if lang == "en":
        return record.name
    given = record.ar.get("name") if record.ar is not None else None
    return given or next((v.name for v in record.variants if v.lang == lang), None) or record.name


def text_in(obj: Any, name: str, english_text: str) -> str:
    """A text of an object in the language being written, or its English when it has none."""
    found = getattr(obj, "ar", None) if language() != "en" else None
    return (found.get(name) if found is not None else None) or english_text
