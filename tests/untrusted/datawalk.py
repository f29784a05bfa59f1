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
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import contexts
import merge
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
                   "unknown-incident": "incident", "unknown-source": "source", "unknown-claim": "claim"}


@dataclass(frozen=True)
class Leaf:
    """One field of a record kind: its path through the schema ('[]' for a list's items)."""

    kind: str
    path: tuple[str, ...]
    schema: dict = field(compare=False, repr=False)
    items: tuple[dict, ...] = field(compare=False, repr=False)  # the schema of each list on the path
    via_text: bool = False  # reached through common.schema.json#/$defs/text (documented as Markdown)
    # A key of a mapping the schema leaves open (see leaves): the path of the object whose text it names.
    owner: tuple[str, ...] | None = field(default=None, compare=False)

    @property
    def keyed(self) -> bool:
        return self.owner is not None

    @property
    def name(self) -> str:
        return ".".join(self.path)

    @property
    def types(self) -> set[str]:
        kinds = self.schema.get("type", [])
        return {kinds} if isinstance(kinds, str) else set(kinds)

    @property
    def item_name(self) -> str:
        """The field's name within the innermost list item (or record) holding it: figure, ar.note."""
        start = max((i + 1 for i, step in enumerate(self.path) if step == ITEM), default=0)
        return ".".join(self.path[start:])

    @property
    def is_date(self) -> bool:
        """The shared date definition (a day, a month, a year or unknown)."""
        return "unknown" in self.schema.get("pattern", "")

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
    """Every field of a record kind, in the schema's order.

    A mapping whose keys the schema leaves open (the Arabic texts of an `ar:` block and the versions
    they translate, by the name of the English field) is walked with each text field of the object
    that holds it as a key; a key the validator refuses there (unknown-field) is not one of its keys."""
    schemas = _schemas()
    found: list[Leaf] = []

    def walk(node: dict, doc: str, path: tuple[str, ...], items: tuple[dict, ...], via_text: bool,
             texts: dict[str, bool], owner: tuple[str, ...] = (), keyed: bool = False) -> None:
        node, doc, through = _resolve(node, doc, schemas)
        via_text = via_text or through
        more = node.get("additionalProperties")
        if "properties" in node or isinstance(more, dict):
            fields = node.get("properties", {})
            own = {name: _resolve(child, doc, schemas)[2] for name, child in fields.items()
                   if _is_text(_resolve(child, doc, schemas)[0])}
            if own:  # the texts of the object itself, else of the one around it
                texts, owner = own, path
            for name, child in fields.items():
                walk(child, doc, (*path, name), items, False, texts, owner)
            if isinstance(more, dict):
                for name, markdown in texts.items():
                    walk(more, doc, (*path, name), items, markdown, texts, owner, keyed=True)
        elif "items" in node:
            walk(node["items"], doc, (*path, ITEM), (*items, _resolve(node["items"], doc, schemas)[0]), False,
                 texts, owner)
        else:
            found.append(Leaf(kind, path, node, items, via_text, owner if keyed else None))

    walk(schemas[f"{kind}.schema.json"], f"{kind}.schema.json", (), (), False, {})
    return found


def _is_text(schema: dict) -> bool:
    kinds = schema.get("type", [])
    return "string" in ([kinds] if isinstance(kinds, str) else kinds) and not {
        "pattern", "enum", "const", "format", "x-vocabulary"} & set(schema)


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
        self.written: dict[str, str] = {}  # each file's data as JSON (keys in order), as last written

    def problems(self, state: dict[str, Any]) -> list:
        for rel in set(self.written) - set(state):
            (self.root / rel).unlink()
            del self.written[rel]
        for rel, data in state.items():
            key = json.dumps(data)  # much quicker than writing the YAML to compare it
            if self.written.get(rel) != key:
                (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
                (self.root / rel).write_text(dump(data), "utf-8")
                self.written[rel] = key
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


# Walked numbers start here and are 7 apart, walked dates DATE_STEP days apart: a number or date the
# contexts derive from one (one either side of a min, an item's other dates moved with it) is never
# another walked value.
NUMBER = 7000
DATE_STEP = 45


class Values:
    """Distinctive values, each different from every other; dates and numbers increase, so that
    an end after a start and a max above a min hold whichever fields get them."""

    def __init__(self) -> None:
        self.n = 0
        self.days = 0

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
        if leaf.is_date:  # a full date, DATE_STEP days after the last one
            self.days += 1
            return (date(2031, 1, 1) + timedelta(days=DATE_STEP * self.days)).isoformat()
        if "integer" in types and schema.get("maximum", NUMBER) < NUMBER:  # a count of years, say
            return schema["maximum"] - self.next() % 10
        if "integer" in types:
            return NUMBER + 7 * self.next()
        if "number" in types:
            low, high = schema.get("minimum", -1000), schema.get("maximum", 1000)
            return round(low + (high - low) * 0.6 + 0.0011 * self.next(), 4)
        if pattern:  # an id: lowercase letters; a version: hexadecimal digits
            token = self.token()
            return token if re.search(pattern, token) else f"{self.next():08x}"
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


# ----------------------------------------------------------------------------------- where a field goes


@dataclass(frozen=True)
class Spot:
    """Where a field is tried: a record, and the item taken in each list on the field's path (None, or
    a list left out: the first item, or a new one when the list is empty)."""

    file: str
    indices: tuple[int | None, ...] = ()


def reach(node: Any, path: tuple[str, ...], depth: int = 0, indices: tuple[int, ...] = (),
          items: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[int, ...], int, tuple[Any, ...]]]:
    """Every way of following a path into a record as far as it goes: the item taken in each list, how
    many steps were followed, and the items taken."""
    if depth == len(path):
        yield indices, depth, items
        return
    step = path[depth]
    if step == ITEM and isinstance(node, list) and node:
        for index, item in enumerate(node):
            yield from reach(item, path, depth + 1, (*indices, index), (*items, item))
    elif step != ITEM and isinstance(node, dict) and step in node:
        yield from reach(node[step], path, depth + 1, indices, items)
    else:
        yield indices, depth, items


def _shape(item: Any) -> Any:
    return frozenset(item) if isinstance(item, dict) else type(item).__name__


def _files(state: dict[str, Any], kind: str) -> list[str]:
    return sorted(rel for rel in state if rel.startswith(FOLDERS[kind] + "/"))


def host(state: dict[str, Any], leaf: Leaf) -> str:
    """The record of the leaf's kind that goes furthest along its path; ties: the one with most of the
    kind's fields, then the first by name."""
    files = _files(state, leaf.kind)

    def score(rel: str) -> tuple[int, int, int]:
        depth = max(d for _, d, _ in reach(state[rel], leaf.path))
        present = sum(1 for other in leaves(leaf.kind) if _present(state[rel], other.path))
        return depth, present, -files.index(rel)

    return max(files, key=score)


def _present(node: Any, path: tuple[str, ...]) -> bool:
    return any(depth == len(path) for _, depth, _ in reach(node, path))


def spots(state: dict[str, Any], leaf: Leaf) -> list[Spot]:
    """Where to try a field: where the base data already uses it (or goes furthest towards it), once
    for each shape of item found there (a figure, a denial, a joint link, a spokesman), then once in
    each other shape of item of its outermost list, where a field one kind of item drops would be
    lost. A field outside any list goes in one record."""
    if ITEM not in leaf.path:
        return [Spot(host(state, leaf))]
    found = [(rel, indices, depth, items) for rel in _files(state, leaf.kind)
             for indices, depth, items in reach(state[rel], leaf.path)]
    deepest = max(depth for _, _, depth, _ in found)
    chosen: list[Spot] = []
    outer_seen: set = set()
    inner_seen: set = set()
    for rel, indices, depth, items in found:
        if depth == deepest and items:
            outer, inner = _shape(items[0]), _shape(items[-1])
            if outer not in outer_seen or inner not in inner_seen:
                chosen.append(Spot(rel, indices))
                outer_seen.add(outer)
                inner_seen.add(inner)
    for rel, indices, depth, items in found:
        if depth < deepest and items and _shape(items[0]) not in outer_seen:
            chosen.append(Spot(rel, indices[:1]))
            outer_seen.add(_shape(items[0]))
    return chosen or [Spot(host(state, leaf))]


# ----------------------------------------------------------------------------------- placing


@dataclass
class Placement:
    """Where a walked value went: the file, the concrete path (keys and list indices), the value."""

    leaf: Leaf
    file: str
    steps: tuple[str | int, ...]
    value: Any
    # The small state the value validated in (see walk), and its steps there: a page of that state
    # renders in a fraction of the time the whole state's does.
    trial: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    trial_steps: tuple[str | int, ...] = ()


def place(state: dict[str, Any], leaf: Leaf, spot: Spot, value: Any, mode: str, values: Values,
          ) -> tuple[dict[str, Any], tuple[str | int, ...]] | None:
    """A copy of the state with the value at the leaf's path in the spot's record.

    A field inside a list goes into a copy of the spot's outermost item, appended to its list, so
    that each field has an item of its own and the item's other fields are those of an item that
    already uses the field (its context). Mode 'first' takes the spot's item in each inner list;
    'new' appends an item to the innermost list holding only what its schema requires, copied from
    the spot's item, and 'fresh' makes those required values afresh. The item is then made to fit
    the value (contexts.fit)."""
    state = copy.deepcopy(state)
    node: Any = state[spot.file]
    steps: list[str | int] = []
    levels = leaf.path.count(ITEM)
    item_schemas = iter(leaf.items)
    outer: dict | None = None  # the copied outermost item, and where its own steps start
    outer_at = 0
    owner = None  # the object whose text a key of a mapping names
    level = 0
    for i, step in enumerate(leaf.path):
        final = i == len(leaf.path) - 1
        if leaf.owner is not None and i == len(leaf.owner):
            owner = node
        if step != ITEM:
            if not isinstance(node, dict):
                return None
            if final:
                old = node.get(step)
                node[step] = value
                steps.append(step)
                contexts.fit(leaf.item_name, node, value)
                if isinstance(owner, dict):
                    contexts.named_text(owner, leaf.path[-1], values.token)
                if leaf.is_date and outer is not None:
                    contexts.move_dates(outer, _dates_within(leaf), old, value, tuple(steps[outer_at:]))
                return state, tuple(steps)
            node = node.setdefault(step, [] if leaf.path[i + 1] == ITEM else {})
            steps.append(step)
            continue
        schema = next(item_schemas)
        if not isinstance(node, list):
            return None
        index = spot.indices[level] if level < len(spot.indices) else None
        innermost = level == levels - 1
        if level == 0 and index is not None and not (final and mode != "first"):
            node.append(contexts.copy_item(node[index], values.token))  # the item of its own
            index = len(node) - 1
            if isinstance(node[index], dict):
                outer, outer_at = node[index], len(steps) + 1
        elif (innermost and mode != "first") or not node:
            template = node[index or 0] if node else {}
            node.append(value if final else _new_item(template, schema, mode == "fresh", values))
            index = len(node) - 1
        elif index is None:
            index = 0
        if final:
            node[index] = value
            steps.append(index)
            return state, tuple(steps)
        steps.append(index)
        node = node[index]
        level += 1
    return None


def _dates_within(leaf: Leaf) -> list[tuple[str, ...]]:
    """The paths of the date fields of the leaf's outermost list item, relative to the item."""
    start = leaf.path.index(ITEM) + 1
    return [other.path[start:] for other in leaves(leaf.kind)
            if other.is_date and other.path[:start] == leaf.path[:start]]


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
    """Create the records (and claims) that unknown-<kind> errors ask for, when their id is one of the
    walk's values; the state and the errors left."""
    for _ in range(4):
        found = problems(state)
        wanted = []
        for problem in found:
            kind = REFERENCE_CODES.get(problem.code)
            name = problem.message.split("'")[-2] if "'" in problem.message else ""
            if kind and name.startswith("zq"):
                rel = problem.where.path.split("/data/", 1)[-1]
                wanted.append((kind, name, rel))
        if not wanted:
            return state, found
        for kind, name, rel in dict.fromkeys(wanted):
            state = create(state, kind, name, original, rel)
    return state, problems(state)


def create(state: dict[str, Any], kind: str, name: str, original: dict[str, Any], rel: str = "",
           ) -> dict[str, Any]:
    """A copy of the state with a record of a kind under a new id, copied from the fixture's first one
    (a claim: in the record that names it, copied from that record's first claim)."""
    state = dict(state)
    if kind == "claim":
        record = state[rel] = copy.deepcopy(state[rel])
        record["claims"].append({**copy.deepcopy(original[rel]["claims"][0]), "id": name})
        return state
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
    problems: list[str]  # what the validator finds in the whole state (nothing, when the walk holds)
    not_keys: list[str] = field(default_factory=list)  # keys a mapping does not take (see leaves)


def walk(values: Values | None = None, original: dict[str, Any] | None = None) -> Walk:
    """Place a distinctive value in every field of every record kind, in each spot it has (spots).

    Each value is tried in a small state, the fixture with the fields outside lists walked, and carried
    over to the whole state once it validates there (merge.carry); the whole state is checked at the
    end (Walk.problems)."""
    values = values or Values()
    original = original or read_fixture()
    small = copy.deepcopy(original)
    state = copy.deepcopy(original)
    placements: list[Placement] = []
    refused: dict[str, list[str]] = {}
    not_keys: list[str] = []
    for leaf in all_leaves():
        placed, last = 0, []
        for spot in spots(original, leaf):
            done = _place_one(small, leaf, spot, values, original)
            if isinstance(done, list):  # this shape of item refuses the field (with an error)
                last = done
                continue
            after, placement = done
            steps = merge.carry(state, small, after, placement.file, placement.steps)
            placements.append(Placement(leaf, placement.file, steps, placement.value, after, placement.steps))
            if ITEM not in leaf.path:
                small = after
            placed += 1
        not_a_key = any(": unknown-field: " in p and f"'{leaf.path[-1]}'" in p for p in last)
        if not placed and leaf.keyed and not_a_key:
            not_keys.append(f"{leaf.kind}: {leaf.name}")
        elif not placed:
            refused[f"{leaf.kind}: {leaf.name}"] = last
    return Walk(state, placements, refused, [str(p) for p in problems(state)], not_keys)


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
    yield from dict.fromkeys(v for v in used if isinstance(v, (str, int, float)) and not isinstance(v, bool))


def _values_at(node: Any, path: tuple[str, ...]) -> list[Any]:
    if not path:
        return [node]
    step, rest = path[0], path[1:]
    if step == ITEM:
        return [v for item in node for v in _values_at(item, rest)] if isinstance(node, list) else []
    return _values_at(node[step], rest) if isinstance(node, dict) and step in node else []


# A new item with only what its schema requires is tried where a copied item refuses the value (a
# person among a joint statement's organisations), except in the copied item's own list: there the copy
# is the item, and one with nothing but the required fields is a shape no record has.
MODES = ("first", "new", "fresh")


def _place_one(state: dict[str, Any], leaf: Leaf, spot: Spot, values: Values, original: dict[str, Any],
               ) -> tuple[dict[str, Any], Placement] | list[str]:
    last: list[str] = []
    for value in list(candidates(leaf, values))[:12]:
        before = last
        for mode in MODES if leaf.path.count(ITEM) > 1 or not spot.indices else MODES[:1]:
            placed = place(state, leaf, spot, value, mode, values)
            if placed is None:
                continue
            candidate, steps = placed
            candidate, found = resolve_references(candidate, original)
            if not found:
                return candidate, Placement(leaf, spot.file, steps, value)
            last = [f"{p.where.path}:{p.where.line}: {p.code}: {p.message}" for p in found]
        if last == before:  # the same problems with another value: the value is not what they are about
            break
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


def refit(state: dict[str, Any], placement: Placement, value: Any) -> None:
    """Put another value in a placement's field, with what its item needs for it (contexts.fit)."""
    put(state, placement, value)
    node = state[placement.file]
    for step in placement.steps[:-1]:
        node = node[step]
    if isinstance(node, dict):
        contexts.fit(placement.leaf.item_name, node, value)


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
BIB_FORMS = ("date", "urldate", "origdate", "year", "month", "url", "archiveurl", "publisherid", "kind")


def bib_value(name: str, values: Values) -> tuple[str, dict[str, str], str]:
    """A distinctive value for a bibliography field, the fields it needs beside it, and how it shows.

    Text fields (the default, and any field added later) get a word; the others need a value of
    their own form."""
    if name.endswith("date"):  # date, urldate, origdate
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
    if name.endswith("_ar"):  # the Arabic of a text: the English it translates beside it
        return token.capitalize(), {name.removesuffix("_ar"): values.token().capitalize()}, token
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
