"""JSON Schema checks of parsed records, with errors mapped to lines and stable codes."""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from .model import Where
from .problems import Problem

SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMA_FILES = ("common", "incident", "person", "organisation")
FIGURE_FIELDS = {"min", "max"}
DATE_FIELDS = {"date", "end_date", "as_of", "from", "to"}


ANNOTATIONS = {"description", "title", "$comment", "examples", "default", "x-vocabulary"}


@cache
def validator(kind: str) -> Draft202012Validator:
    """The compiled validator for one record kind."""
    schemas = {name: json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))
               for name in SCHEMA_FILES}
    registry: Registry = Registry().with_resources(
        (f"{name}.schema.json", Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    # Following a $ref through the registry costs more than the check it leads to: inline them.
    return Draft202012Validator(_inline(schemas[kind], kind, schemas, ()), registry=registry)


def _inline(node: Any, doc: str, schemas: dict[str, Any], seen: tuple[str, ...]) -> Any:
    """A copy of a schema with each $ref replaced by its target (recursive references are kept)."""
    if isinstance(node, list):
        return [_inline(item, doc, schemas, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    target_doc, _, pointer = ref.partition("#") if isinstance(ref, str) else ("", "", "")
    target_doc = target_doc.removesuffix(".schema.json") or doc
    if ref is None or ref in seen or target_doc not in schemas or not pointer.startswith("/"):
        return {key: _inline(value, doc, schemas, seen) for key, value in node.items()}
    target = schemas[target_doc]
    for part in pointer.strip("/").split("/"):
        target = target[part]
    rest = {key: _inline(value, doc, schemas, seen) for key, value in node.items() if key != "$ref"}
    inlined = _inline(target, target_doc, schemas, (*seen, ref))
    if set(rest) - ANNOTATIONS:
        return {**rest, "allOf": [inlined]}  # keywords beside the $ref still apply to the value
    return {**inlined, **rest}


def _line_of(data: Any, path: list[Any]) -> int:
    """Line of the value at path, falling back to the nearest enclosing line."""
    line = getattr(data, "line", 1) or 1
    node = data
    for step in path:
        if isinstance(node, dict) and step in node:
            line = getattr(node, "key_lines", {}).get(step, line)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            lines = getattr(node, "item_lines", [])
            line = lines[step] if step < len(lines) else line
        else:
            break
        node = node[step]
    return line


def _field(path: list[Any]) -> str:
    """The last named field in a path, for choosing an error code."""
    names = [step for step in path if isinstance(step, str)]
    return names[-1] if names else ""


def _dotted(path: list[Any]) -> str:
    return ".".join(str(step) for step in path) or "record"


def _code(error: ValidationError) -> str:
    """A stable error code for a schema failure."""
    name = _field(list(error.absolute_path))
    keyword = str(error.validator)
    if keyword == "type":
        return "figure-not-number" if name in FIGURE_FIELDS else "wrong-type"
    if keyword == "minimum" and name in FIGURE_FIELDS:
        return "negative-figure"
    if keyword in {"minimum", "maximum"} and name in DATE_FIELDS:
        return "bad-date"
    if keyword == "pattern":
        if name in DATE_FIELDS:
            return "bad-date"
        if name in {"url", "archiveurl"}:
            return "bad-url"
        return "bad-id"
    if keyword in {"minProperties", "maxProperties"}:
        return "bad-reference"
    if keyword == "minLength":
        return "empty-value"
    return "bad-value"


def _problems_for(error: ValidationError, data: Any, shown: str) -> list[Problem]:
    """Turn one schema error into one or more problems (one per unknown key)."""
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        code = "uncited-figure" if missing == ["cite"] and "figure" in error.instance else "missing-field"
        return [Problem(Where(shown, _line_of(data, path)), code,
                        f"{_dotted(path)}: missing field '{name}'") for name in missing]
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        return [Problem(Where(shown, _line_of(data, path + [key])), "unknown-field",
                        f"{_dotted(path)}: unknown field '{key}'{_did_you_mean(key, allowed)} "
                        f"(allowed: {', '.join(sorted(allowed))})")
                for key in error.instance if key not in allowed]
    return [Problem(Where(shown, _line_of(data, path)), _code(error),
                    f"{_dotted(path)}: {error.message}")]


def _did_you_mean(key: Any, allowed: set[str]) -> str:
    close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def check(kind: str, data: Any, shown: str) -> list[Problem]:
    """Every schema problem in one record."""
    known = getattr(data, "checked", None)  # checked when loaded (see load.parse_record)
    found = known[1] if known is not None and known[0] == kind else check_lines(kind, data)
    return [Problem(Where(shown, line), code, message) for line, code, message in found]


def check_lines(kind: str, data: Any) -> tuple[tuple[int, str, str], ...]:
    """Every schema problem in one record as (line, code, message), without the file name."""
    found: list[tuple[int, str, str]] = []
    for error in validator(kind).iter_errors(data):
        found += [(p.where.line, p.code, p.message) for p in _problems_for(error, data, "")]
    return tuple(found)
