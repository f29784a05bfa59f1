"""The catalogue of the site's own words: the .pot follows the code, every language translates all of it."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from factsheet import catalogue
from factsheet.i18n import LANGUAGES, catalogue_path, nt, speaking, t
from factsheet.markup import human_date

OTHERS = LANGUAGES[1:]


def _read(lang):
    with catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def _strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _ids(message):
    return message.id if isinstance(message.id, tuple) else (message.id,)


def test_the_template_is_up_to_date_with_the_code():
    written = catalogue.TEMPLATE.read_bytes()
    assert written == catalogue.as_text(catalogue.template()), (
        "locale/factsheet.pot is out of date: run .venv/bin/factsheet catalogue and translate what it adds")


def test_the_template_holds_the_code_strings_and_the_vocabularies():
    found = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue.template() if m.id}
    # A string of the code, one with a count, a vocabulary word and a grade.
    assert {"Casualty figures", "{n} years", "security forces", "corroborated"} <= found


@pytest.mark.parametrize("lang", OTHERS)
def test_every_string_is_translated(lang):
    assert catalogue.untranslated() == [], "strings left untranslated (run factsheet catalogue)"
    translated = _read(lang)
    wanted = [m for m in catalogue.template() if m.id]
    for message in wanted:
        have = translated.get(message.id)
        assert have is not None and not have.fuzzy and all(_strings(have)), message.id


@pytest.mark.parametrize("lang", OTHERS)
def test_no_string_is_left_over(lang):
    wanted = {m.id for m in catalogue.template() if m.id}
    extra = [m.id for m in _read(lang) if m.id and m.id not in wanted]
    assert extra == [], "strings the code no longer uses: run factsheet catalogue"


@pytest.mark.parametrize("lang", OTHERS)
def test_translations_keep_the_placeholders(lang):
    for message in _read(lang):
        if not message.id:
            continue
        wanted = set().union(*(catalogue.placeholders(i) for i in _ids(message)))
        for text in _strings(message):
            # A form for one or two may say the number in words ("مصدر واحد") and leave out {n}.
            assert catalogue.placeholders(text) <= wanted, (message.id, text)
            assert wanted - {"n"} <= catalogue.placeholders(text), (message.id, text)


def test_english_is_the_code_itself():
    assert t("Casualty figures") == "Casualty figures"
    assert t("{start} to {end}", start="a", end="b") == "a to b"


def test_arabic_words_plurals_and_iraqi_month_names():
    with speaking("ar"):
        assert t("Casualty figures") == "أرقام الضحايا"
        assert human_date("2019-11-28") == "28 تشرين الثاني 2019"
        assert human_date("2020-01") == "كانون الثاني 2020"
        assert human_date(None) == "من دون تاريخ"
        assert [nt("{n} years", "{n} years", n, n=n) for n in (1, 2, 3, 11, 100)] == [
            "سنة واحدة", "سنتان", "3 سنوات", "11 سنة", "100 سنة"]
    assert human_date("2019-11-28") == "28 November 2019"  # the language ends with the block


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError), speaking("xx"):
        pass


def test_every_string_the_code_passes_to_t_is_in_the_template():
    """Babel's extractor misses a call nested in some expressions: this reads the code itself."""
    import ast
    from pathlib import Path

    import factsheet

    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue.template() if m.id}
    missed = []
    for path in sorted(Path(factsheet.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYS
            first = node.args[0] if called and node.args else None
            if isinstance(first, ast.Constant) and first.value not in wanted:
                missed.append(f"{path.name}:{node.lineno}: {first.value}")
    assert missed == [], "strings Babel does not extract (take the call out of the expression):\n" + (
        "\n".join(missed))


KEYS = ("t", "nt", "N_")
