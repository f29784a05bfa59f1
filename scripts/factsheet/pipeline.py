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


LANGUAGES_ENV = "FACTSHEET_LANGUAGES"  # "en" builds the English edition alone (the benchmark compares)


def languages() -> tuple[str, ...]:
    """The editions to build: every language, or those FACTSHEET_LANGUAGES lists (English always)."""
    from .i18n import LANGUAGES

    wanted = [lang.strip() for lang in os.environ.get(LANGUAGES_ENV, "").split(",") if lang.strip()]
    unknown = [lang for lang in wanted if lang not in LANGUAGES]
    if unknown:
        raise ValueError(f"{LANGUAGES_ENV}: no edition in {', '.join(unknown)} "
                         f"(editions: {', '.join(LANGUAGES)})")
    return tuple(lang for lang in LANGUAGES if lang == "en" or lang in wanted) if wanted else LANGUAGES


def render_site(dataset: Dataset) -> dict:
    """Link, cite and render a valid dataset: {site path: render.Output}."""
    from . import cite, link, render  # the rendering stages are not needed to validate

    return render.site(dataset, link.link(dataset), cite.format_sources(dataset.sources), _schemas(),
                       languages())


def render_pages(dataset: Dataset) -> Iterator[tuple[str, Any]]:
    """render_site one page at a time, in no particular order: (site path, render.Output)."""
    from . import cite, link, render

    yield from render.pages(dataset, link.link(dataset), cite.format_sources(dataset.sources), _schemas(),
                            languages())


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
class Run:
    """One process of a build: what it was, its log, time, peak memory and exit status."""

    step: str
    log: Path
    seconds: float = 0.0
    max_rss_mib: float = 0.0
    status: int | None = None  # None: not started, because an earlier process had failed

    def report(self) -> dict[str, Any]:
        """As factsheet build --report writes it."""
        return {"step": self.step, "seconds": round(self.seconds, 2),
                "max_rss_mib": round(self.max_rss_mib, 1), "exit": self.status}


def run_process(step: str, argv: Sequence[str], log: Path) -> Run:
    """Run a command with its output going to log."""
    start = time.perf_counter()
    with log.open("wb") as output:
        child = subprocess.Popen(list(argv), stdout=output, stderr=subprocess.STDOUT)
        # wait4 rather than wait: it also gives the child's peak memory.
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(step, log, time.perf_counter() - start, usage.ru_maxrss / 1024, child.returncode)


def run_shares(command: Sequence[str], shares: Sequence[Share], jobs: int, work: Path) -> list[Run]:
    """Build each share in a process of its own, jobs at a time: command + --shard S --out FOLDER.

    The output of the n-th share is work/share-n, its log work/share-n.log.
    """
    failed = threading.Event()

    def run(number: int, share: Share) -> Run:
        folder, log = work / f"share-{number}", work / f"share-{number}.log"
        if failed.is_set():
            return Run(f"share {share}", log)
        done = run_process(f"share {share}", [*command, "--shard", str(share), "--out", str(folder)], log)
        if done.status != 0 and not (folder / SIDECAR).is_file():
            failed.set()  # a crash, not warnings: the other shares would be of no use
        return done

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(run, range(1, len(shares) + 1), shares))
