"""A cache of parsed, schema-checked files keyed by their bytes, so unchanged files are not parsed again.

One pickle file per data directory, under $FACTSHEET_CACHE (a directory, or "off" to disable),
else $XDG_CACHE_HOME/factsheet, else ~/.cache/factsheet. Each entry is keyed by the SHA-256 of the
file's bytes and stamped with a version made of the parsing code, the schemas and the library
versions, so a change to any of them starts afresh. The cache only ever saves work: a missing,
unreadable or stale cache gives the same results, more slowly.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
# Everything whose change could change a cached result.
LIBRARIES = ("PyYAML", "jsonschema", "referencing", "pybtex")
KEEP = 16  # cache files kept per cache directory
CODE_FILES = ("yamlio.py", "load.py", "bib.py", "schema.py", "parsecache.py", "model.py", "problems.py")


def cache_dir() -> Path | None:
    """Where cache files go, or None when caching is off."""
    chosen = os.environ.get("FACTSHEET_CACHE", "")
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factsheet"


@cache
def version() -> str:
    """A digest of the code, schemas and libraries that produce cached values."""
    digest = hashlib.sha256()
    for name in CODE_FILES:
        digest.update((PACKAGE / name).read_bytes())
    for path in sorted((PACKAGE / "schemas").glob("*.json")):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    for package in LIBRARIES:
        try:
            digest.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            digest.update(b"?")
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    """A cache key: the SHA-256 of the parts (a file's bytes and what else decides its result)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


class ParseCache:
    """The entries for one data directory: old ones read at start, the ones used this run saved."""

    def __init__(self, root: Path) -> None:
        folder = cache_dir()
        name = key(str(root.resolve()))[:24] + ".pickle"
        self.path = folder / name if folder else None
        self.old: dict[str, Any] = self._read()
        self.used: dict[str, Any] = {}
        self.changed = False

    def _read(self) -> dict[str, Any]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            with self.path.open("rb") as handle:
                stamp, entries = pickle.load(handle)
        except Exception:  # a damaged or foreign cache is only a slower run
            return {}
        return entries if stamp == version() and isinstance(entries, dict) else {}

    def get(self, entry: str) -> Any | None:
        """The cached value for a key, or None."""
        value = self.old.get(entry)
        if value is not None:
            self.used[entry] = value
        return value

    def put(self, entry: str, value: Any) -> None:
        self.used[entry] = value
        self.changed = True

    def save(self) -> None:
        """Write the entries used this run (dropping the rest), atomically; failures are ignored."""
        if self.path is None or not (self.changed or len(self.used) != len(self.old)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".pickle")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((version(), self.used), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
        except OSError:
            Path(temp).unlink(missing_ok=True)
            return
        _prune(self.path.parent)


def _prune(folder: Path) -> None:
    """Keep the most recently written cache files only (test runs make one per temporary directory)."""
    try:
        files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
