"""Search: folded spellings of names, the keys they give a page, and the shape of the index."""

from __future__ import annotations

import copy

import pytest

from factsheet import search
from factsheet.pipeline import load_dataset

SEPARATOR = r'[\s\-,:!=\[\]()"/]+'  # the site's (mkdocs.yml)

SAME = [
    # Spellings that sources and readers use for one name.
    ("Soleimani", "Suleimani"), ("Soleimani", "Sulaymani"), ("Soleimani", "Soleymani"),
    ("Ghaani", "Qaani"), ("Ghaani", "Qa'ani"),
    ("Kata'ib", "Kataib"), ("Kata’ib", "Kataeb"), ("Kataʾib", "Kataib"),
    ("Hezbollah", "Hizbollah"), ("Hezbollah", "Hizbullah"), ("Hezbollah", "Hizballah"),
    ("Karbala", "Kerbala"),
    ("Nasiriyah", "Nasseriya"), ("Nasiriyah", "Nassiriya"), ("Nasiriyah", "Nasiriya"),
    ("Shimiri", "Shummari"), ("Shummary", "Shammari"),
    ("Muhandis", "Mohandes"), ("Qassem", "Kassem"), ("Qasem", "Ghasem"), ("Esmail", "Ismail"),
    ("Abū", "Abu"),
    # Arabic: hamza forms, the article, taa marbuta and haa, alef maqsura and yaa, Persian letters.
    ("أشرف", "اشرف"), ("إسماعيل", "اسماعيل"), ("آمرلي", "امرلي"), ("مؤتمر", "موتمر"), ("رئيس", "رييس"),
    ("كربلاء", "كربلا"), ("الناصرية", "ناصرية"), ("الناصرية", "ناصريه"), ("ديالى", "ديالي"),
    ("قاآني", "قاني"), ("سلیمانی", "سليماني"), ("کربلا", "كربلا"), ("مُحَمَّد", "محمد"),
]

DIFFERENT = [
    ("Najaf", "Nasiriyah"), ("Basra", "Baghdad"), ("Amiri", "Muhandis"), ("Hashd", "Hadath"),
    ("بغداد", "البصرة"), ("النجف", "الناصرية"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_spellings_of_one_name_fold_alike(one: str, other: str) -> None:
    assert search.fold(one) == search.fold(other)


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_names_stay_apart(one: str, other: str) -> None:
    assert search.fold(one) != search.fold(other)


def test_the_article_is_kept_when_it_is_the_word() -> None:
    # ال is taken off only when at least two letters remain, so short words keep their letters.
    assert search.fold("الله") == "له"
    assert search.fold("ال") == "ال"


def test_rules_use_only_syntax_that_javascript_reads_alike() -> None:
    for pattern, replacement in search.FOLD_RULES:
        # Named groups, possessive quantifiers, inline flags and \Z differ between the two engines.
        for construct in ("(?P", "(?i", "(?s", "\\Z", "\\A", "++", "*+"):
            assert construct not in pattern, (pattern, construct)
        assert "\\" not in replacement  # JavaScript's $1, turned into \g<1> for Python


def test_keys_fold_only_names_that_change() -> None:
    vocabulary = frozenset({"soleimani", "karbala", "أشرف"})
    html = "<p>Qassem Soleimani<sup>1</sup> visited Karbala and Ashraf (معسكر أشرف).</p>"
    # Karbala folds to itself (the word itself is indexed); Qassem and Ashraf are not in the names.
    assert search.keys(html, SEPARATOR, vocabulary) == ["salamana", "اشرف"]
    # With no vocabulary every word is folded: "visited" too.
    assert search.keys(html, SEPARATOR, None) == ["kasam", "salamana", "vasatad", "اشرف"]


def test_every_token_when_no_vocabulary_is_given() -> None:
    keys = search.keys("<p>الناصرية أشرف بغداد</p>", SEPARATOR, None)
    assert keys == ["ناصريه", "اشرف"]  # بغداد folds to itself


def test_vocabulary_holds_the_names_in_the_data(valid_copy) -> None:
    dataset = load_dataset(valid_copy)
    names = search.vocabulary(dataset, SEPARATOR)
    person = dataset.people["jamil-al-shimiri"]
    assert {"shimiri", "shummary", "الشمري", "nasiriyah", "nassiriya", "karbala"} <= names
    assert "isf" not in names  # an abbreviation is not transliterated
    assert "security" not in names  # nor is a lowercase word of a name ("Iraqi security forces")
    assert person.name.split()[0].lower() in names


def index(*docs: dict) -> dict:
    return {"config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"],
                       "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
            "docs": list(docs)}


DOCS = [
    {"location": "person/x/", "title": "Qassem Soleimani", "boost": 2,
     "text": "<p>Also written: Soleimani, قاسم سليماني</p>"},
    {"location": "person/x/#posts", "title": "Posts", "text": ""},
    {"location": "incident/y/", "title": "Shootings in Nasiriyah", "text": "<p>Soleimani was named.</p>"},
    {"location": "governorates/#dhi-qar", "title": "Dhi Qar", "text": ""},
]
NAMES = frozenset({"qassem", "soleimani", "nasiriyah", "قاسم", "سليماني", "dhi", "qar"})


def test_shape_adds_keys_fields_and_rules() -> None:
    shaped = search.shape(index(*copy.deepcopy(DOCS)), NAMES)
    assert shaped["config"]["fold"] == [list(rule) for rule in search.FOLD_RULES]
    assert shaped["config"]["fields"]["fold_title"] == {"boost": 1000.0}
    assert shaped["config"]["fields"]["title"] == {"boost": 1000.0}
    person, incident, governorate = shaped["docs"]
    assert person["fold_title"] == "kasam salamana"
    assert "fold_text" not in person  # the keys of its text are those of its title
    assert person["boost"] == 2 and person["text"] == DOCS[0]["text"]  # the theme's fields untouched
    assert incident["fold_title"] == "nasaraya" and incident["fold_text"] == "salamana"
    assert governorate["location"] == "governorates/#dhi-qar"  # a heading that names a place stays


def test_a_record_section_that_is_only_a_heading_is_left_out() -> None:
    shaped = search.shape(index(*copy.deepcopy(DOCS)), NAMES)
    assert "person/x/#posts" not in [doc["location"] for doc in shaped["docs"]]


def test_shaping_twice_or_in_parts_gives_the_same_index() -> None:
    whole = search.shape(index(*copy.deepcopy(DOCS)), NAMES)
    assert search.shape(copy.deepcopy(whole), NAMES) == whole
    first, second = (search.shape(index(*copy.deepcopy(DOCS[:2])), NAMES),
                     search.shape(index(*copy.deepcopy(DOCS[2:])), NAMES))
    assert first["config"] == second["config"] == whole["config"]
    assert first["docs"] + second["docs"] == whole["docs"]


def test_blocks_readers_do_not_search_for_are_marked() -> None:
    html = ('<p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>'
            '<table><tr><td>cell</td></tr></table><figure class="fs-chart"><svg></svg></figure>'
            '<div class="footnote"><ol><li>note</li></ol></div><div class="other"></div><p><sup>2</sup></p>')
    marked = search.exclude_blocks(html)
    assert marked.count('data-search-exclude="1"') == 4
    assert '<table data-search-exclude="1">' in marked
    assert '<div class="footnote" data-search-exclude="1">' in marked
    assert '<sup data-search-exclude="1" id="fnref:1">' in marked
    assert '<div class="other">' in marked and "<p><sup>2</sup></p>" in marked
