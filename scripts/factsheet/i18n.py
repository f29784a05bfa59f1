"""The site's own words in each language: t() and nt() look an English string up in a catalogue.

The catalogues are gettext .po files under locale/<language>/LC_MESSAGES/factsheet.po, read with
Babel and compiled in memory; locale/factsheet.pot lists every string the code passes to t() and
nt() (extracted by Babel: see babel.cfg and CONTRIBUTING.md). English is the code's own text.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("en", "ar")  # the editions, English first: English at the top, the others under /<lang>/
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "factsheet"
# The language the page being rendered is written in; set around each page by speaking().
_language: ContextVar[str] = ContextVar("factsheet_language", default="en")


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Write in this language until the block ends."""
    if lang not in LANGUAGES:
        raise ValueError(f"no edition in {lang!r}: editions are {', '.join(LANGUAGES)}")
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def language() -> str:
    """The language being written."""
    return _language.get()


def catalogue_path(lang: str) -> Path:
    """Where a language's .po file is."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    with catalogue_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, so they read as English
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def t(message: str, **values: object) -> str:
    """A string of the site in the language being written; {name} placeholders filled from values."""
    text = _translations(language()).gettext(message)
    return text.format(**values) if values else text


def nt(singular: str, plural: str, count: int, **values: object) -> str:
    """t() for a string whose words depend on a count (Arabic has six plural forms)."""
    text = _translations(language()).ngettext(singular, plural, count)
    return text.format(**values) if values else text


def vt(word: str) -> str:
    """A word of the controlled vocabularies (vocab.py) or a grade, in the language being written.

    These are data, not code: `factsheet catalogue` adds them to the .pot from the tables themselves.
    """
    return _translations(language()).gettext(word) if word else word


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Mark a string for the catalogue where it is defined; t() translates it where it is shown."""
    return message


def t_in(lang: str, message: str, **values: object) -> str:
    """t() in a given language, whatever the page's (for a page in two languages, such as 404.html)."""
    with speaking(lang):
        return t(message, **values)


def language_token(lang: str) -> Token[str]:
    """Start writing in a language until language_reset (for a build's page events, which are not blocks)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no edition in {lang!r}")
    return _language.set(lang)


def language_reset(token: Token[str]) -> None:
    """Back to the language before language_token."""
    _language.reset(token)
