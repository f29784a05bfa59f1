"""The factsheet command: validate, build, serve and export the data."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import resource
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from . import annotate, bundle, diff, export, merge, scaffold, synth, translated
from .pipeline import Run, load_checked, read_manifest, run_process, run_shares
from .problems import Problem, errors
from .shares import (
    INCIDENTS_PER_MACHINE,
    SIDECAR,
    Share,
    cores,
    machine_shares,
    parse_share,
    share_count,
)

DEFAULT_DATA = Path("data")
DEFAULT_CONFIG = Path("mkdocs.yml")


def report(problems: list[Problem], fmt: str = "text") -> None:
    """Print problems one a line: text to stderr; workflow commands to stdout, where runners read them."""
    for problem in problems:
        if fmt == "github":
            print(annotate.command(problem))
        else:
            print(str(problem), file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every record; exit 1 on any error."""
    dataset, problems = load_checked(args.data)
    report(problems, args.format)
    count = len(errors(problems))
    warnings = len(problems) - count
    summary = (f"{len(dataset.incidents)} incidents, {len(dataset.people)} people, "
               f"{len(dataset.organisations)} organisations, {len(dataset.sources)} sources: "
               f"{count} errors, {warnings} warnings")
    print(summary, file=sys.stderr)
    return 1 if count else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write every claim as CSV or JSON to stdout."""
    dataset, problems = load_checked(args.data)
    if errors(problems):
        report(errors(problems))
        return 1
    writer = export.to_csv if args.format == "csv" else export.to_json
    sys.stdout.write(writer(dataset))
    return 0


def _mkdocs_env(data: Path, pages: Path | None = None) -> None:
    # The MkDocs hook reads the data directory, or the pages rendered already, from here (see
    # scripts/factsheet/mkdocs_hooks.py).
    os.environ["FACTSHEET_DATA"] = str(data.resolve())
    if pages is not None:
        os.environ["FACTSHEET_PAGES"] = str(pages.resolve())
    else:
        os.environ.pop("FACTSHEET_PAGES", None)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _mkdocs_logging(level: int) -> None:
    # MkDocs only prints its warnings (broken links, ...) through its own command line's handler.
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


def cmd_render(args: argparse.Namespace) -> int:
    """Validate, then write the site's Markdown and downloads to a directory (for any engine)."""
    from .bundle import data_date, epoch_of
    from .pipeline import render_pages, write_manifest
    from .write import write_stream

    dataset, problems = load_checked(args.data)
    if errors(problems):
        report(errors(problems))
        return 1
    listed: dict[str, tuple[str, bool]] = {}

    def contents() -> Iterator[tuple[str, str]]:
        for path, output in render_pages(dataset):  # one at a time: a large site need not fit in memory
            listed[path] = (output.origin, output.listed)
            yield path, output.content

    done = write_stream(contents(), args.out)
    if args.manifest:
        write_manifest(args.manifest, args.out, epoch_of(data_date(dataset)), listed)
    print(f"{args.out}: {len(done.written)} written, {len(done.unchanged)} unchanged, "
          f"{len(done.removed)} removed", file=sys.stderr)
    return 0


def _select_engine(name: str) -> None:
    # ProperDocs, the maintained fork of MkDocs 1.x, serves every `mkdocs` import (the hook's, the
    # theme's) once this module is imported; it must come before anything imports mkdocs.
    if name == "properdocs":
        importlib.import_module("properdocs.replacement")


def _share_option(text: str) -> Share:
    try:
        return parse_share(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _jobs_option(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    return int(text)


def _report_warnings(warnings: Sequence[tuple[str, str]]) -> None:
    log = logging.getLogger("mkdocs.factsheet")
    for level, message in warnings:
        log.log(logging.getLevelNamesMapping().get(level, logging.WARNING), message)


def cmd_build(args: argparse.Namespace) -> int:
    """Validate, then build the site with MkDocs: in one process, or in shares merged afterwards."""
    share = args.shard or Share()
    if args.jobs == 1 and share.whole and not args.pages:
        _, problems = load_checked(args.data)
        if errors(problems):
            report(errors(problems))
            return 1
    _mkdocs_env(args.data, args.pages)
    _select_engine(args.engine)
    _mkdocs_logging(logging.WARNING)
    if args.jobs == 1 and (share.whole or args.pages):
        return _build_one(args, share)
    return _build_split(args, share)


def _build_one(args: argparse.Namespace, share: Share) -> int:
    from mkdocs.exceptions import MkDocsException

    from .mkdocs_hooks import build_site

    try:
        build_site(str(args.config), str(args.out.resolve()), share)
    except MkDocsException as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


def _build_split(args: argparse.Namespace, share: Share) -> int:
    """Render once, then build the pages in shares, args.jobs processes at a time, and merge them."""
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    # Beside the output, so that the shares' files move into it rather than being copied.
    with tempfile.TemporaryDirectory(prefix=f".{out.name}-build-", dir=out.parent) as tmp:
        try:
            return _render_and_build(args, share, Path(tmp), out, runs)
        finally:
            if args.report:
                own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                steps = [run.report() for run in runs] + [
                    {"step": "merge (the command itself)", "max_rss_mib": round(own, 1)}]
                args.report.write_text(json.dumps({"processes": steps}, indent=2) + "\n", "utf-8")


def _render_and_build(args: argparse.Namespace, share: Share, work: Path, out: Path, runs: list[Run]) -> int:
    me = [sys.executable, "-m", "factsheet.cli"]
    pages = args.pages
    if pages is None:  # in a process of its own, whose memory is given back when it ends
        pages = work / "pages.json"
        render = [*me, "render", "--data", str(args.data), "--out", str(work / "docs"), "--manifest"]
        runs.append(run_process("render", [*render, str(pages)], work / "render.log"))
        if runs[-1].status != 0:
            sys.stderr.write(runs[-1].log.read_text("utf-8", "replace"))
            return 1
    try:
        size = sum(path.endswith(".md") for path in read_manifest(pages).files)
    except ValueError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    shares = share.split(share_count(args.jobs, round(size * share.fraction())))
    # --data too: the search hook reads the names of the data to fold them (mkdocs_search.py).
    command = [*me, "build", "--pages", str(pages.resolve()), "--jobs", "1", "--data",
               str(args.data.resolve()),
               "--config", str(args.config.resolve()), "--engine", args.engine]
    built = run_shares(command, shares, args.jobs, work)
    runs.extend(built)
    folders = [work / f"share-{number}" for number in range(1, len(shares) + 1)]
    # A share whose build stopped at warnings (strict mode) still wrote its files: the merge
    # reports the warnings of all shares together. Anything else is a crash, shown as it was.
    crashed = [run for run, folder in zip(built, folders, strict=True)
               if run.status and not (folder / SIDECAR).is_file()]
    for run in crashed:
        print(f"{run.step} failed (exit {run.status}):", file=sys.stderr)
        sys.stderr.write(run.log.read_text("utf-8", "replace"))
    if crashed:
        return 1
    try:
        return _merged(merge.merge(folders, out, move=True))
    except merge.MergeError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1


def _merged(result: merge.Merged) -> int:
    """Report a merge's warnings; strict, like every build here: any warning fails it."""
    _report_warnings(result.warnings)
    if result.warnings:
        print(f"build failed: {merge.strict_summary(result.warnings)}", file=sys.stderr)
        return 1
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Join the output folders of factsheet build --shard into one site (or a larger share)."""
    _mkdocs_logging(logging.WARNING)
    try:
        return _merged(merge.merge(args.shares, args.out))
    except merge.MergeError as exc:
        print(f"merge failed: {exc}", file=sys.stderr)
        return 1


def cmd_shards(args: argparse.Namespace) -> int:
    """Validate, then print how many machines should build the site, and their shares."""
    dataset, problems = load_checked(args.data)
    if errors(problems):
        report(errors(problems))
        return 1
    shares = [str(share) for share in machine_shares(len(dataset.incidents), args.per_machine)]
    if args.format == "github":  # lines for $GITHUB_OUTPUT: a job matrix reads the list
        print(f"machines={len(shares)}")
        print(f"shards={json.dumps([s for s in shares if s])}")
    else:
        print(json.dumps({"machines": len(shares), "shards": [s for s in shares if s]}))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Preview the site, rebuilding what changed (the edited records' pages first)."""
    _mkdocs_env(args.data)
    _mkdocs_logging(logging.INFO)
    if args.full_rebuild:
        from mkdocs.commands.serve import serve

        serve(str(args.config), dev_addr=args.addr, livereload=True, watch=[str(args.data)])
        return 0
    from .preview import serve as preview

    return preview(args.data, args.config, args.addr)


def cmd_catalogue(args: argparse.Namespace) -> int:
    """Write locale/factsheet.pot from the code and vocabularies, and bring each .po in step with it."""
    from . import catalogue

    for path in catalogue.write():
        print(path, file=sys.stderr)
    missing = catalogue.untranslated()
    for lang, message in missing:
        print(f"{catalogue.catalogue_path(lang)}: untranslated: {message}", file=sys.stderr)
    return 1 if missing else 0


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="data directory (default: data)")


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    top = argparse.ArgumentParser(prog="factsheet", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands: list[tuple[str, Callable[[argparse.Namespace], int], str]] = [
        ("validate", cmd_validate, "check every record; print path:line: code: message"),
        ("build", cmd_build, "validate and build the site"),
        ("merge", cmd_merge, "join the output folders of build --shard into one site"),
        ("shards", cmd_shards, "print how many machines should build the site, and the share of each"),
        ("render", cmd_render, "validate and write the site's Markdown pages and downloads to a directory"),
        ("serve", cmd_serve, "preview the site on a local address, rebuilding on change"),
        ("export", cmd_export, "write every claim as CSV or JSON to stdout"),
        ("new", scaffold.command, "write a commented skeleton incident, person or organisation"),
        ("diff", diff.command, "list the records and figures changed since a git revision, as Markdown"),
        ("synth", synth.command, "write a synthetic data directory of N incidents (for benchmarks)"),
        ("bundle", bundle.command, "build the offline site and write it as a zip into dist/"),
        ("translated", translated.command,
         "record that the Arabic texts of some files translate their English as it now is"),
        ("catalogue", cmd_catalogue, "extract the site's own words into the .pot and update each .po"),
    ]
    subs = {}
    for name, func, help_text in commands:
        subs[name] = sub.add_parser(name, help=help_text, description=help_text)
        subs[name].set_defaults(func=func)
        if name not in ("merge", "catalogue"):
            _data_option(subs[name])
    subs["validate"].add_argument("--format", choices=["text", "github"], default="text",
                                  help="text (path:line: code: message) or github annotations")
    subs["export"].add_argument("--format", choices=["csv", "json"], required=True)
    scaffold.add_arguments(subs["new"])
    diff.add_arguments(subs["diff"])
    synth.add_arguments(subs["synth"])
    bundle.add_arguments(subs["bundle"])
    translated.add_arguments(subs["translated"])
    for name in ("build", "serve"):
        subs[name].add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="MkDocs config")
    subs["build"].add_argument("--out", type=Path, default=Path("site"), help="output directory")
    subs["build"].add_argument("--jobs", type=_jobs_option, default=cores(), metavar="N",
                               help=f"build in N processes (default: the number of cores, {cores()})")
    subs["build"].add_argument("--shard", type=_share_option, metavar="K/N",
                               help="build only the K-th of N shares, for factsheet merge to join")
    subs["build"].add_argument("--engine", choices=["mkdocs", "properdocs"], default="mkdocs",
                               help="MkDocs, or ProperDocs (its maintained fork, if installed)")
    subs["build"].add_argument("--report", type=Path, metavar="FILE",
                               help="with several processes: write each one's time and peak memory to FILE")
    subs["build"].add_argument("--pages", type=Path, metavar="MANIFEST",
                               help="build the pages that factsheet render --manifest listed, "
                                    "instead of rendering the data")
    subs["render"].add_argument("--manifest", type=Path, metavar="FILE",
                                help="also list the pages in FILE, for factsheet build --pages")
    subs["shards"].add_argument("--per-machine", type=_jobs_option, default=INCIDENTS_PER_MACHINE,
                                metavar="N", help=f"incidents per machine (default {INCIDENTS_PER_MACHINE})")
    subs["shards"].add_argument("--format", choices=["json", "github"], default="json",
                                help="JSON, or name=value lines for $GITHUB_OUTPUT")
    subs["merge"].add_argument("shares", type=Path, nargs="+", metavar="DIR",
                               help="output folders of factsheet build --shard")
    subs["merge"].add_argument("--out", type=Path, required=True, help="output directory of the site")
    subs["render"].add_argument("--out", type=Path, required=True, help="directory for the Markdown files")
    subs["serve"].add_argument("--addr", default="127.0.0.1:8000", help="address to serve on")
    subs["serve"].add_argument("--full-rebuild", action="store_true",
                               help="plain mkdocs serve: regenerate and rebuild every page on each change")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the factsheet command."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
