"""Benchmark the build at several dataset sizes, as ratios measured in one run; writes bench/results/.

    .venv/bin/python scripts/bench.py [--sizes 1000 10000] [--rounds R] [--seed 1] [--work DIR]

For each size: make a synthetic data directory (factsheet synth); validate it cold (empty parse
cache) and warm; render it once (factsheet render, for the bare build); then build the site in
rounds, each round running, one after another: the build in one process (--jobs 1), the build
in two (--jobs 2), MkDocs alone on the rendered Markdown (same theme and extensions, no hook),
and the build with ProperDocs (--engine properdocs --jobs 1). The order rotates from round to
round, and the ratios are taken within a round, so a machine that is busier at one moment than
another (a shared one) weighs on both sides of each ratio. Every step runs in its own process:
its time and peak memory (RSS) are its own; a build in several processes reports each of them.
Then it checks that the two-process site is byte-identical to the one-process site, that
ProperDocs' differs only in its generator tag, and weighs what a reader downloads for an
incident page and a first search (scripts/bench_reader.py, in Chromium). Targets are reported
next to the figures; none is asserted.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "results"
BIN = Path(sys.executable).parent
RECORD_DIRS = ("incident", "person", "organisation", "source")  # record pages; the rest are indexes
VARIANTS = ("serial", "jobs2", "bare", "properdocs")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
MIB = 1024 * 1024


def run(name: str, argv: list[str], env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run one step in a child process: its wall time, CPU time, peak RSS, and what it printed."""
    out = log.with_suffix(f".{name}.out")
    with out.open("wb") as stdout, log.open("ab") as stderr:
        stderr.write(f"\n== {name}: {' '.join(argv)}\n".encode())
        stderr.flush()
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=stdout, stderr=stderr, env=env, cwd=PROJECT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    # For a process that started others, the kernel reports the largest peak among it and them.
    step = {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "max_rss_mib": round(usage.ru_maxrss / 1024, 1), "exit": child.returncode}
    text = out.read_text("utf-8").strip()
    if text.startswith("{"):
        step["report"] = json.loads(text)
    if child.returncode != 0:
        raise SystemExit(f"bench: step {name} failed (exit {child.returncode}); see {log}")
    print(f"  {name:<18} {wall:8.1f} s wall {step['cpu_s']:8.1f} s cpu {step['max_rss_mib']:8.0f} MiB",
          file=sys.stderr)
    return step


def site_stats(site: Path) -> dict[str, Any]:
    """Size, page count, the largest record and index pages, and the largest search entry."""
    total, pages, incident, index = 0, 0, (0, ""), (0, "")
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        relative = path.relative_to(site).as_posix()
        if path.suffix != ".html" or relative == "404.html":
            continue
        pages += 1
        top = relative.split("/")[0]
        if top == "incident":
            incident = max(incident, (size, relative))
        elif top not in RECORD_DIRS:
            index = max(index, (size, relative))
    search = site / "search" / "search_index.json"
    docs = json.loads(search.read_bytes())["docs"]
    entry = max((len(doc["text"].encode("utf-8")), doc["location"]) for doc in docs)
    return {"bytes": total, "html_pages": pages, "search_index_bytes": search.stat().st_size,
            "largest_incident_page": {"bytes": incident[0], "path": incident[1]},
            "largest_index_page": {"bytes": index[0], "path": index[1]},
            "largest_search_entry": {"bytes": entry[0], "location": entry[1]}}


def differing(one: Path, two: Path, ignore: re.Pattern[bytes] | None = None) -> list[str]:
    """Files missing from either site or whose bytes differ (after removing what ignore matches)."""
    a = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    b = sorted(p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file())
    if a != b:
        return sorted(set(a) ^ set(b))
    found = []
    for path in a:
        if filecmp.cmp(one / path, two / path, shallow=False):
            continue
        if ignore and len({ignore.sub(b"", (root / path).read_bytes()) for root in (one, two)}) == 1:
            continue
        found.append(path)
    return found


def builds(variant: str, work: Path, data: Path, manifest: Path) -> list[str]:
    """The command line of one variant of the build."""
    factsheet = [str(BIN / "factsheet"), "build", "--data", str(data)]
    me = [sys.executable, str(Path(__file__).resolve())]
    return {
        "serial": factsheet + ["--jobs", "1", "--out", str(work / "site-serial")],
        "jobs2": factsheet + ["--jobs", "2", "--out", str(work / "site-jobs2"),
                              "--report", str(work / "jobs2-report.json")],
        "bare": me + ["--step", "bare", str(manifest), str(work / "site-bare")],
        "properdocs": factsheet + ["--jobs", "1", "--engine", "properdocs", "--out", str(work / "site-pd")],
    }[variant]


def measure(size: int, seed: int, rounds: int, work: Path) -> dict[str, Any]:
    """Every step for one dataset size."""
    print(f"{size} incidents, {rounds} rounds (work in {work})", file=sys.stderr)
    data, log = work / "data", work / "bench.log"
    env = dict(os.environ, FACTSHEET_CACHE=str(work / "cache"), NO_MKDOCS_2_WARNING="1")
    factsheet = [str(BIN / "factsheet")]
    steps = {"synth": run("synth", factsheet + ["synth", "--incidents", str(size), "--seed", str(seed),
                                                "--out", str(data)], env, log)}
    validate = factsheet + ["validate", "--data", str(data)]
    steps["validate_cold"] = run("validate-cold", validate, env, log)
    steps["validate_warm"] = min((run(f"validate-warm{i}", validate, env, log) for i in (1, 2)),
                                 key=lambda s: s["wall_s"])
    manifest = work / "rendered" / "pages.json"
    steps["render"] = run("render", factsheet + ["render", "--data", str(data), "--out",
                                                 str(work / "rendered" / "docs"), "--manifest",
                                                 str(manifest)], env, log)
    timings: list[dict[str, Any]] = []
    for number in range(rounds):
        order = VARIANTS[number % len(VARIANTS):] + VARIANTS[:number % len(VARIANTS)]
        found = {}
        for variant in order:
            found[variant] = run(f"{variant}-{number + 1}", builds(variant, work, data, manifest), env, log)
            if variant == "jobs2":
                found[variant]["processes"] = json.loads((work / "jobs2-report.json").read_text("utf-8"))
        timings.append(found)
    serial = work / "site-serial"
    reader = run("reader", [sys.executable, str(PROJECT / "scripts" / "bench_reader.py"), str(serial)],
                 env, log) if Path("/usr/bin/chromium").is_file() else None
    return {"incidents": size, "seed": seed, "steps": steps, "rounds": timings,
            "ratios": ratios(timings), "memory": memory(timings),
            "identical": {"jobs2_vs_serial": differing(serial, work / "site-jobs2"),
                          "properdocs_vs_serial_except_generator":
                              differing(serial, work / "site-pd", GENERATOR)},
            "site": site_stats(serial), "reader": reader["report"] if reader else None}


def ratios(timings: list[dict[str, Any]]) -> dict[str, Any]:
    """Each comparison's ratio of wall times within each round: median, lowest, highest."""
    pairs = {"jobs2_over_serial": ("jobs2", "serial"), "serial_over_bare": ("serial", "bare"),
             "jobs2_over_bare": ("jobs2", "bare"), "properdocs_over_serial": ("properdocs", "serial")}
    found = {}
    for name, (top, bottom) in pairs.items():
        values = [r[top]["wall_s"] / r[bottom]["wall_s"] for r in timings]
        found[name] = {"median": round(statistics.median(values), 3), "low": round(min(values), 3),
                       "high": round(max(values), 3), "rounds": [round(v, 3) for v in values]}
    found["seconds"] = {v: round(statistics.median(r[v]["wall_s"] for r in timings), 1) for v in VARIANTS}
    found["cpu_seconds"] = {v: round(statistics.median(r[v]["cpu_s"] for r in timings), 1) for v in VARIANTS}
    return found


def memory(timings: list[dict[str, Any]]) -> dict[str, Any]:
    """Peak RSS of each process: the one-process builds', and each of the two-process build's."""
    processes = timings[-1]["jobs2"]["processes"]["processes"]
    return {"serial_mib": max(r["serial"]["max_rss_mib"] for r in timings),
            "bare_mib": max(r["bare"]["max_rss_mib"] for r in timings),
            "properdocs_mib": max(r["properdocs"]["max_rss_mib"] for r in timings),
            "jobs2_processes": processes,
            "jobs2_largest_mib": max(p["max_rss_mib"] for p in processes)}


def step_bare(manifest: str, site: str) -> None:
    """MkDocs alone on the rendered Markdown: same theme and extensions, no hooks, indexes in the nav."""
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from factsheet.pipeline import read_manifest

    extensions = yaml.safe_load((PROJECT / "mkdocs.yml").read_text("utf-8"))["markdown_extensions"]
    rendered = read_manifest(Path(manifest))
    nav = [path for path, (_, listed) in rendered.files.items() if listed]
    config = {"site_name": "bare", "docs_dir": str(rendered.docs), "site_dir": str(Path(site).resolve()),
              "theme": {"name": "material", "font": False}, "markdown_extensions": extensions, "nav": nav}
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as handle:
        json.dump(config, handle)  # JSON is YAML
    try:
        build(load_config(handle.name))
    finally:
        os.unlink(handle.name)


def table(results: list[dict[str, Any]]) -> str:
    """The figures side by side, one column per size."""
    def row(label: str, get: Any) -> str:
        return f"| {label} | " + " | ".join(str(get(r)) for r in results) + " |"

    def ratio(name: str) -> Any:
        return lambda r: (f"{r['ratios'][name]['median']:.2f} "
                          f"({r['ratios'][name]['low']:.2f}–{r['ratios'][name]['high']:.2f})")

    def kb(n: int) -> str:
        return f"{n / 1024:,.1f} KB"

    def reader(part: str) -> Any:
        return lambda r: ("not measured" if not r["reader"] else
                          f"{kb(r['reader'][part]['bytes'])}; {kb(r['reader'][part]['gzip_bytes'])} gzip")

    def seconds(variant: str) -> Any:
        return lambda r: f"{r['ratios']['seconds'][variant]} s ({r['ratios']['cpu_seconds'][variant]} s CPU)"

    lines = ["| | " + " | ".join(f"{r['incidents']:,} incidents" for r in results) + " |",
             "|---|" + "---|" * len(results),
             row("rounds", lambda r: len(r["rounds"])),
             row("**--jobs 2 / --jobs 1** (median, range)", ratio("jobs2_over_serial")),
             row("**--jobs 1 / bare MkDocs**", ratio("serial_over_bare")),
             row("**--jobs 2 / bare MkDocs**", ratio("jobs2_over_bare")),
             row("**ProperDocs / MkDocs** (both --jobs 1)", ratio("properdocs_over_serial")),
             row("--jobs 2 output identical to --jobs 1",
                 lambda r: "yes" if not r["identical"]["jobs2_vs_serial"] else
                 f"NO: {len(r['identical']['jobs2_vs_serial'])} files"),
             row("ProperDocs output identical but for the generator tag",
                 lambda r: "yes" if not r["identical"]["properdocs_vs_serial_except_generator"] else
                 f"NO: {len(r['identical']['properdocs_vs_serial_except_generator'])} files"),
             row("peak RSS, --jobs 1 (MiB)", lambda r: r["memory"]["serial_mib"]),
             row("peak RSS, --jobs 2: each process (MiB)", lambda r: ", ".join(
                 f"{p['step']} {p['max_rss_mib']:.0f}" for p in r["memory"]["jobs2_processes"])),
             row("peak RSS, bare MkDocs; ProperDocs (MiB)",
                 lambda r: f"{r['memory']['bare_mib']}; {r['memory']['properdocs_mib']}"),
             row("incident page, first load: bytes; gzip", reader("first_load")),
             row("then a first search: bytes; gzip", reader("first_search")),
             row("seconds: --jobs 1", seconds("serial")),
             row("seconds: --jobs 2", seconds("jobs2")),
             row("seconds: bare MkDocs", seconds("bare")),
             row("seconds: ProperDocs", seconds("properdocs")),
             row("validate, cold / warm (s)", lambda r: f"{r['steps']['validate_cold']['wall_s']} / "
                 f"{r['steps']['validate_warm']['wall_s']}"),
             row("factsheet render (validate, render, write) (s)", lambda r: r["steps"]["render"]["wall_s"]),
             row("HTML pages", lambda r: f"{r['site']['html_pages']:,}"),
             row("site; search index (MB)", lambda r: f"{r['site']['bytes'] / 1e6:,.1f}; "
                 f"{r['site']['search_index_bytes'] / 1e6:,.1f}"),
             row("largest incident page", lambda r: kb(r["site"]["largest_incident_page"]["bytes"])),
             row("largest index page", lambda r: f"{kb(r['site']['largest_index_page']['bytes'])} "
                 f"({r['site']['largest_index_page']['path']})"),
             row("largest search entry", lambda r: f"{kb(r['site']['largest_search_entry']['bytes'])} "
                 f"({r['site']['largest_search_entry']['location'] or 'home'})")]
    return "\n".join(lines)


def targets(results: list[dict[str, Any]]) -> list[str]:
    """Each target with the figure it is judged on."""
    def met(ok: bool) -> str:
        return "met" if ok else "NOT met"

    found = []
    for r in results:
        n = f"{r['incidents']:,}"
        jobs = r["ratios"]["jobs2_over_serial"]
        if r["incidents"] <= 1000:
            found.append(f"--jobs 2 <= 0.6 of --jobs 1 at {n}: {jobs['median']:.2f} (rounds: "
                         f"{', '.join(f'{v:.2f}' for v in jobs['rounds'])}) ({met(jobs['median'] <= 0.6)})")
        largest = r["memory"]["jobs2_largest_mib"]
        found.append(f"no build process over 1 GiB at {n} with --jobs 2: largest {largest:.0f} MiB "
                     f"({met(largest < 1024)})")
        same = not r["identical"]["jobs2_vs_serial"]
        found.append(f"--jobs 2 byte-identical to --jobs 1 at {n}: {met(same)}")
        entry = r["site"]["largest_search_entry"]
        found.append(f"no search entry over 128 KiB (Zensical's limit) at {n}: largest "
                     f"{entry['bytes'] / 1024:.1f} KiB at {entry['location'] or 'home'} "
                     f"({met(entry['bytes'] <= 128 * 1024)})")
        if r["reader"]:
            first = r["reader"]["first_load"]["gzip_bytes"]
            found.append(f"incident page's first load under 120 KB gzip at {n}: {first / 1024:.0f} KB "
                         f"({met(first < 120 * 1024)})")
    if len(results) > 1:
        small, big = results[0], results[-1]

        def cpu(r: dict[str, Any]) -> float:
            return r["ratios"]["cpu_seconds"]["serial"] / r["incidents"]

        found.append(f"build time linear in N: CPU time per incident x{cpu(big) / cpu(small):.2f} from "
                     f"{small['incidents']:,} to {big['incidents']:,} ({met(cpu(big) / cpu(small) <= 1.25)})")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="incidents per run")
    parser.add_argument("--rounds", type=int,
                        help="rounds of builds (default: 3 up to 2,000 incidents, then 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="keep data and sites here (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)  # a measured step, run as a child
    args = parser.parse_args()
    if args.step:
        {"bare": step_bare}[args.step[0]](*args.step[1:])
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    base = args.work or Path(tempfile.mkdtemp(prefix="factsheet-bench-"))
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(),
               "load_average_at_start": os.getloadavg()}
    results = []
    started = time.perf_counter()
    try:
        for size in sorted(args.sizes):
            work = base / str(size)
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            result = measure(size, args.seed, args.rounds or (3 if size <= 2000 else 1), work)
            result["machine"] = {**machine, "load_average_at_end": os.getloadavg()}
            (RESULTS / f"bench-{size}.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")
            results.append(result)
    finally:
        if not args.work and not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print(table(results))
    print()
    for line in targets(results):
        print(f"- {line}")
    loads = ", ".join(f"{x:.1f}" for x in machine["load_average_at_start"])
    print(f"\n{len(results)} sizes in {time.perf_counter() - started:.0f} s on {machine['cpus']} CPUs "
          f"(load average at start: {loads}); JSON in {RESULTS.relative_to(PROJECT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
