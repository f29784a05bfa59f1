"""Search in the browser, on the served site and on the unzipped bundle: spellings, and loading on demand."""

from __future__ import annotations

import json

from browsing import Site, Watch

from factsheet import search
from factsheet.markup import record_path
from factsheet.pipeline import load_dataset

# What search loads: the index (JSON over HTTP, a script from file://), the worker, its languages.
SEARCH_FILES = ("search/search_index.", "/workers/search.", "/lunr/")


def _bare(url: str) -> str:
    return url.split("#")[0].split("?")[0]


def _search_requests(watch: Watch) -> list[str]:
    return [url for url in watch.requests if any(part in url for part in SEARCH_FILES)]


def test_each_spelling_finds_its_page(watch: Watch, site: Site) -> None:
    assert site.seed.spellings, f"no spellings to search for in {site.seed.label}"
    missed = []
    for typed, page in site.seed.spellings:
        watch.goto("index.md")
        results = watch.search(typed)
        shown = [_bare(href) for href in results.evaluate_all("links => links.map(a => a.href)")]
        target = site.url(page)
        if target not in shown:
            missed.append(f"{typed!r} listed {shown}, not {target}")
            continue
        # Found through the folded word, the typed one is not reported missing ("Missing: qaani").
        item = watch.page.locator(".md-search-result__item").nth(
            results.evaluate_all("(links, t) => links.map(a => a.href.split(/[?#]/)[0]).indexOf(t)", target))
        terms = item.locator(".md-search-result__terms")
        if terms.count():
            missed.append(f"{typed!r} found {target} but reports {terms.first.text_content()!r}")
    assert not missed, "\n".join(missed)
    watch.assert_clean()


def test_search_loads_only_when_opened(watch: Watch, site: Site, pages: dict[str, str]) -> None:
    watch.goto(pages["incident"])
    watch.page.wait_for_load_state("networkidle")
    assert watch.requests, "no request was recorded, so the check below would prove nothing"
    assert _search_requests(watch) == [], "the page loaded search before the reader opened it"
    assert watch.page.evaluate("window.factsheetSearch.opened()") is False
    watch.search("Najaf")
    loaded = _search_requests(watch)
    index = "search/search_index.js" if site.kind == "bundle" else "search/search_index.json"
    assert any(index in url for url in loaded), loaded
    assert any("/workers/search." in url for url in loaded), loaded
    watch.assert_clean()


def test_a_page_reached_from_search_loads_it_at_once(watch: Watch, site: Site, pages: dict[str, str]) -> None:
    # The theme highlights the searched words on the page it opens (?h=): that needs the index.
    watch.page.goto(site.url(pages["incident"]) + "?h=killed", wait_until="load")
    watch.page.wait_for_function("() => document.querySelector('mark[data-md-highlight]') !== null")
    assert _search_requests(watch)
    watch.assert_clean()


def test_browser_folds_as_the_build_does(open_watch, served_site: Site) -> None:
    dataset = load_dataset(served_site.seed.data)
    index = json.loads((served_site.root / "search" / "search_index.json").read_text("utf-8"))
    separator = index["config"]["separator"]
    words = sorted(search.vocabulary(dataset, separator)
                   | {"Suleimani", "Qa'ani", "Kata’ib", "Hizbollah", "Nasseriya", "آمرلي", "ديالى", "مُحَمَّد"})
    watch = open_watch(served_site)
    watch.goto(record_path("person", served_site.seed.person))
    rules = [list(rule) for rule in search.FOLD_RULES]
    folded = watch.page.evaluate("([rules, words]) => words.map(w => window.factsheetSearch.fold(rules, w))",
                                 [rules, words])
    assert len(words) > 20
    assert dict(zip(words, folded, strict=True)) == {word: search.fold(word) for word in words}


def test_queries_gain_folded_words_unless_written_with_operators(open_watch, served_site: Site) -> None:
    watch = open_watch(served_site)
    watch.goto("index.md")
    rules = [list(rule) for rule in search.FOLD_RULES]

    def expand(query: str) -> dict:
        return watch.page.evaluate("([q, rules]) => window.factsheetSearch.expand(q, rules, '[\\\\s\\\\-]+')",
                                   [query, rules])

    assert expand("Kataib Hizbollah") == {"query": "Kataib Hizbollah katab hazbala",
                                          "pairs": {"katab": ["kataib"], "hazbala": ["hizbollah"]}}
    assert expand("al-Shimiri")["query"] == "al-Shimiri shamara"
    assert expand("Karbala")["query"] == "Karbala"  # folds to itself
    for written in ('"Kataib Hizbollah"', "-Hezbollah", "+Soleimani", "Soleimani~1", "title:Soleimani"):
        assert expand(written)["query"] == written
