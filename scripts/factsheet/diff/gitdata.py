"""The git edge of `factsheet diff`: the data directory as of a revision, loaded and checked."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from ..model import Dataset
from ..pipeline import load_checked
from ..problems import Problem, errors


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


def load(root: Path | None, name: str, notes: list[str]) -> tuple[Dataset, list[Problem]]:
    """A version's records and problems; an empty dataset when it had no data directory."""
    if root is None:
        return Dataset(Path(name)), []
    dataset, problems = load_checked(root)
    if count := len(errors(problems)):
        plural = "error" if count == 1 else "errors"
        notes.append(f"{name} has {count} validation {plural}; records that fail validation are left "
                     "out, so they may show as removed.")
    return dataset, problems
