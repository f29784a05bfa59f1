"""Names on the map: every circle named beside it, or numbered with its name in a key under the map."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import t
from ..model import Dataset
from .places import Circle
from .svg import Box, Room, text, text_box

MAX_KEY = 12  # numbered circles named in the key; past that, the data table names them
GAP = 3


@dataclass(frozen=True)
class Label:
    """Where a circle's name (or its number) is written."""

    x: float
    y: float
    words: str
    anchor: str
    numbered: bool = False


def circle_name(ds: Dataset, circle: Circle, began: str) -> str:
    """The circle's place, with the year when every incident in it came before the protest period."""
    dated = [ds.incidents[i].date for i in circle.incidents]
    if dated and all(d != "unknown" and d < began for d in dated):
        years = sorted({d[:4] for d in dated})
        return f"{circle.spot.name} ({t(', ').join(years)})"
    return circle.spot.name


def _spots(x: float, y: float, r: float, words: str, size: float) -> list[tuple[Label, Box]]:
    """Places to try: right, left, above, below, then the four corners."""
    mid = y + size * 0.35
    near = [Label(x + r + GAP, mid, words, "start"), Label(x - r - GAP, mid, words, "end"),
            Label(x, y - r - GAP - size * 0.25, words, "middle"),
            Label(x, y + r + GAP + size * 0.8, words, "middle"),
            Label(x + r * 0.7 + GAP, y - r * 0.7 - GAP, words, "start"),
            Label(x - r * 0.7 - GAP, y - r * 0.7 - GAP, words, "end"),
            Label(x + r * 0.7 + GAP, y + r * 0.7 + size * 0.8, words, "start"),
            Label(x - r * 0.7 - GAP, y + r * 0.7 + size * 0.8, words, "end")]
    return [(label, text_box(label.x, label.y, words, size, label.anchor)) for label in near]


Named = tuple[float, float, float, str]  # a circle's x, y, radius and name


def place(names: list[Named], room: Room, size: float) -> tuple[list[Label], list[str]]:
    """Labels for circles (x, y, radius, name), most important first; the names that went to the key.

    A circle whose name fits nowhere gets a number beside it, and its name goes in the key.
    """
    labels: list[Label] = []
    keyed: list[str] = []
    for x, y, r, words in names:
        tried = _spots(x, y, r, words, size)
        chosen = room.first_free(box for _, box in tried)
        if chosen is not None:
            labels.append(tried[chosen][0])
            continue
        if len(keyed) >= MAX_KEY:
            keyed.append(words)
            continue
        number = str(len(keyed) + 1)
        keyed.append(words)
        tried = _spots(x, y, r, number, size)
        chosen = room.first_free(box for _, box in tried)
        found = tried[chosen if chosen is not None else 0][0]
        labels.append(Label(found.x, found.y, number, found.anchor, numbered=True))
    return labels, keyed


def draw(labels: list[Label], size: float) -> str:
    """The labels, each with a halo in the page's colour so it reads over land and circles alike."""
    return "".join(text(label.x, label.y, label.words, text_anchor=label.anchor, font_size=size,
                        font_weight="bold" if label.numbered else None, class_="fs-place-name fs-halo",
                        stroke="#ffffff", stroke_width="3", paint_order="stroke")
                   for label in labels)


def key(keyed: list[str], top: float, size: float) -> tuple[str, float]:
    """The names of the numbered circles, under the map; returns it and its height."""
    if not keyed:
        return "", 0.0
    out, y = [], top + size
    out.append(text(0, y, t("Numbered on the map:"), font_size=size, class_="fs-axis"))
    for number, words in enumerate(keyed[:MAX_KEY], start=1):
        y += size * 1.3
        out.append(text(0, y, f"{number} · {words}", font_size=size))
    if len(keyed) > MAX_KEY:
        y += size * 1.3
        out.append(text(0, y, t("and {n} more circles, named in the table below", n=len(keyed) - MAX_KEY),
                        font_size=size, class_="fs-axis"))
    return "".join(out), y - top + size * 0.4
