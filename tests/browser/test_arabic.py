"""The Arabic edition in Chromium: figures keep their order right to left, the language switch,
screenshots of the main kinds of page at phone and desktop widths, and axe on them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import ARTIFACTS, Site, Watch

from factsheet.i18n import speaking
from factsheet.render.figure_text import isolated

WIDTHS = {"phone": (390, 844, True), "desktop": (1280, 900, False)}
KINDS = ("home", "incident", "person", "methodology")
BLOCKING = {"serious", "critical"}

# The left edge of each character of an element's text, in the order the text is written.
EDGES = """(element) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      out.push([node.data[i], range.getBoundingClientRect().left]);
    }
  }
  return out;
}"""


def arabic_pages(pages: dict[str, str]) -> dict[str, str]:
    return {"home": "ar/index.md", "incident": "ar/" + pages["incident"], "person": "ar/" + pages["person"],
            "methodology": "ar/methodology.md"}


def _order(watch: Watch, html: str) -> str:
    """The characters of the figure in the sentence, left to right as Chromium draws them."""
    watch.page.evaluate("(html) => { const p = document.createElement('p'); p.id = 'fs-bidi-probe';"
                        " p.innerHTML = html; document.querySelector('article').prepend(p); }", html)
    probe = watch.page.locator("#fs-bidi-probe .probe")
    edges = probe.evaluate(EDGES)
    watch.page.evaluate("document.getElementById('fs-bidi-probe').remove()")
    return "".join(char for char, _ in sorted(edges, key=lambda item: item[1]) if char.strip())


@pytest.mark.parametrize("figure", ["29–46+", "46+", "1,041"])
def test_figures_keep_their_order_on_a_right_to_left_page(figure: str, served_site: Site,
                                                          open_watch: Callable[..., Watch]) -> None:
    watch = open_watch(served_site)
    watch.goto("ar/index.md")
    assert watch.page.evaluate("document.documentElement.dir") == "rtl"
    with speaking("ar"):
        shown = isolated(figure)
    # An Arabic sentence around the figure, as the pages write it: "قتلى 29–46+ في المجموع".
    isolated_html = f'قتلى <span class="probe">{shown}</span> في المجموع'
    assert _order(watch, isolated_html) == figure.replace(" ", "")
    # The same figure without isolation is reordered by the bidi algorithm ("+" jumps to the left):
    # the check above would catch markup that stopped isolating.
    if figure.endswith("+"):
        assert _order(watch, f'قتلى <span class="probe">{figure}</span> في المجموع') != figure
    watch.assert_clean()


def test_the_figures_on_an_arabic_incident_page_read_left_to_right(served_site: Site, pages: dict[str, str],
                                                                   open_watch: Callable[..., Watch]) -> None:
    watch = open_watch(served_site)
    watch.goto("ar/" + pages["incident"])
    ranges = watch.page.locator('bdi[dir="ltr"]')
    assert ranges.count() > 0, "no isolated figure on the page, so this proves nothing"
    for index in range(min(ranges.count(), 20)):
        element = ranges.nth(index)
        text = element.inner_text()
        drawn = "".join(c for c, _ in sorted(element.evaluate(EDGES), key=lambda item: item[1]) if c.strip())
        assert drawn == text.replace(" ", ""), (text, drawn)
    watch.assert_clean()


def test_the_language_switch_lands_on_the_same_page(served_site: Site, pages: dict[str, str],
                                                    open_watch: Callable[..., Watch]) -> None:
    watch = open_watch(served_site)
    watch.goto(pages["incident"])
    arabic = served_site.url("ar/" + pages["incident"])
    english = served_site.url(pages["incident"])
    switch = watch.page.locator('a.md-select__link[hreflang="ar"]')
    assert switch.count() == 1
    watch.page.goto(switch.evaluate("a => a.href"))
    assert watch.page.url == arabic
    assert watch.page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar",
                                                                                                    "rtl"]
    back = watch.page.locator('a.md-select__link[hreflang="en"]').evaluate("a => a.href")
    assert back == english
    watch.assert_clean()


@pytest.mark.parametrize("size", list(WIDTHS))
def test_screenshots_of_the_arabic_edition(size: str, served_site: Site, pages: dict[str, str],
                                           open_watch: Callable[..., Watch]) -> None:
    width, height, phone = WIDTHS[size]
    watch = open_watch(served_site, width=width, height=height, phone=phone)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for kind, path in arabic_pages(pages).items():
        watch.goto(path)
        shot = ARTIFACTS / f"arabic-{kind}-{served_site.seed.label}-{size}.png"
        watch.page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
        assert watch.page.evaluate("document.body.dir") == "rtl"
        scroll = watch.page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{path} is {scroll}px wide on a {width}px screen"
    watch.assert_clean()


def test_no_serious_accessibility_violations_on_the_arabic_edition(served_site: Site, pages: dict[str, str],
                                                                    open_watch: Callable[..., Watch]) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from test_accessibility import _theme

    axe = Axe()
    blocking = []
    for size, (width, height, phone) in WIDTHS.items():
        watch = open_watch(served_site, width=width, height=height, phone=phone)
        for path in arabic_pages(pages).values():
            watch.goto(path)
            results = axe.run(watch.page).response
            assert results["passes"], f"axe passed nothing on {path}"
            for violation in results["violations"]:
                if violation["impact"] in BLOCKING:
                    for node in violation["nodes"]:
                        if not _theme(violation["id"], node["target"]):
                            blocking.append(f"{path} ({size}): {violation['id']} at {node['target']}: "
                                            f"{' '.join(node['html'].split())[:120]}")
        watch.assert_clean()
    assert not blocking, "\n".join(blocking[:20])
