"""Figures drawn at build time as inline SVG: a timeline of deaths claimed, per-incident toll
histories and a map. Each is a pure function of the dataset returning a Figure (SVG, caption and a
cited Markdown table); no script, no network, the same data gives the same bytes."""

from __future__ import annotations

from ..figures import for_incident
from ..model import Dataset, Incident
from . import history_draw, map_draw, timeline_draw
from .links import Links, relative
from .table import Figure, Mark

__all__ = ["Figure", "Links", "Mark", "relative", "timeline", "toll_histories", "incident_map"]


def timeline(ds: Dataset, mark: Mark, links: Links, uid: str = "fs-timeline") -> Figure:
    """Deaths claimed over time, as the band from the lowest to the highest claim."""
    return timeline_draw.figure(ds, mark, links, uid)


def toll_histories(ds: Dataset, incident: Incident, mark: Mark, links: Links) -> tuple[Figure, ...]:
    """For each count with enough dated figures, and each running total, how each claimant's figure moved."""
    return history_draw.figures(ds, incident.id, for_incident(ds, incident), mark, links)


def incident_map(ds: Dataset, mark: Mark, links: Links, uid: str = "fs-map") -> Figure:
    """Incidents on a map of Iraq, sized by the deaths claimed."""
    return map_draw.figure(ds, mark, links, uid)
