"""Stage 1: read the data directory into documents (the only place data files are read)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pybtex.errors
from pybtex.database import parse_string
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

from . import yamlio
from .model import Source, Where
from .problems import Problem

MAX_BYTES = 1_000_000  # a record file is a few KB; anything this big is a mistake
KINDS = {"incidents": "incident", "people": "person", "organisations": "organisation"}
BIB_NAME = "sources.bib"
_ENTRY_RE = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]*)\s*,", re.MULTILINE)
_FIELD_RE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*=", re.MULTILINE)


@dataclass(frozen=True)
class Document:
    """One parsed YAML record file, before it is checked."""

    path: str
    kind: str
    id: str
    data: Any


@dataclass(frozen=True)
class RawData:
    """Everything read from one data directory."""

    root: Path
    documents: tuple[Document, ...]
    sources: dict[str, Source]
    problems: tuple[Problem, ...]
    bib_path: str


def display_path(path: Path) -> str:
    """A path relative to the working directory when it is under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8 text, or say why not."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(Where(shown, 1), "unreadable-file", exc.strerror or str(exc))]
    if len(raw) > MAX_BYTES:
        message = f"file is {len(raw)} bytes (limit {MAX_BYTES})"
        return None, [Problem(Where(shown, 1), "file-too-large", message)]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded"
        return None, [Problem(Where(shown, line), "not-utf8", message)]


def read_record(path: Path, kind: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML record file."""
    shown = display_path(path)
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    try:
        data, duplicates = yamlio.parse(text)
    except yamlio.YamlIssue as issue:
        return None, [Problem(Where(shown, issue.line), issue.code, issue.message)]
    for line, key in duplicates:
        message = f"key '{key}' appears twice in one mapping; the second is ignored"
        problems.append(Problem(Where(shown, line), "duplicate-key", message))
    if data is None:
        return None, problems + [Problem(Where(shown, 1), "empty-file", "the file has no record")]
    return Document(shown, kind, path.stem, data), problems


def record_files(root: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Every record file under the data directory, with its kind, in a stable order."""
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".yml", ".yaml") or not path.is_file():
            continue
        kind = KINDS.get(path.parent.name) if path.parent.parent == root else None
        if kind is None:
            expected = ", ".join(f"{root.name}/{d}/" for d in KINDS)
            message = f"record files belong directly in {expected}"
            problems.append(Problem(Where(display_path(path), 1), "misplaced-file", message))
            continue
        found.append((path, kind))
    return found, problems


def _bib_lines(text: str) -> dict[str, tuple[int, dict[str, int]]]:
    """Line of each entry key and of each of its fields, found by scanning the text."""
    lines: dict[str, tuple[int, dict[str, int]]] = {}
    starts = [(m.start(), m.group(2), text.count("\n", 0, m.start()) + 1)
              for m in _ENTRY_RE.finditer(text)]
    for index, (start, key, line) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        fields = {m.group(1).lower(): line + text.count("\n", start, start + m.start())
                  for m in _FIELD_RE.finditer(text[start:end])}
        lines.setdefault(key, (line, fields))
    return lines


def _later_entry(lines: dict[str, tuple[int, dict[str, int]]], start: int, error_line: int) -> bool:
    """True when another entry starts between an entry's start and an error line."""
    return any(start < line <= error_line for line, _ in lines.values())


def _bib_duplicates(text: str, shown: str) -> list[Problem]:
    """Entry keys used twice: pybtex drops the second one."""
    seen: set[str] = set()
    problems = []
    for match in _ENTRY_RE.finditer(text):
        key = match.group(2).lower()
        if key in seen:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(Problem(Where(shown, line), "duplicate-id", f"source key '{key}' is used twice"))
        seen.add(key)
    return problems


def read_sources(path: Path) -> tuple[dict[str, Source], list[Problem]]:
    """Parse the BibTeX/BibLaTeX bibliography with pybtex."""
    shown = display_path(path)
    if not path.exists():
        return {}, [Problem(Where(shown, 1), "unreadable-file", "the bibliography is missing")]
    text, problems = read_text(path, shown)
    if text is None:
        return {}, problems
    with pybtex.errors.capture() as captured:
        try:
            bib = parse_string(text, "bibtex")
        except PybtexSyntaxError as exc:
            return {}, [Problem(Where(shown, exc.lineno or 1), "bib-syntax", exc.message)]
    lines = _bib_lines(text)
    problems += _bib_duplicates(text, shown)
    for exc in captured:
        if "duplicate" in str(exc) and "entry" in str(exc) and "field" not in str(exc):
            continue  # reported above with its line
        code = "duplicate-key" if "duplicate" in str(exc) else "bib-syntax"
        key = next((k for k in lines if f"key {k} " in str(exc)), None)
        line = lines[key][0] if key else getattr(exc, "lineno", None) or 1
        problems.append(Problem(Where(shown, line), code, str(exc)))
    sources = {}
    broken = {getattr(exc, "lineno", None) for exc in captured if isinstance(exc, PybtexSyntaxError)}
    for key, entry in bib.entries.items():
        line, field_lines = lines.get(key, (1, {}))
        if any(b and b >= line and not _later_entry(lines, line, b) for b in broken):
            continue  # a half-parsed entry would only add noise to its syntax error
        fields = tuple(sorted((name.lower(), str(value)) for name, value in entry.fields.items()))
        persons = tuple((role.lower(), " and ".join(str(p) for p in people))
                        for role, people in entry.persons.items())
        title = Text.from_latex(str(entry.fields.get("title", ""))).render_as("text")
        source = Source(key, entry.type.lower(), title,
                        Where(shown, line), fields + persons, tuple(sorted(field_lines.items())))
        sources[key] = source
    return sources, problems


def read_data(root: Path) -> RawData:
    """Read every record file and the bibliography under root."""
    problems: list[Problem] = []
    if not root.is_dir():
        problem = Problem(Where(display_path(root), 1), "unreadable-file", "no such data directory")
        return RawData(root, (), {}, (problem,), display_path(root / BIB_NAME))
    files, misplaced = record_files(root)
    problems += misplaced
    documents = []
    for path, kind in files:
        document, found = read_record(path, kind)
        problems += found
        if document is not None:
            documents.append(document)
    sources, found = read_sources(root / BIB_NAME)
    problems += found
    return RawData(root, tuple(documents), sources, tuple(problems), display_path(root / BIB_NAME))
