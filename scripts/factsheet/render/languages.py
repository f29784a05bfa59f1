"""Text in the language of the edition being written: records' translations, names, marks of English."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..i18n import language, t, vt
from ..markup import esc, lang_span, name
from ..model import Variant

# Words that already say how many or which (a Reuters cameraman, two officials, the hospital).
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "five", "some", "several", "many",
                "other", "another", "unnamed", "anonymous", "unspecified", "unidentified"}


def unnamed(words_value: str) -> str:
    """An unnamed claimant in words: 'unnamed medical sources', 'a Reuters cameraman' as written."""
    first = words_value.split(" ", 1)[0].lower() if words_value else ""
    return esc(words_value) if first in _DETERMINERS else "unnamed " + esc(words_value)


def quoted(shown: str) -> str:
    """A source's own words (a figure as worded): in their language, isolated from the page's direction."""
    return shown if language() == "en" else f'<bdi class="fs-worded">{shown}</bdi>'


def in_english(shown: str) -> str:
    """Text in English on a page in another language (a name with no Arabic form), tagged as English."""
    return f'<span lang="en" dir="ltr">{shown}</span>'


def untranslated(shown: str) -> str:
    """English text on an Arabic page, with a visible label: its translation is not written yet."""
    if not shown:
        return shown
    label = t("(not yet translated)")
    return in_english(shown) + f' <span class="fs-untranslated">{label}</span>'


def untranslated_block(shown: str) -> str:
    """Paragraphs of English on an Arabic page, labelled as not yet translated."""
    words = t("Not yet translated: the English text follows.")
    label = f'<p class="fs-untranslated">{words}</p>'
    return f'{label}\n\n<div lang="en" dir="ltr" markdown="1">\n\n{shown}\n\n</div>'


def text_of(obj: object, field: str, english: str | None) -> tuple[str | None, bool]:
    """A record's text in the language being written: (text, True when it falls back to the English)."""
    if language() == "en" or not english:
        return english, False
    found = getattr(obj, "ar", None)
    arabic = found.get(field) if found is not None else None
    return (arabic, False) if arabic else (english, True)


def place_text(where: object, field: str) -> tuple[str, bool]:
    """A place's city, area or country in the language being written: (text, True when only in English).

    Its Arabic text when the record has one; for a city, else its first Arabic spelling (a name).
    """
    english = getattr(where, field, None) or ""
    value, fallback = text_of(where, field, english)
    if not fallback:
        return value or "", False
    if field == "city":
        for variant in getattr(where, "variants", ()):
            if variant.lang == language():
                return variant.name, False
    return english, True


def place_html(where: object, field: str) -> str:
    """place_text as HTML: a name left in English is tagged as English (names are not labelled)."""
    value, only_english = place_text(where, field)
    return in_english(esc(value)) if only_english and value else esc(value)


def foreign(value: str) -> str:
    """A name as HTML: on a page in another language, tagged as English unless written in Arabic script."""
    shown = name(value)
    if language() == "en" or not value or re.search(r"[\u0600-\u06ff]", value):
        return shown
    return in_english(shown)


def record_name(record: object) -> str:
    """A person's or organisation's name in the language being written: its `ar: name`, else its first
    Arabic spelling, else its name."""
    english = getattr(record, "name", "")
    if language() == "en":
        return english
    found = getattr(record, "ar", None)
    given = found.get("name") if found is not None else None
    if given:  # a name the record gives for the Arabic edition comes first
        return given
    return next((v.name for v in getattr(record, "variants", ()) if v.lang == language()), english)


def name_html(record: object) -> str:
    """A record's name as HTML: a name with no form in the page's language is tagged as English."""
    shown = record_name(record)
    return name(shown) if language() == "en" or shown != getattr(record, "name",
                                                                 "") else in_english(name(shown))


def variants(items: Sequence[Variant]) -> str:
    """Other names, Arabic script tagged as such, abbreviations marked."""
    shown = []
    for variant in items:
        text = lang_span(variant.name, variant.lang or ("en" if language() != "en" else None))
        shown.append(t("{name} (abbreviation)", name=text) if variant.abbreviation else text)
    return t(", ").join(shown)


def words(value: str | None) -> str:
    """An id-like value (security-forces) as words."""
    return esc(vt((value or "").replace("-", " ")))
