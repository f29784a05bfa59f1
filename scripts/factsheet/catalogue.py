"""The catalogue of the site's own words: the .pot template, and each language's .po kept in step.

The template holds every string the code passes to t(), nt() and N_() (extracted by Babel, as
babel.cfg says) and the words of the controlled vocabularies, grades and wording rules, which are
shown through vt(). A tool, apart from the stages: it reads and writes the locale folder only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from . import export, figures, vocab, wording
from .edition import VERSION
from .i18n import DOMAIN, LANGUAGES, LOCALE_DIR, catalogue_path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "iraq-protests-factsheet"
HEADER = ("# The words of the site itself, in English, for translation (see CONTRIBUTING.md, Translations).\n"
          "# Written by `factsheet catalogue` from the code and the vocabularies: do not edit it by hand.")
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"t": None, "nt": (1, 2), "N_": None, "t_in": (2,)}
# The languages a source's langid may name, as the source page shows them.
LANGUAGE_NAMES = ("Arabic", "Dutch", "English", "French", "German", "Persian", "Turkish", "Urdu", "Kurdish")
PRECISIONS = ("exact", "neighbourhood", "city", "governorate", "region")
# A fixed date, so that the template changes only when its strings do.
FIXED_DATE = datetime(2019, 10, 1, tzinfo=UTC)


def _code_strings() -> Iterator[tuple[str | tuple[str, str], str]]:
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    for filename, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS):
        yield message, filename


def _word(value: str) -> str:
    return value.replace("-", " ")


def _vocabulary_strings() -> Iterator[str]:
    """The words vt() shows: vocabulary words and meanings, grades, wording rules, column meanings."""
    for title, table in vocab.VOCABULARIES.items():
        yield title
        for word, meaning in table.items():
            yield _word(word)
            yield meaning
    yield from (vocab.source_kind_label(kind) for kind in vocab.SOURCE_KINDS)
    yield from vocab.CHAIN_VERBS.values()
    yield from (figures.SINGLE, figures.CORROBORATED, figures.CONTESTED)
    for kind, worded, reading in wording.RULES:
        yield from (_word(kind), worded, reading)
    yield from export.DESCRIPTIONS.values()
    yield from LANGUAGE_NAMES
    yield from PRECISIONS


def template() -> Catalog:
    """The .pot catalogue, as the code and the vocabularies stand."""
    catalog = Catalog(domain=DOMAIN, project=PROJECT, version=VERSION, creation_date=FIXED_DATE,
                      revision_date=FIXED_DATE, fuzzy=False, header_comment=HEADER, copyright_holder="",
                      msgid_bugs_address="", last_translator="", language_team="")
    for message, _ in _code_strings():
        if isinstance(message, (tuple, list)):
            catalog.add(tuple(message))
        elif message:
            catalog.add(message)
    for word in _vocabulary_strings():
        if word and word not in catalog:
            catalog.add(word, auto_comments=["a word of the data's vocabularies (vocab.py), shown by vt()"])
    return catalog


def as_text(catalog: Catalog) -> bytes:
    """A catalogue as its .po/.pot file: sorted, no source locations (they change with every edit)."""
    out = BytesIO()
    write_po(out, catalog, sort_output=True, omit_header=False, no_location=True, width=110)
    return out.getvalue()


def update(lang: str) -> Catalog:
    """A language's catalogue brought in step with the template: new strings added empty, old ones marked."""
    path = catalogue_path(lang)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    catalog.update(template(), no_fuzzy_matching=True)
    return catalog


def write() -> list[Path]:
    """Write the template and update every language's catalogue; the files written."""
    TEMPLATE.write_bytes(as_text(template()))
    written = [TEMPLATE]
    for lang in LANGUAGES[1:]:
        path = catalogue_path(lang)
        path.write_bytes(as_text(update(lang)))
        written.append(path)
    return written


def placeholders(text: str) -> set[str]:
    """The {name} placeholders of a message."""
    return set(re.findall(r"\{(\w+)\}", text))


def untranslated() -> list[tuple[str, str]]:
    """(language, msgid) for every string of the template a language's catalogue lacks or leaves empty."""
    found = []
    wanted = template()
    for lang in LANGUAGES[1:]:
        with catalogue_path(lang).open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in wanted:
            if not message.id:
                continue
            have = catalog.get(message.id)
            strings = have.string if have is not None else ""
            strings = strings if isinstance(strings, tuple) else (strings,)
            if have is None or have.fuzzy or not all(strings):
                found.append((lang, message.id if isinstance(message.id, str) else message.id[0]))
    return found
