"""Phones (390 px): each row's figure, who says it and its grade are on screen without scrolling sideways;
trust labels and claim links work from the keyboard; chart text is at least 12 px high.

Every row counts: the tables behind the charts are measured opened, as a reader who opens them sees
them, and a table split into parts is measured on each part's page.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import ARTIFACTS, Site, Watch

PHONE = {"width": 390, "height": 844, "phone": True}
FIGURE = ["Figure as worded", "Claimed range", "Latest figure", "Killed (claimed)"]
WHO = ["Claimant, then relays", "Claimant", "Independent origins", "Origin", "Sources"]
GRADE = ["Grade", "Grade on its day"]
PAGES = {"nasiriyah": "incident/2019-11-28-nasiriyah.md", "incidents": "incidents.md", "claims": "claims.md"}

# For every table row with a figure: scroll it into view, then measure its figure, who-says-it and
# grade (a Grade cell, or the grade link inside the figure cell of the incidents index).
ROWS = """([figure, who, grade]) => {
  for (const details of document.querySelectorAll("article details")) details.open = true;
  const width = document.documentElement.clientWidth, height = window.innerHeight;
  const rows = [];
  const seen = (el) => {
    if (!el) return null;
    el.scrollIntoView({block: "center", inline: "nearest"});
    const box = el.getBoundingClientRect();
    return {left: box.left, right: box.right, top: box.top, bottom: box.bottom,
            wide: el.scrollWidth > el.clientWidth + 1,
            inside: box.width > 0 && box.left >= 0 && box.right <= width + 0.5
                    && box.bottom > 0 && box.top < height,
            scrolled: window.scrollX !== 0};
  };
  for (const tr of document.querySelectorAll("article table tbody tr")) {
    const cell = (labels) => [...tr.children].find((td) => labels.includes(td.dataset.label));
    const fig = cell(figure);
    if (!fig || fig.innerText.trim() === "—") continue;  // no figure in this row (an incident without one)
    const gradeCell = cell(grade) || fig.querySelector('a[href*="#grades"]');
    rows.push({text: tr.innerText.slice(0, 80), figure: seen(fig), who: seen(cell(who)),
               grade: seen(gradeCell)});
  }
  return {rows, pageWidth: document.documentElement.scrollWidth, width};
}"""
# A long table is split into pages of parts: the links listed after the note saying so.
PARTS = """() => {
  const note = [...document.querySelectorAll("article p")].find(
    (p) => p.textContent.includes("is split into these parts"));
  const list = note && note.nextElementSibling;
  return list && list.tagName === "UL" ? [...list.querySelectorAll("a")].map((a) => a.href) : [];
}"""


def _problems(found: dict) -> list[str]:
    problems = []
    for row in found["rows"]:
        for part in ("figure", "who", "grade"):
            box = row[part]
            if box is None:
                problems.append(f"{part} missing: {row['text']!r}")
            elif not box["inside"] or box["wide"] or box["scrolled"]:
                problems.append(f"{part} off screen or clipped {box}: {row['text']!r}")
    return problems


@pytest.mark.parametrize("name", list(PAGES))
def test_each_row_shows_figure_claimant_and_grade_on_a_phone(name: str, served_site: Site,
                                                              open_watch: Callable[..., Watch]) -> None:
    watch = open_watch(served_site, **PHONE)
    watch.goto(PAGES[name])
    page = watch.page
    parts = page.evaluate(PARTS)
    rows, problems = [], []
    for url in parts or [page.url]:
        if url != page.url:
            page.goto(url, wait_until="load")
        found = page.evaluate(ROWS, [FIGURE, WHO, GRADE])
        rows += found["rows"]
        problems += _problems(found)
        if found["pageWidth"] > found["width"]:
            problems.append(f"{url} scrolls sideways")
    assert len(rows) >= 2, "too few rows with a figure: the check would prove little"
    assert problems == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"phone-{name}-{served_site.seed.label}.png"), full_page=True)
    watch.assert_clean()


def test_a_stacked_table_is_still_a_table_to_screen_readers(served_site: Site,
                                                            open_watch: Callable[..., Watch]) -> None:
    watch = open_watch(served_site, **PHONE)
    watch.goto(PAGES["nasiriyah"])
    table = watch.page.locator("article table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block"  # stacked
    tree = table.aria_snapshot()  # the accessibility tree as Chromium exposes it
    for role in ("table", "row", "columnheader", "cell"):
        assert f"- {role}" in tree, (role, tree[:500])
    assert watch.page.get_by_role("columnheader", name="Figure as worded").count() >= 1


def test_trust_labels_and_claim_links_work_from_the_keyboard(served_site: Site,
                                                             open_watch: Callable[..., Watch]) -> None:
    watch = open_watch(served_site)
    watch.goto(PAGES["nasiriyah"])
    page = watch.page
    focused = None
    for _ in range(400):  # Tab through the page as a keyboard user does
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.classList.contains('fs-party') ? "
                                "[document.activeElement.innerText, document.activeElement.hash] : null")
        if focused:
            break
    assert focused == ["party to the events", "#parties"], focused
    # The focused label is visibly marked, then Enter opens its explanation.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/methodology/#parties")
    assert page.locator("#parties").is_visible()
    # A claim's own link: a keyboard user reaches it and it leads to its row.
    watch.goto(PAGES["nasiriyah"])
    link = page.locator("a.fs-claim-link").first
    anchor = link.get_attribute("id")
    assert link.get_attribute("href") == f"#{anchor}"
    claim_links = page.locator("a.fs-claim-link").count()
    assert page.get_by_role("link", name="Link to this claim").count() == claim_links
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == f"#{anchor}"
    watch.assert_clean()


CHART_TEXT = """() => [...document.querySelectorAll("article svg.fs-chart-svg text")].map((text) => {
  const box = text.getBoundingClientRect();
  const size = parseFloat(getComputedStyle(text).fontSize);
  const scale = text.getScreenCTM() ? Math.hypot(text.getScreenCTM().a, text.getScreenCTM().b) : 0;
  return {text: text.textContent.slice(0, 30), px: size * scale, height: box.height};
})"""


def test_chart_text_is_at_least_12_px_on_a_phone(served_site: Site, open_watch: Callable[..., Watch]) -> None:
    watch = open_watch(served_site, **PHONE)
    watch.goto("index.md")
    found = watch.page.evaluate(CHART_TEXT)
    assert len(found) > 10, "too few chart labels found: the check would prove little"
    small = [f for f in found if f["px"] < 12 - 0.01]
    assert small == [], f"{len(small)} of {len(found)} chart labels under 12 px, e.g. {small[:5]}"
    assert watch.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
