"""Safe YAML parsing that keeps line numbers and refuses duplicate keys."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser is 4-7x faster; the constructor stays Python either way.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 100_000  # bound on the expanded size, so aliases cannot multiply work


class LineDict(dict):
    """A mapping that remembers its own line and each key's line (1-based)."""

    # Slots: a fifth less time to unpickle from the parse cache than an instance __dict__.
    __slots__ = ("line", "key_lines", "checked")
    line: int
    key_lines: dict[Any, int]
    checked: tuple[str, tuple[tuple[int, str, str], ...]]  # (kind, schema problems), when checked


class LineList(list):
    """A sequence that remembers its own line and each item's line (1-based)."""

    __slots__ = ("line", "item_lines")
    line: int
    item_lines: list[int]


class YamlIssue(Exception):
    """A parse-level problem with a line number and an error code."""

    def __init__(self, line: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.code = code
        self.message = message


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that records lines and collects duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []


def _construct_map(loader: _Loader, node: yaml.MappingNode):  # type: ignore[no-untyped-def]
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise YamlIssue(line, "wrong-type", "a mapping key must be a plain value")
        if key in data:
            # PyYAML would keep the last value silently; a figure could vanish.
            loader.duplicates.append((line, str(key)))
            continue
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):  # type: ignore[no-untyped-def]
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text: "2019-11" and "unknown" are dates here too.
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Count nodes as if every alias were copied out (memoised, so linear)."""
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = 1  # a recursive alias counts once instead of looping
    if isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, memo) for child in node.value)
    else:
        size = 1
    memo[id(node)] = size
    return size


def parse(text: str) -> tuple[Any, list[tuple[int, str]]]:
    """Parse one YAML document; return the data and any duplicate keys (line, key)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        # Without both an anchor and an alias nothing is copied, and a text gives at most two nodes
        # per character (a key and its empty value), so short alias-free files need no count.
        might_expand = ("&" in text and "*" in text) or 2 * len(text) > MAX_NODES
        size = _expanded_size(node, {}) if might_expand else 0
        if size > MAX_NODES:
            raise YamlIssue(1, "too-complex", f"expands to {size} values (limit {MAX_NODES})")
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlIssue(line, "yaml-syntax", str(exc.problem or exc).strip()) from None
    except yaml.YAMLError as exc:
        raise YamlIssue(1, "yaml-syntax", str(exc).strip()) from None
    finally:
        loader.dispose()
    return data, loader.duplicates
