"""An incident page at desktop and phone widths: screenshots to look at, and no sideways overflow."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import ARTIFACTS, Site, Watch

WIDTHS = {"desktop": (1280, 900, False), "phone": (390, 844, True)}
# Wide elements that are allowed to be wider than the screen because they scroll inside themselves.
OVERFLOW = """() => {
  const limit = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= limit + 1) continue;
    let inside = false;  // clipped by an ancestor that scrolls or hides its overflow
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX !== "visible" && up.getBoundingClientRect().right <= limit + 1) {
        inside = true;
        break;
      }
    }
    if (!inside && getComputedStyle(el).visibility !== "hidden") {
      wide.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
    }
  }
  return wide.slice(0, 10);
}"""


# Tables wider than the screen must sit in a box that scrolls sideways (not one that clips them).
UNSCROLLABLE_TABLES = """() => {
  const limit = document.documentElement.clientWidth;
  const bad = [];
  document.querySelectorAll("table").forEach((table, index) => {
    if (table.getBoundingClientRect().right <= limit + 1) return;
    let box = table.parentElement;
    while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    if (!box || box.getBoundingClientRect().right > limit + 1 || box.scrollWidth <= box.clientWidth) {
      bad.push(`table ${index + 1}`);
    }
  });
  return bad;
}"""


@pytest.mark.parametrize("size", list(WIDTHS))
def test_incident_page_fits_the_screen(size: str, served_site: Site, pages: dict[str, str],
                                       open_watch: Callable[..., Watch]) -> None:
    width, height, phone = WIDTHS[size]
    watch = open_watch(served_site, width=width, height=height, phone=phone)
    watch.goto(pages["incident"])
    page = watch.page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"incident-{served_site.seed.label}-{size}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
    inner = page.evaluate("window.innerWidth")
    assert inner == width
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= inner, f"the page is {scroll}px wide on a {inner}px screen: {page.evaluate(OVERFLOW)}"
    assert page.locator("table").count() > 0, "the incident page has no table, so this proves little"
    assert page.evaluate(UNSCROLLABLE_TABLES) == [], "tables wider than the screen that do not scroll"
    watch.assert_clean()
