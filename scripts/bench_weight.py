"""What a reader downloads: an incident page's first load, then a first search, measured in Chromium.

    .venv/bin/python scripts/bench_weight.py SITE [PAGE ...]

Serves a built site on 127.0.0.1, opens each page (a path in the site, e.g. incident/x/) in a fresh
Chromium profile (Debian's /usr/bin/chromium, as in the browser tests) and records every file the
server sends until the network is idle: HTML, CSS, scripts, fonts, images. Then it opens search,
types a query and records what that adds. Each file counts raw and gzip-compressed (level 6, as a
web server would send text; images and archives count raw in both). `make bench` runs it on every
site it builds; nothing is asserted.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
COMPRESSED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz"}
QUERY = "Nasiriyah"


class _Recording(http.server.SimpleHTTPRequestHandler):
    """Serves the site and notes the path of every file it sends."""

    sent: list[str]

    def send_head(self):  # noqa: ANN201 - the base class's signature
        answer = super().send_head()
        if answer is not None and hasattr(answer, "read"):
            self.sent.append(unquote(urlsplit(self.path).path))
        return answer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serving(site: Path) -> Iterator[tuple[str, list[str]]]:
    """The site on a free port: its base URL and the list of paths sent so far."""
    sent: list[str] = []
    handler = type("Handler", (_Recording,), {"sent": sent})
    serve = functools.partial(handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), serve)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", sent
    finally:
        server.shutdown()
        server.server_close()


def weigh(site: Path, paths: list[str]) -> dict[str, Any]:
    """Raw and gzip bytes of the files at these site paths, in total and one by one."""
    files = []
    for path in sorted(paths):  # the server sends them in parallel, in no fixed order
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        data = file.read_bytes()
        packed = len(data) if file.suffix in COMPRESSED else len(gzip.compress(data, 6, mtime=0))
        files.append({"path": path, "raw": len(data), "gzip": packed})
    return {"raw": sum(f["raw"] for f in files), "gzip": sum(f["gzip"] for f in files),
            "requests": len(files), "files": files}


def measure(site: Path, page: str) -> dict[str, Any]:
    """A page's first load, then opening search and one query, as a reader's browser fetches them."""
    from playwright.sync_api import sync_playwright

    with serving(site) as (base, sent), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            tab.goto(base + page, wait_until="load")
            tab.wait_for_load_state("networkidle")
            loaded = list(sent)
            tab.locator("input.md-search__input").click()
            tab.wait_for_function("() => !document.querySelector('.md-search-result__meta')"
                                  ".textContent.includes('Initializing')")
            tab.locator("input.md-search__input").press_sequentially(QUERY)
            tab.locator(".md-search-result__item").first.wait_for()
            tab.wait_for_load_state("networkidle")
            searched = sent[len(loaded):]
        finally:
            browser.close()
    html = f"/{page}"
    own = [path for path in loaded if path == html]
    first = weigh(site, loaded)
    return {"page": page, "html": weigh(site, own), "rest": weigh(site, [p for p in loaded if p != html]),
            "first_load": first, "first_search": {"query": QUERY, **weigh(site, searched)}}


def main() -> int:
    site = Path(sys.argv[1])
    for page in sys.argv[2:] or ["index.html"]:
        print(json.dumps(measure(site, page), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
