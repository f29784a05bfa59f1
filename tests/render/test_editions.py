"""The Arabic edition as rendered: every page at ar/<same path>, in Arabic, with the English marked."""

from __future__ import annotations

import re

import pytest

from factsheet.i18n import speaking
from factsheet.pipeline import LANGUAGES_ENV, languages, load_dataset, render_site
from factsheet.render.languages import untranslated

NASIRIYAH = "incident/2019-11-28-nasiriyah.md"


@pytest.fixture(scope="module")
def site(fixture_dir):
    return render_site(load_dataset(fixture_dir))


@pytest.fixture(scope="module")
def fixture_dir():
    from pathlib import Path

    return Path(__file__).parents[1] / "fixtures" / "valid"


def test_every_english_page_has_an_arabic_one(site):
    english = {p for p in site if p.endswith(".md") and not p.startswith("ar/")}
    assert english and {p for p in site if p.startswith("ar/")} == {f"ar/{p}" for p in english}
    for path in english:
        assert 'lang: "ar"' in site[f"ar/{path}"].content, path
        assert "lang:" not in site[path].content.split("---")[1], path  # English pages say nothing


def test_downloads_are_shared(site):
    assert "downloads/claims.csv" in site and not [p for p in site if p.startswith("ar/downloads/")]
    assert "](../downloads/claims.csv)" in site["ar/downloads.md"].content


def test_arabic_pages_read_in_arabic(site):
    page = site[f"ar/{NASIRIYAH}"].content
    assert "## أرقام الضحايا {#figures}" in page and "## Casualty figures" not in page
    assert "28 تشرين الثاني 2019" in page  # the Iraqi month name
    assert '<bdi dir="ltr">46+</bdi>' in page  # a range isolated from the page's direction
    assert "[جميل الشمري](../person/jamil-al-shimiri.md)" in page  # the Arabic spelling of a name


def test_a_missing_translation_shows_the_english_marked(site):
    # The fixture's records have no ar: blocks: their texts show in English, labelled.
    page = site[f"ar/{NASIRIYAH}"].content
    assert '<span lang="en" dir="ltr">Shootings of protesters in Nasiriyah</span>' in page
    assert '<span class="fs-untranslated">(لم يُترجم بعد)</span>' in page
    assert '<div lang="en" dir="ltr" markdown="1">' in page  # the summary, a block
    assert "fs-untranslated" not in site[NASIRIYAH].content


def test_the_label_is_in_the_pages_language():
    with speaking("ar"):
        assert "لم يُترجم بعد" in untranslated("text")
    assert untranslated("") == ""


def test_the_record_links_stay_in_the_edition(site):
    page = site[f"ar/{NASIRIYAH}"].content
    links = re.findall(r"\]\(([^)#\s]+\.md)", page)
    assert links and all(not link.startswith("../../") for link in links), links


def test_languages_can_be_limited_to_english(monkeypatch):
    assert languages() == ("en", "ar")
    monkeypatch.setenv(LANGUAGES_ENV, "en")
    assert languages() == ("en",)
    monkeypatch.setenv(LANGUAGES_ENV, "xx")
    with pytest.raises(ValueError, match="no edition in xx"):
        languages()


def test_quotations_in_latin_script_read_left_to_right_in_arabic_text():
    from factsheet.markup import isolated_quotations

    text = "قمع احتجاج «Who killed me?» (ترجمة الموقع: «من قتلني؟») و«قال Reuters»"
    with speaking("ar"):
        shown = isolated_quotations(text)
    # The English words are isolated (their "?" stays at their end) and tagged; Arabic ones are not.
    assert shown == ('قمع احتجاج «<bdi lang="en">Who killed me?</bdi>» (ترجمة الموقع: «من قتلني؟») '
                     "و«قال Reuters»")
    assert isolated_quotations(text) == text  # English pages quote in "double quotes": left alone


def test_an_arabic_title_isolates_its_english_quotation(fixture_dir):
    from types import SimpleNamespace

    from factsheet import cite, link
    from factsheet.render.common import Context, Page

    ds = load_dataset(fixture_dir)
    page = Page(Context(ds, link.link(ds), cite.format_sources(ds.sources), lang="ar"), "ar/index.md")
    record = SimpleNamespace(ar={"title": "احتجاج «Who killed me?» في بغداد"})
    with speaking("ar"):
        assert page.title("The “Who killed me?” protest", record) == (
            'احتجاج «<bdi lang="en">Who killed me?</bdi>» في بغداد')


def test_a_quotation_is_not_isolated_across_markup():
    from factsheet.markup import esc, isolated_quotations

    # A tag the renderer placed between the guillemets would be split by the <bdi>: left alone.
    marked = 'نص <span lang="en">«Name</span> more»'
    with speaking("ar"):
        assert isolated_quotations(marked) == marked
        # Nor across a contributor's Markdown link or emphasis, which the <bdi> would split.
        for prose in ("[تقرير «the report](https://example.org) says»", "*«Who killed* me»"):
            assert isolated_quotations(prose) == prose
        assert isolated_quotations("هي «[At least] 149 men»") == (
            'هي «<bdi lang="en">[At least] 149 men</bdi>»')
        # A contributor's angle brackets are escaped before: the quotation is still isolated.
        assert isolated_quotations(esc("«<b>bold</b>»")) == (
            '«<bdi lang="en">&lt;b&gt;bold&lt;/b&gt;</bdi>»')
