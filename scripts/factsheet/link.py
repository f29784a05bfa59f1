"""Stage 3: cross-references, back-links and derived figures, computed once per build."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .markup import number, sort_date
from .model import Cite, Claim, Dataset, Incident, Link, Role
from .text import markers

SINGLE = "single source"
CORROBORATED = "corroborated"
CONTESTED = "contested"
GRADES = (SINGLE, CORROBORATED, CONTESTED)


@dataclass(frozen=True, order=True)
class Origin:
    """Where a claim independently comes from: a person, an organisation, or only a source."""

    kind: str  # person | organisation | source
    id: str


@dataclass(frozen=True)
class Mention:
    """A person or organisation appearing in an incident: involved, accused, or in a chain."""

    incident: str
    how: str  # involved | accused | claimant | relay
    cite: Cite
    claim: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class ClaimRef:
    """A claim and the incident it belongs to."""

    incident: str
    claim: Claim


@dataclass(frozen=True)
class Citing:
    """A statement other than a claim that cites a source: a role, an involvement, a text."""

    kind: str  # incident | person | organisation
    id: str
    what: str  # involvement | role | summary | note
    locator: str | None = None


@dataclass(frozen=True)
class Figures:
    """The claims about one count and scope in one incident, and what they add up to."""

    counts: str
    who: str | None
    claims: tuple[Claim, ...]  # the claims with a number, in data order
    wordless: tuple[Claim, ...]  # figures in words only ("a large number")
    low: int | None
    high: int | None
    open: bool
    origins: tuple[tuple[Origin, tuple[Claim, ...]], ...]
    grade: str | None

    @property
    def range_text(self) -> str:
        """29–46+, 29+ or 29; empty when no claim has a number."""
        if self.low is None or self.high is None:
            return ""
        plus = "+" if self.open else ""
        if self.low == self.high:
            return f"{number(self.low)}{plus}"
        return f"{number(self.low)}–{number(self.high)}{plus}"


@dataclass(frozen=True)
class Links:
    """Every cross-reference of a dataset, looked up by id."""

    chronology: tuple[str, ...]
    mentions: Mapping[tuple[str, str], tuple[Mention, ...]]
    children: Mapping[str, tuple[str, ...]]
    suborganisations: Mapping[str, tuple[str, ...]]
    members: Mapping[str, tuple[tuple[str, Role], ...]]
    published: Mapping[str, tuple[str, ...]]
    source_claims: Mapping[str, tuple[ClaimRef, ...]]
    source_citings: Mapping[str, tuple[Citing, ...]]
    figures: Mapping[str, tuple[Figures, ...]]
    by_governorate: Mapping[str, tuple[str, ...]]
    origins: Mapping[tuple[str, str], Origin]


def origin(ds: Dataset, claim: Claim) -> Origin:
    """The first named person or organisation of the chain; else the source's publisher or key."""
    for item in claim.chain:
        if item.ref:
            return Origin(*item.ref)
    source = ds.sources.get(claim.cite.source)
    publisher = source.get("publisherid") if source else None
    return Origin("organisation", publisher) if publisher else Origin("source", claim.cite.source)


def interval(claim: Claim) -> tuple[int, int]:
    """The stated figure as [min, max], an open-ended figure taken at its stated number."""
    assert claim.min is not None
    return claim.min, claim.max if claim.max is not None else claim.min


def grade(hulls: Iterable[tuple[int, int]]) -> str | None:
    """Single source, corroborated (all origins' figures overlap) or contested."""
    hulls = list(hulls)
    if not hulls:
        return None
    if len(hulls) == 1:
        return SINGLE
    return CORROBORATED if max(lo for lo, _ in hulls) <= min(hi for _, hi in hulls) else CONTESTED


def figures(claims: Iterable[Claim], origins: Mapping[str, Origin]) -> Figures:
    """Range, independent origins and grade for the claims of one count and scope."""
    claims = tuple(claims)
    first = claims[0]
    wordless = tuple(c for c in claims if c.min is None)
    by_origin: dict[Origin, list[Claim]] = defaultdict(list)
    intervals = []
    for claim in claims:
        if claim.min is not None:
            by_origin[origins[claim.id]].append(claim)
            intervals.append(interval(claim))
    if not intervals:
        return Figures(first.counts or "", first.who, (), wordless, None, None, False, (), None)
    hulls = [(min(interval(c)[0] for c in group), max(interval(c)[1] for c in group))
             for group in by_origin.values()]
    high = max(hi for _, hi in intervals)
    is_open = any(c.max is None and c.min == high for c in claims)
    counted = tuple(c for c in claims if c.min is not None)
    return Figures(first.counts or "", first.who, counted, wordless, min(lo for lo, _ in intervals),
                   high, is_open, tuple((o, tuple(g)) for o, g in sorted(by_origin.items())),
                   grade(hulls))


def incident_figures(incident: Incident, origins: Mapping[str, Origin]) -> tuple[Figures, ...]:
    """One Figures per (counts, who) of an incident's figure claims, in order of first claim."""
    groups: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in incident.claims:
        if claim.is_figure:
            groups.setdefault((claim.counts or "", claim.who), []).append(claim)
    return tuple(figures(group, origins) for group in groups.values())


class _Builder:
    """Collects back-links in one pass over the records."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        self.source_claims: dict[str, list[ClaimRef]] = defaultdict(list)
        self.citings: dict[str, list[Citing]] = defaultdict(list)

    def mention(self, link: Link | None, mention: Mention) -> None:
        if link is not None and link.ref:
            self.mentions[link.ref].append(mention)

    def text(self, kind: str, record_id: str, what: str, value: str | None) -> None:
        for marker in markers(value or ""):
            self.citings[marker.key].append(Citing(kind, record_id, what, marker.locator or None))

    def incident(self, incident: Incident) -> None:
        self.text("incident", incident.id, "summary", incident.summary)
        for inv in incident.involved:
            ref = Link(person=inv.person, organisation=inv.organisation)
            self.mention(ref, Mention(incident.id, "involved", inv.cite, role=inv.role))
            self.citings[inv.cite.source].append(Citing("incident", incident.id, "involvement",
                                                        inv.cite.locator))
        for claim in incident.claims:
            self.source_claims[claim.cite.source].append(ClaimRef(incident.id, claim))
            self.text("incident", incident.id, "note", claim.note)
            self.text("incident", incident.id, "note", claim.alleges)
            for position, item in enumerate(claim.chain):
                how = "claimant" if position == 0 else "relay"
                self.mention(item, Mention(incident.id, how, claim.cite, claim=claim.id))
            for item in claim.accused:
                self.mention(item, Mention(incident.id, "accused", claim.cite, claim=claim.id))


def _freeze(table: Mapping, key=None) -> Mapping:
    """A read-only mapping of tuples."""
    return MappingProxyType({k: tuple(sorted(v, key=key) if key else v) for k, v in table.items()})


def link(ds: Dataset) -> Links:
    """Every cross-reference and derived figure of a dataset, in one pass over its records."""
    chronology = tuple(sorted(ds.incidents, key=lambda i: (sort_date(ds.incidents[i].date), i)))
    position = {incident_id: n for n, incident_id in enumerate(chronology)}
    builder = _Builder(ds)
    children: dict[str, list[str]] = defaultdict(list)
    by_governorate: dict[str, list[str]] = defaultdict(list)
    origins: dict[tuple[str, str], Origin] = {}
    derived: dict[str, tuple[Figures, ...]] = {}
    for incident_id in chronology:
        incident = ds.incidents[incident_id]
        builder.incident(incident)
        if incident.part_of:
            children[incident.part_of].append(incident_id)
        for gov in incident.place.governorates or ("",):
            by_governorate[gov].append(incident_id)
        own = {claim.id: origin(ds, claim) for claim in incident.claims}
        origins.update(((incident_id, claim_id), found) for claim_id, found in own.items())
        derived[incident_id] = incident_figures(incident, own)
    members: dict[str, list[tuple[str, Role]]] = defaultdict(list)
    for person in ds.people.values():
        builder.text("person", person.id, "summary", person.summary)
        for role in person.roles:
            builder.citings[role.cite.source].append(Citing("person", person.id, "role", role.cite.locator))
            if role.organisation:
                members[role.organisation].append((person.id, role))
    suborganisations: dict[str, list[str]] = defaultdict(list)
    for org in ds.organisations.values():
        builder.text("organisation", org.id, "summary", org.summary)
        if org.parent:
            suborganisations[org.parent].append(org.id)
    published: dict[str, list[str]] = defaultdict(list)
    for key, source in ds.sources.items():
        publisher = source.get("publisherid")
        if publisher:
            published[publisher].append(key)
    return Links(
        chronology=chronology,
        mentions=_freeze(builder.mentions, key=lambda m: position[m.incident]),
        children=_freeze(children),
        suborganisations=_freeze(suborganisations, key=lambda o: (ds.organisations[o].name.lower(), o)),
        members=_freeze(members, key=lambda m: (sort_date(m[1].start), ds.people[m[0]].name.lower())),
        published=_freeze(published, key=lambda k: (sort_date(ds.sources[k].get("date")), k)),
        source_claims=_freeze(builder.source_claims, key=lambda r: (position[r.incident],)),
        source_citings=_freeze(builder.citings),
        figures=MappingProxyType(derived),
        by_governorate=_freeze(by_governorate),
        origins=MappingProxyType(origins),
    )
