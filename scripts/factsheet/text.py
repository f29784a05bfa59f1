"""Rules for the project's free text: citation markers, numerals, no raw HTML."""

from __future__ import annotations

import re
from typing import NamedTuple

# Pandoc-style marker: [@source-key, locator]
MARKER_RE = re.compile(r"\[@([^\],;\s]+)(?:\s*,\s*([^\]]*))?\]")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# The month names used in Iraq, for dates in the records' Arabic texts ("28 تشرين الثاني 2019").
_MONTH_AR = (r"(?:كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|"
             r"كانون الأول)")
_DATE_RES = (
    re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b"),
    re.compile(rf"\b\d{{1,2}}\s+{_MONTH_AR}"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?![a-z])"),
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"),
    re.compile(r"\b(?:1[89]|20)\d{2}s?\b"),
)
_URL_RE = re.compile(r"https?://\S+")
# A sentence ends at . ! ? (or the Arabic ؟) before a capital, a digit or an Arabic letter.
_SENTENCE_RE = re.compile(r"(?<=[.!?؟])[\"'”’)»]*\s+(?=[\"'“‘(«]*[A-Z0-9\u0621-\u064a])|\n\s*\n")
_LINK_RE = re.compile(r"\]\(\s*([^)\s]+)")
_HTML_RE = re.compile(r"<\s*[A-Za-z!/?]")
PLACEHOLDER = "\x00"


class Marker(NamedTuple):
    """A citation marker found in text."""

    key: str
    locator: str
    offset: int


def markers(text: str) -> list[Marker]:
    """Every citation marker in a text."""
    return [Marker(m.group(1), (m.group(2) or "").strip(), m.start()) for m in MARKER_RE.finditer(text)]


def strip_dates(sentence: str) -> str:
    """Remove dates and years, which need no citation."""
    for pattern in _DATE_RES:
        sentence = pattern.sub(" ", sentence)
    return sentence


def sentences(text: str) -> list[str]:
    """Split text into sentences with dates removed, keeping citation markers inside them."""
    hidden = strip_dates(MARKER_RE.sub(PLACEHOLDER, _URL_RE.sub(" ", text)))
    # A marker placed after the full stop still belongs to the sentence before it.
    hidden = re.sub(r"([.!?؟])((?:\s*" + PLACEHOLDER + r")+)", r"\2\1", hidden)
    return [s for s in _SENTENCE_RE.split(hidden) if s and s.strip()]


def uncited_numerals(text: str) -> list[str]:
    """Sentences with a number (dates aside) and no citation marker."""
    found = []
    for sentence in sentences(text):
        if PLACEHOLDER in sentence:
            continue
        if re.search(r"\d", sentence):
            found.append(sentence.strip())
    return found


def bad_links(text: str) -> list[str]:
    """Markdown link targets that are not http(s) or an in-page anchor."""
    return [t for t in _LINK_RE.findall(text) if not re.match(r"(https?://|#)", t)]


def has_raw_html(text: str) -> bool:
    """True when the text contains something a browser would read as a tag."""
    return bool(_HTML_RE.search(text))
