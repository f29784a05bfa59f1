"""Join the output folders of a site's shares into one site (factsheet merge, build --jobs).

Every file of the site is written by exactly one share (a file two shares wrote must then be
byte-identical), except the search indexes, which every share writes for its pages: they are joined
entry by entry, in the site's page order, so the result is the index a single build writes. Links
to anchors in another share's pages are checked here, where every share's anchors are known, and
warnings that every share printed (about the configuration, say) are reported once.
"""

from __future__ import annotations

import filecmp
import json
import logging
import os
import shutil
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .shares import SIDECAR, Share, parse_share

SEARCH_DIR = "search"
SEARCH_INDEX = "search_index.json"  # Material's search index: {"config": {...}, "docs": [...]}
SEARCH_SCRIPT = "search_index.js"  # the same, for file:// (Material's offline plugin)
SCRIPT_PREFIX = "var __index = "


class MergeError(Exception):
    """The folders are not the complete, consistent shares of one site."""


@dataclass(frozen=True)
class Merged:
    """What a merge made: the whole site or a larger share, and the warnings to report."""

    share: Share
    warnings: tuple[tuple[str, str], ...]  # (level name, message), each once


def read_sidecar(folder: Path) -> dict[str, Any]:
    """What a share's build wrote for the merge; MergeError if it is missing or incomplete."""
    path = folder / SIDECAR
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise MergeError(f"{folder}: no {SIDECAR}, so not the output of factsheet build --shard") from None
    except (OSError, ValueError) as exc:
        raise MergeError(f"{path}: unreadable ({exc})") from None
    if "warnings" not in data:
        raise MergeError(f"{folder}: the build of this share did not finish")
    return data


def whole_of(shares: Sequence[Share]) -> Share:
    """The share that these shares make up together; MergeError unless they are all its parts."""
    if not shares or any(share.whole for share in shares):
        raise MergeError("nothing to merge: give the output folders of factsheet build --shard")
    parent, count = shares[0].parent, shares[0].levels[-1][1]
    if any(share.parent != parent or share.levels[-1][1] != count for share in shares):
        raise MergeError("the folders are shares of different splits: " + ", ".join(map(str, shares)))
    indices = Counter(share.levels[-1][0] for share in shares)
    twice = sorted(index for index, seen in indices.items() if seen > 1)
    missing = [index for index in range(1, count + 1) if index not in indices]
    if twice or missing:
        problems = [f"share {index}/{count} given twice" for index in twice]
        problems += [f"share {index}/{count} is missing" for index in missing]
        raise MergeError("; ".join(problems))
    return parent


def _files(folder: Path) -> Iterator[str]:
    """Every file under folder, as a relative POSIX path, in a stable order."""
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        base = Path(root).relative_to(folder)
        for name in sorted(names):
            yield (base / name).as_posix()


def _is_search_file(path: str) -> bool:
    parts = path.split("/")
    return len(parts) >= 2 and parts[-2] == SEARCH_DIR and parts[-1] in (SEARCH_INDEX, SEARCH_SCRIPT)


def _clean(out: Path) -> None:
    """Empty the output folder as MkDocs does: everything but hidden files."""
    out.mkdir(parents=True, exist_ok=True)
    for entry in out.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _place(folders: Sequence[tuple[Share, Path]], out: Path, move: bool) -> dict[str, list[Path]]:
    """Put every file into out; return the search files, by path, to be joined instead."""
    placed: dict[str, tuple[Share, Path]] = {}
    search: dict[str, list[Path]] = {}
    for share, folder in folders:
        for path in _files(folder):
            source = folder / path
            if path == SIDECAR:
                continue
            if _is_search_file(path):
                search.setdefault(path, []).append(source)
                continue
            if path in placed:
                first, first_path = placed[path]
                if not filecmp.cmp(first_path if not move else out / path, source, shallow=False):
                    raise MergeError(f"{path} differs between shares {first} and {share}")
                continue
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if move:
                os.replace(source, target)
            else:
                shutil.copyfile(source, target)
            placed[path] = (share, source)
    return search


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def _write_index(target: BinaryIO, config: Any, docs: Iterable[Any]) -> None:
    """Write an index as Material does (compact JSON, ASCII), one entry at a time."""
    def dump(value: Any) -> bytes:
        return json.dumps(value, separators=(",", ":")).encode("utf-8")

    target.write(b'{"config":' + dump(config) + b',"docs":[')
    for number, entry in enumerate(docs):
        target.write((b"," if number else b"") + dump(entry))
    target.write(b"]}")


def write_index(path: Path, index: dict[str, Any]) -> None:
    """Write a search index as Material does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        _write_index(handle, index["config"], index["docs"])


def updated_index(before: dict[str, Any], after: dict[str, Any], pages: Collection[str]) -> dict[str, Any]:
    """The index of a whole site after a build of some of its pages (a dirty build, as in a preview).

    The entries of each page in `after` replace that page's entries in `before`; the entries of
    pages no longer in the site (not in `pages`) go. Pages keep their order; new ones come last.
    """
    rebuilt: dict[str, list[Any]] = {}
    for entry in after["docs"]:
        rebuilt.setdefault(_page_of(entry["location"]), []).append(entry)
    docs: list[Any] = []
    placed: set[str] = set()
    for entry in before["docs"]:
        page = _page_of(entry["location"])
        if page in rebuilt:
            if page not in placed:
                docs.extend(rebuilt[page])
                placed.add(page)
        elif page in pages:
            docs.append(entry)
    docs.extend(entry for page, entries in rebuilt.items() if page not in placed for entry in entries)
    return {"config": after["config"], "docs": docs}


def _join_index(path: str, sources: Sequence[Path], out: Path, pages: Sequence[str]) -> None:
    """One search index from the shares' indexes: every entry once, in the site's page order."""
    order = {page: number for number, page in enumerate(pages)}
    # An edition's index (ar/search/...) gives addresses from its folder; the pages list from the top.
    folder = path[: -len(f"{SEARCH_DIR}/{SEARCH_INDEX}")]
    config, docs = None, []
    for source in sources:
        index = json.loads(source.read_bytes())
        if config is not None and index["config"] != config:
            raise MergeError(f"{path}: the shares' search settings differ")
        config = index["config"]
        docs.extend(index["docs"])
    # Sorting is stable: a page's entries stay in their order, and a page is in one share only.
    docs.sort(key=lambda entry: (order.get(folder + _page_of(entry["location"]), len(order)),
                                 "" if folder + _page_of(entry["location"]) in order else entry["location"]))
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        _write_index(handle, config, docs)


def _join_script(path: str, sources: Sequence[Path], out: Path) -> None:
    """The offline copy of a joined index: the same prefix around the joined JSON."""
    for source in sources:
        index = source.with_name(SEARCH_INDEX)
        expected = SCRIPT_PREFIX.encode() + (index.read_bytes() if index.is_file() else b"")
        if source.read_bytes() != expected:
            raise MergeError(f"{path}: not the search index behind {SCRIPT_PREFIX.strip()!r}")
    target = out / path
    with target.open("wb") as handle, target.with_name(SEARCH_INDEX).open("rb") as joined:
        handle.write(SCRIPT_PREFIX.encode())
        shutil.copyfileobj(joined, handle)


def _join_search(search: dict[str, list[Path]], count: int, out: Path, pages: Sequence[str]) -> None:
    for path, sources in sorted(search.items()):
        if len(sources) != count:
            raise MergeError(f"{path} is missing from {count - len(sources)} of the {count} shares")
    for path in sorted(p for p in search if p.endswith(SEARCH_INDEX)):
        _join_index(path, search[path], out, pages)
    for path in sorted(p for p in search if p.endswith(SEARCH_SCRIPT)):
        if path[: -len(SEARCH_SCRIPT)] + SEARCH_INDEX not in search:
            raise MergeError(f"{path} has no {SEARCH_INDEX} beside it")
        _join_script(path, search[path], out)


def _warnings(sidecars: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    """Each warning as often as the share that printed it most: once, when every share printed it."""
    most: Counter[tuple[str, str]] = Counter()
    for data in sidecars:
        for warning, seen in Counter((level, text) for level, text in data["warnings"]).items():
            most[warning] = max(most[warning], seen)
    return [warning for warning, seen in most.items() for _ in range(seen)]


def _links(sidecars: Sequence[dict[str, Any]], anchors: dict[str, list[str]]
           ) -> tuple[list[tuple[str, str]], list[list[Any]]]:
    """Warnings for links to anchors that the joined pages lack; the links still to check later."""
    found, pending = [], []
    known = {page: set(ids) for page, ids in anchors.items()}
    for data in sidecars:
        for target, anchor, level, message in data["links"]:
            if target not in known:
                pending.append([target, anchor, level, message])
            elif anchor not in known[target] and level >= logging.WARNING:
                found.append((logging.getLevelName(level), message))
    return found, pending


def merge(folders: Sequence[Path], out: Path, move: bool = False) -> Merged:
    """Join the shares in folders into out (moving their files if move); MergeError if they do not fit."""
    if any(folder.resolve() == out.resolve() for folder in folders):
        raise MergeError(f"{out}: the output folder cannot be one of the shares")
    sidecars = [read_sidecar(folder) for folder in folders]
    shares = [parse_share(data["share"]) for data in sidecars]
    whole = whole_of(shares)
    pages = sidecars[0]["pages"]
    if any(data["pages"] != pages for data in sidecars):
        raise MergeError("the shares were built from different data or configuration")
    ordered = sorted(zip(shares, folders, sidecars, strict=True), key=lambda item: item[0].levels)
    _clean(out)
    search = _place([(share, folder) for share, folder, _ in ordered], out, move)
    _join_search(search, len(ordered), out, pages)
    sidecars = [data for _, _, data in ordered]
    anchors = {page: ids for data in sidecars for page, ids in data["anchors"].items()}
    broken, pending = _links(sidecars, anchors)
    warnings = _warnings(sidecars) + broken
    if not whole.whole:  # a larger share: what the next merge needs
        data = {"share": str(whole), "pages": pages, "anchors": anchors, "links": pending,
                "warnings": warnings}
        (out / SIDECAR).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return Merged(whole, tuple(warnings))


def strict_summary(warnings: Sequence[tuple[str, str]]) -> str:
    """MkDocs' words when strict mode stops a build: 'Aborted with 2 warnings in strict mode!'."""
    counts = Counter(level for level, _ in warnings)
    order = sorted(counts, key=lambda level: -logging.getLevelNamesMapping().get(level, 0))
    return "Aborted with " + ", ".join(f"{counts[level]} {level.lower()}s" for level in order) + \
        " in strict mode!"
