"""Every record as JSON, the bibliography as BibTeX and CSL-JSON, and a JSON Schema for each; strings.

The records are written as the model holds them (scripts/factsheet/model.py), field by field, with
free text as plain text (a citation marker [@key, para. 2] becomes "(key, para. 2)"), in id order.
The schemas are made from the same model, so they name every field the files hold; where a field
takes a word from a fixed list (vocab.py) or has a fixed form (ids, dates), the schema says so.
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from pybtex.database import BibliographyData

from . import model, vocab
from .cite import entry, plain_field, publisher
from .export import plain
from .parties import Parties

SCHEMA = "https://json-schema.org/draft/2020-12/schema"
# Where and on which line a record was read: for error messages, not part of the data.
LEFT_OUT = {"where", "lines", "field_lines", "figure_at"}
TEXT = {"summary", "note", "alleges", "denies", "as_of_note", "title"}  # free text, may hold markers
ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
DATE = {"type": "string", "pattern": "^(unknown|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$"}
# Fields whose values are ids, dates or words of a vocabulary, by (record type, field).
FORMS: dict[str, dict] = {
    "id": ID, "part_of": ID, "person": ID, "organisation": ID, "speaks_for": ID, "parent": ID,
    "incident": ID, "date": DATE, "end_date": DATE, "as_of": DATE, "start": DATE, "end": DATE,
    "counts": {"enum": sorted(vocab.COUNTS)}, "who": {"enum": sorted(vocab.WHO)},
    "role": {"enum": sorted(vocab.CHAIN_ROLES)}, "as_of_basis": {"enum": sorted(vocab.AS_OF_BASES)},
    "kind": {"enum": sorted(vocab.ORGANISATION_KINDS)},
}
KIND_FORMS = {"Site": {"kind": {"enum": sorted(vocab.SITE_KINDS)}},
              "Claim": {"kind": {"enum": [model.FIGURE, model.ALLEGATION, model.DENIAL]}},
              "Involvement": {"role": {"type": "string"}},
              "Fact": {"value": {"type": "string"}}}
# Files of record kinds: (file name, record type, what the list holds).
KINDS = {"incidents": (model.Incident, "Every incident, with its claims."),
         "people": (model.Person, "Every person, with roles and, for the named dead, what the sources say "
                                  "of their death."),
         "organisations": (model.Organisation, "Every organisation.")}
EXTRA = {  # derived fields added to a record type, by the rule the pages use
    "Claim": {"kind": ({"enum": [model.FIGURE, model.ALLEGATION, model.DENIAL]},
                       "figure (a count), allegation or denial")},
    "Organisation": {"party_to_events": ({"type": "boolean"}, "true when the site counts it as a party to "
                                         "the events: marked so, or part of an organisation that is")},
    "Person": {"party_to_events": ({"type": "boolean"}, "true when the person holds or held a post in an "
                                   "organisation that is a party to the events")},
}


def _value(name: str, value: Any) -> Any:
    if is_dataclass(value):
        return record(value)
    if name == "texts":  # a Translation's (field, Arabic text) pairs: prose with markers, as plain text
        return [[field, plain(text)] for field, text in value]
    if isinstance(value, tuple):
        return [_value(name, item) for item in value]
    return plain(value) if name in TEXT and isinstance(value, str) else value


def record(obj: Any, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A record as a JSON object: its fields in the model's order, then the derived ones."""
    found = {f.name: _value(f.name, getattr(obj, f.name)) for f in fields(obj) if f.name not in LEFT_OUT}
    if isinstance(obj, model.Claim):
        found["kind"] = obj.kind
    return {**found, **(extra or {})}


def records(ds: model.Dataset, known: Parties) -> dict[str, str]:
    """incidents, people, organisations and sources as JSON arrays, by file stem."""
    def dumped(items: list) -> str:
        return json.dumps(items, ensure_ascii=False, indent=1) + "\n"

    return {
        "incidents": dumped([record(ds.incidents[i]) for i in sorted(ds.incidents)]),
        "people": dumped([record(ds.people[i], {"party_to_events": bool(known.person(i))})
                          for i in sorted(ds.people)]),
        "organisations": dumped([record(ds.organisations[i], {"party_to_events": known.organisation(i)})
                                 for i in sorted(ds.organisations)]),
        "sources": dumped([source(ds.sources[k], known) for k in sorted(ds.sources)]),
    }


def source(item: model.Source, known: Parties) -> dict[str, Any]:
    """A source: its key, entry type, title and every field as plain text, and whether a party's."""
    return {"key": item.key, "entry_type": item.entry_type, "title": item.title,
            "fields": {name: plain_field(item, name) or "" for name, _ in item.fields},
            "publisher": publisher(item), "party_to_events": known.source(item)}


def bibtex(ds: model.Dataset) -> str:
    """The bibliography as BibLaTeX, entries in key order (LaTeX wrappers such as \\url removed)."""
    data = BibliographyData({key: entry(ds.sources[key]) for key in sorted(ds.sources)})
    return data.to_string("bibtex")


# BibLaTeX's language names as the language tags CSL expects.
LANGUAGES = {"english": "en", "arabic": "ar", "french": "fr", "german": "de", "persian": "fa", "farsi": "fa",
             "kurdish": "ku", "turkish": "tr", "spanish": "es", "russian": "ru"}
CSL_TYPES = {"online": "webpage", "article": "article-newspaper", "report": "report", "misc": "document"}


def _date_parts(value: str | None) -> dict | None:
    if not value or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return None
    return {"date-parts": [[int(part) for part in value.split("-")]]}


def csl_item(item: model.Source, known: Parties) -> dict[str, Any]:
    """One source as a CSL-JSON item (what Zotero and citation processors read)."""
    bib = entry(item)
    found: dict[str, Any] = {"id": item.key, "type": CSL_TYPES.get(item.entry_type, "document"),
                             "title": item.title}
    people = [{"family": " ".join(p.prelast_names + p.last_names), "given": " ".join(p.first_names +
                                                                                       p.middle_names)}
              for p in bib.persons.get("author", [])]
    if people:
        found["author"] = people
    who = next((plain_field(item, f) for f in ("organization", "publisher", "institution") if item.get(f)),
               None)
    journal = plain_field(item, "journaltitle") or plain_field(item, "journal")
    optional = {"publisher": who, "container-title": journal, "URL": item.get("url"),
                "issued": _date_parts(item.get("date")), "accessed": _date_parts(item.get("urldate")),
                "language": LANGUAGES.get((item.get("langid") or "").lower(), item.get("langid"))}
    found |= {key: value for key, value in optional.items() if value}
    found["custom"] = {"kind": item.get("kind"), "stake": plain_field(item, "stake"),
                       "archive_url": item.get("archiveurl"), "publisher_id": item.get("publisherid"),
                       "party_to_events": known.source(item)}
    return found


def csl_json(ds: model.Dataset, known: Parties) -> str:
    """The bibliography as a CSL-JSON array, in key order."""
    return json.dumps([csl_item(ds.sources[k], known) for k in sorted(ds.sources)], ensure_ascii=False,
                      indent=1) + "\n"


def _type_schema(hint: Any, owner: str, name: str, defs: dict) -> dict:
    """The JSON Schema of one type hint of the model."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return {"anyOf": [_type_schema(inner[0], owner, name, defs), {"type": "null"}]}
    if typing.get_origin(hint) is tuple:
        return {"type": "array", "items": _type_schema(args[0], owner, name, defs)}
    if is_dataclass(hint):
        _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is str and name in KIND_FORMS.get(owner, {}):
        return dict(KIND_FORMS[owner][name])
    if hint is str and name in FORMS:
        return dict(FORMS[name])
    return {"type": {str: "string", int: "integer", float: "number", bool: "boolean"}[hint]}


def _object_schema(cls: type, defs: dict) -> None:
    """A record type's schema into defs: every field required, no other field allowed."""
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder: Link refers to itself (joint)
    hints = typing.get_type_hints(cls, vars(model))
    props = {f.name: _type_schema(hints[f.name], cls.__name__, f.name, defs)
             for f in fields(cls) if f.name not in LEFT_OUT}
    for extra, (schema, description) in EXTRA.get(cls.__name__, {}).items():
        props[extra] = {**schema, "description": description}
    defs[cls.__name__] = {"type": "object", "description": (cls.__doc__ or "").strip(), "properties": props,
                          "required": list(props), "additionalProperties": False}


def records_schema(stem: str) -> str:
    """The JSON Schema of incidents.json, people.json or organisations.json."""
    cls, description = KINDS[stem]
    defs: dict = {}
    _object_schema(cls, defs)
    return _dumped({"$schema": SCHEMA, "title": f"{stem}.json", "description": description,
                    "type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}, "$defs": defs})


def sources_schema() -> str:
    """The JSON Schema of sources.json."""
    item = {"type": "object", "additionalProperties": False,
            "required": ["key", "entry_type", "title", "fields", "publisher", "party_to_events"],
            "properties": {
                "key": {"type": "string", "description": "Key of the source in the bibliography."},
                "entry_type": {"enum": sorted(CSL_TYPES), "description": "BibLaTeX entry type."},
                "title": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"},
                           "description": "Every BibLaTeX field of the entry, as plain text; `kind` is one "
                                          "of the kinds of source, `stake` its stake in the events."},
                "publisher": {"type": "string", "description": "Who published it, as the pages name it."},
                "party_to_events": {"type": "boolean",
                                    "description": "true for party media, or a source a party publishes."}}}
    return _dumped({"$schema": SCHEMA, "title": "sources.json", "description": "Every source.",
                    "type": "array", "items": item})


def csl_schema() -> str:
    """The JSON Schema of sources.csl.json: the CSL-JSON fields this site writes."""
    parts = {"type": "object", "required": ["date-parts"], "additionalProperties": False,
             "properties": {"date-parts": {"type": "array", "minItems": 1, "maxItems": 1, "items": {
                 "type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "integer"}}}}}
    name = {"type": "object", "additionalProperties": False, "required": ["family", "given"],
            "properties": {"family": {"type": "string"}, "given": {"type": "string"}}}
    text = {"type": "string"}
    custom = {"type": "object", "additionalProperties": False,
              "required": ["kind", "stake", "archive_url", "publisher_id", "party_to_events"],
              "properties": {"kind": {"anyOf": [{"enum": sorted(vocab.SOURCE_KINDS)}, {"type": "null"}]},
                             "stake": {"type": ["string", "null"]},
                             "archive_url": {"type": ["string", "null"]},
                             "publisher_id": {"type": ["string", "null"]},
                             "party_to_events": {"type": "boolean"}},
              "description": "Fields of this site's own: kind of source, stake, archived copy, publisher's "
                             "record, and whether it is a party's source."}
    item = {"type": "object", "additionalProperties": False, "required": ["id", "type", "title", "custom"],
            "properties": {"id": text, "type": {"enum": sorted(set(CSL_TYPES.values()))}, "title": text,
                           "author": {"type": "array", "items": name}, "publisher": text,
                           "container-title": text, "URL": text, "issued": parts, "accessed": parts,
                           "language": text, "custom": custom}}
    return _dumped({"$schema": SCHEMA, "title": "sources.csl.json",
                    "description": "Every source as CSL-JSON (Citation Style Language 1.0.2 data), the "
                                   "fields this site writes.", "type": "array", "items": item})


def claims_schema(columns: Mapping[str, str]) -> str:
    """The JSON Schema of claims.json, one object per claim, from the columns and their meanings."""
    kinds = {"min": "integer", "max": "integer", "group_min": "integer", "group_max": "integer",
             "running_total": "boolean", "source_party": "boolean"}
    props = {name: {"type": [kinds.get(name, "string")] + ([] if name in {"running_total", "source_party"}
                                                               else ["null"]), "description": meaning}
             for name, meaning in columns.items()}
    for required in ("incident_id", "incident_title", "date", "claim_id", "kind", "source_key", "locator"):
        props[required]["type"] = "string"
    return _dumped({"$schema": SCHEMA, "title": "claims.json", "description": "Every claim, one row each.",
                    "type": "array", "items": {"type": "object", "properties": props, "required": list(props),
                                               "additionalProperties": False}})


def _dumped(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
