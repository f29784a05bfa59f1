"""Never a traceback, never a crash: mutations of the valid fixture's files (flipped bytes, cuts, deep
nesting, huge and odd numbers, hostile characters) either validate and build, or give only
path:line: code: problems, each on a line of the file it names.

The mutations are drawn from a seeded generator, so a failure names the input that caused it and is
the same on every run. validate and the build (link, cite, render, both exports, the Markdown of every
page) run in this process; a sample of the inputs that validate is also built with MkDocs.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from sitebuild import REPO, build

from factsheet import export
from factsheet.pipeline import load_checked, render_site
from factsheet.problems import CODES

VALID = REPO / "tests" / "fixtures" / "valid"
FILES = sorted(p.relative_to(VALID).as_posix() for p in VALID.rglob("*") if p.is_file())
INPUTS = 320  # mutated files in all
SEED = 14
BUILT_WITH_MKDOCS = 6  # of the inputs that validate, this many go through a full MkDocs build
# MkDocs's own loader: the config uses its !ENV tag.
CONFIG = load_config(str(REPO / "mkdocs.yml"))
PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<code>[a-z]+(?:-[a-z0-9]+)*): [^\n]+$")
HOSTILE = ["[", "{", "]", "}", "&a ", "*a ", "!!binary ", "!!python/object:os.system ", "\x00", "\x07",
           "\t", "\r", "\r\n", "\ufeff", "\u2028", "\x85", ": ", "- ", "? ", "'", '"', "|", ">",
           "%YAML 1.1\n", "---\n", "...\n", "<<: *a\n", "\\", "@online{", "@string{x = ", "#", "{@", "[@",
           "é", "\U0001F600"]
NUMBERS = ["0", "010", "0x1f", "1_000", "1:30", "-5", "1000000001", "1" + "0" * 400, "9" * 5000, ".nan",
           ".inf", "-.inf", "1.0e+400", "1e400", "0.1", "007", "+12", "4294967296"]


@dataclass(frozen=True)
class Case:
    """One mutated file: which file, how it was changed, and its bytes."""

    number: int
    file: str
    how: str
    data: bytes


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def mutate(rng: random.Random, original: bytes) -> tuple[str, bytes]:
    """One mutation of a file's bytes, named."""
    how = rng.choice(["flip", "flip", "cut", "truncate", "insert", "insert", "line", "nest", "number",
                      "number", "number", "long", "indent"])
    data = bytearray(original)
    if how == "flip":
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    elif how == "cut":
        i = rng.randrange(len(data))
        del data[i:i + rng.randint(1, 40)]
    elif how == "truncate":
        del data[rng.randrange(len(data)):]
    elif how == "insert":
        i = rng.randrange(len(data) + 1)
        data[i:i] = rng.choice(HOSTILE).encode("utf-8")
    elif how == "line":
        lines = _lines(bytes(data))
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines.insert(j, lines[i]) if rng.random() < 0.5 else lines.__setitem__(slice(i, i + 1), [lines[j]])
        data = bytearray(b"\n".join(lines))
    elif how == "nest":
        depth = rng.choice([10, 63, 64, 65, 250, 30_000])
        style = rng.choice(["flow", "block", "compact"])
        nested = {"flow": b"[" * depth + b"]" * depth,
                  "block": b"\n" + b"".join(b"  " * (k + 1) + b"-\n" for k in range(min(depth, 2000))),
                  "compact": b"- " * depth + b"x"}[style]
        lines = _lines(bytes(data))
        i = rng.randrange(len(lines))
        lines[i] = lines[i].split(b":")[0] + b": " + nested if b":" in lines[i] else nested
        data = bytearray(b"\n".join(lines))
        how = f"nest-{style}-{depth}"
    elif how == "number":
        values = list(re.finditer(rb"(?<=: )[-\d.]+(?=[\n,}])", bytes(data)))  # a whole value: min: 46
        found = values if values and rng.random() < 0.8 else list(re.finditer(rb"\d+", bytes(data)))
        if found:
            m = rng.choice(found)
            data[m.start():m.end()] = rng.choice(NUMBERS).encode()
    elif how == "long":
        i = rng.randrange(len(data) + 1)
        data[i:i] = b"word " * rng.choice([100, 2001, 50_000])
    elif how == "indent":
        lines = _lines(bytes(data))
        i = rng.randrange(len(lines))
        lines[i] = rng.choice([b"", b" ", b"\t", b"    "]) + lines[i]
        data = bytearray(b"\n".join(lines))
    return how, bytes(data)


def cases() -> list[Case]:
    rng = random.Random(SEED)
    out = []
    for number in range(INPUTS):
        file = rng.choice(FILES)
        how, data = mutate(rng, (VALID / file).read_bytes())
        out.append(Case(number, file, how, data))
    return out


CASES = cases()
# A Markdown converter with the site's extensions, as MkDocs runs it on every page.
_MARKDOWN_EXTENSIONS = [next(iter(e)) if isinstance(e, dict) else e for e in CONFIG["markdown_extensions"]]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Every case validated, and built when it validates; what each gave."""
    root = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(VALID, root)
    outcome: dict[str, object] = {"passed": [], "refused": [], "failures": [], "codes": set()}
    for case in CASES:
        target = root / case.file
        target.write_bytes(case.data)
        try:
            _check(case, root, outcome)
        except Exception as exc:  # the point of the test: report which input, then fail below
            outcome["failures"].append(f"case {case.number} ({case.how} of {case.file}): "
                                       f"{type(exc).__name__}: {exc}"[:400])
        finally:
            shutil.copyfile(VALID / case.file, target)
    return outcome


def _check(case: Case, root: Path, outcome: dict) -> None:
    dataset, problems = load_checked(root)
    errors = [p for p in problems if not p.warning]
    for problem in problems:
        text = str(problem)
        match = PROBLEM.match(text)
        assert match, f"not one path:line: code: line: {text!r}"
        assert problem.code in CODES
        path = Path(problem.where.path)
        assert path.is_file() or path.is_dir(), f"names no file: {text}"
        if path.is_file():
            count = max(1, len(path.read_bytes().split(b"\n")) - (path.read_bytes().endswith(b"\n")))
            assert 1 <= problem.where.line <= count, f"line {problem.where.line} of {count}: {text}"
        outcome["codes"].add(problem.code)
    if errors:
        outcome["refused"].append(case.number)
        return
    site = render_site(dataset)
    export.to_csv(dataset)
    export.to_json(dataset)
    converter = markdown.Markdown(extensions=_MARKDOWN_EXTENSIONS)
    for path, output in site.items():
        if path.endswith(".md"):
            converter.reset().convert(output.content.split("\n---\n", 1)[-1])
    outcome["passed"].append(case.number)


def test_no_input_crashes_validate_or_the_build(results) -> None:
    assert results["failures"] == []


def test_the_inputs_reach_both_outcomes_and_many_codes(results) -> None:
    """The mutations are not all refused at the first byte: some validate and are built, and the
    refusals come from many different checks."""
    assert len(results["passed"]) + len(results["refused"]) + len(results["failures"]) == INPUTS
    assert len(results["passed"]) >= 20 and len(results["refused"]) >= 150
    wanted = {"yaml-syntax", "too-deep", "bad-number", "number-too-large", "string-too-long", "not-utf8"}
    assert wanted <= results["codes"]
    assert len(results["codes"]) >= 15


def test_inputs_that_validate_build_with_mkdocs(results, tmp_path: Path) -> None:
    sample = [CASES[n] for n in results["passed"]][::max(1, len(results["passed"]) // BUILT_WITH_MKDOCS)]
    assert sample
    for case in sample[:BUILT_WITH_MKDOCS]:
        root = tmp_path / f"case-{case.number}"
        shutil.copytree(VALID, root / "data")
        (root / "data" / case.file).write_bytes(case.data)
        build(root / "data", root / "site")
