"""The charts' own small dataset: several months, nested incidents, toll histories, running totals,
a period figure, a month-precision date, a nationwide incident, parts by governorate, undated claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheet.model import Dataset
from factsheet.pipeline import load_dataset

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    """The charts fixture dataset, validated."""
    return load_dataset(DATA)
