"""The search index: what goes into it, and the folding that lets one spelling of a name find another.

Readers type names as they know them: Suleimani for Soleimani, Kerbala for Karbala, اشرف without its
hamza for أشرف. Each name token of a page is therefore also indexed in a *folded* form, and the
browser folds each query term by the same rules (`docs/assets/search/on-demand.js` reads them from
the index's `config.fold`), so both sides meet on one key. The rules are a short ordered list of
regular-expression replacements that Python's `re` and JavaScript's `RegExp` (flag `u`) read alike.

Engine-neutral: it works on Material for MkDocs' `search/search_index.json` (a `config` and a list of
`docs` with location, title and text) and adds fields of the same format, so shaped indexes can be
merged by concatenating their `docs`. Nothing here is specific to English: an edition in Arabic can
fold every token (`vocabulary=None`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .governorates import GOVERNORATES
from .markup import RECORD_DIRS
from .model import Dataset, Place, Variant

# The order matters: each rule sees the output of the ones before it. Words are first decomposed
# (NFKD, which splits أ إ آ ؤ ئ into a bare letter and a combining hamza or madda) and lowercased.
FOLD_RULES: tuple[tuple[str, str], ...] = (
    # Accents, Arabic short vowels, shadda, hamza and madda marks, tatweel; apostrophes and the
    # ʾ ʿ letters that transliterations use for hamza and ain (Kata'ib, Kata’ib, Kataib).
    ("[\u0300-\u036f\u0640\u064b-\u065f\u0670\u02b0-\u02ff\u2018\u2019'`\u00b4]", ""),
    ("\u0621", ""),                      # a hamza on its own line: كربلاء, كربلا
    ("\u0671", "\u0627"),                # alef wasla -> alef
    ("\u0627{2,}", "\u0627"),            # آ decomposed after an alef: قاآني, قاني
    ("[\u0649\u06cc]", "\u064a"),        # alef maqsura and Persian yeh -> yeh: ديالى, ديالي
    ("\u06a9", "\u0643"),                # Persian keheh -> kaf
    ("[\u0629\u06d5]", "\u0647"),        # taa marbuta -> haa: ناصرية, ناصريه
    ("^\u0627\u0644(?=[\u0620-\u064a]{2})", ""),  # the article: الناصرية, ناصرية
    ("q|gh", "k"),                       # Qaani, Ghaani; Qassem, Ghasem, Kassem
    ("y(?![aeiou])", "i"),               # y as a vowel: Sulaymani, Shummary
    ("[aeiou]+", "a"),                   # one vowel: Soleimani, Suleimani; Kerbala, Karbala
    ("(?<=a)h$", ""),                    # a final h after a vowel: Nasiriyah, Nasiriya
    ("([b-df-hj-np-tv-z])\\1+", "$1"),   # doubled consonants: Nasseriya, Hizbollah, Shummari
)

# The folders of record pages (incident/x/, person/x/, ...), as opposed to index and guide pages.
RECORD_KINDS = frozenset(RECORD_DIRS.values())
# The index fields that hold folded keys, with the weights of the fields they are folded from.
FOLD_FIELDS = {"fold_title": {"boost": 1000.0}, "fold_text": {"boost": 1.0}}

_ARABIC = re.compile("[\u0600-\u06ff]")
_TAG = re.compile(r"<[^>]*>")
# One compiled rule per entry; the replacement's $1 is JavaScript's spelling of Python's \g<1>.
_RULES = tuple((re.compile(pattern), re.sub(r"\$(\d)", r"\\g<\1>", to)) for pattern, to in FOLD_RULES)


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The folded key of one word: the same for the spellings that the rules equate."""
    folded = unicodedata.normalize("NFKD", word).lower()
    for pattern, to in _RULES:
        folded = pattern.sub(to, folded)
    return folded


def tokens(html: str, separator: str) -> Iterator[str]:
    """The lowercased words of an index field, split as the theme's tokenizer splits them."""
    for token in re.split(separator, _TAG.sub(" ", html)):
        if token:
            yield token.lower()


def _name_tokens(names: Iterable[str], separator: str) -> Iterator[str]:
    """The words of names that are spelt in several ways: capitalised Latin words and Arabic ones.

    Lowercase words (forces, of) and abbreviations (PMOI, KH) are not transliterated.
    """
    for name in names:
        for token in re.split(separator, name):
            if _ARABIC.search(token) or (len(token) > 1 and token[0].isupper() and not token.isupper()):
                yield token.lower()


def _spellings(name: str, variants: Iterable[Variant]) -> Iterator[str]:
    yield name
    yield from (variant.name for variant in variants)


def _place_names(place: Place) -> Iterator[str]:
    for name in (place.city, place.area, place.country):
        if name:
            yield name
    yield from (variant.name for variant in place.variants)
    for site in place.sites:
        yield from _spellings(site.name, site.variants)


def names(dataset: Dataset) -> Iterator[str]:
    """Every name in the data: people, organisations, places and governorates, in every spelling."""
    for person in dataset.people.values():
        yield from _spellings(person.name, person.variants)
    for organisation in dataset.organisations.values():
        yield from _spellings(organisation.name, organisation.variants)
    for incident in dataset.incidents.values():
        yield from _place_names(incident.place)
    for governorate in GOVERNORATES.values():
        yield from (governorate.name, governorate.arabic, governorate.capital)


def vocabulary(dataset: Dataset, separator: str) -> frozenset[str]:
    """The words whose folded keys go into the index: the tokens of every name in the data."""
    return frozenset(_name_tokens(names(dataset), separator))


def keys(html: str, separator: str, vocabulary: frozenset[str] | None) -> list[str]:
    """The folded keys of the name words of a field that differ from the words, in order of appearance."""
    found: dict[str, None] = {}
    for token in tokens(html, separator):
        if vocabulary is None or token in vocabulary:
            key = fold(token)
            if key and key != token:
                found[key] = None
    return list(found)


def shape_doc(doc: dict[str, Any], separator: str, vocabulary: frozenset[str] | None) -> dict[str, Any]:
    """One index document with its folded keys (recomputed, so shaping twice changes nothing)."""
    shaped = {name: value for name, value in doc.items() if name not in FOLD_FIELDS}
    title = keys(doc.get("title", ""), separator, vocabulary)
    text = [key for key in keys(doc.get("text", ""), separator, vocabulary) if key not in title]
    for name, found in (("fold_title", title), ("fold_text", text)):
        if found:
            shaped[name] = " ".join(found)
    return shaped


def kept(doc: dict[str, Any]) -> bool:
    """False for a record page's section that is only a heading: Posts, Allegations, Claims.

    Their tables stay out of the index, and the same headings recur on every record page.
    """
    path, _, anchor = doc["location"].partition("#")
    return bool(doc.get("text") or not anchor or path.split("/")[0] not in RECORD_KINDS)


def split_editions(index: dict[str, Any], others: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The theme's index of the whole site, split by edition: {"en": ..., "ar": ...}.

    The documents of an edition under <lang>/ keep their order and lose that folder from their
    address, as their edition's pages tell the theme to start from it.
    """
    parts: dict[str, list[Any]] = {"en": [], **{lang: [] for lang in others}}
    for doc in index["docs"]:
        first, slash, rest = doc["location"].partition("/")
        if slash and first in others:
            parts[first].append({**doc, "location": rest})
        else:
            parts["en"].append(doc)
    return {lang: {**index, "docs": docs} for lang, docs in parts.items()}


def shape(index: dict[str, Any], vocabulary: frozenset[str] | None) -> dict[str, Any]:
    """A search index with folded keys in every document, and the fields and rules that read them.

    Each document is shaped on its own, so indexes shaped in parts and then merged are the same as
    one index shaped whole.
    """
    config = dict(index["config"])
    config["fields"] = {**config.get("fields", {}), **FOLD_FIELDS}
    config["fold"] = [list(rule) for rule in FOLD_RULES]
    separator = config["separator"]
    docs = [shape_doc(doc, separator, vocabulary) for doc in index["docs"] if kept(doc)]
    return {**index, "config": config, "docs": docs}


# Blocks of a page that readers do not search for: tables (claims, allegations, index listings,
# chart data), figures and footnotes. Their facts are on record pages, whose titles, names, places
# and summaries stay in the index. The theme's indexer skips an element with data-search-exclude
# and removes the attribute from the page once it has read it (so the published HTML is unchanged).
_EXCLUDED = re.compile(r'<(?:table|figure)(?=[\s>])|<div class="footnote"(?=>)|<sup(?= id="fnref)')


def exclude_blocks(html: str) -> str:
    """A page's HTML with the blocks that stay out of the search index marked for the indexer."""
    return _EXCLUDED.sub(lambda match: f'{match[0]} data-search-exclude="1"', html)
