"""MkDocs hooks for search: the theme indexes what readers search for, and the index gets folded keys.

Kept apart from mkdocs_hooks.py (which adds the pages); the rules themselves are in factsheet.search.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from factsheet import search
from factsheet.pipeline import load_dataset


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark tables, figures and footnotes for the theme's indexer to skip."""
    return search.exclude_blocks(html)


@event_priority(-50)  # after the search plugin has written the index, before the offline plugin copies it
def on_post_build(config: MkDocsConfig) -> None:
    """Add the folded keys of every name in the data, and the rules that fold queries, to the index."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    # The data directory of the page hook: FACTSHEET_DATA (set by the factsheet command), else data/.
    data = Path(os.environ.get("FACTSHEET_DATA") or Path(config.config_file_path).parent / "data")
    index = json.loads(path.read_text("utf-8"))
    names = search.vocabulary(load_dataset(data), index["config"]["separator"])
    path.write_text(json.dumps(search.shape(index, names), separators=(",", ":")), "utf-8")
