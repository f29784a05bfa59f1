"""The YAML layer: line numbers, duplicate keys, aliases, dates kept as text."""

from __future__ import annotations

import pytest
import yaml

from factsheet import yamlio


def test_lines_are_kept_for_keys_and_items() -> None:
    data, duplicates = yamlio.parse("a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n")
    assert data.key_lines == {"a": 1, "b": 2, "c": 5}
    assert data["b"].item_lines == [3, 4]
    assert data["c"].line == 6
    assert duplicates == []


def test_duplicate_key_is_reported_and_first_value_kept() -> None:
    data, duplicates = yamlio.parse("figure: at least 46\nmin: 46\nfigure: 29\n")
    assert duplicates == [(3, "figure")]
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
