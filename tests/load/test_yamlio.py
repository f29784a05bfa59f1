"""The YAML layer: line numbers, duplicate keys, aliases, dates kept as text, limits and odd numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factsheet import yamlio

REPO = Path(__file__).parent.parent.parent


def test_lines_are_kept_for_keys_and_items() -> None:
    data, found = yamlio.parse("a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n")
    assert data.key_lines == {"a": 1, "b": 2, "c": 5}
    assert data["b"].item_lines == [3, 4]
    assert data["c"].line == 6
    assert found == []


def test_duplicate_key_is_reported_and_first_value_kept() -> None:
    data, found = yamlio.parse("figure: at least 46\nmin: 46\nfigure: 29\n")
    assert [(line, code) for line, code, _ in found] == [(3, "duplicate-key")]
    assert "'figure'" in found[0][2]
    assert data["figure"] == "at least 46"


def test_dates_stay_text() -> None:
    data, _ = yamlio.parse("date: 2019-11-28\nmonth: 2019-11\n")
    assert data == {"date": "2019-11-28", "month": "2019-11"}


def test_alias_bomb_is_refused_before_construction() -> None:
    rows = ["a: &a [x,x,x,x,x,x,x,x,x,x]"]
    for prev, name in zip("abcde", "bcdef", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(yamlio.YamlIssue) as caught:
        yamlio.parse("\n".join(rows) + "\n")
    assert caught.value.code == "too-complex"


def test_small_aliases_are_fine() -> None:
    data, _ = yamlio.parse("a: &x {k: 1}\nb: *x\n")
    assert data["b"] == {"k": 1}


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(yamlio.YamlIssue) as caught:
        yamlio.parse("a: !!python/object/apply:os.system ['true']\n")
    assert caught.value.code == "yaml-syntax"


def test_syntax_error_has_its_line() -> None:
    with pytest.raises(yamlio.YamlIssue) as caught:
        yamlio.parse("a: 1\nb: [2\nc: 3\n")
    assert caught.value.line == 3


def test_c_loader_is_used_when_present() -> None:
    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(yamlio._Loader, yaml.CSafeLoader)


def issue(text: str) -> tuple[int, str, str]:
    """The one problem that stops a text from parsing: (line, code, message)."""
    with pytest.raises(yamlio.YamlIssue) as caught:
        yamlio.parse(text)
    return caught.value.line, caught.value.code, caught.value.message


def found(text: str) -> list[tuple[int, str]]:
    """The problems found in the values of a text that parses: (line, code)."""
    _, problems = yamlio.parse(text)
    return [(line, code) for line, code, _ in problems]


@pytest.mark.parametrize("depth", [65, 250, 30_000])
def test_flow_nesting_past_the_limit_is_refused_before_it_is_composed(depth: int) -> None:
    # 250 levels made a RecursionError in the constructor; 30,000 crashed libyaml's composer.
    line, code, _ = issue("title: x\nsummary: " + "[" * depth + "]" * depth + "\n")
    assert (line, code) == (2, "too-deep")


def test_block_nesting_past_the_limit_is_refused_at_its_line() -> None:
    text = "a:\n" + "".join("  " * i + "-\n" for i in range(100))
    assert issue(text)[:2] == (yamlio.MAX_DEPTH + 1, "too-deep")


def test_compact_nested_sequences_are_refused_too() -> None:
    assert issue("a: 1\nb:\n  " + "- " * 5000 + "x\n")[:2] == (3, "too-deep")


def test_nesting_at_the_limit_is_fine() -> None:
    depth = yamlio.MAX_DEPTH - 1  # the document's own mapping is one level
    data, problems = yamlio.parse("a: " + "[" * depth + "]" * depth + "\n")
    assert problems == [] and isinstance(data["a"], list)


def test_real_records_pass_the_nesting_check() -> None:
    """Real records pass the depth check; most never need the slower scan (a record with many cited
    claims, each `cite: {...}`, can exceed the cheap bound, and the scan then finds nothing)."""
    records = [*sorted((REPO / "data").glob("*/*.yml")),
               *sorted((REPO / "tests" / "fixtures" / "valid").glob("*/*.yml"))]
    assert records
    scanned = [p for p in records if yamlio.might_be_deep(p.read_text("utf-8"))]
    assert len(scanned) < len(records) / 2
    for path in scanned:
        text = path.read_text("utf-8")
        yamlio.check_depth(text, yamlio.Lines(text))  # raises YamlIssue past MAX_DEPTH


@pytest.mark.parametrize(("written", "meaning"), [
    ("010", "8"), ("-07", "-7"), ("0x1f", "31"), ("1_000", "1000"), ("1:30", "90"), ("0b11", "3"),
    ("1_0.5", "10.5"),
])
def test_numbers_yaml_reads_otherwise_than_they_look_are_errors(written: str, meaning: str | None) -> None:
    _, problems = yamlio.parse(f"title: x\nmin: {written}\n")
    assert [(line, code) for line, code, _ in problems] == [(2, "bad-number")]
    if meaning:
        assert f"reads it as {meaning}" in problems[0][2]


def test_octal_looking_figure_is_kept_as_written_after_the_error() -> None:
    """min: 010 is an error, and the value is the ten the writer meant, so no knock-on problems follow."""
    data, _ = yamlio.parse("min: 010\n")
    assert data["min"] == 10


@pytest.mark.parametrize("written", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1.0e+400"])
def test_nan_and_infinity_are_errors(written: str) -> None:
    data, problems = yamlio.parse(f"lat: {written}\nlon: 44.0\n")
    assert [(line, code) for line, code, _ in problems] == [(1, "bad-number")]
    assert data["lat"] == 0.0  # a placeholder: the build never runs with an error


def test_plain_numbers_are_fine() -> None:
    data, problems = yamlio.parse("a: 0\nb: 46\nc: -3\nd: 31.05\ne: -44.5\nf: 1000000000\ng: 2019\n")
    assert problems == []
    assert data == {"a": 0, "b": 46, "c": -3, "d": 31.05, "e": -44.5, "f": 10**9, "g": 2019}


@pytest.mark.parametrize("written", ["1000000001", "1" + "0" * 400, "9" * 5000, "-2000000000"])
def test_numbers_past_the_limit_are_errors(written: str) -> None:
    # 10^400 passed validation and overflowed the charts; 5,000 digits is past what int() will read.
    data, problems = yamlio.parse(f"title: x\nmin: {written}\n")
    assert [(line, code) for line, code, _ in problems] == [(2, "number-too-large")]
    assert len(problems[0][2]) < 80
    assert data["min"] is None


def test_long_strings_are_errors() -> None:
    text = "name: x\nsummary: " + "word " * 2001 + "\n"
    assert found(text) == [(2, "string-too-long")]
    assert found("name: " + "x" * yamlio.MAX_STRING + "\n") == []


@pytest.mark.parametrize(("text", "code"), [
    ("a: !!float abc\n", "bad-number"), ("a: !!bool maybe\n", "wrong-type"),
])
def test_explicit_tags_on_wrong_words_are_problems_not_crashes(text: str, code: str) -> None:
    assert issue(text)[:2] == (1, code)


def test_nul_byte_is_reported_on_its_line_in_one_line() -> None:
    line, code, message = issue("title: x\nsummary: a\x00b\nname: y\n")
    assert (line, code) == (2, "yaml-syntax")
    assert "\n" not in message and "U+0000" in message


@pytest.mark.parametrize(("text", "line"), [
    ("\ufefftitle: x\nsummary: [\nname: y\n", 3),  # byte-order mark
    ("title: x\r\nsummary: [\r\nname: y\r\n", 3),  # CRLF line ends
    ("title: x\nsummary:\n\t- y\n", 3),  # a tab where indentation goes
    ("title: \"x\u2028y\"\nsummary: s\nname: [a\nb: c\n", 4),  # libyaml counts U+2028 as a break
    ("title: \"x\x85y\"\nsummary: s\nname: [a\nb: c\n", 4),  # and NEL
    ("title: \"x\ry\"\nsummary: s\nname: [a\nb: c\n", 4),  # and a lone CR
    ("title: x\nsummary: [\n", 2),  # the end of the text is on its last line
])
def test_error_lines_are_the_lines_editors_show(text: str, line: int) -> None:
    got, code, message = issue(text)
    assert (got, code) == (line, "yaml-syntax")
    assert "\n" not in message


def test_key_lines_count_newlines_only() -> None:
    data, _ = yamlio.parse("title: \"a\u2028b\"\nsummary: s\nname: n\n")
    assert data.key_lines == {"title": 1, "summary": 2, "name": 3}


def _nested(depth: int, leaf: object = "x") -> object:
    value = leaf
    for level in range(depth):
        value = [value] if level % 3 else {"k": value}
    return value


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=120), st.sampled_from([None, True, False]),
       st.integers(min_value=2, max_value=6))
def test_the_cheap_bound_never_misses_deep_nesting(depth: int, flow: bool | None, indent: int) -> None:
    """Whatever the style, a text nested past the limit is always scanned (and refused)."""
    text = yaml.safe_dump({"a": _nested(depth)}, default_flow_style=flow, indent=indent, width=10_000)
    deep = _depth(yaml.safe_load(text)) > yamlio.MAX_DEPTH
    if deep:
        assert yamlio.might_be_deep(text)
        assert issue(text)[1] == "too-deep"
    else:
        data, problems = yamlio.parse(text)
        assert problems == [] and data == yaml.safe_load(text)


@pytest.mark.parametrize("escape", ["\\x02", "\\x1b", "\\x7f", "\\x9b", "\\0"])
def test_control_characters_written_with_escapes_are_errors(escape: str) -> None:
    # \x02 and \x03 surround Python-Markdown's placeholders for raw HTML; none has a place in text.
    assert found(f'title: x\nname: "a{escape}b"\n') == [(2, "control-character")]


def test_tabs_and_line_ends_are_not_control_characters() -> None:
    assert found('name: "a\\tb"\nsummary: "c\\nd\\r\\ne"\n') == []
