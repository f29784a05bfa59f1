"""The stages in order: load -> validate -> link -> cite -> render -> write."""

from __future__ import annotations

from pathlib import Path

from .load import collector_paused, read_data
from .model import Dataset
from .problems import DataError, Problem, errors
from .schema import SCHEMA_DIR
from .validate import validate


def load_checked(root: Path) -> tuple[Dataset, list[Problem]]:
    """Read and check a data directory: the records that are valid, and every problem."""
    with collector_paused():  # millions of acyclic objects: collections would only cost time
        return validate(read_data(root))


def load_dataset(root: Path) -> Dataset:
    """The records of a data directory, or DataError if it has errors."""
    dataset, problems = load_checked(root)
    if errors(problems):
        raise DataError(errors(problems))
    return dataset


def render_site(dataset: Dataset) -> dict:
    """Link, cite and render a valid dataset: {site path: render.Output}."""
    from . import cite, link, render  # the rendering stages are not needed to validate

    schemas = {p.name: p.read_text("utf-8") for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}
    return render.site(dataset, link.link(dataset), cite.format_sources(dataset.sources), schemas)
