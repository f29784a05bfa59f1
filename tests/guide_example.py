"""CONTRIBUTING.md's worked example as data: its fenced blocks, applied to a copy of the valid fixtures.

Shared by the guide's own tests (tests/tools) and the golden pages of the records it adds (tests/golden).
"""

from __future__ import annotations

import contextlib
import re
import shlex
import shutil
from pathlib import Path

from factsheet.cli import main

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "CONTRIBUTING.md"
VALID = REPO / "tests" / "fixtures" / "valid"
FENCE_RE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
INCIDENT_ID = "2019-12-01-example-town-sit-in"
INCIDENT = f"data/incidents/{INCIDENT_ID}.yml"
# What the example creates: the records `factsheet new` starts, and the files it then shows in full.
NEW_RECORDS = 7
FILES_WRITTEN = 7
FILES_APPENDED = 1


def worked_example() -> str:
    """The guide's worked-example section."""
    text = GUIDE.read_text("utf-8")
    start = text.index("\n## Worked example")
    return text[start:text.index("\n## ", start + 1)]


def blocks(section: str) -> list[tuple[str, dict[str, str], str]]:
    """Fenced blocks: language, key=value options after it, body."""
    found = []
    for match in FENCE_RE.finditer(section):
        options = dict(part.split("=", 1) for part in match[2].split() if "=" in part)
        found.append((match[1], options, match[3]))
    return found


def apply_example(root: Path) -> None:
    """Do what the worked example says, in root (which holds data/), as a contributor would."""
    section = worked_example()
    commands = [shlex.split(line) for lang, _, body in blocks(section) if lang == "sh"
                for line in body.splitlines() if line.startswith("factsheet new ")]
    assert len(commands) == NEW_RECORDS
    with contextlib.chdir(root):
        for command in commands:
            assert main(command[1:]) == 0, command
    written = appended = 0
    for _, options, body in blocks(section):
        if "file" in options:
            target = root / options["file"]
            assert target.is_file(), f"the guide shows {options['file']} without creating it first"
            target.write_text(body, "utf-8")
            written += 1
        if "append" in options:
            with (root / options["append"]).open("a", encoding="utf-8") as out:
                out.write(body)
            appended += 1
    assert (written, appended) == (FILES_WRITTEN, FILES_APPENDED)


def example_data(where: Path) -> Path:
    """A copy of the valid fixtures under where/data with the worked example applied; returns it."""
    data = where / "data"
    shutil.copytree(VALID, data)
    apply_example(where)
    return data
