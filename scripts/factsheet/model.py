"""Frozen record types shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Where:
    """A place in the data: file and 1-based line, for error messages."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Cite:
    """A pointer into a source: bibliography key plus locator."""

    source: str
    locator: str
    where: Where


@dataclass(frozen=True)
class Variant:
    """Another spelling of a name; lang tags the script (ar for Arabic)."""

    name: str
    lang: str | None = None
    abbreviation: bool = False


@dataclass(frozen=True)
class Link:
    """One link of an attribution chain: a record, or an unnamed claimant in words."""

    person: str | None = None
    organisation: str | None = None
    unnamed: str | None = None
    described_as: str | None = None
    where: Where | None = field(default=None, compare=False)

    @property
    def ref(self) -> tuple[str, str] | None:
        """The (kind, id) this link points at, or None for an unnamed claimant."""
        if self.person:
            return ("person", self.person)
        if self.organisation:
            return ("organisation", self.organisation)
        return None


@dataclass(frozen=True)
class Claim:
    """A figure or an allegation, attributed through its chain and cited."""

    id: str
    chain: tuple[Link, ...]
    cite: Cite
    where: Where
    counts: str | None = None
    figure: str | None = None
    min: int | None = None
    max: int | None = None
    who: str | None = None
    alleges: str | None = None
    accused: tuple[Link, ...] = ()
    as_of: str | None = None
    note: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_figure(self) -> bool:
        """True for a counted figure, False for an allegation."""
        return self.figure is not None


@dataclass(frozen=True)
class Involvement:
    """A person or organisation taking part in an incident, in a cited role."""

    role: str
    cite: Cite
    person: str | None = None
    organisation: str | None = None
    where: Where | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Coordinates:
    """A point with a precision word (city, governorate, ...)."""

    lat: float
    lon: float
    precision: str


@dataclass(frozen=True)
class Place:
    """Where an incident happened, as precisely as the sources allow."""

    city: str | None = None
    variants: tuple[Variant, ...] = ()
    governorates: tuple[str, ...] = ()
    area: str | None = None
    country: str | None = None
    coordinates: Coordinates | None = None


@dataclass(frozen=True)
class Incident:
    """An event with a date and place, and the claims made about it."""

    id: str
    title: str
    date: str
    place: Place
    summary: str
    where: Where
    end_date: str | None = None
    part_of: str | None = None
    involved: tuple[Involvement, ...] = ()
    claims: tuple[Claim, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Role:
    """A post a person held, with dates where known."""

    title: str
    cite: Cite
    organisation: str | None = None
    start: str | None = None
    end: str | None = None
    where: Where | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Person:
    """A named person, with every spelling of the name."""

    id: str
    name: str
    summary: str
    where: Where
    variants: tuple[Variant, ...] = ()
    roles: tuple[Role, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Organisation:
    """A militia, force, body, party, outlet or agency."""

    id: str
    name: str
    kind: str
    summary: str
    where: Where
    variants: tuple[Variant, ...] = ()
    parent: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Source:
    """A bibliography entry: the document a claim was read in."""

    key: str
    entry_type: str
    title: str
    where: Where
    fields: tuple[tuple[str, str], ...] = ()
    field_lines: tuple[tuple[str, int], ...] = ()

    def get(self, name: str, default: str | None = None) -> str | None:
        """A bibliography field by lowercase name."""
        return dict(self.fields).get(name, default)


@dataclass(frozen=True)
class Dataset:
    """Every record of one data directory, keyed by id."""

    root: Path
    incidents: dict[str, Incident] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
