"""CONTRIBUTING.md cannot rot: its worked example is applied to the valid fixtures and must validate."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.pipeline import load_checked
from factsheet.problems import CODES

GUIDE = Path(__file__).resolve().parent.parent.parent / "CONTRIBUTING.md"
FENCE_RE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
INCIDENT = "data/incidents/2019-12-07-example-sit-in.yml"


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
    """Do what the worked example says, in root (which holds data/)."""
    section = worked_example()
    commands = [shlex.split(line) for lang, _, body in blocks(section) if lang == "sh"
                for line in body.splitlines() if line.startswith("factsheet new ")]
    assert len(commands) == 3
    for command in commands:
        assert main(command[1:]) == 0, command
    written = appended = 0
    for _, options, body in blocks(section):
        if "file" in options:
            (root / options["file"]).write_text(body, "utf-8")
            written += 1
        if "append" in options:
            with (root / options["append"]).open("a", encoding="utf-8") as out:
                out.write(body)
            appended += 1
    assert (written, appended) == (3, 1)


@pytest.fixture
def example(valid_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The valid fixtures with the worked example applied; the working directory holds data/."""
    monkeypatch.chdir(valid_copy.parent)
    apply_example(valid_copy.parent)
    return valid_copy.parent


def test_worked_example_validates(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().err.strip().endswith("0 errors, 0 warnings")
    dataset, _ = load_checked(Path("data"))
    incident = dataset.incidents["2019-12-07-example-sit-in"]
    figures = [(c.figure, c.min, c.max, c.cite.source) for c in incident.claims]
    assert figures == [("9", 9, 9, "example-wire-2019-12-07"),
                       ("more than 20", 20, None, "example-monitor-2019-12-09")]
    assert {"example-wire-2019-12-07", "example-monitor-2019-12-09"} <= set(dataset.sources)
    assert dataset.sources["example-wire-2019-12-07"].get("publisherid") == "example-wire"
    assert {"example-wire", "example-monitor"} <= set(dataset.organisations)


def test_worked_example_mistake_prints_what_the_guide_shows(example: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    shown = [line for lang, _, body in blocks(worked_example()) if lang == "text"
             for line in body.splitlines()]
    assert len(shown) == 2
    path = example / INCIDENT
    text = path.read_text("utf-8")
    assert text.count("    min: 20\n") == 1
    path.write_text(text.replace("    min: 20\n", "    min: 21\n"), "utf-8")
    assert main(["validate"]) == 1
    assert shown[0] in capsys.readouterr().err.splitlines()
    assert main(["validate", "--format", "github"]) == 1
    assert shown[1] in capsys.readouterr().out.splitlines()


def test_every_error_code_is_explained() -> None:
    text = GUIDE.read_text("utf-8")
    missing = [code for code in CODES if f"\n| `{code}` |" not in text]
    assert missing == []


def test_reference_snippets_use_known_fields() -> None:
    """YAML snippets outside the worked example parse and use only fields the schemas know."""
    import yaml

    from factsheet.schema import validator

    text = GUIDE.read_text("utf-8")
    snippets = [body for lang, options, body in blocks(text) if lang == "yaml" and not options]
    assert len(snippets) >= 5
    known = set()
    for kind in ("incident", "person", "organisation"):
        schema = validator(kind).schema
        claim = schema.get("$defs", {}).get("claim", {})
        known |= set(schema["properties"]) | set(claim.get("properties", {}))
    known |= {"source", "locator", "person", "organisation", "unnamed", "name", "lang", "abbreviation",
              "title", "from", "to", "role", "as"}
    for body in snippets:
        data = yaml.safe_load(body)
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                assert set(node) <= known, set(node) - known
                stack += node.values()
            elif isinstance(node, list):
                stack += node


def test_files_the_guide_names_exist() -> None:
    text = GUIDE.read_text("utf-8")
    for name in (".pre-commit-config.yaml", "scripts/factsheet/schemas/"):
        assert f"`{name}" in text or f"{name}" in text, name
        assert (GUIDE.parent / name).exists(), name
    assert (GUIDE.parent / ".github" / "pull_request_template.md").is_file()
