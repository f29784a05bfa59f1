"""What a reader does, on the served site and on the unzipped bundle: search, footnotes, links."""

from __future__ import annotations

import pytest
from browsing import Site, Watch
from sitecrawl import crawl

from factsheet.markup import record_path
from factsheet.pipeline import load_dataset

IN_VIEW = """id => {
  const box = document.getElementById(id).getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}"""


def _bare(url: str) -> str:
    """A URL without its query (Material adds ?h=term to search results) and fragment."""
    return url.split("#")[0].split("?")[0]


@pytest.mark.parametrize("script", ["latin", "arabic"])
def test_search_finds_a_person_by_a_spelling_of_their_name(script: str, watch: Watch, site: Site) -> None:
    page = watch.page
    variant = site.seed.variants[script]
    watch.goto("index.md")
    results = watch.search(variant)
    person = site.url(record_path("person", site.seed.person))
    shown = [_bare(href) for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert person in shown, f"searching {variant!r} listed {shown}, not {person}"
    # Index pages that list every spelling may match too; the reader picks the person's page.
    results.nth(shown.index(person)).click()
    page.wait_for_url(lambda url: _bare(url) == person)
    name = load_dataset(site.seed.data).people[site.seed.person].name
    heading = page.locator("h1").first.evaluate(
        "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());"
        " return c.textContent.trim(); }")
    assert heading == name
    watch.assert_clean()


def test_footnote_and_its_back_link(watch: Watch, pages: dict[str, str]) -> None:
    page = watch.page
    watch.goto(pages["incident"])
    ref = page.locator("sup[id] > a.footnote-ref").first
    ref_id = ref.evaluate("a => a.parentElement.id")
    note_id = ref.get_attribute("href").removeprefix("#")
    ref.click()
    page.wait_for_function("id => decodeURIComponent(location.hash) === '#' + id", arg=note_id)
    assert page.evaluate(IN_VIEW, note_id), f"note {note_id} is not on screen after the click"
    back = page.locator(f"li[id='{note_id}'] a.footnote-backref[href='#{ref_id}']")
    assert back.count() == 1, f"note {note_id} has no back-link to {ref_id}"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # so the return has to move
    back.click()
    page.wait_for_function("id => decodeURIComponent(location.hash) === '#' + id", arg=ref_id)
    assert page.evaluate(IN_VIEW, ref_id), f"reference {ref_id} is not on screen after the back-link"
    watch.assert_clean()


def test_pages_load_without_errors_or_outside_requests(watch: Watch, pages: dict[str, str]) -> None:
    for source_path in pages.values():
        watch.goto(source_path)
    # Open search too: on file:// it loads the index through the vendored Web Worker shim.
    watch.search("killed")
    assert any("search_index" in url for url in watch.requests), "the search index was never loaded"
    watch.assert_clean()


def test_every_internal_link_resolves(site: Site) -> None:
    found = crawl(site.root, site.directory_urls)
    assert not found.broken, "\n".join(found.broken)
    # The browser tests open a few pages; this covers all of them for scripts, styles, images.
    assert not found.remote, "\n".join(found.remote)
    html = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")}
    unreached = sorted(html - found.pages - {"404.html"})
    assert not unreached, f"pages no link leads to from index.html: {unreached}"


def test_downloads_are_linked_and_present(site: Site) -> None:
    found = crawl(site.root, site.directory_urls)
    downloads = sorted(f for f in found.files if f.endswith((".csv", ".json")) and "/search" not in f
                       and not f.startswith("search/"))
    assert downloads, "no CSV or JSON download is linked from any page"
    for name in downloads:
        assert (site.root / name).stat().st_size > 0, f"{name} is empty"
