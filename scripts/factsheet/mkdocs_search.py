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
from factsheet.i18n import LANGUAGES
from factsheet.merge import SCRIPT_PREFIX, SEARCH_SCRIPT
from factsheet.pipeline import load_dataset


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark tables, figures and footnotes for the theme's indexer to skip."""
    return search.exclude_blocks(html)


@event_priority(-50)  # after the search plugin has written the index, before the offline plugin copies it
def on_post_build(config: MkDocsConfig) -> None:
    """Add the folded keys of every name in the data, and the rules that fold queries, to the index.

    Each other edition gets an index of its own pages, <lang>/search/search_index.json, whose
    addresses start from its folder (where its pages tell the theme to look, see overrides/main.html);
    every word of it is folded, as Arabic words are written in many ways.
    """
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    # The data directory of the page hook: FACTSHEET_DATA (set by the factsheet command), else data/.
    data = Path(os.environ.get("FACTSHEET_DATA") or Path(config.config_file_path).parent / "data")
    index = json.loads(path.read_text("utf-8"))
    editions = search.split_editions(index, LANGUAGES[1:])
    names = search.vocabulary(load_dataset(data), index["config"]["separator"])
    path.write_text(json.dumps(search.shape(editions.pop("en"), names), separators=(",", ":")), "utf-8")
    offline = "material/offline" in config.plugins or "offline" in config.plugins
    for lang, part in editions.items():
        target = Path(config.site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(search.shape(part, vocabulary=None), separators=(",", ":"))
        target.write_text(text, "utf-8")
        if offline:  # the offline plugin writes the script copy of the top index only
            target.with_name(SEARCH_SCRIPT).write_text(SCRIPT_PREFIX + text, "utf-8")
