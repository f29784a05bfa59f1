"""The offline bundle: the site built for file:// and packed as a reproducible zip."""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from . import __version__
from .edition import DATE, data_date, data_dates  # noqa: F401 - also imported from here
from .pipeline import load_checked
from .problems import errors

NAME = "iraq-protests-factsheet"
OFFLINE_CONFIG = Path("mkdocs-offline.yml")
# Built files a reader on file:// never loads: the JSON copy of the search index (file:// pages load
# search_index.js instead), the theme's source maps (for debugging its scripts) and the sitemap (for
# search engines). They would only add size.
LEFT_OUT = re.compile(r"(?:ar/)?search/search_index\.json|.*\.map|sitemap\.xml(\.gz)?")
# The zip format cannot store times before 1980.
ZIP_EPOCH = int(datetime(1980, 1, 1, tzinfo=UTC).timestamp())


def epoch_of(date: str) -> int:
    """Seconds since 1970 at midnight UTC on a YYYY[-MM[-DD]] date, 1980 at the earliest."""
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    moment = datetime(int(year), int(month), int(day), tzinfo=UTC)
    return max(int(moment.timestamp()), ZIP_EPOCH)


def bundle_name(date: str) -> str:
    """The zip's file name without .zip, which is also its top folder."""
    return f"{NAME}-offline-{__version__}-{date}"


def write_zip(site: Path, target: Path, folder: str, epoch: int) -> None:
    """Pack a directory as a zip that depends only on the files' paths and bytes."""
    stamp = datetime.fromtimestamp(max(epoch, ZIP_EPOCH), UTC).timetuple()[:6]
    files = sorted(path for path in site.rglob("*") if path.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", stamp)
            info.create_system = 3  # Unix, so that the permission bits below are read
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)


@contextmanager
def source_date_epoch(epoch: int) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH while building, unless the caller set it: MkDocs dates its sitemap by it."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def build_bundle(data: Path, config: Path, dist: Path, jobs: int | None = None) -> Path | None:
    """Build the offline site from data and write its zip into dist; None if the build failed."""
    from .cli import cmd_build, parser, report  # the cli imports this module

    dataset, problems = load_checked(data)
    if errors(problems):
        report(errors(problems))
        return None
    date = data_date(dataset)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or epoch_of(date))
    name = bundle_name(date)
    with tempfile.TemporaryDirectory(prefix="factsheet-bundle-") as tmp, source_date_epoch(epoch):
        site = Path(tmp) / name
        build = ["build", "--data", str(data), "--config", str(config), "--out", str(site)]
        if cmd_build(parser().parse_args(build + (["--jobs", str(jobs)] if jobs else []))) != 0:
            return None
        for path in list(site.rglob("*")):
            if path.is_file() and LEFT_OUT.fullmatch(path.relative_to(site).as_posix()):
                path.unlink()
        target = dist / f"{name}.zip"
        write_zip(site, target, name, epoch)
    return target


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the bundle subcommand."""
    parser.add_argument("--config", type=Path, default=OFFLINE_CONFIG,
                        help="MkDocs config of the offline build (default: mkdocs-offline.yml)")
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="where to write the zip")
    parser.add_argument("--jobs", type=int, metavar="N", help="build in N processes (default: one per core)")


def command(args: argparse.Namespace) -> int:
    """Build the offline site and write dist/<name>-offline-<version>-<data date>.zip."""
    target = build_bundle(args.data, args.config, args.dist, args.jobs)
    if target is None:
        return 1
    print(target)
    return 0
