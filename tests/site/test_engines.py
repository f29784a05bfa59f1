"""The site stays buildable after MkDocs: ProperDocs (its maintained fork) builds the same bytes."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent.parent
SEED = REPO / "data"
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def build(out: Path, *options: str) -> Path:
    env = {k: v for k, v in os.environ.items()
           if k not in {"SOURCE_DATE_EPOCH", "FACTSHEET_DATA", "FACTSHEET_PAGES", "FACTSHEET_SHARE"}}
    result = subprocess.run([sys.executable, "-m", "factsheet.cli", "build", "--data", str(SEED), "--out",
                             str(out), *options], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    return out


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.skipif(not SEED.is_dir(), reason="no data/ directory")
def test_properdocs_builds_the_seed_data_as_mkdocs_does(tmp_path: Path) -> None:
    assert importlib.util.find_spec("properdocs"), "properdocs is pinned in the test dependencies"
    mkdocs = build(tmp_path / "mkdocs", "--engine", "mkdocs", "--jobs", "1")
    # In several processes too: each share's process must load the same engine.
    properdocs = build(tmp_path / "properdocs", "--engine", "properdocs", "--jobs", "2")
    assert files(mkdocs) == files(properdocs)
    tags = set()
    for path in files(mkdocs):
        one, two = (mkdocs / path).read_bytes(), (properdocs / path).read_bytes()
        if one != two:
            assert GENERATOR.sub(b"", one) == GENERATOR.sub(b"", two), f"{path} differs beyond the generator"
            tags.add((GENERATOR.search(one)[1], GENERATOR.search(two)[1]))
    # Every page names its generator; each engine put its own name there, and nothing else differs.
    assert len(tags) == 1, tags
    (mkdocs_tag, properdocs_tag), = tags
    assert mkdocs_tag.startswith(b"mkdocs-1.6.1") and b"ProperDocs 1.6.7" in properdocs_tag
