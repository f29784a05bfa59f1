"""Measure what a reader downloads: an incident page's first load, then a first search.

    .venv/bin/python scripts/bench_reader.py SITE [--page incident/ID/] [--term killed]

Serves the built site SITE on 127.0.0.1, opens the page in Debian's Chromium (driven by
Playwright) with an empty cache, waits until the network is idle, then types a term into the
search box and waits for results. Every file the browser fetched is counted twice: its bytes as
stored, and gzip-compressed (level 6, as web servers commonly send them). Without --page, the
incident page of median size is used. Prints JSON.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def median_incident(site: Path) -> str:
    """The URL path of the incident page of median size."""
    pages = sorted((p.stat().st_size, p.parent.relative_to(site).as_posix() + "/")
                   for p in (site / "incident").glob("*/index.html"))
    if not pages:
        raise SystemExit(f"{site}: no incident pages (incident/*/index.html)")
    return pages[len(pages) // 2][1]


def weigh(site: Path, urls: list[str]) -> dict[str, Any]:
    """Bytes as stored and gzip-compressed of each fetched file of the site, largest first."""
    files = []
    for url in dict.fromkeys(urls):  # once each: the browser's cache holds repeats
        path = unquote(urlsplit(url).path).lstrip("/")
        target = site / path
        if target.is_dir() or not path:
            target = target / "index.html"
        if target.is_file():
            data = target.read_bytes()
            files.append({"path": target.relative_to(site).as_posix(), "bytes": len(data),
                          "gzip_bytes": len(gzip.compress(data, compresslevel=6, mtime=0))})
    files.sort(key=lambda f: -f["bytes"])
    return {"bytes": sum(f["bytes"] for f in files), "gzip_bytes": sum(f["gzip_bytes"] for f in files),
            "files": files}


def measure(site: Path, page: str, term: str) -> dict[str, Any]:
    """The bytes of the page's first load, and of a first search after it."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    fetched: list[str] = []
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            # Requests of the page and of its workers (the search index is fetched by one).
            context.on("requestfinished", lambda request: fetched.append(request.url))
            browser_page = context.new_page()
            browser_page.goto(base + page, wait_until="networkidle")
            browser_page.wait_for_timeout(500)
            loaded = len(fetched)
            box = browser_page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(term)
            browser_page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
            browser_page.wait_for_load_state("networkidle")
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    before, after = fetched[:loaded], fetched[loaded:]
    first = weigh(site, [url for url in before if url.startswith(base)])
    search = weigh(site, [url for url in after if url.startswith(base) and url not in before])
    return {"page": page, "term": term, "page_html_bytes": (site / page / "index.html").stat().st_size,
            "first_load": first, "first_search": search,
            "outside_requests": sorted({url for url in fetched if not url.startswith(base)})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--page", help="the page's URL path, e.g. incident/ID/ (default: median incident)")
    parser.add_argument("--term", default="killed", help="what to search for")
    args = parser.parse_args()
    if not CHROMIUM.is_file():
        raise SystemExit(f"{CHROMIUM} is missing (scripts/install-system-deps.sh installs it)")
    result = measure(args.site.resolve(), args.page or median_incident(args.site), args.term)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
