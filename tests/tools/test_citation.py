"""CITATION.cff: a valid Citation File Format 1.2.0 file whose version is the project's."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

import factsheet

REPO = Path(__file__).parent.parent.parent


def citation() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))


def test_it_parses_and_has_what_the_format_requires():
    found = citation()
    assert found["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):  # the keys CFF 1.2.0 requires
        assert found.get(key), key
    assert all(isinstance(a, dict) and (a.get("name") or a.get("family-names")) for a in found["authors"])
    assert found["type"] in {"software", "dataset"}
    assert set(found["license"]) == {"CC-BY-4.0", "MIT"}  # the data's licence and the code's
    assert "OWNER" not in (REPO / "CITATION.cff").read_text("utf-8")


def test_its_version_is_pyprojects_and_the_packages():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert str(citation()["version"]) == project["version"] == factsheet.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", project["version"])
