"""Shares: every file of the site belongs to exactly one share, at every level of splitting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factsheet.cli import main
from factsheet.shares import (
    INCIDENTS_PER_MACHINE,
    PAGES_PER_SHARE,
    Share,
    machine_shares,
    parse_share,
    share_count,
)

PATHS = [f"incident/{n:05d}-x.md" for n in range(2000)] + ["index.md", "claims.md", "assets/a.css"]


def test_parse_and_print() -> None:
    assert parse_share("2/4") == Share(((2, 4),))
    assert str(parse_share("2/4, 1/3")) == "2/4,1/3"
    assert parse_share("1/1").owns("anything.md")
    for bad in ("0/4", "5/4", "2", "a/b", "2/", "/4", "1/0"):
        with pytest.raises(ValueError):
            parse_share(bad)


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_every_path_has_one_share(count: int) -> None:
    shares = Share().split(count)
    for path in PATHS:
        assert sum(share.owns(path) for share in shares) == 1, path


def test_a_split_share_is_split_in_its_own_parts() -> None:
    parent = parse_share("2/3")
    parts = parent.split(4)
    assert all(part.parent == parent for part in parts)
    for path in PATHS:
        owners = [part for part in parts if part.owns(path)]
        assert len(owners) == (1 if parent.owns(path) else 0), path


def test_shares_are_balanced() -> None:
    first = [path for path in PATHS if parse_share("1/2").owns(path)]
    assert 0.45 < len(first) / len(PATHS) < 0.55


@pytest.mark.parametrize("seed", ["0", "12345"])
def test_owners_are_the_same_in_every_process(seed: str) -> None:
    # Processes of one build (and machines of a CI matrix) must agree; Python's hash() would not.
    code = ("import sys; from factsheet.shares import parse_share; "
            "print(''.join('1' if parse_share('1/3').owns(p) else '0' for p in sys.argv[1:]))")
    env = dict(os.environ, PYTHONHASHSEED=seed)
    result = subprocess.run([sys.executable, "-c", code, *PATHS[:200]], env=env, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "".join("1" if parse_share("1/3").owns(p) else "0" for p in PATHS[:200])


@given(st.text(min_size=1, max_size=40), st.integers(1, 9), st.integers(1, 9))
def test_ownership_depends_on_the_path_alone(path: str, outer: int, inner: int) -> None:
    owners = [part for share in Share().split(outer) for part in share.split(inner) if part.owns(path)]
    assert len(owners) == 1


def test_share_count_grows_with_the_site() -> None:
    assert share_count(2, 1700) == 2
    assert share_count(1, 100) == 1
    assert share_count(2, 17_000) == -(-17_000 // PAGES_PER_SHARE) > 2
    assert parse_share("1/2,1/2").fraction() == 0.25


def test_machines_for_a_ci_matrix() -> None:
    assert machine_shares(0) == [Share()] and machine_shares(INCIDENTS_PER_MACHINE) == [Share()]
    assert [str(s) for s in machine_shares(INCIDENTS_PER_MACHINE + 1)] == ["1/2", "2/2"]
    assert len(machine_shares(25, per_machine=10)) == 3


def test_the_shards_command_plans_the_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "valid"  # two incidents
    assert main(["shards", "--data", str(fixture), "--per-machine", "1", "--format", "github"]) == 0
    assert capsys.readouterr().out == 'machines=2\nshards=["1/2", "2/2"]\n'
    assert main(["shards", "--data", str(fixture)]) == 0
    assert capsys.readouterr().out == '{"machines": 1, "shards": []}\n'
