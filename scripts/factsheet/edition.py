"""Which edition of the data a build shows: the package version and the newest date in the data.

Both come from the repository, never from the clock, so that the same data builds the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import __version__
from .model import Dataset

VERSION = __version__
DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def data_dates(dataset: Dataset) -> Iterator[str]:
    """Every date the records give: incidents, claims' as-of dates and the sources' dates."""
    for incident in dataset.incidents.values():
        yield incident.date
        yield from filter(None, [incident.end_date])
        yield from (claim.as_of for claim in incident.claims if claim.as_of)
    for source in dataset.sources.values():
        yield from filter(None, [source.get("date"), source.get("urldate")])


def data_date(dataset: Dataset) -> str:
    """The newest date in the data, YYYY[-MM[-DD]]: what the site and the bundle are current to."""
    found = [match.group() for text in data_dates(dataset) if (match := DATE.match(str(text)))]
    # ISO dates sort as strings; a bare year counts as its first day.
    return max(found, default="1980-01-01")
