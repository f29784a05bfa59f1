"""Records as flat field paths in the data's own names (`chain[1].as`, `period.since`), for comparison."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from ..model import Claim, Fact, Involvement, Link, Period, Role, Source

Flat = dict[str, str]
SKIPPED = {"where", "lines", "field_lines", "claims"}  # positions in files; claims are compared apart
# Model names that differ from the names a contributor writes in YAML.
RENAMED: dict[type, dict[str, str]] = {
    Link: {"described_as": "as", "speaks_for": "for"},
    Role: {"start": "from", "end": "to"},
    Involvement: {},
}


def _scalar(value: Any) -> str:
    """A field's value as text: booleans and numbers as YAML writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _period(period: Period, prefix: str, out: Flat) -> None:
    """A period under the names it is written with: since, or from and to."""
    if period.running:
        out[f"{prefix}.since"] = period.start or ""
        return
    for name, value in (("from", period.start), ("to", period.end)):
        if value is not None:
            out[f"{prefix}.{name}"] = value


def _walk(value: Any, prefix: str, out: Flat) -> None:
    # Absent, empty and false are the same to a reader: each is what the data says by default.
    if value is None or value == () or value is False:
        return
    if isinstance(value, Period):
        _period(value, prefix, out)
    elif isinstance(value, Fact):
        out[prefix] = value.value
        _walk(value.cite, f"{prefix}.cite", out)
    elif is_dataclass(value) and not isinstance(value, type):
        names = RENAMED.get(type(value), {})
        for f in fields(value):
            if f.name in SKIPPED:
                continue
            _walk(getattr(value, f.name), f"{prefix}.{names.get(f.name, f.name)}".lstrip("."), out)
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            _walk(item, f"{prefix}[{index}]", out)
    else:
        out[prefix] = _scalar(value)


def flat(record: Any) -> Flat:
    """Every field of a record (or claim) with a value, by path; a source by its bibliography fields."""
    if isinstance(record, Source):
        return {"type": record.entry_type, **{name: value for name, value in record.fields}}
    out: Flat = {}
    _walk(record, "", out)
    out.pop("id", None)  # the id is what a record or claim is matched by
    if isinstance(record, Claim) and record.is_figure:
        for name in ("min", "max"):  # null is part of a figure's reading: 'at least 29' has no max
            out.setdefault(name, "null")
    for index in range(len(getattr(record, "parts", ()))):
        for name in ("min", "max"):
            out.setdefault(f"parts[{index}].{name}", "null")
    return out


def differing(old: Flat, new: Flat) -> list[tuple[str, str | None, str | None]]:
    """(path, old value, new value) for every path whose value differs, in path order."""
    return [(path, old.get(path), new.get(path)) for path in sorted(old.keys() | new.keys(), key=_order)
            if old.get(path) != new.get(path)]


def _order(path: str) -> tuple:
    """Paths in a readable order: list items by number, not as text ([10] after [9])."""
    parts = []
    for piece in path.replace("]", "").split("["):
        head, _, rest = piece.partition(".")
        parts.append(int(head) if head.isdigit() else head)
        if rest:
            parts.append(rest)
    return tuple((0, p) if isinstance(p, int) else (1, p) for p in parts)
