"""The factsheet command: validate, build, serve and export the data."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import annotate, bundle, diff, export, scaffold, synth, translated
from .pipeline import load_checked
from .problems import Problem, errors

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


def _mkdocs_env(data: Path) -> None:
    # The MkDocs hook reads the data directory from here (see scripts/factsheet/mkdocs_hooks.py).
    os.environ["FACTSHEET_DATA"] = str(data.resolve())
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
    from .pipeline import render_site
    from .write import write_tree

    dataset, problems = load_checked(args.data)
    if errors(problems):
        report(errors(problems))
        return 1
    site = render_site(dataset)
    done = write_tree({path: output.content for path, output in site.items()}, args.out)
    print(f"{args.out}: {len(done.written)} written, {len(done.unchanged)} unchanged, "
          f"{len(done.removed)} removed", file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Validate, then build the site with MkDocs."""
    _, problems = load_checked(args.data)
    if errors(problems):
        report(errors(problems))
        return 1
    _mkdocs_env(args.data)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _mkdocs_logging(logging.WARNING)
    try:
        config = load_config(str(args.config), site_dir=str(args.out.resolve()), strict=True)
        build(config)
    except MkDocsException as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
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
        ("render", cmd_render, "validate and write the site's Markdown pages and downloads to a directory"),
        ("serve", cmd_serve, "preview the site on a local address, rebuilding on change"),
        ("export", cmd_export, "write every claim as CSV or JSON to stdout"),
        ("new", scaffold.command, "write a commented skeleton incident, person or organisation"),
        ("diff", diff.command, "list the records and figures changed since a git revision, as Markdown"),
        ("synth", synth.command, "write a synthetic data directory of N incidents (for benchmarks)"),
        ("bundle", bundle.command, "build the offline site and write it as a zip into dist/"),
        ("translated", translated.command,
         "record that the Arabic texts of some files translate their English as it now is"),
    ]
    subs = {}
    for name, func, help_text in commands:
        subs[name] = sub.add_parser(name, help=help_text, description=help_text)
        subs[name].set_defaults(func=func)
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
