"""The stages in order: load -> validate -> link -> cite -> render -> write."""

from __future__ import annotations

from pathlib import Path

from .load import read_data
from .model import Dataset
from .problems import DataError, Problem, errors
from .validate import validate


def load_checked(root: Path) -> tuple[Dataset, list[Problem]]:
    """Read and check a data directory: the records that are valid, and every problem."""
    return validate(read_data(root))


def load_dataset(root: Path) -> Dataset:
    """The records of a data directory, or DataError if it has errors."""
    dataset, problems = load_checked(root)
    if errors(problems):
        raise DataError(errors(problems))
    return dataset
