"""The data tables beside the figures: Markdown tables whose every number carries its footnotes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..i18n import language, t, vt
from ..markup import esc as md
from ..markup import isolated_quotations
from ..model import Cite
from .ranges import Total
from .svg import esc

Mark = Callable[[Cite], str]
"""Turns a citation into a footnote reference for the page, e.g. '[^3]'."""

Href = Callable[[str], "str | None"]
"""Turns a record id into a link relative to the page, or None when there is no page to link."""

# Above this many citations a summed number cites a note on how it was derived instead: each figure
# behind it is cited on its incident's page, and a cell with hundreds of references helps no reader.
MAX_CITES = 8


@dataclass(frozen=True)
class Figure:
    """A chart ready for a page: the SVG, its caption and the Markdown table behind it."""

    svg: str
    caption: str
    table: str

    def markdown(self, summary: str = "") -> str:
        """The figure and its collapsible data table as a block of page Markdown (md_in_html)."""
        default = t("The numbers behind this figure")
        # On a phone the figure scrolls sideways in its frame: tabindex lets a keyboard scroll it too.
        return (f'<figure class="fs-chart" tabindex="0">\n{self.svg}\n'
                f"<figcaption>{esc(self.caption)}</figcaption>\n</figure>\n\n"
                '<details class="fs-chart-data" markdown="1">\n'
                f"<summary>{esc(summary or default)}</summary>\n\n"
                f"{self.table}\n</details>\n")


def worded(text: str) -> str:
    """A figure as its source worded it, in a table: kept in its words, marked as such on other editions."""
    shown = md(text)
    return shown if language() == "en" else f'<bdi class="fs-worded">{shown}</bdi>'


def md_link(label: str, href: str | None) -> str:
    """A Markdown link, or the plain label when there is nothing to link to."""
    shown = isolated_quotations(md(label))  # a title quoting a source's English words
    return f"[{shown}]({href})" if href else shown


def graded(grade: str | None, href: str) -> str:
    """A grade linked to where it is explained; empty for a figure that has none."""
    return md_link(vt(grade), href) if grade else ""


def cited(value: int, cites: Sequence[Cite], mark: Mark, derived: str | None = None) -> str:
    """A number followed by its footnotes; past MAX_CITES, by the note `derived` explaining it instead."""
    if derived and len(cites) > MAX_CITES:
        return f"{value:,}[^{derived}]"
    return f"{value:,}" + "".join(mark(c) for c in cites)


def too_many(total: Total) -> bool:
    """True when either end of a sum has more citations than a cell should carry."""
    return max(len(total.low_cites), len(total.high_cites)) > MAX_CITES


def derived_note(label: str, text: str) -> str:
    """The footnote definition a summed number cites when it has too many sources to list."""
    return f"\n[^{label}]: {text}\n"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table; cells must already be Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
