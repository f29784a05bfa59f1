"""A Python-Markdown extension: every cell of a wide table knows its column's heading.

On a narrow screen (docs/assets/factsheet.css) such a table is shown as one card per row, each cell
under its heading, so that a row's figure, claimant and grade are read without scrolling sideways.
The heading is copied into the cell's data-label attribute. No ARIA roles are added: HTML forbids
them on the cells of a table, and Chromium keeps a table's semantics when CSS makes its parts
blocks (tests/browser/test_phone_tables.py checks the accessibility tree).
Enabled in mkdocs.yml as `factsheet.mdtables`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# A table of at least this many columns is stacked on narrow screens; narrower ones fit as they are.
MIN_COLUMNS = 3
_STASHED = re.compile("\x02wzxhzdk:\\d+\x03")  # raw HTML kept aside by Python-Markdown until the end


def _text(element: etree.Element) -> str:
    return " ".join(_STASHED.sub("", "".join(element.itertext())).split())


class CellLabels(Treeprocessor):
    """Copies each column heading into the data-label of the cells below it."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [_text(th) for th in head.findall("th")]
            if len(labels) < MIN_COLUMNS:
                continue
            for row in table.findall("tbody/tr"):
                for label, cell in zip(labels, row.findall("td"), strict=False):
                    cell.set("data-label", label)


class TableLabels(Extension):
    """The extension Python-Markdown loads."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (priority 20), so that headings are final text.
        md.treeprocessors.register(CellLabels(md), "factsheet_cell_labels", 5)


def makeExtension(**kwargs: object) -> TableLabels:
    """The entry point Python-Markdown calls for `factsheet.mdtables`."""
    return TableLabels(**kwargs)
