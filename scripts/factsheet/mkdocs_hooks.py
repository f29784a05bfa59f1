"""MkDocs hooks: the only MkDocs-specific code. It adds the rendered pages to the build."""

from __future__ import annotations

import logging
import os
import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from factsheet.bundle import data_date, epoch_of
from factsheet.pipeline import load_dataset, render_site
from factsheet.problems import DataError


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
    """No repository set (FACTSHEET_REPO_URL): no edit buttons, which would point nowhere."""
    if not config.repo_url:
        config.edit_uri = config.edit_uri_template = None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every rendered page and download; record pages stay out of the navigation."""
    try:
        dataset = load_dataset(data_dir(config))
    except DataError as exc:
        raise PluginError(f"the data has errors (run factsheet validate):\n{exc}") from exc
    # MkDocs dates the sitemap by the clock unless SOURCE_DATE_EPOCH is set; the newest date in
    # the data keeps two builds of the same data byte-identical (as the offline bundle does).
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch_of(data_date(dataset))))
    site = render_site(dataset)
    docs = Path(config.docs_dir).resolve()
    for file in files:
        if file.abs_src_path:  # a static file of docs/: edit it where it is
            file.edit_uri = repo_path(str(docs / file.src_uri), config)
    for path, output in site.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        level = InclusionLevel.INCLUDED if output.listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, path, content=output.content, inclusion=level)
        file.edit_uri = repo_path(output.origin, config)
        files.append(file)
    return files


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

    return _RAW_MD_LINK.sub(resolve, html)
