"""The factsheet command: exit codes, error format, exports, help."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.export import COLUMNS

VALID = Path(__file__).parent.parent / "fixtures" / "valid"
LINE_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>[a-z]+(?:-[a-z0-9]+)*): .+$")


def test_validate_clean_data_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(VALID)]) == 0
    err = capsys.readouterr().err
    assert "0 errors" in err


def test_validate_lists_every_problem_and_exits_one(valid_copy: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    nasiriyah = valid_copy / "incidents" / "2019-11-28-nasiriyah.yml"
    text = nasiriyah.read_text().replace("    min: 29\n", "    min: 29\n    min: 30\n", 1)
    nasiriyah.write_text(text.replace("date: 2019-11-28", "date: 2019-11-31"))
    (valid_copy / "people" / "extra.yml").write_text("name: X\nsumary: typo\nsummary: A person.\n")
    assert main(["validate", "--data", str(valid_copy)]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if LINE_RE.match(line)]
    found = {(Path(m["path"]).name, int(m["line"]), m["code"]) for m in map(LINE_RE.match, lines)}
    assert ("2019-11-28-nasiriyah.yml", 3, "bad-date") in found
    assert ("2019-11-28-nasiriyah.yml", 40, "duplicate-key") in found
    assert ("extra.yml", 2, "unknown-field") in found


def test_missing_data_dir_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(tmp_path / "nope")]) == 1
    assert "unreadable-file" in capsys.readouterr().err


def test_export_csv_one_row_per_claim(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "csv", "--data", str(VALID)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 5
    pmoi = next(r for r in rows if r["claim_id"] == "killed-pmoi")
    assert pmoi["figure"] == "at least 46"
    assert (pmoi["min"], pmoi["max"]) == ("46", "")
    assert pmoi["chain"] == "incoming reports, relayed by PMOI/MEK"
    assert pmoi["source_title"] == "Iran-backed militias launch massacres, bloodbaths in Iraqi cities"
    assert pmoi["source_publisher"] == "PMOI/MEK"
    assert pmoi["locator"] == "para. 2"


def test_export_json_matches_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", "--data", str(VALID)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["claim_id"] for r in rows][:2] == ["killed-pmoi", "killed-reuters"]
    assert rows[0]["max"] is None and rows[0]["min"] == 46


def test_export_refuses_invalid_data(valid_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(valid_copy / "people")
    assert main(["export", "--format", "csv", "--data", str(valid_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown-person" in captured.err


@pytest.mark.parametrize("command", ["validate", "build", "serve", "export"])
def test_every_command_has_help(command: str) -> None:
    result = subprocess.run([sys.executable, "-m", "factsheet.cli", command, "--help"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "--data" in result.stdout
