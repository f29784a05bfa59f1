"""Benchmark the whole build at several dataset sizes; prints a table and writes bench/results/*.json.

    .venv/bin/python scripts/bench.py [--sizes 1000 10000] [--seed 1] [--work DIR] [--keep] [--weight-only]

For each size: make a synthetic data directory (factsheet synth), validate it cold (empty parse
cache) and warm (twice, the faster counts), build the site (factsheet build, with the time spent
loading and rendering inside it measured), then build the same rendered Markdown bare: MkDocs with
the same theme and Markdown extensions, no hooks, only the index pages in the navigation. Every
measured step runs in its own process, so its time and peak memory (RSS) are its own.

Then what a reader downloads (scripts/bench_weight.py, in Chromium): the largest incident page's
first load, everything included, and a first search, raw and gzip-compressed, on each synthetic site
and on a build of the project's own data/. --weight-only skips the timed steps but the build. The
targets are reported next to the figures; none is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
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
    step = {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "max_rss_mib": round(usage.ru_maxrss / 1024, 1), "exit": child.returncode}
    text = out.read_text("utf-8").strip()
    if text.startswith("{"):
        step["report"] = json.loads(text)
    if child.returncode != 0:
        raise SystemExit(f"bench: step {name} failed (exit {child.returncode}); see {log}")
    print(f"  {name:<14} {wall:8.1f} s wall {step['cpu_s']:8.1f} s cpu {step['max_rss_mib']:8.0f} MiB",
          file=sys.stderr)
    return step


def site_stats(site: Path) -> dict[str, Any]:
    """Size, page count and the largest record and index pages of a built site."""
    total, pages, incident, index, search = 0, 0, (0, ""), (0, ""), 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        relative = path.relative_to(site).as_posix()
        if relative.startswith("search/search_index"):
            search = max(search, size)
        if path.suffix != ".html" or relative == "404.html":
            continue
        pages += 1
        top = relative.split("/")[0]
        if top == "incident":
            incident = max(incident, (size, relative))
        elif top not in RECORD_DIRS:
            index = max(index, (size, relative))
    return {"bytes": total, "html_pages": pages, "search_index_bytes": search,
            "largest_incident_page": {"bytes": incident[0], "path": incident[1]},
            "largest_index_page": {"bytes": index[0], "path": index[1]}}


def page_weight(site: Path, stats: dict[str, Any]) -> dict[str, Any]:
    """The bytes of the largest incident page's first load and of a first search, or why not measured."""
    import bench_weight

    if not bench_weight.CHROMIUM.is_file():
        return {"skipped": f"{bench_weight.CHROMIUM} is missing (scripts/install-system-deps.sh)"}
    try:
        import playwright  # noqa: F401 - only to know whether it is there
    except ImportError:
        return {"skipped": "playwright is not installed (pip install -e '.[test]')"}
    page = stats["largest_incident_page"]["path"].removesuffix("index.html")
    return bench_weight.measure(site, page)


def measure_data(work: Path) -> dict[str, Any]:
    """The project's own data: built as `factsheet build` builds it, then weighed."""
    print(f"the project's data (work in {work})", file=sys.stderr)
    env = dict(os.environ, FACTSHEET_CACHE=str(work / "cache"), NO_MKDOCS_2_WARNING="1")
    site = work / "site"
    build = [str(BIN / "factsheet"), "build", "--data", str(PROJECT / "data"), "--out", str(site)]
    step = run("build", build, env, work / "bench.log")
    stats = site_stats(site)
    incidents = len(list((PROJECT / "data" / "incidents").glob("*.yml")))
    return {"label": "data/", "incidents": incidents, "steps": {"build": step}, "site": stats,
            "weight": page_weight(site, stats)}


def measure_build_only(size: int, seed: int, work: Path) -> dict[str, Any]:
    """Synthetic data of one size, built and weighed, without the timed validation and bare steps."""
    print(f"{size} incidents, build and weight only (work in {work})", file=sys.stderr)
    data, site, log = work / "data", work / "site", work / "bench.log"
    env = dict(os.environ, FACTSHEET_CACHE=str(work / "cache"), NO_MKDOCS_2_WARNING="1")
    factsheet = str(BIN / "factsheet")
    run("synth", [factsheet, "synth", "--incidents", str(size), "--seed", str(seed), "--out", str(data)],
        env, log)
    step = run("build", [factsheet, "build", "--data", str(data), "--out", str(site)], env, log)
    stats = site_stats(site)
    return {"label": f"{size:,} incidents", "incidents": size, "seed": seed, "steps": {"build": step},
            "site": stats, "weight": page_weight(site, stats)}


def measure(size: int, seed: int, work: Path) -> dict[str, Any]:
    """Every step for one dataset size."""
    print(f"{size} incidents (work in {work})", file=sys.stderr)
    data, site, docs, bare = work / "data", work / "site", work / "docs", work / "site-bare"
    log = work / "bench.log"
    env = dict(os.environ, FACTSHEET_CACHE=str(work / "cache"), NO_MKDOCS_2_WARNING="1")
    factsheet = [str(BIN / "factsheet")]
    me = [sys.executable, str(Path(__file__).resolve())]
    steps = {"synth": run("synth", factsheet + ["synth", "--incidents", str(size), "--seed", str(seed),
                                                "--out", str(data)], env, log)}
    validate = factsheet + ["validate", "--data", str(data)]
    steps["validate_cold"] = run("validate-cold", validate, env, log)
    warm = [run(f"validate-warm{i}", validate, env, log) for i in (1, 2)]
    steps["validate_warm"] = min(warm, key=lambda s: s["wall_s"])
    steps["build"] = run("build", me + ["--step", "build", str(data), str(site), str(docs)], env, log)
    steps["bare_build"] = run("bare-build", me + ["--step", "bare", str(docs), str(bare)], env, log)
    inner = steps["build"]["report"]
    total = steps["build"]["wall_s"]
    share = (inner["load_checked_s"] + inner["render_s"]) / total
    stats, bare_stats = site_stats(site), site_stats(bare)
    return {
        "label": f"{size:,} incidents", "weight": page_weight(site, stats),
        "incidents": size, "seed": seed, "steps": steps,
        "build": {"total_s": total, "load_and_validate_s": inner["load_checked_s"],
                  "load_calls": inner["load_checked_calls"], "render_s": inner["render_s"],
                  "mkdocs_s": round(total - inner["load_checked_s"] - inner["render_s"], 2),
                  "validate_and_render_share": round(share, 3),
                  "per_page_ms": round(1000 * total / max(1, stats["html_pages"]), 2),
                  "per_incident_ms": round(1000 * total / size, 2)},
        "site": stats, "bare": {"wall_s": steps["bare_build"]["wall_s"], **bare_stats},
        "total_over_bare": round(total / steps["bare_build"]["wall_s"], 2),
        "total_over_bare_cpu": round(steps["build"]["cpu_s"] / steps["bare_build"]["cpu_s"], 2),
        "peak_rss_mib": max(s["max_rss_mib"] for s in steps.values()),
    }


def step_build(data: str, site: str, docs: str) -> None:
    """factsheet build, timing the loading and rendering in it; then the Markdown for the bare build."""
    from factsheet import cli, pipeline, write

    spent = {"load_checked_s": 0.0, "load_checked_calls": 0, "render_s": 0.0}
    rendered: dict[str, Any] = {}
    load_checked, render_site = pipeline.load_checked, pipeline.render_site

    def timed_load(root: Path) -> Any:
        start = time.perf_counter()
        try:
            return load_checked(root)
        finally:
            spent["load_checked_s"] += time.perf_counter() - start
            spent["load_checked_calls"] += 1

    def timed_render(dataset: Any) -> Any:
        start = time.perf_counter()
        result = render_site(dataset)
        spent["render_s"] += time.perf_counter() - start
        rendered.update(result)
        return result

    # The hook imports these names from pipeline when MkDocs loads it, after this patch.
    pipeline.load_checked = cli.load_checked = timed_load  # type: ignore[assignment]
    pipeline.render_site = timed_render  # type: ignore[assignment]
    status = cli.main(["build", "--data", data, "--out", site])
    if status:
        raise SystemExit(status)
    write.write_tree({path: output.content for path, output in rendered.items()}, Path(docs))
    nav = [path for path, output in rendered.items() if output.listed]
    (Path(docs) / ".nav.json").write_text(json.dumps(nav), "utf-8")
    print(json.dumps({k: round(v, 3) for k, v in spent.items()}))


def step_bare(docs: str, site: str) -> None:
    """MkDocs alone on the rendered Markdown: same theme and extensions, no hooks, indexes in the nav."""
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load  # mkdocs.yml uses MkDocs's !ENV tag

    try:
        extensions = yaml_load((PROJECT / "mkdocs.yml").read_text("utf-8"))["markdown_extensions"]
    except (yaml.YAMLError, KeyError):
        extensions = ["attr_list", "md_in_html", "tables", "footnotes", "toc"]
    nav = json.loads((Path(docs) / ".nav.json").read_text("utf-8"))
    config = {"site_name": "bare", "docs_dir": str(Path(docs).resolve()),
              "site_dir": str(Path(site).resolve()), "theme": {"name": "material", "font": False},
              "markdown_extensions": extensions, "nav": nav}
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

    def kb(n: int) -> str:
        return f"{n / 1024:,.1f} KB"

    lines = ["| | " + " | ".join(f"{r['incidents']:,} incidents" for r in results) + " |",
             "|---|" + "---|" * len(results),
             row("validate, cold (s)", lambda r: r["steps"]["validate_cold"]["wall_s"]),
             row("validate, warm (s)", lambda r: r["steps"]["validate_warm"]["wall_s"]),
             row("build: load and validate (s)", lambda r: r["build"]["load_and_validate_s"]),
             row("build: render (s)", lambda r: r["build"]["render_s"]),
             row("build: MkDocs (s)", lambda r: r["build"]["mkdocs_s"]),
             row("build: total (s)", lambda r: r["build"]["total_s"]),
             row("build: total CPU time (s)", lambda r: r["steps"]["build"]["cpu_s"]),
             row("validate + render share of total",
                 lambda r: f"{100 * r['build']['validate_and_render_share']:.1f}%"),
             row("bare MkDocs build of the same pages (s)", lambda r: r["bare"]["wall_s"]),
             row("bare build CPU time (s)", lambda r: r["steps"]["bare_build"]["cpu_s"]),
             row("total / bare (wall; CPU)", lambda r: f"{r['total_over_bare']}; {r['total_over_bare_cpu']}"),
             row("HTML pages", lambda r: f"{r['site']['html_pages']:,}"),
             row("per page (ms wall; CPU)", lambda r: f"{r['build']['per_page_ms']}; "
                 f"{1000 * r['steps']['build']['cpu_s'] / max(1, r['site']['html_pages']):.1f}"),
             row("per incident (ms)", lambda r: r["build"]["per_incident_ms"]),
             row("peak RSS of any step (MiB)", lambda r: r["peak_rss_mib"]),
             row("site size (MB)", lambda r: f"{r['site']['bytes'] / 1e6:,.1f}"),
             row("search index (MB)", lambda r: f"{r['site']['search_index_bytes'] / 1e6:,.1f}"),
             row("largest incident page", lambda r: kb(r["site"]["largest_incident_page"]["bytes"])),
             row("largest index page", lambda r: f"{kb(r['site']['largest_index_page']['bytes'])} "
                 f"({r['site']['largest_index_page']['path']})")]
    return "\n".join(lines)


def weight_table(results: list[dict[str, Any]]) -> str:
    """What a reader downloads, one column per site; KB are 1,024 bytes, gzip-compressed; raw."""
    weighed = [r for r in results if "skipped" not in r["weight"]]
    if not weighed:
        return "reader's downloads not measured: " + "; ".join({r["weight"]["skipped"] for r in results})

    def row(label: str, part: str) -> str:
        def cell(measured: dict[str, Any]) -> str:
            files = f"{measured['requests']} file" + ("s" if measured["requests"] != 1 else "")
            return f"{measured['gzip'] / 1024:,.1f} KB; {measured['raw'] / 1024:,.1f} KB ({files})"

        cells = [cell(r["weight"][part]) for r in weighed]
        return f"| {label} | " + " | ".join(cells) + " |"

    return "\n".join([
        "| what a reader downloads (gzip; raw) | " + " | ".join(r["label"] for r in weighed) + " |",
        "|---|" + "---|" * len(weighed),
        "| incident page | " + " | ".join(f"`{r['weight']['page']}`" for r in weighed) + " |",
        row("its HTML", "html"), row("everything else it loads", "rest"),
        row("first load, everything included", "first_load"),
        row(f"first search (\"{weighed[0]['weight']['first_search']['query']}\")", "first_search")])


def weight_targets(results: list[dict[str, Any]]) -> list[str]:
    """The page-weight targets with the figures they are judged on."""
    weighed = [r for r in results if "skipped" not in r["weight"]]
    if not weighed:
        return []
    heaviest = max(weighed, key=lambda r: r["weight"]["first_load"]["gzip"])
    first = heaviest["weight"]["first_load"]["gzip"] / 1024
    found = [f"incident page's first load < 120 KB gzip-compressed: {first:.1f} KB at {heaviest['label']} "
             f"({'met' if first < 120 else 'NOT met'})"]
    rest = {r["label"]: r["weight"]["rest"]["gzip"] for r in weighed}
    if len(rest) > 1:
        # The same files, byte for byte: compare their sizes raw and compressed.
        same = len({json.dumps(r["weight"]["rest"]["files"]) for r in weighed}) == 1
        found.append("first load apart from the page's own HTML the same at every size: "
                     + ", ".join(f"{label} {size / 1024:.1f} KB" for label, size in rest.items())
                     + f" ({'met' if same else 'NOT met'})")
    return found


def targets(results: list[dict[str, Any]]) -> list[str]:
    """Each target with the figure it is judged on."""
    big, small = results[-1], results[0]
    found = []
    if len(results) > 1:
        def cpu(r: dict[str, Any]) -> float:
            return r["steps"]["build"]["cpu_s"] / r["incidents"]

        growth = cpu(big) / cpu(small)
        wall = big["build"]["per_incident_ms"] / small["build"]["per_incident_ms"]
        verdict = "met" if growth <= 1.25 else "NOT met"
        found.append(f"build time linear in N: CPU time per incident x{growth:.2f} (wall x{wall:.2f}) "
                     f"from {small['incidents']:,} to {big['incidents']:,} ({verdict})")
    share = big["build"]["validate_and_render_share"]
    found.append(f"validate + render <= 10% of total at {big['incidents']:,}: {100 * share:.1f}% "
                 f"({'met' if share <= 0.10 else 'NOT met'})")
    warm = big["steps"]["validate_warm"]["wall_s"]
    found.append(f"validation of {big['incidents']:,} incidents <= 5 s warm: {warm} s "
                 f"({'met' if warm <= 5 else 'NOT met'})")
    peak = max(r["peak_rss_mib"] for r in results)
    found.append(f"peak memory < 1 GiB: {peak:.0f} MiB ({'met' if peak < 1024 else 'NOT met'})")
    page = max(r["site"]["largest_incident_page"]["bytes"] for r in results)
    found.append(f"incident page < 30 KB of HTML: largest {page / 1024:.1f} KB "
                 f"({'met' if page < 30 * 1024 else 'NOT met'})")
    index = max(r["site"]["largest_index_page"]["bytes"] for r in results)
    found.append(f"no index page over 1 MB: largest {index / MIB:.2f} MB "
                 f"({'met' if index <= MIB else 'NOT met'})")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="incidents per run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="keep data and sites here (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--weight-only", action="store_true",
                        help="only build and measure what a reader downloads (no timed steps)")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)  # a measured step, run as a child
    args = parser.parse_args()
    if args.step:
        {"build": step_build, "bare": step_bare}[args.step[0]](*args.step[1:])
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    base = args.work or Path(tempfile.mkdtemp(prefix="factsheet-bench-"))
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(),
               "load_average_at_start": os.getloadavg()}
    results = []
    started = time.perf_counter()
    try:
        work = base / "data"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        own = measure_data(work)
        (RESULTS / "bench-data.json").write_text(json.dumps(own, indent=2) + "\n", "utf-8")
        for size in sorted(args.sizes):
            work = base / str(size)
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            result = (measure_build_only if args.weight_only else measure)(size, args.seed, work)
            result["machine"] = {**machine, "load_average_at_end": os.getloadavg()}
            name = "weight" if args.weight_only else "bench"
            (RESULTS / f"{name}-{size}.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")
            results.append(result)
    finally:
        if not args.work and not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    if not args.weight_only:
        print(table(results))
        print()
    print(weight_table([own, *results]))
    print()
    for line in ([] if args.weight_only else targets(results)) + weight_targets([own, *results]):
        print(f"- {line}")
    loads = ", ".join(f"{x:.1f}" for x in machine["load_average_at_start"])
    print(f"\n{len(results)} sizes in {time.perf_counter() - started:.0f} s on {machine['cpus']} CPUs "
          f"(load average at start: {loads}); JSON in {RESULTS.relative_to(PROJECT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
