"""The stages in order: load -> validate -> link -> cite -> render -> write; a build in several processes."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .load import collector_paused, read_data
from .model import Dataset
from .problems import DataError, Problem, errors
from .schema import SCHEMA_DIR
from .shares import SIDECAR, Share
from .validate import validate


def load_checked(root: Path) -> tuple[Dataset, list[Problem]]:
    """Read and check a data directory: the records that are valid, and every problem."""
    with collector_paused():  # millions of acyclic objects: collections would only cost time
        return validate(read_data(root))


def load_dataset(root: Path) -> Dataset:
    """The records of a data directory, or DataError if it has errors."""
    dataset, problems = load_checked(root)
    if errors(problems):
        raise DataError(errors(problems))
    return dataset


def render_site(dataset: Dataset) -> dict:
    """Link, cite and render a valid dataset: {site path: render.Output}."""
    from . import cite, link, render  # the rendering stages are not needed to validate

    return render.site(dataset, link.link(dataset), cite.format_sources(dataset.sources), _schemas())


def render_pages(dataset: Dataset) -> Iterator[tuple[str, Any]]:
    """render_site one page at a time, in no particular order: (site path, render.Output)."""
    from . import cite, link, render

    yield from render.pages(dataset, link.link(dataset), cite.format_sources(dataset.sources), _schemas())


def _schemas() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}


@dataclass(frozen=True)
class Rendered:
    """Pages that factsheet render wrote, as its --manifest file lists them (see write_manifest)."""

    docs: Path
    epoch: int  # the date builds give their sitemap: the newest date in the data
    files: dict[str, tuple[str, bool]]  # site path -> (origin, in the navigation), in site order


def write_manifest(target: Path, docs: Path, epoch: int, files: dict[str, tuple[str, bool]]) -> None:
    """List rendered pages for a build to read instead of rendering the data again."""
    docs_path = os.path.relpath(docs.resolve(), target.resolve().parent)  # both may move together
    data = {"docs": Path(docs_path).as_posix(), "epoch": epoch,
            "files": {path: list(files[path]) for path in sorted(files)}}
    target.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")


def read_manifest(source: Path) -> Rendered:
    """The pages a manifest lists; ValueError if it is not one."""
    try:
        data = json.loads(source.read_text("utf-8"))
        files = {path: (origin, bool(listed)) for path, (origin, listed) in data["files"].items()}
        return Rendered(source.resolve().parent / data["docs"], int(data["epoch"]), files)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{source}: not a manifest of factsheet render ({exc})") from None


@dataclass(frozen=True)
class ShareRun:
    """One share's build process: its output folder and log, time, peak memory and exit status."""

    share: Share
    folder: Path
    log: Path
    seconds: float
    max_rss_mib: float
    status: int | None  # None: not started, because another share had failed


def run_shares(command: Sequence[str], shares: Sequence[Share], jobs: int, work: Path) -> list[ShareRun]:
    """Build each share in a process of its own, jobs at a time: command + --shard S --out FOLDER."""
    failed = threading.Event()

    def run(number: int, share: Share) -> ShareRun:
        folder, log = work / f"share-{number}", work / f"share-{number}.log"
        if failed.is_set():
            return ShareRun(share, folder, log, 0.0, 0.0, None)
        start = time.perf_counter()
        with log.open("wb") as output:
            child = subprocess.Popen([*command, "--shard", str(share), "--out", str(folder)],
                                     stdout=output, stderr=subprocess.STDOUT)
            # wait4 rather than wait: it also gives the child's peak memory.
            _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0 and not (folder / SIDECAR).is_file():
            failed.set()  # a crash, not warnings: the other shares would be of no use
        return ShareRun(share, folder, log, time.perf_counter() - start, usage.ru_maxrss / 1024,
                        child.returncode)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(run, range(1, len(shares) + 1), shares))
