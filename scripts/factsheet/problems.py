"""Problems a user can cause, reported as path:line: code: message."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Where


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning at a place in the data."""

    where: Where
    code: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        return f"{self.where}: {self.code}: {prefix}{self.message}"


def sort_key(problem: Problem) -> tuple[str, int, str, str]:
    """Order problems by file, then line, so output is stable."""
    return (problem.where.path, problem.where.line, problem.code, problem.message)


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that fail a run."""
    return [p for p in problems if not p.warning]


class DataError(Exception):
    """Raised by callers that need valid data and did not get it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
