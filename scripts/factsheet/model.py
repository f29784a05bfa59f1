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
class Translation:
    """A record's texts in Arabic, beside the English, with the version of each English text they
    translate (a short hash that `factsheet translated` writes)."""

    texts: tuple[tuple[str, str], ...] = ()  # (field, Arabic text)
    translates: tuple[tuple[str, str], ...] = ()  # (field, hash of the English text translated)
    where: Where | None = field(default=None, compare=False)
    lines: tuple[tuple[str, Where], ...] = field(default=(), compare=False)  # (field, its line)

    def get(self, name: str) -> str | None:
        """The Arabic text of one field, if there is one."""
        return dict(self.texts).get(name)

    def at(self, name: str) -> Where | None:
        """The line of one Arabic text (for problems), else of the block."""
        return dict(self.lines).get(name, self.where)


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
    """One link of an attribution chain: a record, several bodies speaking together, or words."""

    person: str | None = None
    organisation: str | None = None
    unnamed: str | None = None
    described_as: str | None = None
    where: Where | None = field(default=None, compare=False)
    joint: tuple[Link, ...] = ()  # bodies making one statement together (a joint press conference)
    speaks_for: str | None = None  # the organisation a person speaks for (a spokesman)
    role: str | None = None  # claimant, spokesperson, relay, repost, ... (vocab.CHAIN_ROLES)
    ar: Translation | None = None  # its texts in Arabic

    @property
    def ref(self) -> tuple[str, str] | None:
        """The (kind, id) this link points at, or None for an unnamed claimant or a joint one."""
        if self.person:
            return ("person", self.person)
        if self.organisation:
            return ("organisation", self.organisation)
        return None

    @property
    def refs(self) -> tuple[tuple[str, str], ...]:
        """Every record this link names: itself, its joint members, the body it speaks for."""
        own = tuple(r for member in self.joint if (r := member.ref))
        if self.ref:
            own = (self.ref, *own)
        return (*own, ("organisation", self.speaks_for)) if self.speaks_for else own


@dataclass(frozen=True)
class Period:
    """What a figure covers when it is not the incident itself: a period, or a running total."""

    start: str | None  # `from`, or `since` for a running total
    end: str | None = None  # `to`; a running total runs to the claim's as_of
    running: bool = False
    where: Where | None = field(default=None, compare=False)
    # `from` or `to` written beside `since`: a running total has no place for them (an error).
    beside_since: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Part:
    """A share of a figure: in one governorate or place, or of one group of people."""

    figure: str
    min: int | None
    max: int | None
    governorate: str | None = None
    place: str | None = None
    who: str | None = None
    in_addition: bool = False  # counted besides the total, not within it
    where: Where | None = field(default=None, compare=False)
    ar: Translation | None = None  # its texts in Arabic
    figure_at: Where | None = field(default=None, compare=False)  # the line of its figure, for problems


FIGURE = "figure"
ALLEGATION = "allegation"
DENIAL = "denial"


@dataclass(frozen=True)
class Claim:
    """A figure, an allegation or a denial, attributed through its chain and cited."""

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
    denies: str | None = None
    answers: tuple[str, ...] = ()  # ids of the claims of the same incident a denial answers
    period: Period | None = None
    parts: tuple[Part, ...] = ()
    as_of_basis: str | None = None  # stated, document-date or inferred (vocab.AS_OF_BASES)
    as_of_note: str | None = None
    ar: Translation | None = None  # its texts in Arabic

    @property
    def kind(self) -> str:
        """figure, allegation or denial."""
        if self.denies is not None:
            return DENIAL
        return FIGURE if self.figure is not None else ALLEGATION

    @property
    def is_figure(self) -> bool:
        """True for a counted figure (not an allegation or a denial)."""
        return self.kind == FIGURE

    @property
    def is_counted(self) -> bool:
        """True for a figure, or a denial of a count (read as zero), which enter ranges and grades."""
        return self.is_figure or (self.kind == DENIAL and self.counts is not None)

    @property
    def low(self) -> int | None:
        """The lowest number the claim allows: a denial of a count allows none."""
        return 0 if self.kind == DENIAL else self.min

    @property
    def high(self) -> int | None:
        """The highest number the claim allows; None when open above."""
        return 0 if self.kind == DENIAL else self.max

    @property
    def numbered(self) -> bool:
        """True when the claim states a number (a wording such as 'many' states none)."""
        return self.low is not None or self.high is not None

    @property
    def running(self) -> bool:
        """True for a running total (counted since a date, up to its as_of)."""
        return self.period is not None and self.period.running


@dataclass(frozen=True)
class Involvement:
    """A person or organisation taking part in an incident, in a cited role."""

    role: str
    cite: Cite
    person: str | None = None
    organisation: str | None = None
    where: Where | None = field(default=None, compare=False)
    ar: Translation | None = None  # its texts in Arabic


@dataclass(frozen=True)
class Coordinates:
    """A point with a precision word (city, governorate, ...)."""

    lat: float
    lon: float
    precision: str


@dataclass(frozen=True)
class Site:
    """A place within a city: a square, street, bridge or building, with its other names."""

    name: str
    kind: str
    variants: tuple[Variant, ...] = ()
    where: Where | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Place:
    """Where an incident happened, as precisely as the sources allow."""

    city: str | None = None
    variants: tuple[Variant, ...] = ()
    governorates: tuple[str, ...] = ()
    area: str | None = None
    country: str | None = None
    coordinates: Coordinates | None = None
    sites: tuple[Site, ...] = ()
    ar: Translation | None = None  # its texts in Arabic


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
    ar: Translation | None = None  # its texts in Arabic


@dataclass(frozen=True)
class Role:
    """A post a person held, with dates where known."""

    title: str
    cite: Cite
    organisation: str | None = None
    start: str | None = None
    end: str | None = None
    where: Where | None = field(default=None, compare=False)
    ar: Translation | None = None  # its texts in Arabic


@dataclass(frozen=True)
class Fact:
    """One cited fact about a victim: a date, an age, a manner of death, a place."""

    value: str
    cite: Cite
    ar: Translation | None = None  # its texts in Arabic


@dataclass(frozen=True)
class Victim:
    """What the sources say of a person's death."""

    incident: str | None = None
    died: Fact | None = None
    age: Fact | None = None
    how: Fact | None = None
    place: Fact | None = None
    where: Where | None = field(default=None, compare=False)

    @property
    def facts(self) -> tuple[tuple[str, Fact], ...]:
        """The facts given, by name, in a fixed order."""
        named = (("died", self.died), ("age", self.age), ("how", self.how), ("place", self.place))
        return tuple((label, fact) for label, fact in named if fact is not None)


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
    victim: Victim | None = None
    ar: Translation | None = None  # its texts in Arabic


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
    party: bool = False  # a party to the events (a government, an armed group, an opposition group)
    ar: Translation | None = None  # its texts in Arabic


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
