"""What a walked value needs of the item it is put in: the field walk's table of contexts.

The walk puts each value into a copy of an item that already uses the field (datawalk.place), so most
contexts hold by themselves: an `answers` sits in a denial, a `for` beside a `person`, a `since` with
an `as_of`, a part's `who` in a part that names no governorate. What a copy cannot keep on its own is
below, each with the validator's rule it satisfies. A field added later needs an entry only when its
value constrains another field of its item.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from factsheet import wording

# Fields that must differ between the items of a list (claim ids: duplicate-id): a copy gets a new value.
UNIQUE = ("id",)


def copy_item(item: Any, fresh: Callable[[], str]) -> Any:
    """A copy of a list item, with new values in the fields that must be unique."""
    item = copy.deepcopy(item)
    if isinstance(item, dict):
        for name in UNIQUE:
            if name in item:
                item[name] = fresh()
    return item


def _reading(item: dict, name: str, value: Any) -> None:
    """figure: min and max follow the wording's reading (figure-mismatch). A denial's wording reads as
    zero and has no min or max, an allegation has no figure: their items are left as they are."""
    found = wording.read(str(value))
    if found is None or "denies" in item or "alleges" in item:
        return
    item["min"], item["max"] = found.min, found.max


def _about(item: dict, name: str, value: Any) -> None:
    """min, max: the wording becomes 'about N', N between a min and a max one apart from it on either
    side (figure-mismatch), so that the walked number shows only where min or max is shown."""
    if "figure" not in item or not isinstance(value, int) or "denies" in item:
        return
    low, high = (value, value + 2) if name == "min" else (value - 2, value)
    item.update({"min": low, "max": high, "figure": f"about {low + 1}"})


def _inferred(item: dict, name: str, value: Any) -> None:
    """as_of_note: it explains an inferred date, so as_of_basis is inferred (bad-value)."""
    item["as_of_basis"] = "inferred"


def _basis(item: dict, name: str, value: Any) -> None:
    """as_of_basis: a date not inferred has no note on how it was inferred (bad-value)."""
    if value != "inferred":
        item.pop("as_of_note", None)


# The field (the last key of its path), and what its item is made to hold.
RULES: dict[str, Callable[[dict, str, Any], None]] = {
    "figure": _reading,
    "min": _about,
    "max": _about,
    "as_of_note": _inferred,
    "as_of_basis": _basis,
}


def fit(name: str, item: dict, value: Any) -> None:
    """Make an item hold what its field's value needs."""
    rule = RULES.get(name)
    if rule:
        rule(item, name, value)


def named_text(owner: dict, name: str, fresh: Callable[[], str]) -> None:
    """A key of a mapping names a text of the object holding it (the English an Arabic text translates):
    the object gets that text when it has none (bad-value: translates nothing)."""
    if not owner.get(name):
        owner[name] = fresh().capitalize()


# Dates: an item's dates keep their order (date-order, bad-period): when one of a copied item's dates
# is walked, its other dates move by as many days. One on the same day as the walked date (a period of
# one day, a figure given the day it ends) moves a day further, so that only the walked field holds
# the walked date: before it when the walked field is one of these ends, after it otherwise.
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ENDS = ("to", "as_of", "end_date")


def _day(value: Any) -> date | None:
    match = DATE.match(str(value))
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return date(year, month, day)


def _moved(value: Any, days: int) -> Any:
    """A date (a day, a month or a year) moved by a number of days, written as precisely as before."""
    start = _day(value)
    if start is None:
        return value
    moved = (start + timedelta(days=days)).isoformat()[:len(str(value))]
    return int(moved) if isinstance(value, int) else moved


def move_dates(item: dict, paths: list[tuple[str, ...]], old: Any, new: Any, skip: tuple[str | int, ...],
               ) -> None:
    """Move the dates at the paths in an item (relative to it, '[]' for each item of a list) by the
    days from old to new, leaving the walked one (at steps `skip`) alone."""
    before, after = _day(old), _day(new)
    if before is None or after is None:
        return
    days = (after - before).days
    aside = -1 if skip[-1] in ENDS else 1
    for steps in paths:
        for container, key, found in _at(item, steps, ()):
            if found != skip:
                moved = _moved(container[key], days)
                container[key] = _moved(moved, aside) if moved == new else moved


def _at(node: Any, path: tuple[str, ...], done: tuple[str | int, ...],
        ) -> Iterator[tuple[Any, str | int, tuple[str | int, ...]]]:
    """(container, key, steps) for every value a path reaches."""
    step, rest = path[0], path[1:]
    keys = range(len(node)) if step == "[]" and isinstance(node, list) else (
        [step] if isinstance(node, dict) and step in node else [])
    for key in keys:
        if rest:
            yield from _at(node[key], rest, (*done, key))
        else:
            yield node, key, (*done, key)
