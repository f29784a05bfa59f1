"""`factsheet diff`: records and figures a change adds, removes or alters, as Markdown for a review."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from .export import chain_text
from .model import Claim, Dataset, Source
from .pipeline import load_checked
from .problems import errors

IGNORED = {"where", "lines", "field_lines"}  # positions in files, not content
KINDS = (("incident", "incidents", "Incidents"), ("person", "people", "People"),
         ("organisation", "organisations", "Organisations"), ("source", "sources", "Sources"))


@dataclass(frozen=True)
class RecordChange:
    """A record added, removed or changed, with the names of the fields that changed."""

    kind: str
    id: str
    label: str
    status: str
    changed: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimChange:
    """A claim, matched by (incident id, claim id), before and after."""

    incident: str
    old: Claim | None
    new: Claim | None
    changed: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The claim's id."""
        return (self.new or self.old).id  # type: ignore[union-attr]

    @property
    def is_figure(self) -> bool:
        """True when either side is a figure."""
        return any(c is not None and c.is_figure for c in (self.old, self.new))


@dataclass(frozen=True)
class Changes:
    """Everything that differs between two datasets."""

    records: tuple[RecordChange, ...]
    claims: tuple[ClaimChange, ...]


def plain(value: Any) -> Any:
    """A comparable form of a record: nested tuples, without file positions."""
    if is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, plain(getattr(value, f.name))) for f in fields(value) if f.name not in IGNORED)
    if isinstance(value, tuple | list):
        return tuple(plain(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, plain(item)) for key, item in value.items()))
    return value


def changed_fields(old: Any, new: Any) -> tuple[str, ...]:
    """Names of the fields whose content differs."""
    if isinstance(old, Source):
        before, after = dict(old.fields), dict(new.fields)
        names = [n for n in sorted(before.keys() | after.keys()) if before.get(n) != after.get(n)]
        return (("type",) if old.entry_type != new.entry_type else ()) + tuple(names)
    return tuple(name for (name, a), (_, b) in zip(plain(old), plain(new), strict=True) if a != b)


def label(record: Any) -> str:
    """A record's title or name."""
    return getattr(record, "title", None) or getattr(record, "name", "")


def compare(old: Dataset, new: Dataset) -> Changes:
    """What changed from old to new: records by id, claims by (incident id, claim id)."""
    records = []
    for kind, attr, _ in KINDS:
        before, after = getattr(old, attr), getattr(new, attr)
        for key in sorted(before.keys() | after.keys()):
            if key not in before:
                records.append(RecordChange(kind, key, label(after[key]), "added"))
            elif key not in after:
                records.append(RecordChange(kind, key, label(before[key]), "removed"))
            elif changed := changed_fields(before[key], after[key]):
                records.append(RecordChange(kind, key, label(after[key]), "changed", changed))
    claims = []
    for incident in sorted(old.incidents.keys() | new.incidents.keys()):
        before = {c.id: c for c in getattr(old.incidents.get(incident), "claims", ())}
        after = {c.id: c for c in getattr(new.incidents.get(incident), "claims", ())}
        for key in sorted(before.keys() | after.keys()):
            a, b = before.get(key), after.get(key)
            if a is None or b is None:
                claims.append(ClaimChange(incident, a, b))
            elif changed := changed_fields(a, b):
                claims.append(ClaimChange(incident, a, b, changed))
    return Changes(tuple(records), tuple(claims))


def cell(text: str | None) -> str:
    """Text made safe for one Markdown table cell."""
    return " ".join((text or "").split()).replace("|", "\\|")


def figure_text(claim: Claim) -> str:
    """'at least 46 killed (46–open)': the wording, what it counts, the range it was read as."""
    if not claim.is_figure:
        return claim.alleges or ""
    if claim.min is None:
        numbers = "no number"
    elif claim.max == claim.min:
        numbers = str(claim.min)
    else:
        numbers = f"{claim.min}–{'open' if claim.max is None else claim.max}"
    counts = f" {claim.counts}" if claim.counts else ""
    return f"{claim.figure}{counts} ({numbers})"


def _pair(old: str, new: str) -> str:
    return cell(new) if old == new else f"{cell(old)} → {cell(new)}"


def _claim_row(change: ClaimChange, old: Dataset, new: Dataset) -> list[str]:
    a, b = change.old, change.new
    chains = [chain_text(ds, c.chain) if c else "" for ds, c in ((old, a), (new, b))]
    cites = [f"`{c.cite.source}`, {c.cite.locator}" if c else "" for c in (a, b)]
    if a is None or b is None:
        claim = a or b
        return [f"`{change.incident}`", f"`{claim.id}`", cell(figure_text(claim)),  # type: ignore[arg-type]
                cell(chains[0] or chains[1]), cell(cites[0] or cites[1])]
    return [f"`{change.incident}`", f"`{change.id}`", cell(figure_text(a)), cell(figure_text(b)),
            _pair(*chains), _pair(*cites), ", ".join(change.changed)]


def _table(header: list[str], rows: list[list[str]], limit: int | None) -> list[str]:
    shown = rows if limit is None else rows[:limit]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in shown]
    if len(rows) > len(shown):
        lines.append(f"\n…and {len(rows) - len(shown)} more; run `factsheet diff` locally to see them all.")
    return lines + [""]


def _summary(changes: Changes) -> str:
    """'Figures: 1 changed, 1 added. Incidents: 2 changed.'"""
    order = ["Figures", "Allegations"] + [heading for _, _, heading in KINDS]
    counts: dict[str, dict[str, int]] = {what: {} for what in order}
    statuses = [("Figures" if c.is_figure else "Allegations",
                 "added" if c.old is None else "removed" if c.new is None else "changed")
                for c in changes.claims]
    statuses += [(heading, r.status) for kind, _, heading in KINDS for r in changes.records if r.kind == kind]
    for what, status in statuses:
        counts[what][status] = counts[what].get(status, 0) + 1
    return " ".join(f"{what}: " + ", ".join(f"{n} {status}" for status, n in by.items()) + "."
                    for what, by in counts.items() if by)


def markdown(changes: Changes, old: Dataset, new: Dataset, base: str, head: str,
             notes: tuple[str, ...] = (), limit: int | None = None) -> str:
    """The changes as a Markdown report for a pull request's summary."""
    out = [f"## Data changes: {base} → {head}", ""]
    out += [f"> **Note:** {note}" for note in notes] + ([""] if notes else [])
    if not changes.records and not changes.claims:
        return "\n".join(out + ["No record, claim or source changed.", ""])
    out += [_summary(changes), ""]
    for title, is_figure, what in (("Figures changed", True, " (as worded; min–max)"),
                                   ("Allegations changed", False, "")):
        rows = [_claim_row(c, old, new) for c in changes.claims
                if c.old and c.new and c.is_figure == is_figure]
        header = ["Incident", "Claim", f"Old{what}", f"New{what}", "Claimant and chain",
                  "Source, locator", "Changed"]
        if rows:
            out += [f"### {title} ({len(rows)})", ""] + _table(header, rows, limit)
    for title, missing in (("Claims added", "old"), ("Claims removed", "new")):
        rows = [_claim_row(c, old, new) for c in changes.claims if getattr(c, missing) is None]
        header = ["Incident", "Claim", "Figure (as worded; min–max) or allegation", "Claimant and chain",
                  "Source, locator"]
        if rows:
            out += [f"### {title} ({len(rows)})", ""] + _table(header, rows, limit)
    for kind, _, heading in KINDS:
        rows = [[r.status, f"`{r.id}`", cell(r.label), ", ".join(r.changed)]
                for r in changes.records if r.kind == kind]
        if rows:
            out += [f"### {heading} ({len(rows)})", ""]
            out += _table(["", "Id", "Title or name", "Fields changed"], rows, limit)
    return "\n".join(out)


# --- git, at the edge -------------------------------------------------------------------------


class GitError(Exception):
    """A git command failed; the message says why."""


def git(top: Path, *args: str) -> bytes:
    """Run git in the repository and return its output."""
    result = subprocess.run(["git", "-C", str(top), *args], capture_output=True, check=False)
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def repository(data: Path) -> tuple[Path, str]:
    """The repository's top directory and the data directory's path inside it."""
    top = Path(git(Path.cwd(), "rev-parse", "--show-toplevel").decode().strip())
    try:
        return top, (Path.cwd() / data).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise GitError(f"{data} is not inside the repository at {top}") from None


def snapshot(top: Path, rev: str, inner: str, into: Path) -> Path | None:
    """Extract the data directory as of a revision; None when it did not exist then."""
    try:
        git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except GitError:
        raise GitError(f"'{rev}' is not a commit in {top} (fetch it first?)") from None
    try:
        git(top, "cat-file", "-e", f"{rev}:{inner}")
    except GitError:
        return None
    archive = git(top, "archive", "--format=tar", rev, "--", inner)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The "data" filter (Python 3.11.4+) refuses links and paths that leave the directory.
        tar.extractall(into, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    return into / inner


def _load(root: Path | None, name: str, notes: list[str]) -> Dataset:
    if root is None:
        return Dataset(Path(name))
    dataset, problems = load_checked(root)
    if count := len(errors(problems)):
        plural = "error" if count == 1 else "errors"
        notes.append(f"{name} has {count} validation {plural}; records that fail validation are left "
                     "out, so they may show as removed.")
    return dataset


def command(args: argparse.Namespace) -> int:
    """Entry point of `factsheet diff`."""
    notes: list[str] = []
    try:
        top, inner = repository(args.data)
        with tempfile.TemporaryDirectory(prefix="factsheet-diff-") as tmp:
            old = _load(snapshot(top, args.base, inner, Path(tmp) / "base"), args.base, notes)
            if args.head is None:
                head_root = args.data if args.data.is_dir() else None
                new = _load(head_root, "the working tree", notes)
            else:
                new = _load(snapshot(top, args.head, inner, Path(tmp) / "head"), args.head, notes)
    except (GitError, OSError) as exc:
        print(f"factsheet diff: {exc}", file=sys.stderr)
        return 1
    head = "working tree" if args.head is None else f"`{args.head}`"
    sys.stdout.write(markdown(compare(old, new), old, new, f"`{args.base}`", head, tuple(notes),
                              args.max_rows))
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `factsheet diff`."""
    parser.add_argument("base", help="git revision to compare from, e.g. origin/main")
    parser.add_argument("head", nargs="?",
                        help="git revision to compare to (default: the working tree, "
                        "uncommitted edits included)")
    parser.add_argument("--max-rows", type=int, default=None, metavar="N",
                        help="list at most N rows per table (job summaries are limited to 1 MiB)")
