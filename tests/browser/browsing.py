"""Shared by the browser tests: the datasets, the two ways a site is reached, and a watched page."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # Playwright may be missing; the fixtures then skip (or fail under CI)
    from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Request, Route

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# --headless is also what Playwright passes; the rest keep Chromium from calling Google's services,
# which this machine's closed network refuses, many at a time.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "tests" / "artifacts"


def need(ok: bool, reason: str) -> None:
    """Skip when something the test needs is missing; under CI, fail instead."""
    if ok:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true, so this is a failure; run scripts/install-system-deps.sh)",
                    pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class Seed:
    """A dataset to build, spellings of a name that only one person's record gives, and searches."""

    label: str
    data: Path
    person: str
    variants: dict[str, str]  # script -> spelling
    # Spellings readers type (most of them written otherwise in the data) and the page each must find.
    spellings: tuple[tuple[str, str], ...] = ()


SEEDS = [
    Seed("fixture", REPO / "tests" / "fixtures" / "valid", "jamil-al-shimiri",
         {"latin": "Shummary", "arabic": "الشمري"},
         (("Shummari", "person/jamil-al-shimiri.md"), ("Nasseriya", "incident/2019-11-28-nasiriyah.md"),
          ("شمري", "person/jamil-al-shimiri.md"), ("ناصرية", "incident/2019-11-28-nasiriyah.md"))),
    Seed("data", REPO / "data", "abu-mahdi-al-muhandis",
         {"latin": "Ibrahimi", "arabic": "أبو مهدي المهندس"},
         (("Qaani", "person/esmail-ghaani.md"), ("Suleimani", "person/qassem-soleimani.md"),
          ("Kataib Hizbollah", "organisation/kataib-hezbollah.md"),
          ("PMU", "organisation/hashd-al-shaabi.md"),
          ("Kerbala", "incident/2019-11-karbala-consulate-deployment.md"),
          ("Nasseriya", "incident/2019-11-28-nasiriyah.md"), ("Shummari", "person/jamil-al-shimiri.md"),
          ("اشرف", "incident/2013-09-01-camp-ashraf.md"), ("ناصرية", "incident/2019-11-28-nasiriyah.md"))),
]


@dataclass
class Site:
    """One built site as the browser reaches it: served over HTTP, or unzipped and opened from file://."""

    seed: Seed
    kind: str  # "served" or "bundle"
    root: Path
    base: str
    directory_urls: bool

    def url(self, source_path: str) -> str:
        """The address of a page, given its Markdown source path (person/x.md)."""
        stem = source_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
            return self.base + (stem if self.directory_urls else stem + "index.html")
        return self.base + (stem + "/" if self.directory_urls else stem + ".html")

    def inside(self, url: str) -> bool:
        """True for a request the site may make: its own files, and data/blob/about URLs."""
        return url.startswith(self.base) or url.split(":", 1)[0] in {"data", "blob", "about"}


def factsheet(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the factsheet command of this checkout."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "factsheet.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, check=False)


def checked(result: subprocess.CompletedProcess[str], what: str) -> subprocess.CompletedProcess[str]:
    """The result of a command that has to succeed, or a failure showing its output."""
    assert result.returncode == 0, f"{what} failed:\n{result.stdout}\n{result.stderr}"
    return result


def directory_urls(root: Path) -> bool:
    """Whether a site uses directory URLs: MkDocs then writes a/b/index.html for a/b.md, else a/b.html."""
    return not any(path.name != "index.html" for path in root.glob("*/*.html"))


class Watch:
    """A browser page that records console errors, page errors, and every request the site makes."""

    def __init__(self, site: Site, context: BrowserContext) -> None:
        self.site = site
        self.context = context
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)
        # file:// loads do not pass through routes; the request event still sees them.
        context.on("request", self._request)
        self.page = context.new_page()
        self.page.set_default_timeout(15_000)  # fail in seconds, not the default half-minute
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _route(self, route: Route) -> None:
        if self.site.inside(route.request.url):
            route.continue_()
        else:
            route.abort()  # never let it reach the network; _request has recorded it

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)
        if not self.site.inside(request.url):
            self.outside.append(request.url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text} at {message.location.get('url')}")

    def goto(self, source_path: str) -> None:
        """Open a page by its Markdown source path and wait until it has settled."""
        response_url = self.site.url(source_path)
        self.page.goto(response_url, wait_until="load")
        # The theme fades parts in (the tabs); colours or layout read mid-fade are not repeatable.
        self.page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
        assert self.page.title(), f"{response_url} has no title"

    def search(self, term: str) -> Locator:
        """Type a term into the theme's search box, as a reader does; the result links, once shown."""
        box = self.page.locator("input.md-search__input")
        box.click()
        # Keys typed while the search index is still loading are dropped (slower from file://):
        # wait until the box no longer says "Initializing search".
        self.page.wait_for_function(
            "() => !document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
        box.press_sequentially(term)
        # The theme searches on keyup. Letters that are not on Playwright's US keyboard (Arabic) are
        # inserted without key events, where a reader's own keyboard sends them; End sends one.
        box.press("End")
        results = self.page.locator(".md-search-result__item > .md-search-result__link")
        results.first.wait_for()
        # The theme shows the results of each keystroke's query as the worker answers it: on a busy
        # machine those of a shorter prefix ("Qa") can still be on screen. Wait until they settle.
        shown: list[str] | None = None
        for _ in range(40):
            now = results.evaluate_all("links => links.map(a => a.href)")
            if now == shown:
                break
            shown = now
            self.page.wait_for_timeout(400)
        return results

    def assert_clean(self) -> None:
        """No console errors, no uncaught exceptions, no request outside the site."""
        assert self.requests, "no request was recorded, so the check below would prove nothing"
        assert not self.outside, f"requests outside the site ({self.site.base}): {self.outside}"
        assert not self.errors, "\n".join(self.errors)


