"""Stage 1: read the data directory into documents (the only place data files are read)."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pybtex.errors
from pybtex.backends import BaseBackend
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

from . import parsecache, schema, yamlio
from .model import Source, Where
from .problems import Problem

MAX_BYTES = 1_000_000  # a record file is a few KB; anything this big is a mistake
KINDS = {"incidents": "incident", "people": "person", "organisations": "organisation"}
BIB_NAME = "sources.bib"
_ENTRY_RE = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]*)\s*,", re.MULTILINE)
_FIELD_RE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*=", re.MULTILINE)
# A record's parse and schema problems without the file name, so they can be cached: (line, code, message).
Found = tuple[tuple[int, str, str], ...]


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


def display_paths(paths: list[Path]) -> list[str]:
    """display_path of many files, resolving each directory once instead of every file's path."""
    cwd = str(Path.cwd().resolve()).rstrip("/") + "/"
    folders: dict[Path, str] = {}
    shown = []
    for path in paths:
        if path.is_symlink():  # only a link's target can differ from its folder's resolution
            shown.append(display_path(path))
            continue
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = str(path.parent.resolve()).rstrip("/") + "/"
        resolved = folder + path.name
        shown.append(resolved[len(cwd):] if resolved.startswith(cwd) else str(path))
    return shown


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """Read a file's bytes if it is readable and not too large, or say why not."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(Where(shown, 1), "unreadable-file", exc.strerror or str(exc))]
    if len(raw) > MAX_BYTES:
        message = f"file is {len(raw)} bytes (limit {MAX_BYTES})"
        return None, [Problem(Where(shown, 1), "file-too-large", message)]
    return raw, []


def decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """Bytes as UTF-8 text, or say where they are not UTF-8."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded"
        return None, [Problem(Where(shown, line), "not-utf8", message)]


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8 text, or say why not."""
    raw, problems = read_bytes(path, shown)
    return (None, problems) if raw is None else decode(raw, shown)


def parse_record(kind: str, text: str) -> tuple[Any, Found]:
    """Parse one record's text and check it against its schema (the result is what gets cached)."""
    try:
        data, duplicates = yamlio.parse(text)
    except yamlio.YamlIssue as issue:
        return None, ((issue.line, issue.code, issue.message),)
    found = tuple((line, "duplicate-key", f"key '{key}' appears twice in one mapping; the second is ignored")
                  for line, key in duplicates)
    if data is None:
        return None, (*found, (1, "empty-file", "the file has no record"))
    if isinstance(data, yamlio.LineDict):
        # Checked here, once per distinct file content; schema.check hands the result on.
        data.checked = (kind, schema.check_lines(kind, data))
    return data, found


def _document(path: Path, kind: str, shown: str, parsed: tuple[Any, Found],
              problems: list[Problem]) -> tuple[Document | None, list[Problem]]:
    data, found = parsed
    problems += [Problem(Where(shown, line), code, message) for line, code, message in found]
    return (None if data is None else Document(shown, kind, path.stem, data)), problems


def read_record(path: Path, kind: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML record file."""
    shown = display_path(path)
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return _document(path, kind, shown, parse_record(kind, text), problems)


def record_files(root: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Every record file under the data directory, with its kind, in a stable order."""
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    listed: list[tuple[tuple[str, ...], str]] = []
    _yaml_files(str(root), (), listed)
    for parts, name in sorted(listed):  # sorted by parts, as paths sort
        path = Path(name)
        kind = KINDS.get(parts[0]) if len(parts) == 2 else None
        if kind is None:
            expected = ", ".join(f"{root.name}/{d}/" for d in KINDS)
            message = f"record files belong directly in {expected}"
            problems.append(Problem(Where(display_path(path), 1), "misplaced-file", message))
            continue
        found.append((path, kind))
    return found, problems


def _yaml_files(folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str]]) -> None:
    """Files named *.yml or *.yaml under folder, as Path.rglob finds them (symbolic links to
    folders are not followed, unreadable folders are skipped) but several times faster."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except PermissionError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                _yaml_files(entry.path, (*parts, entry.name), found)
                continue
            dot = entry.name.rfind(".")  # Path.suffix: a leading dot does not start one
            suffix = entry.name[dot:] if 0 < dot < len(entry.name) - 1 else ""
            if suffix in (".yml", ".yaml") and entry.is_file():
                found.append(((*parts, entry.name), entry.path))
        except OSError:
            continue


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
        title = Text.from_latex(str(entry.fields.get("title", ""))).render(_text_backend())
        source = Source(key, entry.type.lower(), title,
                        Where(shown, line), fields + persons, tuple(sorted(field_lines.items())))
        sources[key] = source
    return sources, problems


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are read and checked.

    Loading makes millions of objects and no reference cycles; every full collection would walk
    them all again (measured: a third of a warm validation of 10,000 incidents).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            # Everything made meanwhile sits in the youngest generation, which the next collection
            # would walk whole; freeze and unfreeze move it to the oldest at no cost instead.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@cache
def _text_backend() -> BaseBackend:
    # render_as() looks the plugin up among all installed packages on every call: 10 ms a source.
    return find_plugin("pybtex.backends", "text")()


def _read_records(files: list[tuple[Path, str]],
                  store: parsecache.ParseCache) -> tuple[list[Document], list[Problem]]:
    """Every record file, parsed and checked, from the cache when its bytes are unchanged."""
    documents, problems = [], []
    for (path, kind), shown in zip(files, display_paths([path for path, _ in files]), strict=True):
        document, found = _read_cached(path, kind, shown, store)
        problems += found
        if document is not None:
            documents.append(document)
    return documents, problems


def _read_cached(path: Path, kind: str, shown: str,
                 store: parsecache.ParseCache) -> tuple[Document | None, list[Problem]]:
    """read_record, with the parse and schema check taken from the cache when the bytes are known."""
    raw, problems = read_bytes(path, shown)
    if raw is None:
        return None, problems
    entry = parsecache.key(kind, raw)
    parsed = store.get(entry)
    if parsed is None:
        text, problems = decode(raw, shown)
        if text is None:
            return None, problems
        parsed = parse_record(kind, text)
        store.put(entry, parsed)
    return _document(path, kind, shown, parsed, problems)


def _read_sources_cached(path: Path, store: parsecache.ParseCache) -> tuple[dict[str, Source], list[Problem]]:
    """read_sources, from the cache when the bibliography's bytes are unchanged."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError:
        return read_sources(path)
    entry = parsecache.key("bib", str(MAX_BYTES), raw)
    cached = store.get(entry)
    if cached is not None:
        return _moved(shown, *cached)
    sources, problems = read_sources(path)
    store.put(entry, (shown, sources, tuple(problems)))
    return sources, problems


def _moved(shown: str, was: str, sources: dict[str, Source],
           problems: tuple[Problem, ...]) -> tuple[dict[str, Source], list[Problem]]:
    """Cached sources and problems, with the file name as it is shown from here."""
    if was == shown:
        return sources, list(problems)
    return ({key: replace(source, where=Where(shown, source.where.line)) for key, source in sources.items()},
            [replace(problem, where=Where(shown, problem.where.line)) for problem in problems])


def read_data(root: Path) -> RawData:
    """Read every record file and the bibliography under root."""
    problems: list[Problem] = []
    if not root.is_dir():
        problem = Problem(Where(display_path(root), 1), "unreadable-file", "no such data directory")
        return RawData(root, (), {}, (problem,), display_path(root / BIB_NAME))
    files, misplaced = record_files(root)
    problems += misplaced
    with collector_paused():
        store = parsecache.ParseCache(root)
        documents, found = _read_records(files, store)
        problems += found
        sources, found = _read_sources_cached(root / BIB_NAME, store)
        problems += found
    store.save()
    return RawData(root, tuple(documents), sources, tuple(problems), display_path(root / BIB_NAME))
