"""Every chart in Chromium at phone and desktop widths, light and dark: screenshots kept for a person to
look at (tests/artifacts/charts/, uploaded by CI), and what can be measured, asserted.

At 390 px every piece of chart text is at least 12 CSS px, inside its drawing, clear of every other
piece of text, and legible against the page in both colour schemes.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browsing import ARTIFACTS, REPO, Seed, Site, Watch, checked, directory_urls, factsheet

SHOTS = ARTIFACTS / "charts"
SIZES = {"phone": (390, 844, True), "desktop": (1280, 900, False)}
SCHEMES = ("light", "dark")
DATASETS = {"charts": REPO / "tests" / "charts" / "data", "data": REPO / "data"}

# Each text's size on screen, its box, and whether it lies inside its drawing; then every pair of texts
# of one drawing whose boxes overlap by more than half a pixel each way.
MEASURE = """() => [...document.querySelectorAll('svg.fs-chart-svg')].map(svg => {
  const frame = svg.getBoundingClientRect();
  const scale = svg.getScreenCTM().a;
  const bg = getComputedStyle(document.body).backgroundColor;
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {words: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
            box: [r.left, r.top, r.right, r.bottom], fill: getComputedStyle(t).fill,
            marker: t.classList.contains('fs-marker-text'),
            inside: r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5
                    && r.top >= frame.top - 0.5 && r.bottom <= frame.bottom + 0.5};
  });
  const overlaps = [];
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i].box, b = texts[j].box;
    const across = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    const down = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    if (across > 0.5 && down > 0.5)
      overlaps.push([texts[i].words, texts[j].words]);
  }
  return {kind: svg.getAttribute('class'), width: frame.width, texts, overlaps, bg};
})"""


def _luminance(colour: str) -> float:
    red, green, blue = (int(n) / 255 for n in re.findall(r"[\d.]+", colour)[:3])
    return sum(w * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
               for w, c in zip((0.2126, 0.7152, 0.0722), (red, green, blue), strict=True))


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two CSS colours (rgb() or rgba(), alpha ignored)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module", params=list(DATASETS))
def chart_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The charts' own fixture (every kind of mark) and the real data, each built and served."""
    label, data = request.param, DATASETS[request.param]
    out = tmp_path_factory.mktemp(f"charts-{label}") / "site"
    checked(factsheet("build", "--data", str(data), "--out", str(out)), "factsheet build")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(Seed(label, data, "", {}), "served", out, f"http://127.0.0.1:{server.server_port}/",
               directory_urls(out))
    server.shutdown()
    server.server_close()


def chart_pages(site: Site) -> list[str]:
    """The source paths of every page with a chart: home, incidents index, incidents with a toll history."""
    found = ["index.md", "incidents.md"]
    for html in sorted(site.root.glob("incident/**/*.html")):
        if 'class="fs-chart-svg fs-history"' in html.read_text(encoding="utf-8"):
            stem = html.parent.name if html.name == "index.html" else html.stem
            found.append(f"incident/{stem}.md")
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", list(SIZES))
def test_every_chart_reads_on_screen(size: str, scheme: str, chart_site: Site,
                                     open_watch: Callable[..., Watch]) -> None:
    width, height, phone = SIZES[size]
    watch = open_watch(chart_site, width=width, height=height, phone=phone, color_scheme=scheme)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = chart_pages(chart_site)
    assert len(pages) > 2, "no incident with a toll history: the histories go unchecked"
    problems: list[str] = []
    seen = 0
    for source in pages:
        watch.goto(source)
        wanted = "slate" if scheme == "dark" else "default"
        assert watch.page.evaluate("document.body.dataset.mdColorScheme") == wanted
        drawings = watch.page.evaluate(MEASURE)
        # The theme's header stays on top of the page as it scrolls: keep it out of the pictures.
        watch.page.add_style_tag(content=".md-header, .md-tabs, .md-top { visibility: hidden !important; }")
        figures = watch.page.locator("figure.fs-chart")
        for index in range(figures.count()):
            name = f"{chart_site.seed.label}-{Path(source).stem}-{index}-{size}-{scheme}.png"
            figures.nth(index).screenshot(path=str(SHOTS / name))
            seen += 1
        for drawing in drawings:
            where = f"{source} {drawing['kind']}"
            assert drawing["texts"], f"{where}: no text measured, so nothing below is checked"
            for item in drawing["texts"]:
                if item["px"] < 11.95:
                    problems.append(f"{where}: {item['words']!r} is {item['px']:.1f} px")
                if not item["inside"]:
                    problems.append(f"{where}: {item['words']!r} is cut off at the drawing's edge")
                if not item["marker"] and contrast(item["fill"], drawing["bg"]) < 3:
                    problems.append(f"{where}: {item['words']!r} is faint: {item['fill']} on {drawing['bg']}")
            problems += [f"{where}: {a!r} overlaps {b!r}" for a, b in drawing["overlaps"]]
    assert seen >= len(pages), "fewer figures than pages with charts"
    assert problems == [], "\n".join(problems)
    watch.assert_clean()
