"""How a figure's wording is read: one documented reading per class of wording.

The validator checks each figure's `min` and `max` against its reading, the pages show the reading
beside the figure ("read as 29 or more"), and the methodology page prints the table below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXACT = "exact"
OPEN_ABOVE = "at-least"
OPEN_BELOW = "at-most"
APPROXIMATE = "approximate"
RANGE = "range"
VAGUE = "vague"
NONE = "zero"
WORDLESS = "wordless"

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Whole phrases that name a number.
_PHRASES = {"half a dozen": 6, "a dozen": 12, "one dozen": 12, "two dozen": 24, "three dozen": 36,
            "a hundred": 100, "a thousand": 1000, "a couple of": 2, "a couple": 2}
# Words for an unstated number of many: read as at least twice the unit, with no upper limit.
VAGUE_FLOORS = {"tens of thousands": 20_000, "hundreds of thousands": 200_000, "several dozen": 24,
                "several hundred": 200, "several thousand": 2000, "dozens": 24, "scores": 40,
                "hundreds": 200, "thousands": 2000, "several": 3}
# Wordings that state no one: read as zero (a denial's "no martyr" among them).
_ZERO = ("no one", "nobody", "none", "not a single", "not one", "no")

ABOVE_WORDS = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
               "no less than", "a minimum of", "past", "exceeding", "exceeds", "above", "beyond")
BELOW_WORDS = ("as many as", "up to", "at most", "no more than", "a maximum of")
STRICT_BELOW_WORDS = ("fewer than", "less than", "under")
APPROX_WORDS = ("about", "around", "nearly", "almost", "roughly", "approximately", "some",
                "close to", "an estimated", "estimated", "circa", "approx.")
_ABOVE_SUFFIX = re.compile(r"^(?P<n>.+?)\s*(?:\+|or more|plus)(?:\s|$)")
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]*\d)")


@dataclass(frozen=True)
class Reading:
    """What a wording says: its class, the number it states, and the min and max it implies."""

    kind: str
    number: int | None  # the stated number (the larger one of a range)
    min: int | None
    max: int | None
    word: str = ""  # the qualifier or vague word as written

    def allows(self, low: int | None, high: int | None) -> bool:
        """True when a record's min and max follow this reading."""
        if self.kind == APPROXIMATE:
            # The record may widen an approximate number into a range around it.
            return (low is not None and high is not None and self.number is not None
                    and low <= self.number <= high)
        return (low, high) == (self.min, self.max)


# The documented readings, in the order the methodology page shows them: (class, wording, reading).
RULES = (
    (EXACT, "a number in digits or words: `29`, `nine`, `half a dozen`", "that number: min = max"),
    (OPEN_ABOVE, "`at least 29`, `more than 100`, `over 300`, `29+`, `29 or more`",
     "the number or more: min `29`, no max"),
    (OPEN_BELOW, "`as many as 35`, `up to 1,041`, `at most 5`", "up to the number: no min, max `35`"),
    (OPEN_BELOW, "`fewer than 10`, `less than 10`, `under 10`", "up to one less: no min, max `9`"),
    (APPROXIMATE, "`about 6`, `around 150`, `nearly 20,000`, `roughly 40`, `some 200`",
     "about that number: min = max = the number, or a range the record gives around it"),
    (RANGE, "`between 29 and 80`, `29 to 80`, `29–80`, `two or three`", "from the first number to the "
     "second: min `29`, max `80`"),
    (VAGUE, "`several`, `dozens`, `scores`, `hundreds`, `thousands`, `tens of thousands`",
     "the smallest number the word can mean, no max: several `3+`, dozens `24+`, scores `40+`, "
     "hundreds `200+`, thousands `2,000+`, tens of thousands `20,000+`"),
    (NONE, "`no one`, `none`, `no martyr`", "zero: min = max = `0`"),
    (WORDLESS, "words with no number: `many`, `a large number`, `most`, `a few`",
     "no number: no min, no max"),
)


def _words_number(text: str) -> tuple[int, int] | None:
    """A number in words at the start of text ('twenty-five', 'three hundred'): (value, length)."""
    for phrase, value in sorted(_PHRASES.items(), key=lambda p: -len(p[0])):
        if text == phrase or text.startswith(phrase + " "):
            return value, len(phrase)
    match = re.match(r"[a-z]+(?:[- ][a-z]+)*", text)
    if not match:
        return None
    total = current = 0
    used = 0
    found = False
    for token in re.finditer(r"[a-z]+", match.group(0)):
        word = token.group(0)
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES and found:
            total, current = total + max(current, 1) * _SCALES[word], 0
            if _SCALES[word] == 100:  # "three hundred and five": hundreds combine with what follows
                current, total = total, 0
        elif word == "and" and found:
            continue
        else:
            break
        found = True
        used = token.end()
    return (total + current, used) if found else None


def _number(text: str) -> tuple[int, str] | None:
    """The number at the start of text, and what follows it."""
    digits = _DIGITS.match(text)
    if digits:
        return int(digits.group(1).replace(",", "")), text[digits.end():]
    words = _words_number(text)
    if words:
        return words[0], text[words[1]:]
    return None


def _strip_word(text: str, words: tuple[str, ...]) -> tuple[str, str] | None:
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word + " "):
            return word, text[len(word) + 1:].lstrip()
    return None


def normal(figure: str) -> str:
    """A wording in lower case with single spaces and no closing punctuation."""
    return " ".join(figure.lower().replace("\u00a0", " ").split()).rstrip(".;:,")


def read(figure: str) -> Reading | None:
    """The reading of a wording, or None when it names a number in a way no rule covers."""
    text = normal(figure)
    for word, floor in sorted(VAGUE_FLOORS.items(), key=lambda p: -len(p[0])):
        if text == word or text.startswith(word + " "):
            return Reading(VAGUE, floor, floor, None, word)
    for words, kind in ((ABOVE_WORDS, OPEN_ABOVE), (BELOW_WORDS, OPEN_BELOW),
                        (STRICT_BELOW_WORDS, OPEN_BELOW), (APPROX_WORDS, APPROXIMATE)):
        stripped = _strip_word(text, words)
        if stripped and (found := _number(stripped[1])):
            number = found[0]
            if kind == OPEN_ABOVE:
                return Reading(kind, number, number, None, stripped[0])
            if kind == OPEN_BELOW:
                top = number - 1 if words is STRICT_BELOW_WORDS else number
                return Reading(kind, number, None, top, stripped[0])
            return Reading(kind, number, number, number, stripped[0])
    if text in _ZERO or any(text.startswith(z + " ") for z in _ZERO):
        return Reading(NONE, 0, 0, 0, text.split()[0])
    return _plain(text)


def _plain(text: str) -> Reading | None:
    """A bare number, a number with '+' or 'or more', a range, or no number at all."""
    body = text.removeprefix("between ")
    first = _number(body)
    if first is None:
        return None if re.search(r"\d", text) else Reading(WORDLESS, None, None, None)
    number, rest = first
    rest = rest.strip()
    if rest.startswith("+") or re.match(r"or more\b|plus\b", rest):
        return Reading(OPEN_ABOVE, number, number, None, "+")
    joined = re.match(r"(?:and|to|or|-|–|—)\s*", rest)
    if joined:
        second = _number(rest[joined.end():].strip())
        if second and second[0] != number:  # a reversed range reads as written; min-over-max says why
            return Reading(RANGE, second[0], number, second[0])
    if text.startswith("between "):
        return None
    return Reading(EXACT, number, number, number)


def interval(low: int | None, high: int | None) -> tuple[float, float]:
    """A figure's min and max as an interval: an open end stays open (0 below, infinity above)."""
    return (float(low) if low is not None else 0.0, float(high) if high is not None else float("inf"))
