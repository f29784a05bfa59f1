"""Shared fixtures: paths to the small datasets under tests/fixtures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Tests read their data fresh: no parse cache shared with the user's (tests of the cache set their own).
os.environ.setdefault("FACTSHEET_CACHE", "off")

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
REPO = Path(__file__).parent.parent


@pytest.fixture
def valid_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid dataset."""
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target
