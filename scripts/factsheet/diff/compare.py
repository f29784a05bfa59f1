"""What differs between two datasets: every record and claim added, removed or changed, field by field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..markup import record_path
from ..model import Claim, Dataset
from .fields import differing, flat

KINDS = (("incident", "incidents", "Incidents"), ("person", "people", "People"),
         ("organisation", "organisations", "Organisations"), ("source", "sources", "Sources"))


@dataclass(frozen=True)
class FieldChange:
    """One field's value before and after (None where the field is absent)."""

    path: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class RecordChange:
    """A record added, removed or changed, with every field that differs."""

    kind: str
    id: str
    label: str
    status: str  # added | removed | changed
    fields: tuple[FieldChange, ...] = ()

    @property
    def page(self) -> str:
        """Where the record's page is in the built site."""
        return site_url(self.kind, self.id)


@dataclass(frozen=True)
class ClaimChange:
    """A claim, matched by (incident id, claim id), before and after, with every field that differs."""

    incident: str
    old: Claim | None
    new: Claim | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def id(self) -> str:
        """The claim's id."""
        return (self.new or self.old).id  # type: ignore[union-attr]

    @property
    def status(self) -> str:
        """added, removed or changed."""
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    @property
    def kind(self) -> str:
        """figure, allegation or denial (of the new claim, or the old one when it was removed)."""
        return (self.new or self.old).kind  # type: ignore[union-attr]

    @property
    def page(self) -> str:
        """The claim's row on its incident page in the built site."""
        return f"{site_url('incident', self.incident)}#claim-{self.id}"


def site_url(kind: str, record_id: str) -> str:
    """A record's page as a path of the built site: incident/2019-11-28-nasiriyah/."""
    return record_path(kind, record_id).removesuffix(".md") + "/"


def label(record: Any) -> str:
    """A record's title or name."""
    return getattr(record, "title", None) or getattr(record, "name", "")


def field_changes(old: Any, new: Any) -> tuple[FieldChange, ...]:
    """Every field that differs between two versions of a record or claim (either may be None)."""
    before = flat(old) if old is not None else {}
    after = flat(new) if new is not None else {}
    return tuple(FieldChange(path, a, b) for path, a, b in differing(before, after))


def records(old: Dataset, new: Dataset) -> list[RecordChange]:
    """Records added, removed or changed, kind by kind, by id."""
    found = []
    for kind, attr, _ in KINDS:
        before, after = getattr(old, attr), getattr(new, attr)
        for key in sorted(before.keys() | after.keys()):
            a, b = before.get(key), after.get(key)
            changes = field_changes(a, b)
            if a is None or b is None:
                found.append(RecordChange(kind, key, label(a or b), "added" if a is None else "removed",
                                          changes))
            elif changes:
                found.append(RecordChange(kind, key, label(b), "changed", changes))
    return found


def claims(old: Dataset, new: Dataset) -> list[ClaimChange]:
    """Claims added, removed or changed, incident by incident, by claim id."""
    found = []
    for incident in sorted(old.incidents.keys() | new.incidents.keys()):
        before = {c.id: c for c in getattr(old.incidents.get(incident), "claims", ())}
        after = {c.id: c for c in getattr(new.incidents.get(incident), "claims", ())}
        for key in sorted(before.keys() | after.keys()):
            a, b = before.get(key), after.get(key)
            changes = field_changes(a, b)
            if a is None or b is None or changes:
                found.append(ClaimChange(incident, a, b, changes))
    return found
