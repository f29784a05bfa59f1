"""Fast preview: pages are written as files, and MkDocs rebuilds only the pages whose text changed.

`mkdocs serve` with the hook regenerates and rebuilds every page on each change (over a minute at
1,000 incidents). Here the rendered pages are written into a preview docs directory (unchanged
files keep their time stamps), and MkDocs builds "dirty": only pages newer than their HTML. The
pages made from the files just edited are written and built first, so the page being edited is
served before the index pages that list it are rebuilt. After each build the search index, which
a dirty build writes for the rebuilt pages only, is completed from the previous one.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .i18n import LANGUAGES
from .load import display_path
from .merge import updated_index, write_index
from .model import Dataset
from .pipeline import load_dataset, render_site
from .problems import DataError
from .write import is_safe, write_tree

log = logging.getLogger("mkdocs.factsheet.preview")


def sync_static(source: Path, target: Path) -> None:
    """Copy the project's own docs files (stylesheets, images) into the preview docs directory."""
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        copy = target / path.relative_to(source)
        stat = path.stat()
        if copy.is_file() and copy.stat().st_size == stat.st_size and copy.stat().st_mtime >= stat.st_mtime:
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)


def write_pages(pages: Mapping[str, str], docs: Path) -> bool:
    """Write some pages ahead of the rest (write_tree later finds them unchanged); True if any changed."""
    changed = False
    for path in sorted(pages):
        if not is_safe(path):
            continue
        target = docs / path
        data = pages[path].encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed = True
    return changed


class Preview:
    """Keeps a preview docs directory in step with the data, and builds it with MkDocs."""

    def __init__(self, data: Path, config_file: Path, work: Path) -> None:
        self.data = data
        work.mkdir(parents=True, exist_ok=True)
        self.config_file = config_file
        self.docs = work / "docs"
        self.site = work / "site"
        self.seen: dict[str, float] = {}  # data file -> modification time at the last render
        self.serve_url = ""
        self.reload: Callable[[], None] = lambda: None  # tells open browsers to reload
        self.pending: Callable[[], bool] = lambda: False  # True when more changes wait
        self.index: dict[str, Any] = {}  # the search index of the whole site, by edition

    def config(self) -> Any:
        from mkdocs.config import load_config

        config = load_config(str(self.config_file), docs_dir=str(self.docs), site_dir=str(self.site),
                             strict=False)
        config.watch.clear()
        if self.serve_url:
            config.site_url = self.serve_url
        return config

    def changed_records(self) -> set[str]:
        """Data files (as shown in page origins) modified since the last render."""
        found = {}
        for path in sorted(self.data.rglob("*")):
            if path.is_file():
                found[display_path(path)] = path.stat().st_mtime
        changed = {p for p, mtime in found.items() if self.seen.get(p) != mtime}
        self.seen = found
        return changed

    def build(self, first: bool = False) -> None:
        """Write what changed and rebuild it: pages of edited records first, then the rest."""
        start = time.perf_counter()
        static = Path(self.config_file).parent / "docs"
        if static.is_dir():
            sync_static(static, self.docs)
        changed = self.changed_records()
        try:
            dataset = load_dataset(self.data)
        except DataError as exc:
            print(f"the data has errors; the preview shows the last valid data:\n{exc}", file=sys.stderr)
            return
        if not first and write_pages(edited_pages(dataset, changed), self.docs):
            self.mkdocs(dirty=True)
            self.reload()
            log.info(f"Edited pages rebuilt in {time.perf_counter() - start:.2f} s")
            if self.pending():
                return  # more edits came in: show those first, the rest follows with them
        pages = {path: output.content for path, output in render_site(dataset).items()}
        written = write_tree(pages, self.docs)
        if first or written.written or written.removed:
            self.mkdocs(dirty=not first)
        log.info(f"Preview up to date in {time.perf_counter() - start:.2f} s "
                 f"({len(written.written)} pages rewritten)")

    def mkdocs(self, dirty: bool) -> None:
        from mkdocs.commands.build import build

        from .mkdocs_hooks import PREVIEW_ENV, environment

        # The hooks still give pages their edition, templates their t() and search its spellings;
        # they add no pages (the preview docs hold them) and read the data being previewed.
        with environment(**{PREVIEW_ENV: "1", "FACTSHEET_DATA": str(self.data.resolve())}):
            config = self.config()
            build(config, serve_url=self.serve_url or None, dirty=dirty)
        self.complete_index(config, dirty)

    def complete_index(self, config: Any, dirty: bool) -> None:
        """Give search the whole site: a dirty build indexes only the pages it rebuilt.

        Each edition has an index of its own (ar/search/...), with addresses from its folder.
        """
        urls = page_urls(config)
        for lang in LANGUAGES:
            folder = "" if lang == "en" else f"{lang}/"
            path = self.site / folder / "search" / "search_index.json"
            if not path.is_file():
                continue
            built = json.loads(path.read_bytes())
            if dirty and lang in self.index:
                pages = {url[len(folder):] for url in urls if url.startswith(folder)}
                built = updated_index(self.index[lang], built, pages)
                write_index(path, built)
            self.index[lang] = built


def page_urls(config: Any) -> set[str]:
    """The URL of every Markdown page in the config's docs directory, as the search index gives it."""
    from mkdocs.structure.files import File

    docs = Path(config.docs_dir)
    urls = {File(path.relative_to(docs).as_posix(), str(docs), config.site_dir,
                 config.use_directory_urls).url for path in docs.rglob("*.md")}
    return {"" if url in (".", "./") else url for url in urls}


def edited_pages(dataset: Dataset, changed: set[str]) -> dict[str, str]:
    """The pages of the records whose files changed, rendered alone (the full render takes longer)."""
    from . import cite, link
    from .render import incident, organisation, person
    from .render.common import Context

    tables: tuple[tuple[Mapping[str, Any], Any], ...] = (
        (dataset.incidents, incident), (dataset.people, person), (dataset.organisations, organisation))
    records = [(module, record) for table, module in tables for record in table.values()
               if record.where.path in changed]
    if not records:
        return {}
    ctx = Context(dataset, link.link(dataset), cite.format_sources(dataset.sources))
    return {module.path(record.id): module.render(ctx, record) for module, record in records}


def serve(data: Path, config_file: Path, addr: str) -> int:
    """Serve the preview on addr, rebuilding when the data or the project's docs change."""
    from mkdocs.livereload import LiveReloadServer

    work = Path(tempfile.mkdtemp(prefix="factsheet-preview-"))
    preview = Preview(data, config_file, work)
    # Dirty builds are the point here: MkDocs' warning about them on every rebuild is only noise.
    logging.getLogger("mkdocs.commands.build").addFilter(lambda r: "'dirty' build" not in r.getMessage())
    host, _, port = addr.rpartition(":")
    server = LiveReloadServer(builder=preview.build, host=host or "127.0.0.1", port=int(port),
                              root=str(preview.site))
    preview.serve_url = server.url
    preview.reload = lambda: _reload_browsers(server)
    preview.pending = lambda: bool(getattr(server, "_want_rebuild", False))
    try:
        preview.build(first=True)
        for path in (data, Path(config_file).parent / "docs", Path(config_file)):
            if path.exists():
                server.watch(str(path))
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _reload_browsers(server: Any) -> None:
    # LiveReloadServer tells browsers to reload only when the whole build returns; the edited page
    # is ready before the index pages, so announce the build's version early (same fields it uses).
    condition = getattr(server, "_epoch_cond", None)
    if condition is None:
        return
    with condition:
        server._visible_epoch = server._wanted_epoch
        condition.notify_all()
