"""MkDocs hooks: the only MkDocs-specific code. It adds the rendered pages to the build.

It also runs a build (`build_site`), whole or one share of it (see factsheet.shares): a share
keeps every file of the site known, so that links and the navigation resolve as in a whole build,
but writes only its own files, and records for the merge what crosses shares.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import Token
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from factsheet.bundle import data_date, epoch_of
from factsheet.i18n import LANGUAGES, language_reset, language_token, speaking, t, t_in
from factsheet.pipeline import languages, load_dataset, read_manifest, render_site
from factsheet.problems import DataError
from factsheet.render import NAV
from factsheet.render.guide import SITE_NAME
from factsheet.shares import SIDECAR, Share, parse_share

SHARE_ENV = "FACTSHEET_SHARE"  # set by build_site for the hook that MkDocs loads
PAGES_ENV = "FACTSHEET_PAGES"  # a manifest of factsheet render: build its pages, not the data's
PREVIEW_ENV = "FACTSHEET_PREVIEW"  # factsheet serve: the docs directory already holds every page


def data_dir(config: MkDocsConfig) -> Path:
    """The data directory: FACTSHEET_DATA (set by the factsheet command), else data/ by mkdocs.yml."""
    env = os.environ.get("FACTSHEET_DATA")
    return Path(env) if env else Path(config.config_file_path).parent / "data"


def repo_path(path: str, config: MkDocsConfig) -> str | None:
    """A file's path in the repository (for the edit button), or None when it is outside it."""
    root = Path(config.config_file_path).resolve().parent
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The editions' navigation; no repository set: no edit buttons; a share builds its theme pages."""
    _editions(config)
    if not config.repo_url:  # FACTSHEET_REPO_URL unset: edit buttons would point nowhere
        config.edit_uri = config.edit_uri_template = None
    if os.environ.get(SHARE_ENV):  # 404.html and sitemap.xml come from the share that owns them
        share = parse_share(os.environ[SHARE_ENV])
        config.theme.static_templates = {t for t in config.theme.static_templates if share.owns(t)}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every rendered page and download; record pages stay out of the navigation."""
    docs = Path(config.docs_dir).resolve()
    for file in files:
        if file.abs_src_path:  # a static file of docs/: edit it where it is
            file.edit_uri = repo_path(str(docs / file.src_uri), config)
    if os.environ.get(PREVIEW_ENV):  # the preview writes the pages as files, built only when changed
        return _preview_files(files, config)
    for path, content, origin, listed in _site(config):
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        level = InclusionLevel.INCLUDED if listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, path, content=content, inclusion=level)
        file.edit_uri = repo_path(origin, config)
        files.append(file)
    return files


def _preview_files(files: Files, config: MkDocsConfig) -> Files:
    """The preview's pages: those of the data that the navigation does not name stay out of it.

    As in the build, where they are added so; MkDocs would otherwise list every record page as
    missing from the navigation on each rebuild. The project's own pages in docs/ are still checked.
    """
    listed = set(_nav_paths(config.nav or []))
    own = Path(config.config_file_path).parent / "docs"
    for file in files:
        if file.is_documentation_page() and file.src_uri not in listed and not (own / file.src_uri).is_file():
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def _nav_paths(nav: object) -> Iterator[str]:
    """Every page path that a navigation setting of mkdocs.yml names, at any depth."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)


def _site(config: MkDocsConfig) -> Iterator[tuple[str, str, str, bool]]:
    """(path, text, origin, in the navigation) of every file: rendered now, or read from factsheet render."""
    share = parse_share(os.environ[SHARE_ENV]) if os.environ.get(SHARE_ENV) else None
    if os.environ.get(PAGES_ENV):
        rendered = read_manifest(Path(os.environ[PAGES_ENV]))
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(rendered.epoch))
        for path, (origin, listed) in rendered.files.items():
            # A share reads only its own files: the others are never built here, only linked to.
            mine = share is None or share.owns(path) or listed  # listed: see on_nav
            yield path, (rendered.docs / path).read_bytes().decode("utf-8") if mine else "", origin, listed
        return
    try:
        dataset = load_dataset(data_dir(config))
    except DataError as exc:
        raise PluginError(f"the data has errors (run factsheet validate):\n{exc}") from exc
    # MkDocs dates the sitemap by the clock unless SOURCE_DATE_EPOCH is set; the newest date in
    # the data keeps two builds of the same data byte-identical (as the offline bundle does).
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch_of(data_date(dataset))))
    for path, output in render_site(dataset).items():
        yield path, output.content, output.origin, output.listed


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """In a share's build, mark the files of other shares as unchanged, so that they are not built."""
    if os.environ.get(SHARE_ENV):
        share = parse_share(os.environ[SHARE_ENV])
        _start_share(share, files)
        for page in nav.pages:
            if not share.owns(page.file.src_uri):
                # Every page shows the navigation: a title it takes from another share's page (one
                # with no title in mkdocs.yml) comes from that page's Markdown, read here unbuilt.
                page.read_source(config)
    return nav


# Links in raw HTML (the figures' SVG) name Markdown files, like every other link of a page; MkDocs
# resolves only Markdown links, so these are resolved here the same way, for either URL style.
_RAW_MD_LINK = re.compile(r'href="([^":#?]+\.md)(#[^"]*)?"')
log = logging.getLogger("mkdocs.plugins.factsheet")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Resolve .md targets left in raw HTML; an unknown one is a warning (an error with --strict)."""
    base = posixpath.dirname(page.file.src_uri)

    def resolve(match: re.Match[str]) -> str:
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(base, match[1])))
        if target is None:
            log.warning("%s links to %s, which is not a page of the site", page.file.src_uri, match[1])
            return match[0]
        return f'href="{target.url_relative_to(page.file)}{match[2] or ""}"'

    html = _RAW_MD_LINK.sub(resolve, html)
    if _share is not None:
        _share.add_page(page, config.validation.links.anchors)
    return html


class _ShareRecord:
    """What one share's build knows that the merge needs: pages in order, anchors, links out."""

    def __init__(self, share: Share, files: Files) -> None:
        self.share = share
        # The pages in build order, by URL as the search index gives it (the home page's is empty).
        self.pages = ["" if file.url in (".", "./") else file.url for file in files.documentation_pages()]
        self.anchors: dict[str, list[str]] = {}
        self.links: list[tuple[str, str, int, str]] = []  # (target, anchor, level, warning) to check

    def add_page(self, page: Page, level: int) -> None:
        """Keep the anchors of a page built here, and its links to anchors in pages built elsewhere."""
        self.anchors[page.file.src_uri] = sorted(page.present_anchor_ids or ())
        for target, links in (page.links_to_anchors or {}).items():
            if target is page.file or self.share.owns(target.src_uri):
                continue  # MkDocs checks these itself
            for anchor, link in links.items():
                # The words of MkDocs' own warning (Page.validate_anchor_links), for the same problem.
                self.links.append((target.src_uri, anchor, level, f"Doc file '{page.file.src_uri}' contains "
                                   f"a link '{link}', but the doc '{target.src_uri}' does not contain an "
                                   f"anchor '#{anchor}'."))

    def write(self, site_dir: str) -> None:
        data = {"share": str(self.share), "pages": self.pages, "anchors": self.anchors,
                "links": sorted(self.links)}
        Path(site_dir, SIDECAR).write_text(json.dumps(data, ensure_ascii=False), "utf-8")


_share: _ShareRecord | None = None  # MkDocs loads this file afresh for every build


def _unchanged() -> bool:
    return False


def _start_share(share: Share, files: Files) -> None:
    global _share
    _share = _ShareRecord(share, files)
    for file in files:
        if not share.owns(file.src_uri):
            # A "dirty" build (see build_site) reads, renders and writes only the files that report
            # a change: the other shares' files stay known to every page, and are never built here.
            file.is_modified = _unchanged  # type: ignore[method-assign]


def on_post_build(config: MkDocsConfig) -> None:
    """A share writes what the merge needs next to its files."""
    if _share is not None:
        _share.write(config.site_dir)


class _Warnings(logging.Handler):
    """Keeps every warning and error MkDocs logs, for the merge to report each once."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append((record.levelname, record.getMessage()))


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    # A share is built "dirty" into an empty folder: MkDocs' warning about stale pages does not apply.
    return "'dirty' build" not in record.getMessage()


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of a block, then restore them."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_site(config_file: str, site_dir: str, share: Share | None = None) -> None:
    """Build the site strictly (MkDocsException on failure): the whole site, or one share of it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils import clean_directory

    if share is None or share.whole:
        build(load_config(config_file, site_dir=site_dir, strict=True))
        return
    Path(site_dir, SIDECAR).unlink(missing_ok=True)
    found = _Warnings()
    mkdocs_log, build_log = logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build")
    mkdocs_log.addHandler(found)
    build_log.addFilter(_not_dirty_warning)
    try:
        with environment(**{SHARE_ENV: str(share)}):
            config = load_config(config_file, site_dir=site_dir, strict=True)
            clean_directory(config.site_dir)
            build(config, dirty=True)
    finally:
        mkdocs_log.removeHandler(found)
        build_log.removeFilter(_not_dirty_warning)
        sidecar = Path(site_dir, SIDECAR)
        if sidecar.is_file():  # the build went through (in strict mode, warnings abort it afterwards)
            data = json.loads(sidecar.read_text("utf-8"))
            data["warnings"] = found.found
            sidecar.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


# The editions: English at the top of the site, each other language under <lang>/, at the same paths.
# One build makes both, so that --jobs, --shard and merge work for the site as a whole. Each page is
# built in its edition's language: the theme's words (partials/language.html), the site's name, the
# templates' words (t() of the catalogue) and the language switch to the same page in the others.
# (No <link rel="alternate" hreflang>: the theme's script fetches a sitemap.xml beside each such
# address, and a page's counterpart has none; the switch's links carry hreflang instead.)
_ENGLISH_NAME = {"site_name": ""}
_spoken: list[Token[str]] = []  # the language set for the page being built


def _editions(config: MkDocsConfig) -> None:
    """The other editions' index pages in the navigation (the templates show a page its own edition's)."""
    _ENGLISH_NAME["site_name"] = config.site_name
    nav = list(config.nav or [])
    for lang in languages()[1:]:
        with speaking(lang):
            nav += [{t(title): f"{lang}/{path}"} for path, title in NAV]
    config.nav = nav
    config.extra["editions"] = counterparts("", config)


def edition_of(url: str) -> str:
    """The language of a page, from its address: ar/... is Arabic, the rest English."""
    first, slash, _ = url.partition("/")
    return first if slash and first in LANGUAGES[1:] else "en"


def counterparts(url: str, config: MkDocsConfig) -> list[dict[str, str]]:
    """The same page in every edition, for the language switch in the header (partials/alternate.html)."""
    lang = edition_of(url)
    path = url[len(lang) + 1:] if lang != "en" else url
    home = "index.html" if not config.use_directory_urls else ""
    return [{"name": LANGUAGE_NAMES.get(other, other), "lang": other,
             "link": ((f"{other}/" if other != "en" else "") + (path or home)) or "./"}
            for other in languages()]


LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}  # each in its own language, as a switch names them
RTL = {"ar"}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The catalogue's t() for the templates (partials/how-to-cite.html and copyright.html, 404.html)."""
    env.globals["t"] = t
    env.globals["t_in"] = t_in
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Build the page in its edition's language."""
    lang = edition_of(page.url)
    _spoken.append(language_token(lang))
    config.site_name = t(SITE_NAME) if lang != "en" else _ENGLISH_NAME["site_name"]
    config.extra["editions"] = counterparts(page.url, config)
    # The edition's own home; a folder link opens nowhere from file:// (the offline bundle).
    home = "" if config.use_directory_urls else "index.html"
    config.extra["homepage"] = f"{lang}/{home}" if lang != "en" else None
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page's direction on its root element too; then back to English once the page is written."""
    if edition_of(page.url) in RTL:  # the theme sets dir on <body> only, from its language file
        output = output.replace('<html lang="ar" class="no-js">',
                                '<html lang="ar" dir="rtl" class="no-js">', 1)
    while _spoken:
        language_reset(_spoken.pop())
    config.site_name = _ENGLISH_NAME["site_name"]
    config.extra["editions"] = counterparts("", config)
    config.extra["homepage"] = None
    return output
