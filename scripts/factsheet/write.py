"""Stage 6: write rendered files to a directory, touching only those whose content changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Lists the files the last run wrote, so that files of records since deleted can be removed
# without ever touching anything else in the directory.
MANIFEST = ".factsheet-files"


@dataclass(frozen=True)
class Written:
    """What one run changed."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def is_safe(path: str) -> bool:
    """True for a relative path that stays inside the output directory."""
    pure = PurePosixPath(path)
    return bool(pure.parts) and not pure.is_absolute() and ".." not in pure.parts and path != MANIFEST


def _safe(path: str) -> PurePosixPath:
    if not is_safe(path):
        raise ValueError(f"not a relative path inside the output directory: {path!r}")
    return PurePosixPath(path)


def write_tree(files: Mapping[str, str], out: Path) -> Written:
    """Write {relative path: text} under out; unchanged files keep their time stamps."""
    for path in files:  # refuse before writing anything
        _safe(path)
    return write_stream(sorted(files.items()), out)


def write_stream(files: Iterable[tuple[str, str]], out: Path) -> Written:
    """write_tree for files that come one at a time, so that none need wait in memory."""
    written, unchanged, seen = [], [], set()
    for path, text in files:
        target = out / _safe(path)
        seen.add(path)
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(path)
    manifest = out / MANIFEST
    before = manifest.read_text("utf-8").splitlines() if manifest.is_file() else []
    removed = sorted(p for p in set(before) - seen if is_safe(p) and (out / p).is_file())
    for path in removed:
        (out / path).unlink()
    listing = "".join(f"{p}\n" for p in sorted(seen))
    if before != listing.splitlines():
        out.mkdir(parents=True, exist_ok=True)
        manifest.write_text(listing, "utf-8")
    return Written(tuple(written), tuple(unchanged), tuple(removed))
