"""Where the figures link to, relative to the page they are drawn on."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import language
from ..model import Dataset
from ..text import MARKER_RE
from .table import Href


@dataclass(frozen=True)
class Links:
    """Link targets as Markdown source paths relative to the page ('incident/x.md', 'governorates.md#basra').

    Markdown links are resolved by the site engine; links inside the SVG and the caption are raw HTML,
    which the engine leaves alone, so the site's hook resolves those .md targets the same way.
    """

    incident: Href
    governorate: Href
    grades: str  # where the methodology explains a grade


def title(ds: Dataset, incident_id: str) -> str:
    """An incident's title in the language being written (its Arabic title when it has one), as text."""
    incident = ds.incidents[incident_id]
    found = incident.ar.get("title") if language() != "en" and incident.ar is not None else None
    return " ".join(MARKER_RE.sub(" ", found or incident.title).split()) if found else incident.title


def relative(prefix: str = "") -> Links:
    """Links for a page at prefix from the site root ('' for the home page, '../' one folder down)."""
    return Links(lambda i: f"{prefix}incident/{i}.md", lambda g: f"{prefix}governorates.md#{g}",
                 f"{prefix}methodology.md#grades")
