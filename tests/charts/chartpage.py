"""A stand-alone HTML page around the figures, for parsing and for screenshots in Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import markdown

from factsheet.model import Cite

REPO = Path(__file__).resolve().parents[2]
CHARTS_CSS = REPO / "docs" / "assets" / "charts.css"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# The few theme variables the figures use, with Material's own light and dark ("slate") values.
THEME = """
:root { --md-default-fg-color: rgba(0,0,0,.87); --md-default-fg-color--light: rgba(0,0,0,.54);
  --md-default-fg-color--lightest: rgba(0,0,0,.07); --md-default-bg-color: #fff;
  --md-accent-fg-color: #526cfe; }
[data-md-color-scheme="slate"] { --md-default-fg-color: hsla(232,75%,90%,.82);
  --md-default-fg-color--light: hsla(232,75%,90%,.56); --md-default-fg-color--lightest: hsla(232,75%,90%,.12);
  --md-default-bg-color: hsla(232,15%,14%,1); }
body { margin: 1rem; font: 16px/1.5 system-ui, sans-serif; background: var(--md-default-bg-color);
  color: var(--md-default-fg-color); }
table { border-collapse: collapse; font-size: .8rem } td, th { border: 1px solid #8886; padding: 2px 6px }
"""


class Notes:
    """A stand-in for the site's citation stage: one numbered footnote per (source, locator)."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}

    def __call__(self, cite: Cite) -> str:
        key = (cite.source, cite.locator)
        self.numbers.setdefault(key, len(self.numbers) + 1)
        return f"[^{self.numbers[key]}]"

    def definitions(self) -> str:
        """Footnote definitions naming the source and locator."""
        return "\n".join(f"[^{n}]: {source}, {locator}" for (source, locator), n in self.numbers.items())


def html(body_markdown: str, notes: Notes, scheme: str = "default", open_tables: bool = False) -> str:
    """A complete page: the Markdown converted as the site converts it, with the figures' style sheet."""
    body = markdown.markdown(body_markdown + "\n\n" + notes.definitions() + "\n",
                             extensions=["tables", "footnotes", "md_in_html", "attr_list"])
    if open_tables:  # screenshots show the data tables too
        body = body.replace('<details class="fs-chart-data"', '<details open class="fs-chart-data"')
    css = CHARTS_CSS.read_text(encoding="utf-8")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>figures</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{THEME}\n{css}</style></head>"
            f'<body data-md-color-scheme="{scheme}">{body}</body></html>')


def screenshot(page: Path, png: Path, width: int, height: int) -> None:
    """A headless Chromium screenshot of a local page."""
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--hide-scrollbars", f"--screenshot={png}",
                    f"--window-size={width},{height}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)


# Test-only: measures, after layout, whether each figure fits the window; the site itself has no script.
MEASURE = """<script>
addEventListener('load', () => {
  const out = [...document.querySelectorAll('svg.fs-chart-svg')].map(s => {
    const r = s.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.right), Math.round(r.height)];
  });
  document.getElementById('measured').textContent = JSON.stringify({window: innerWidth, figures: out});
});
</script><pre id="measured"></pre>"""


def measure(page: Path, width: int) -> dict:
    """Chromium's layout of the page at a window width: each figure's left, right and height."""
    import json
    import re

    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--hide-scrollbars",
                          "--virtual-time-budget=2000", f"--window-size={width},900", "--dump-dom",
                          page.as_uri()],
                         check=True, capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="measured">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stdout[-2000:]
    return json.loads(found.group(1))
