"""Walk a built site from its home page and check that every internal link and anchor resolves."""

from __future__ import annotations

import posixpath
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Links are resolved against a made-up origin, so that the same code serves both the served site
# (directory URLs) and the bundle (file paths), and anything resolving elsewhere is external.
ORIGIN = "http://site.invalid/"
# Attributes that make the browser load or navigate to another file.
LINKING = {("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
           ("source", "src"), ("iframe", "src"), ("video", "src"), ("audio", "src")}
# Links a reader follows; every other attribute above the browser loads by itself as the page opens.
FOLLOWED = {("a", "href"), ("area", "href")}
# <link> kinds that only describe the page (no request): a canonical address, alternates.
DESCRIBING = {"canonical", "alternate", "author", "license", "help", "next", "prev", "search"}


class _Parser(HTMLParser):
    """Collects a page's ids (anchor targets) and the URLs it links to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loads: list[str] = []  # what the page itself fetches as it opens

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rel = set((dict(attrs).get("rel") or "").lower().split())
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag, name) in LINKING:
                self.links.append(value)
                if (tag, name) not in FOLLOWED and not (tag == "link" and rel <= DESCRIBING and rel):
                    self.loads.append(value)


@dataclass
class Crawl:
    """What a walk from index.html found."""

    pages: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)  # pages that load something from another site


def _parse(path: Path) -> _Parser:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _page_url(rel: str, directory_urls: bool) -> str:
    """The address a page is read at: with directory URLs, a folder's index.html is the folder."""
    if directory_urls and posixpath.basename(rel) == "index.html":
        return ORIGIN + rel[: -len("index.html")]
    return ORIGIN + rel


def _target_file(root: Path, url_path: str, directory_urls: bool) -> tuple[str | None, str]:
    """The file a site path names, relative to root, or None and why not."""
    rel = unquote(url_path)
    candidate = root / rel
    if rel == "" or rel.endswith("/") or candidate.is_dir():
        if not directory_urls:
            # file:// shows a folder as a listing, not its index.html.
            return None, "links to a folder, which file:// does not open as a page"
        rel = posixpath.join(rel, "index.html")
        candidate = root / rel
    if not candidate.is_file():
        return None, "no such file"
    return rel, ""


def crawl(root: Path, directory_urls: bool) -> Crawl:
    """Follow every internal link from index.html; record each link whose file or anchor is missing."""
    found = Crawl()
    parsed: dict[str, _Parser] = {}
    pending: list[tuple[str, str, str]] = []  # (from page, href as written, target file + fragment)
    queue = deque(["index.html"])
    found.pages.add("index.html")
    while queue:
        page = queue.popleft()
        parsed[page] = _parse(root / page)
        base = _page_url(page, directory_urls)
        for src in parsed[page].loads:
            url = urljoin(base, src)
            if urlsplit(url).scheme in {"http", "https"} and not url.startswith(ORIGIN):
                found.remote.append(f"{page}: loads {src}")
        for href in parsed[page].links:
            url = urljoin(base, href)
            if not url.startswith(ORIGIN):
                continue  # another site, mailto:, data:, javascript:
            parts = urlsplit(url)
            target, why = _target_file(root, parts.path[1:], directory_urls)
            if target is None:
                found.broken.append(f"{page}: {href}: {why}")
                continue
            found.files.add(target)
            if target.endswith(".html"):
                if target not in found.pages:
                    found.pages.add(target)
                    queue.append(target)
                if parts.fragment:
                    pending.append((page, href, f"{target}#{unquote(parts.fragment)}"))
    for page, href, target in pending:
        name, _, anchor = target.partition("#")
        if anchor not in parsed[name].ids:
            found.broken.append(f"{page}: {href}: no element with id {anchor!r} in {name}")
    return found
