"""Build time and site size of the English edition alone against both editions, as ratios of one run.

    .venv/bin/python scripts/bench_editions.py [--incidents 1000] [--jobs 2] [--work DIR]

On data/ and on a synthetic set (factsheet synth --incidents N), builds the site twice, one build
after the other in the same run: with FACTSHEET_LANGUAGES=en (the English edition alone) and with
every edition (English and Arabic). Prints each build's wall time and the site's size (bytes of
every file, and the number of HTML pages), and the ratios both / English. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def build(data: Path, out: Path, jobs: int, languages: str | None) -> float:
    """Seconds `factsheet build` takes, in a process of its own."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("FACTSHEET_LANGUAGES", None)
    if languages:
        env["FACTSHEET_LANGUAGES"] = languages
    start = time.perf_counter()
    command = [str(BIN / "factsheet"), "build", "--data", str(data), "--out", str(out), "--jobs", str(jobs)]
    subprocess.run(command, check=True, env=env, cwd=PROJECT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def size(site: Path) -> tuple[int, int]:
    """Bytes of every file of a site, and how many HTML pages it has."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(p.suffix == ".html" for p in files)


def measure(label: str, data: Path, work: Path, jobs: int) -> None:
    found = {}
    for name, languages in (("English only", "en"), ("both editions", None)):
        out = work / f"{label}-{'en' if languages else 'all'}"
        seconds = build(data, out, jobs, languages)
        found[name] = (seconds, *size(out))
    print(f"\n{label}: factsheet build --jobs {jobs}")
    print(f"  {'':14} {'seconds':>8} {'bytes':>14} {'pages':>7}")
    for name, (seconds, total, pages) in found.items():
        print(f"  {name:14} {seconds:8.1f} {total:14,} {pages:7,}")
    (s1, b1, p1), (s2, b2, p2) = found["English only"], found["both editions"]
    print(f"  ratio both / English: time {s2 / s1:.2f}, bytes {b2 / b1:.2f}, pages {p2 / p1:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incidents", type=int, default=1000, help="synthetic incidents (default 1000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="build processes")
    parser.add_argument("--work", type=Path, help="folder for the sites (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-editions-") as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        measure("data/", PROJECT / "data", work, args.jobs)
        synthetic = work / "synthetic"
        command = [str(BIN / "factsheet"), "synth", "--incidents", str(args.incidents),
                   "--out", str(synthetic), "--force"]
        subprocess.run(command, check=True, cwd=PROJECT, stdout=subprocess.DEVNULL)
        measure(f"synthetic, {args.incidents} incidents", synthetic, work, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
