"""Every page stays buildable by Zensical, which refuses a search entry over 128 KiB of text.

Zensical (0.0.73 tried) indexes the same sections as Material's search (a page's text up to its
first heading, then each section) and stops the build when one's text exceeds 131,072 bytes of
UTF-8. Material's index of the built site gives those texts (at 1,000 synthetic incidents both
measured 167,358 bytes for the same governorate page).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent.parent
LIMIT = 128 * 1024
DATASETS = [pytest.param(REPO / "tests" / "fixtures" / "valid", id="fixture"),
            pytest.param(REPO / "data", id="data",
                         marks=pytest.mark.skipif(not (REPO / "data").is_dir(), reason="no data/"))]


def oversized(index: dict, limit: int = LIMIT) -> list[tuple[str, str, int]]:
    """(location, field, bytes) of every search entry field over the limit."""
    return [(entry["location"], field, size) for entry in index["docs"] for field in ("title", "text")
            if (size := len(entry.get(field, "").encode("utf-8"))) > limit]


def test_oversized_finds_what_zensical_refuses() -> None:
    index = {"docs": [{"location": "a/", "title": "A", "text": "x" * LIMIT},
                      {"location": "b/", "title": "B", "text": "é" * (LIMIT // 2 + 1)}]}
    assert oversized(index) == [("b/", "text", LIMIT + 2)]  # bytes, not characters


@pytest.mark.parametrize("data", DATASETS)
def test_no_search_entry_is_over_128_kib(data: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"SOURCE_DATE_EPOCH", "FACTSHEET_DATA"}}
    result = subprocess.run([sys.executable, "-m", "factsheet.cli", "build", "--data", str(data), "--out",
                             str(tmp_path / "site")], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert len(index["docs"]) > 10
    assert oversized(index) == []
