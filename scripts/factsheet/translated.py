"""`factsheet translated FILE...`: record that each Arabic text translates the English as it now is.

A translator runs it after writing or updating the Arabic of a record: it writes, in each `ar:` block,
`translates: {field: version, ...}` with the version (a short hash) of each English text the block
translates. `factsheet validate` then warns when an English text changes and its Arabic does not.
Only the `translates:` lines are written; everything else in the file stays as it was.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from . import yamlio
from .bib import entry_lines, parse_sources
from .translations import bib_versions, source_versions, version


def _blocks(node: Any, found: list[tuple[Any, Any]]) -> None:
    """Every mapping that has an `ar:` block, with that block, depth first."""
    if isinstance(node, dict):
        if isinstance(node.get("ar"), dict):
            found.append((node, node["ar"]))
        for value in node.values():
            _blocks(value, found)
    elif isinstance(node, list):
        for item in node:
            _blocks(item, found)


def _flow(versions: dict[str, str]) -> str:
    # Quoted: a version of digits only would otherwise be read as a number.
    return "{" + ", ".join(f'{name}: "{value}"' for name, value in sorted(versions.items())) + "}"


def mark_yaml(text: str) -> tuple[str, int]:
    """The record's text with every `ar:` block's translates line written; and how many blocks."""
    data, _ = yamlio.parse(text)
    found: list[tuple[Any, Any]] = []
    _blocks(data, found)
    lines = text.split("\n")
    edits: list[tuple[int, str | None, str]] = []  # (0-based line, line to replace or None to insert, new)
    for owner, block in found:
        versions = {name: version(str(owner[name])) for name in block
                    if name != "translates" and owner.get(name) not in (None, "")}
        ar_line = owner.key_lines["ar"] - 1
        if min(block.key_lines.values()) - 1 <= ar_line:
            raise yamlio.YamlIssue(ar_line + 1, "wrong-type", "write the ar: block one field a line "
                                   "(block style), so that its translates line can be written")
        if "translates" in block:
            at = block.key_lines["translates"] - 1
            indent = re.match(r"\s*", lines[at]).group(0)
            edits.append((at, lines[at], f"{indent}translates: {_flow(versions)}"))
        else:
            first = min(block.key_lines.values()) - 1
            indent = re.match(r"\s*", lines[first]).group(0)
            edits.append((ar_line + 1, None, f"{indent}translates: {_flow(versions)}"))
    for at, old, new in sorted(edits, key=lambda e: -e[0]):
        if old is None:
            lines.insert(at, new)
        else:
            lines[at] = new
    return "\n".join(lines), len(found)


def mark_bib(text: str) -> tuple[str, int]:
    """The bibliography with `translates_ar` written for every entry that has stake_ar or note_ar."""
    sources, _ = parse_sources(text, "sources.bib")
    out, count = text, 0
    for key, (start, _) in sorted(entry_lines(text).items(), key=lambda item: -item[1][0]):
        source = sources.get(key)
        versions = source_versions(source) if source is not None else {}
        if versions:
            count += 1
            out = _set_bib_field(out, start, "translates_ar", bib_versions(versions))
    return out, count


def _set_bib_field(text: str, start_line: int, name: str, value: str) -> str:
    """The text with one field of an entry set (replaced in place, or added before its closing brace)."""
    lines = text.split("\n")
    index = start_line
    while index < len(lines) and not lines[index].strip().startswith("}"):
        if re.match(rf"\s*{name}\s*=", lines[index]):
            lines[index] = f"  {name} = {{{value}}},"
            return "\n".join(lines)
        index += 1
    lines.insert(index, f"  {name} = {{{value}}},")
    return "\n".join(lines)


def command(args: argparse.Namespace) -> int:
    """Entry point of `factsheet translated`."""
    status = 0
    for path in args.files:
        try:
            text = path.read_text("utf-8")
            new, count = mark_bib(text) if path.suffix == ".bib" else mark_yaml(text)
        except (OSError, yamlio.YamlIssue) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        if new != text:
            path.write_text(new, "utf-8")
        print(f"{path}: {count} Arabic block{'s' if count != 1 else ''} marked")
    return status


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `factsheet translated`."""
    parser.add_argument("files", nargs="+", type=Path,
                        help="record files (data/incidents/*.yml, ...) or data/sources.bib whose Arabic "
                        "texts are up to date with their English")
