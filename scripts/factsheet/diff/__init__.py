"""`factsheet diff`: what a change of the data does, field by field and to the site, for a review."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..model import Dataset
from ..problems import Problem
from . import aids, compare, impact
from .gitdata import GitError, load, repository, snapshot
from .report import Review, markdown, to_json

__all__ = ["Review", "review", "markdown", "to_json", "command", "add_arguments"]


def review(old: Dataset, new: Dataset, base: str, head: str, notes: tuple[str, ...] = (),
           problems: tuple[list[Problem], list[Problem]] = ([], []), documents: Path | None = None) -> Review:
    """Compare two versions of the data: fields, groups, pages, broken links and things to check."""
    records = compare.records(old, new)
    claims = compare.claims(old, new)
    added, removed = impact.pages(old, new)
    things = (aids.near_duplicates(old, new, [r for r in records if r.status == "added"])
              + aids.source_aids(records, new) + aids.claim_aids(new, claims, documents))
    return Review(base, head, notes, tuple(records), tuple(claims), tuple(impact.groups(old, new)),
                  tuple(added), tuple(removed), tuple(impact.broken(*problems)), tuple(things))


def command(args: argparse.Namespace) -> int:
    """Entry point of `factsheet diff`."""
    notes: list[str] = []
    try:
        top, inner = repository(args.data)
        with tempfile.TemporaryDirectory(prefix="factsheet-diff-") as tmp:
            old, old_problems = load(snapshot(top, args.base, inner, Path(tmp) / "base"), args.base, notes)
            if args.head is None:
                head_root = args.data if args.data.is_dir() else None
                new, new_problems = load(head_root, "the working tree", notes)
            else:
                head_root = snapshot(top, args.head, inner, Path(tmp) / "head")
                new, new_problems = load(head_root, args.head, notes)
    except (GitError, OSError) as exc:
        print(f"factsheet diff: {exc}", file=sys.stderr)
        return 1
    head = "the working tree" if args.head is None else args.head
    found = review(old, new, args.base, head, tuple(notes), (old_problems, new_problems), args.documents)
    sys.stdout.write(to_json(found) if args.format == "json" else markdown(found, args.max_rows))
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `factsheet diff`."""
    parser.add_argument("base", help="git revision to compare from, e.g. origin/main")
    parser.add_argument("head", nargs="?",
                        help="git revision to compare to (default: the working tree, "
                        "uncommitted edits included)")
    parser.add_argument("--max-rows", type=int, default=None, metavar="N",
                        help="list at most N entries per section (the Markdown stays under 1 MB in any case)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="Markdown for a job summary (default), or JSON with the same facts")
    parser.add_argument("--documents", type=Path, default=None, metavar="DIR",
                        help="a folder of stored source texts named <source-key>.txt: figures whose "
                        "wording is not in their source's text are listed to check")
