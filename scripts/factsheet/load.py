"""Stage 1: read the data directory into documents (the only place data files are read)."""

from __future__ import annotations

import errno
import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import bib, parsecache, schema, yamlio
from .model import Source, Where
from .problems import Problem

MAX_BYTES = 1_000_000  # a record file is a few KB; anything this big is a mistake
KINDS = {"incidents": "incident", "people": "person", "organisations": "organisation"}
BIB_NAME = "sources.bib"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a named pipe would otherwise wait for a writer
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
    """A path relative to the working directory when it is under it (a link shown as itself)."""
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def display_paths(paths: list[Path]) -> list[str]:
    """display_path of many files, resolving each directory once instead of every file's path."""
    cwd = str(Path.cwd().resolve()).rstrip("/") + "/"
    folders: dict[Path, str] = {}
    shown = []
    for path in paths:
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = str(path.parent.resolve()).rstrip("/") + "/"
        resolved = folder + path.name
        shown.append(resolved[len(cwd):] if resolved.startswith(cwd) else str(path))
    return shown


def _open_regular(path: Path) -> int:
    """A descriptor of a regular file, never following a symbolic link nor waiting on a pipe."""
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise IsADirectoryError(errno.EISDIR, "not a regular file")
    return fd


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """Read a regular file's bytes if it is readable and not too large, or say why not."""
    try:
        fd = _open_regular(path)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO) or path.is_symlink():
            return None, [Problem(Where(shown, 1), "not-regular-file", not_regular(path))]
        return None, [Problem(Where(shown, 1), "unreadable-file", exc.strerror or str(exc))]
    try:
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # never more than the limit, whatever the file's size
    except OSError as exc:
        return None, [Problem(Where(shown, 1), "unreadable-file", exc.strerror or str(exc))]
    if len(raw) > MAX_BYTES:
        size = path.stat().st_size if path.exists() else len(raw)
        message = f"file is {size} bytes (limit {MAX_BYTES})"
        return None, [Problem(Where(shown, 1), "file-too-large", message)]
    return raw, []


def not_regular(path: Path) -> str:
    """Why a path that is not a regular file inside the data directory is not read."""
    if path.is_symlink():
        return (f"a symbolic link (to {os.readlink(path)}): only regular files inside the data directory "
                "are read; put the file itself here")
    return "not a regular file (a device, pipe or socket): only regular files are read"


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
        data, problems = yamlio.parse(text)
    except yamlio.YamlIssue as issue:
        return None, ((issue.line, issue.code, issue.message),)
    found = tuple(problems)
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
    """Every record file under the data directory, with its kind, in a stable order.

    Nothing is followed or skipped in silence: a symbolic link or special file is an error, and so
    is a file in a record folder not named <id>.yml or a YAML file anywhere else.
    """
    listed: list[tuple[tuple[str, ...], str, str]] = []
    _scan(str(root), (), listed)
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    expected = ", ".join(f"{root.name}/{d}/" for d in KINDS)
    for parts, name, what in sorted(listed):  # sorted by parts, as paths sort
        path = Path(name)
        kind = KINDS.get(parts[0]) if len(parts) == 2 else None
        where = Where(display_path(path), 1)
        if what == "special":
            problems.append(Problem(where, "not-regular-file", not_regular(path)))
        elif what == "other":
            problems.append(Problem(where, "misnamed-file", "a file in a record folder that is not named "
                                    f"<id>.yml (lowercase .yml): rename it, or move it out of {root.name}/"))
        elif kind is None:
            problems.append(Problem(where, "misplaced-file", f"record files belong directly in {expected}"))
        else:
            found.append((path, kind))
    return found, problems


def _scan(folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str, str]]) -> None:
    """Files under folder as (parts, path, what), without following symbolic links.

    what is 'special' for anything but a regular file or folder (a link, device, pipe), 'other' for
    a file in a record folder not named *.yml, 'record' for the rest that look like YAML. Files whose
    name starts with a dot (editors' swap and lock files, .gitkeep) are left alone unless they look
    like YAML. Several times faster than Path.rglob.
    """
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except PermissionError:
        return
    in_record_folder = len(parts) == 1 and parts[0] in KINDS
    for entry in entries:
        here = (*parts, entry.name)
        yaml_name = _yaml_name(entry.name)
        if entry.name.startswith(".") and not yaml_name:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, here, found)
            elif not entry.is_file(follow_symlinks=False):
                found.append((here, entry.path, "special"))
            elif in_record_folder and (entry.name.startswith(".") or not entry.name.endswith(".yml")):
                found.append((here, entry.path, "other"))
            elif yaml_name:
                found.append((here, entry.path, "record"))
        except OSError:
            continue


def _yaml_name(name: str) -> bool:
    """True for a name ending in .yml or .yaml, in any case."""
    return name.lower().endswith((".yml", ".yaml"))


def read_sources(path: Path) -> tuple[dict[str, Source], list[Problem]]:
    """Read and parse the BibTeX/BibLaTeX bibliography."""
    shown = display_path(path)
    if not os.path.lexists(path):
        return {}, [Problem(Where(shown, 1), "unreadable-file", "the bibliography is missing")]
    text, problems = read_text(path, shown)
    if text is None:
        return {}, problems
    sources, found = bib.parse_sources(text, shown)
    return sources, problems + found


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
    if not os.path.lexists(path):
        return read_sources(path)
    raw, problems = read_bytes(path, shown)
    if raw is None:
        return {}, problems
    entry = parsecache.key("bib", str(MAX_BYTES), raw)
    cached = store.get(entry)
    if cached is not None:
        return _moved(shown, *cached)
    text, problems = decode(raw, shown)
    if text is None:
        return {}, problems
    sources, problems = bib.parse_sources(text, shown)
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
