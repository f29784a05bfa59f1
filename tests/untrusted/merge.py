"""Carrying what one trial of the field walk changed over to the walk's whole state.

Each value is tried in a small state (the fixture and the fields outside lists) so that the validator
reads small files; a value that validates there is then added to the whole state: the items its trial
appended to lists (the copied item, a claim it answers), the records and keys it created, the text it
added to the bibliography. Items are only ever appended, so the items both states share have the same
index in each, and only the indices of appended items change.
"""

from __future__ import annotations

from typing import Any

Path = tuple[str | int, ...]
Change = tuple[str, Path, Any]  # ("set" | "append" | "extend", where, what)


def changes(before: Any, after: Any, where: Path = ()) -> list[Change]:
    """What turns before into after: values set, items appended to lists, text added to strings."""
    if isinstance(before, dict) and isinstance(after, dict) and set(before) <= set(after):
        found: list[Change] = []
        for key, value in after.items():
            found += changes(before[key], value, (*where, key)) if key in before else [
                ("set", (*where, key), value)]
        return found
    if isinstance(before, list) and isinstance(after, list) and len(after) >= len(before):
        found = []
        for index, (old, new) in enumerate(zip(before, after[:len(before)], strict=True)):
            found += changes(old, new, (*where, index))
        return found + [("append", where, item) for item in after[len(before):]]
    if not where and isinstance(before, str) and isinstance(after, str) and after.startswith(before):
        return [("extend", where, after[len(before):])] if after != before else []  # the bibliography
    return [] if before == after else [("set", where, after)]


def carry(whole: dict[str, Any], before: dict[str, Any], after: dict[str, Any], file: str,
          steps: Path) -> Path:
    """Make in whole the changes from before to after (two states of the small one); the steps of a
    value placed in after, as they are in whole."""
    moved: dict[Path, int] = {}  # (file, list path in after..., index in after) -> index in whole
    for rel, value in after.items():
        if rel not in before:
            whole[rel] = value
            continue
        appended: dict[Path, int] = {}
        for kind, where, what in changes(before[rel], value):
            if kind == "append":
                target = _at(whole[rel], where)
                index = len(_at(before[rel], where)) + appended.get(where, 0)
                appended[where] = appended.get(where, 0) + 1
                target.append(what)
                moved[(rel, *where, index)] = len(target) - 1
            elif kind == "extend":
                whole[rel] += what
            elif where:
                _at(whole[rel], where[:-1])[where[-1]] = what
            else:
                whole[rel] = what
    shown: list[str | int] = []
    for i, step in enumerate(steps):
        shown.append(moved.get((file, *steps[:i], step), step) if isinstance(step, int) else step)
    return tuple(shown)


def _at(node: Any, where: Path) -> Any:
    for step in where:
        node = node[step]
    return node
