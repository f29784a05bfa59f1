"""One bad-input fixture per error code: each must report exactly its (file, line, code)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factsheet import load
from factsheet.pipeline import load_checked
from factsheet.problems import CODES

BAD = Path(__file__).parent.parent / "fixtures" / "bad"
VALID = Path(__file__).parent.parent / "fixtures" / "valid"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def _prepare(case: Path, target: Path) -> tuple[set[str], dict[str, str]]:
    """Copy the valid data, lay the overlay on it, and read the expectations."""
    shutil.copytree(VALID, target)
    overlay = case / "overlay"
    if overlay.exists():
        shutil.copytree(overlay, target, dirs_exist_ok=True)
    expected, options = set(), {}
    for line in (case / "expect.txt").read_text().splitlines():
        if line.startswith("#"):
            name, _, value = line[1:].partition(" ")
            options.setdefault(name, "")
            options[name] += value
        elif line.strip():
            expected.add(line.strip())
    for rel in options.get("delete", "").split():
        (target / rel).unlink()
    links = options.get("symlink", "").split()
    for link, pointed in zip(links[::2], links[1::2], strict=True):
        # The file pointed at lies outside the data directory, as a leaked secret would.
        outside = target.parent / "outside" / pointed
        outside.parent.mkdir(exist_ok=True)
        shutil.copyfile(case / pointed, outside)
        (target / link).symlink_to(outside)
    return expected, options


def test_every_code_has_a_fixture() -> None:
    """Each documented code has exactly one fixture directory, and no fixture is stray."""
    assert set(CASES) == set(CODES)


@pytest.mark.parametrize("code", CASES)
def test_bad_fixture(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "data"
    expected, options = _prepare(BAD / code, target)
    if "max-bytes" in options:
        monkeypatch.setattr(load, "MAX_BYTES", int(options["max-bytes"]))
    monkeypatch.chdir(tmp_path)
    _, problems = load_checked(Path("data"))
    wanted_warning = "warning" in options
    found = {f"{p.where.path.removeprefix('data/')}:{p.where.line}: {p.code}"
             for p in problems if p.warning == wanted_warning}
    assert {e for e in found if e.endswith(f": {code}")}, f"no {code} reported; got {sorted(found)}"
    assert found == expected, "\n".join(str(p) for p in problems)
