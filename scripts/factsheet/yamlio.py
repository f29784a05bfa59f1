"""Safe YAML parsing that keeps line numbers and refuses duplicate keys, deep nesting and odd numbers."""

from __future__ import annotations

import bisect
import math
import re
from typing import Any

import yaml

# libyaml's parser is 4-7x faster; the constructor stays Python either way.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 100_000  # bound on the expanded size, so aliases cannot multiply work
MAX_DEPTH = 64  # a record nests about 6 levels; libyaml's composer recurses in C and crashes past ~30,000
MAX_NUMBER = 10**9  # more than anyone has counted; bigger figures overflow the charts' arithmetic
MAX_STRING = 10_000  # characters in one value; the longest summary in data/ is under 1,000

# A block collection can only start within a line's leading run of indentation and "- ", "? ", ": "
# indicators (plus one more level after it), so lines with a short run bound the block nesting.
_LEAD = 12
_DEEP_LINE = re.compile(rf"\n[ \t?:-]{{{_LEAD}}}")
_DEEP_START = re.compile(rf"[ \t?:-]{{{_LEAD}}}")
_BLOCK_BOUND = 2 * (_LEAD + 2) + 1
# YAML 1.1 reads 010 as 8, 0x10 as 16, 1_000 as 1000 and 1:30 as 90: only plain decimals are allowed.
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
# Invisible characters a text has no use for (tab and line ends aside); YAML's "\x02" escapes can write
# them, and Markdown uses some as its own markers.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters libyaml counts as line breaks besides \n; editors and git number lines by \n only.
_ODD_BREAKS = re.compile(r"\r(?!\n)|[\x85\u2028\u2029]")

Found = tuple[int, str, str]  # (line, code, message)


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


class Lines:
    """Line numbers as editors and git count them (by \\n), from libyaml's marks."""

    def __init__(self, text: str) -> None:
        self.odd = _ODD_BREAKS.search(text) is not None
        self.starts = [m.end() for m in re.finditer("\n", text)] if self.odd else []
        self.last = text.count("\n") + (0 if text.endswith("\n") else 1)

    def of(self, mark: Any) -> int:
        """The 1-based line of a mark (a character index and libyaml's own line)."""
        line = bisect.bisect_right(self.starts, mark.index) + 1 if self.odd else mark.line + 1
        return max(1, min(line, self.last))  # an error at the end of the text is on its last line


def line_at(text: str, index: int) -> int:
    """The 1-based line of a character index, counting \\n only, at most the text's last line."""
    last = text.count("\n") + (0 if text.endswith("\n") else 1)
    return max(1, min(text.count("\n", 0, index) + 1, last))


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that records lines and collects problems found while constructing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines = Lines(stream)
        self.found: list[Found] = []

    def line(self, node: yaml.Node) -> int:
        return self.lines.of(node.start_mark)


def _construct_map(loader: _Loader, node: yaml.MappingNode):  # type: ignore[no-untyped-def]
    data = LineDict()
    data.line = loader.line(node)
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = loader.line(key_node)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise YamlIssue(line, "wrong-type", "a mapping key must be a plain value")
        if key in data:
            # PyYAML would keep the last value silently; a figure could vanish.
            message = f"key '{_short(str(key))}' appears twice in one mapping; the second is ignored"
            loader.found.append((line, "duplicate-key", message))
            continue
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):  # type: ignore[no-untyped-def]
    data = LineList()
    data.line = loader.line(node)
    data.item_lines = [loader.line(child) for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text: "2019-11" and "unknown" are dates here too.
    value = str(loader.construct_scalar(node))
    if len(value) > MAX_STRING:
        loader.found.append((loader.line(node), "string-too-long",
                             f"a value of {len(value):,} characters (limit {MAX_STRING:,})"))
    control = CONTROL.search(value)
    if control:
        loader.found.append((loader.line(node), "control-character",
                             f"the value holds the invisible character U+{ord(control[0]):04X}: remove it"))
    return value


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int | None:
    written = str(node.value)
    plain = written.replace("_", "").lstrip("+-")
    if _DECIMAL_INT.fullmatch(written) is None:
        loader.found.append((loader.line(node), "bad-number", _odd_number(loader, node, written)))
        # The digits as a reader sees them, so the one problem is not followed by knock-on ones.
        return int(plain, 10) if plain.isdigit() and len(plain) <= 12 else None
    if len(plain) > 12 or abs(int(written)) > MAX_NUMBER:
        loader.found.append((loader.line(node), "number-too-large",
                             f"{_short(written)} is above the limit of {MAX_NUMBER:,}"))
        return None
    return int(written)


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    written = str(node.value)
    try:
        value = loader.construct_yaml_float(node)
    except ValueError:  # an explicit !!float tag on a word
        raise YamlIssue(loader.line(node), "bad-number", f"'{_short(written)}' is not a number") from None
    if not math.isfinite(value):
        message = f"'{_short(written)}' is not a finite number"
    elif _DECIMAL_FLOAT.fullmatch(written) is None:
        message = _odd_number(loader, node, written)
    else:
        return value
    loader.found.append((loader.line(node), "bad-number", message))
    return 0.0  # a placeholder, so the one problem is not followed by knock-on ones


def _construct_bool(loader: _Loader, node: yaml.ScalarNode) -> bool:
    try:
        return bool(loader.construct_yaml_bool(node))
    except KeyError:  # an explicit !!bool tag on a word that is not one
        message = f"'{_short(str(node.value))}' is not true or false"
        raise YamlIssue(loader.line(node), "wrong-type", message) from None


def _odd_number(loader: _Loader, node: yaml.ScalarNode, written: str) -> str:
    """What YAML makes of a number that is not a plain decimal, and how to write it instead."""
    try:
        is_int = node.tag.endswith(":int")
        read = loader.construct_yaml_int(node) if is_int else loader.construct_yaml_float(node)
        meaning = f"YAML reads it as {read}"
    except ValueError:
        meaning = "YAML cannot read it as a number"
    return (f"'{_short(written)}' is not a plain decimal number ({meaning}): write it without "
            "leading zeros, underscores, colons or a 0x/0o/0b prefix, or quote it")


def _short(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


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


def might_be_deep(text: str) -> bool:
    """False when the text cannot nest past MAX_DEPTH (a cheap bound that holds for real records)."""
    # Each flow level needs a [ or {; a marker [@key, ...] cannot open one ('@' cannot start a value).
    brackets = text.count("[") - text.count("[@") + text.count("{")
    return (brackets + _BLOCK_BOUND > MAX_DEPTH or _DEEP_LINE.search(text) is not None
            or _DEEP_START.match(text) is not None)


def check_depth(text: str, lines: Lines) -> None:
    """Raise too-deep at the first collection nested past MAX_DEPTH, reading events (no recursion)."""
    loader = _Base(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlIssue(lines.of(event.start_mark), "too-deep",
                                    f"lists and mappings nested more than {MAX_DEPTH} deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the parse proper reports it, with its line
    finally:
        loader.dispose()


def _syntax_issue(exc: yaml.YAMLError, text: str, lines: Lines) -> YamlIssue:
    """A YAML error as one problem on one line, at the line where it is."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = lines.of(mark) if mark else 1
        message = str(exc.problem or exc.context or "cannot be parsed")
    elif isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow, such as NUL
        line = line_at(text, exc.position)
        message = (f"character U+{exc.character:04X} is not allowed in YAML"
                   if isinstance(exc.character, int) else str(exc.reason))
    else:
        line, message = 1, str(exc)
    return YamlIssue(line, "yaml-syntax", " ".join(message.split()))


def parse(text: str) -> tuple[Any, list[Found]]:
    """Parse one YAML document: the data, and the problems found in values (duplicate keys, numbers, ...)."""
    lines = Lines(text)
    if might_be_deep(text):
        check_depth(text, lines)
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
    except yaml.YAMLError as exc:
        raise _syntax_issue(exc, text, lines) from None
    finally:
        loader.dispose()
    return data, loader.found
