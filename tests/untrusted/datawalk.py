"""Every field a contributor can write, read from the JSON Schemas and the bibliography's field table,
and a copy of the valid fixture with a distinctive value written into each of them.

The fields come from the schemas, so a field added later is walked without any change here. A value
is placed in the fixture's record of that kind: in the first item of a list, or in a new item when the
first one cannot take it (an allegation's field in a list of figures, a person where the item names an
organisation). A reference to a record that does not exist is answered by creating that record, as
the validator's unknown-person (organisation, incident, source) errors ask.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from factsheet import bib, yamlio
from factsheet.load import KINDS
from factsheet.pipeline import load_checked
from factsheet.schema import SCHEMA_DIR

REPO = Path(__file__).parent.parent.parent


@cache
def base() -> Path:
    """The valid fixtures with the contributor guide's worked example applied: between them they
    use every kind of field (periods, parts, denials, joint and spokesman links, sites, victims)."""
    import sys

    sys.path.insert(0, str(REPO / "tests"))
    from guide_example import example_data

    return example_data(Path(tempfile.mkdtemp(prefix="factsheet-walk-base-")))


FOLDERS = {kind: folder for folder, kind in KINDS.items()}
ITEM = "[]"
REFERENCE_CODES = {"unknown-person": "person", "unknown-organisation": "organisation",
                   "unknown-incident": "incident", "unknown-source": "source"}


@dataclass(frozen=True)
class Leaf:
    """One field of a record kind: its path through the schema ('[]' for a list's items)."""

    kind: str
    path: tuple[str, ...]
    schema: dict = field(compare=False, repr=False)
    items: tuple[dict, ...] = field(compare=False, repr=False)  # the schema of each list on the path
    via_text: bool = False  # reached through common.schema.json#/$defs/text (documented as Markdown)

    @property
    def name(self) -> str:
        return ".".join(self.path)

    @property
    def types(self) -> set[str]:
        kinds = self.schema.get("type", [])
        return {kinds} if isinstance(kinds, str) else set(kinds)

    @property
    def free_text(self) -> bool:
        """A string with no pattern or set of values: anything may be written in it."""
        return "string" in self.types and not {"pattern", "enum", "const", "format"} & set(self.schema)


def _schemas() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in SCHEMA_DIR.glob("*.schema.json")}


def _resolve(node: dict, doc: str, schemas: dict[str, dict]) -> tuple[dict, str, bool]:
    """A node with its $ref followed (keywords beside the $ref kept), the document it is in, and
    whether the reference was the shared Markdown text definition."""
    via_text = False
    while "$ref" in node:
        target_doc, _, pointer = node["$ref"].partition("#")
        target_doc = target_doc or doc
        via_text = via_text or (target_doc == "common.schema.json" and pointer == "/$defs/text")
        target = schemas[target_doc]
        for part in pointer.strip("/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        doc = target_doc
    return node, doc, via_text


def leaves(kind: str) -> list[Leaf]:
    """Every field of a record kind, in the schema's order."""
    schemas = _schemas()
    found: list[Leaf] = []

    def walk(node: dict, doc: str, path: tuple[str, ...], items: tuple[dict, ...], via_text: bool) -> None:
        node, doc, through = _resolve(node, doc, schemas)
        via_text = via_text or through
        if "properties" in node:
            for name, child in node["properties"].items():
                walk(child, doc, (*path, name), items, False)
        elif "items" in node:
            walk(node["items"], doc, (*path, ITEM), (*items, _resolve(node["items"], doc, schemas)[0]), False)
        else:
            found.append(Leaf(kind, path, node, items, via_text))

    walk(schemas[f"{kind}.schema.json"], f"{kind}.schema.json", (), (), False)
    return found


def all_leaves() -> list[Leaf]:
    return [leaf for kind in FOLDERS for leaf in leaves(kind)]


def bib_fields() -> list[tuple[str, str]]:
    """(entry type, field) for every field a source may have, each type's own fields under it."""
    from factsheet.validate import SOURCE_TYPES

    out = [("online", name) for name in bib.COMMON_FIELDS]
    out += [(entry_type, name) for entry_type in sorted(SOURCE_TYPES)
            for name in bib.TYPE_FIELDS.get(entry_type, ())]
    return out


# ----------------------------------------------------------------------------------- the data


def read_fixture(root: Path | None = None) -> dict[str, Any]:
    """The fixture as {relative path: plain data}, the bibliography as text."""
    return copy.deepcopy(_read(root or base()))


@cache
def _read(root: Path) -> dict[str, Any]:
    state: dict[str, Any] = {}
    for path in sorted(root.glob("*/*.yml")):
        data, _ = yamlio.parse(path.read_text("utf-8"))
        state[path.relative_to(root).as_posix()] = json.loads(json.dumps(data))
    state["sources.bib"] = (root / "sources.bib").read_text("utf-8")
    return state


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    """A record as YAML text (libyaml's emitter: the walk writes records hundreds of times)."""
    return data if isinstance(data, str) else yaml.dump(data, Dumper=_Dumper, allow_unicode=True,
                                                        sort_keys=False, width=10_000)


def write(state: dict[str, Any], root: Path) -> Path:
    """Write a state as a data directory (replacing what is there)."""
    if root.exists():
        shutil.rmtree(root)
    for rel, data in state.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), "utf-8")
    return root


class _Scratch:
    """One data directory the walk's checks write into, rewriting only the files that changed, with a
    parse cache of its own (which only saves work: tests/load/test_parsecache.py)."""

    def __init__(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name) / "data"
        self.cache = Path(self.tmp.name) / "cache"
        self.written: dict[str, str] = {}

    def problems(self, state: dict[str, Any]) -> list:
        texts = {rel: dump(data) for rel, data in state.items()}
        for rel in set(self.written) - set(texts):
            (self.root / rel).unlink()
        for rel, text in texts.items():
            if self.written.get(rel) != text:
                (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
                (self.root / rel).write_text(text, "utf-8")
        self.written = texts
        saved = os.environ.get("FACTSHEET_CACHE")
        os.environ["FACTSHEET_CACHE"] = str(self.cache)
        try:
            _, found = load_checked(self.root)
        finally:
            if saved is None:
                os.environ.pop("FACTSHEET_CACHE")
            else:
                os.environ["FACTSHEET_CACHE"] = saved
        return [p for p in found if not p.warning]


_SCRATCH: list[_Scratch] = []


def problems(state: dict[str, Any]) -> list:
    """The errors the validator finds in a state."""
    if not _SCRATCH:
        _SCRATCH.append(_Scratch())
    return _SCRATCH[0].problems(state)


def host(state: dict[str, Any], kind: str) -> str:
    """The record of a kind that has the most of the kind's fields already (ties: first by name)."""
    files = sorted(rel for rel in state if rel.startswith(FOLDERS[kind] + "/"))
    return max(files, key=lambda rel: (sum(1 for leaf in leaves(kind) if _present(state[rel], leaf.path)),
                                       -files.index(rel)))


def _present(node: Any, path: tuple[str, ...]) -> bool:
    for step in path:
        if step == ITEM:
            if not isinstance(node, list) or not node:
                return False
            node = node[0]
        elif isinstance(node, dict) and step in node:
            node = node[step]
        else:
            return False
    return True


# ----------------------------------------------------------------------------------- values


def letters(n: int) -> str:
    """A short run of letters that differs for every n (values stay free of digits, which the
    free-text rule would want cited)."""
    out = ""
    n += 26
    while n:
        n, rest = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[rest] + out
    return out


class Values:
    """Distinctive values, each different from every other; dates and numbers increase, so that
    an end after a start and a max above a min hold whichever fields get them."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n

    def token(self) -> str:
        return f"zq{letters(self.next())}walk"

    def for_leaf(self, leaf: Leaf) -> Any:
        schema, types = leaf.schema, leaf.types
        if "enum" in schema:
            return list(schema["enum"])  # a choice, made against the page (see choose_enum)
        if "x-vocabulary" in schema:  # a word of a controlled vocabulary: a choice as well
            from factsheet.vocab import VOCABULARIES

            return list(VOCABULARIES[schema["x-vocabulary"]])
        if "boolean" in types:
            return True
        pattern = schema.get("pattern", "")
        if "unknown" in pattern:  # the date definition: a full date
            return (date(2031, 1, 1) + timedelta(days=self.next())).isoformat()
        if "integer" in types:
            return 7000 + 7 * self.next()
        if "number" in types:
            low, high = schema.get("minimum", -1000), schema.get("maximum", 1000)
            return round(low + (high - low) * 0.6 + 0.0011 * self.next(), 4)
        if pattern:
            return self.token()  # an id: lowercase letters
        return self.token().capitalize()


def forms(value: Any) -> list[str]:
    """How a value may show on a page: as written, as words, as a date, with thousands separators."""
    from factsheet.markup import human_date

    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [f"{value:,}", str(value)]
    if isinstance(value, float):
        return [repr(value)]
    text = str(value)
    shown = [text, text.replace("-", " "), human_date(text)]
    return list(dict.fromkeys(s.lower() for s in shown))


# ----------------------------------------------------------------------------------- placing


@dataclass
class Placement:
    """Where a walked value went: the file, the concrete path (keys and list indices), the value."""

    leaf: Leaf
    file: str
    steps: tuple[str | int, ...]
    value: Any


def place(state: dict[str, Any], leaf: Leaf, rel: str, value: Any, mode: str, values: Values,
          item: int = 0) -> tuple[dict[str, Any], tuple[str | int, ...]] | None:
    """A copy of the state with the value at the leaf's path in one record; mode 'first' uses the first
    item of each list (of the outermost list, item number `item`), 'new' appends an item to the
    innermost list (its required fields copied from the first item, or made afresh in mode 'fresh')."""
    state = copy.deepcopy(state)
    node = state[rel]
    steps: list[str | int] = []
    last_list = max((i for i, step in enumerate(leaf.path) if step == ITEM), default=-1)
    if mode != "first" and last_list < 0:
        return None
    item_schemas = iter(leaf.items)
    for i, step in enumerate(leaf.path):
        final = i == len(leaf.path) - 1
        if step == ITEM:
            item_schema = next(item_schemas)
            if not isinstance(node, list):
                return None
            if final:
                if mode == "first" and node:
                    node[0] = value
                    steps.append(0)
                else:
                    node.append(value)
                    steps.append(len(node) - 1)
                return state, tuple(steps)
            outermost = ITEM not in leaf.path[:i]
            if i == last_list and mode != "first" or not node:
                node.append(_new_item(node[0] if node else {}, item_schema, mode == "fresh", values))
                steps.append(len(node) - 1)
            elif outermost and item:
                if item >= len(node):
                    return None
                steps.append(item)
            else:
                steps.append(0)
            node = node[steps[-1]]
            continue
        if not isinstance(node, dict):
            return None
        if final:
            node[step] = value
            steps.append(step)
            return state, tuple(steps)
        following = leaf.path[i + 1]
        if step not in node:
            node[step] = [] if following == ITEM else {}
        steps.append(step)
        node = node[step]
    return None


def _new_item(first: Any, schema: dict, fresh: bool, values: Values) -> Any:
    """A list item holding only what its schema requires, copied from the first item or made afresh."""
    if not isinstance(first, dict):
        return copy.deepcopy(first)
    item = {}
    for name in schema.get("required", []):
        if name in first:
            item[name] = copy.deepcopy(first[name])
        if fresh and isinstance(item.get(name), str):
            item[name] = values.token()
    return item


def resolve_references(state: dict[str, Any], original: dict[str, Any]) -> tuple[dict[str, Any], list]:
    """Create the records that unknown-<kind> errors ask for, when their id is one of the walk's
    values; the state and the errors left."""
    for _ in range(4):
        found = problems(state)
        wanted = []
        for problem in found:
            kind = REFERENCE_CODES.get(problem.code)
            name = problem.message.split("'")[1] if "'" in problem.message else ""
            if kind and name.startswith("zq"):
                wanted.append((kind, name))
        if not wanted:
            return state, found
        for kind, name in dict.fromkeys(wanted):
            state = create(state, kind, name, original)
    return state, problems(state)


def create(state: dict[str, Any], kind: str, name: str, original: dict[str, Any]) -> dict[str, Any]:
    """A copy of the state with a record of a kind under a new id, copied from the fixture's first one."""
    state = dict(state)
    if kind == "source":
        first = original["sources.bib"].split("\n\n")[0]
        key = first.split("{", 1)[1].split(",", 1)[0]
        state["sources.bib"] = state["sources.bib"].rstrip("\n") + "\n\n" + first.replace(key, name, 1) + "\n"
        return state
    folder = FOLDERS[kind]
    template = sorted(rel for rel in original if rel.startswith(folder + "/"))[0]
    record = copy.deepcopy(original[template])
    record.pop("part_of", None)  # a copy of an incident is not inside another one
    state[f"{folder}/{name}.yml"] = record
    return state


# ----------------------------------------------------------------------------------- the walk


@dataclass
class Walk:
    """The fixture with a distinctive value in every field it could take one, and where each went."""

    state: dict[str, Any]
    placements: list[Placement]
    refused: dict[str, list[str]]  # fields no attempt could place, with the problems of the last one
    hosts: dict[str, str]


def walk(values: Values | None = None, original: dict[str, Any] | None = None) -> Walk:
    """Place a distinctive value in every field of every record kind, one field after another."""
    values = values or Values()
    original = original or read_fixture()
    state = copy.deepcopy(original)
    hosts = {kind: host(state, kind) for kind in FOLDERS}
    placements: list[Placement] = []
    refused: dict[str, list[str]] = {}
    for leaf in all_leaves():
        # The field in the first item of its list, and again in each item of another shape (an
        # allegation among figures, a link naming an organisation after an unnamed one): a field that
        # one shape drops would be lost there. A shape may refuse the field with an error.
        placed, last = 0, []
        for item in [0, *other_shapes(original[hosts[leaf.kind]], leaf)]:
            done = _place_one(state, leaf, hosts[leaf.kind], values, original, item=item)
            if isinstance(done, list):
                last = done
                continue
            state, placement = done
            placements.append(placement)
            placed += 1
        if not placed:
            refused[f"{leaf.kind}: {leaf.name}"] = last
    return Walk(state, placements, refused, hosts)


def other_shapes(record: Any, leaf: Leaf) -> list[int]:
    """Indices of the items of the leaf's outermost list whose set of keys differs from the first's."""
    if ITEM not in leaf.path:
        return []
    node = record
    for step in leaf.path[:leaf.path.index(ITEM)]:
        node = node.get(step) if isinstance(node, dict) else None
    if not isinstance(node, list) or not all(isinstance(item, dict) for item in node):
        return []
    seen = {frozenset(node[0])} if node else set()
    found = []
    for index, item in enumerate(node):
        if frozenset(item) not in seen:
            seen.add(frozenset(item))
            found.append(index)
    return found


def candidates(leaf: Leaf, values: Values) -> Iterator[Any]:
    """The distinctive value first; for a field checked against a set of values the schema does not
    list (governorates), each value that records of data/ and the fixtures use for that field."""
    value = values.for_leaf(leaf)
    if isinstance(value, list):  # an enum: each member
        yield from value
        return
    yield value
    used: list[Any] = []
    for root in (REPO / "data", base()):
        for rel, data in _read(root).items():
            if rel.startswith(FOLDERS[leaf.kind] + "/"):
                used += _values_at(data, leaf.path)
    yield from dict.fromkeys(v for v in used if isinstance(v, (str, int, float)))


def _values_at(node: Any, path: tuple[str, ...]) -> list[Any]:
    if not path:
        return [node]
    step, rest = path[0], path[1:]
    if step == ITEM:
        return [v for item in node for v in _values_at(item, rest)] if isinstance(node, list) else []
    return _values_at(node[step], rest) if isinstance(node, dict) and step in node else []


def _place_one(state: dict[str, Any], leaf: Leaf, rel: str, values: Values, original: dict[str, Any],
               item: int = 0, modes: tuple[str, ...] = ("first", "new", "fresh"),
               ) -> tuple[dict[str, Any], Placement] | list[str]:
    last: list[str] = []
    for value in list(candidates(leaf, values))[:12]:
        for mode in modes:
            placed = place(state, leaf, rel, value, mode, values, item)
            if placed is None:
                continue
            candidate, steps = placed
            candidate, found = resolve_references(candidate, original)
            if not found:
                return candidate, Placement(leaf, rel, steps, value)
            last = [str(p) for p in found]
    return last


def get(state: dict[str, Any], placement: Placement) -> Any:
    node = state[placement.file]
    for step in placement.steps:
        node = node[step]
    return node


def put(state: dict[str, Any], placement: Placement, value: Any) -> None:
    node = state[placement.file]
    for step in placement.steps[:-1]:
        node = node[step]
    node[placement.steps[-1]] = value


def line_of(state: dict[str, Any], placement: Placement) -> int:
    """The line a placed value is written on, once the state is written out."""
    node, _ = yamlio.parse(dump(state[placement.file]))
    line = 1
    for step in placement.steps:
        lines = node.key_lines if isinstance(node, dict) else node.item_lines
        line = lines[step]
        node = node[step]
    return line


# ----------------------------------------------------------------------------------- the bibliography


@dataclass
class BibEntry:
    """A source written by the walk, one field a line."""

    key: str
    entry_type: str
    fields: dict[str, str]
    walked: str  # the field this entry is for


REQUIRED_BIB = ("title", "kind", "stake")


# Fields of the bibliography whose values have a form of their own (dates, addresses, ids).
BIB_FORMS = ("date", "urldate", "year", "month", "url", "archiveurl", "publisherid", "kind")


def bib_value(name: str, values: Values) -> tuple[str, dict[str, str], str]:
    """A distinctive value for a bibliography field, the fields it needs beside it, and how it shows.

    Text fields (the default, and any field added later) get a word; the others need a value of
    their own form."""
    if name in ("date", "urldate"):
        day = (date(2032, 1, 1) + timedelta(days=values.next())).isoformat()
        from factsheet.markup import human_date

        return day, {}, human_date(day)
    if name == "year":
        return "2033", {}, "2033"
    if name == "month":
        return "sep", {"year": "2034"}, "September 2034"
    if name in ("url", "archiveurl"):
        token = values.token()
        return f"https://example.org/{token}", {}, token
    if name == "publisherid":
        return "reuters", {}, "organisation/reuters/"
    if name == "author":
        token = values.token().capitalize()
        return f"{token} Walker", {}, token
    if name == "kind":  # a word of the source kinds, not free text
        return "encyclopedia", {}, "encyclopedia"
    token = values.token()
    return token.capitalize(), {}, token


def bib_walk(values: Values) -> list[tuple[BibEntry, str]]:
    """A source of its own for every field of the bibliography (so no two fields meet), with the
    form its value should show in; fields kept for maintainers are left out."""
    entries = []
    for entry_type, name in bib_fields():
        if name in bib.INTERNAL_FIELDS:
            continue
        value, beside, shown = bib_value(name, values)
        fields = {required: "advocacy" if required == "kind" else values.token().capitalize()
                  for required in REQUIRED_BIB}
        fields.update(beside)
        fields[name] = value
        entries.append((BibEntry(f"zq{letters(values.next())}walk", entry_type, fields, name), shown))
    return entries


def bib_text(entries: list[BibEntry]) -> str:
    return "".join(f"\n@{e.entry_type}{{{e.key},\n"
                   + "".join(f"  {n} = {{{v}}},\n" for n, v in e.fields.items()) + "}\n" for e in entries)


def bib_lines(base: str, entries: list[BibEntry]) -> dict[tuple[str, str], int]:
    """The line of each field of the walk's entries, written after the base text."""
    line = base.count("\n") + 1
    lines = {}
    for entry in entries:
        line += 2  # the blank line and the @type{key, line
        for name in entry.fields:
            lines[entry.key, name] = line
            line += 1
        lines[entry.key, ""] = line  # the closing brace
    return lines


def with_bib(state: dict[str, Any], entries: list[BibEntry]) -> dict[str, Any]:
    state = dict(state)
    state["sources.bib"] = state["sources.bib"].rstrip("\n") + "\n" + bib_text(entries)
    return state
