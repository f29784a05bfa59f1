"""Stage 3: cross-references, back-links and derived figures, computed once per build."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .figures import IncidentFigures, Origin, incident_figures, origin
from .markup import sort_date
from .model import Cite, Claim, Dataset, Incident, Link, Part, Role
from .text import markers


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
class PartRef:
    """A share of a figure given for one governorate: the incident, the claim and the part."""

    incident: str
    claim: Claim
    part: Part


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
    figures: Mapping[str, IncidentFigures]
    by_governorate: Mapping[str, tuple[str, ...]]
    origins: Mapping[tuple[str, str], Origin]
    victims: Mapping[str, tuple[str, ...]]  # incident id -> ids of the named dead
    parts_by_governorate: Mapping[str, tuple[PartRef, ...]]


class _Builder:
    """Collects back-links in one pass over the records."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        self.source_claims: dict[str, list[ClaimRef]] = defaultdict(list)
        self.citings: dict[str, list[Citing]] = defaultdict(list)

    def mention(self, link: Link | None, mention: Mention) -> None:
        """A mention for every record a link names: joint members and the body a person speaks for."""
        for ref in link.refs if link is not None else ():
            self.mentions[ref].append(mention)

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
            for value in (claim.note, claim.alleges, claim.denies, claim.as_of_note):
                self.text("incident", incident.id, "note", value)
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
    parts_by_governorate: dict[str, list[PartRef]] = defaultdict(list)
    derived: dict[str, IncidentFigures] = {}
    for incident_id in chronology:
        incident = ds.incidents[incident_id]
        builder.incident(incident)
        if incident.part_of:
            children[incident.part_of].append(incident_id)
        for gov in incident.place.governorates or ("",):
            by_governorate[gov].append(incident_id)
        for claim in incident.claims:
            for part in claim.parts:
                if part.governorate:
                    parts_by_governorate[part.governorate].append(PartRef(incident_id, claim, part))
        own = {claim.id: origin(ds, claim) for claim in incident.claims}
        origins.update(((incident_id, claim_id), found) for claim_id, found in own.items())
        derived[incident_id] = incident_figures(incident, own)  # what figures.for_incident gives
    members: dict[str, list[tuple[str, Role]]] = defaultdict(list)
    victims: dict[str, list[str]] = defaultdict(list)
    for person in ds.people.values():
        if person.victim is not None:
            for fact in (f for _, f in person.victim.facts):
                builder.citings[fact.cite.source].append(Citing("person", person.id, "victim",
                                                                fact.cite.locator))
            if person.victim.incident:
                victims[person.victim.incident].append(person.id)
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
        victims=_freeze(victims, key=lambda p: (_died(ds, p), ds.people[p].name.lower())),
        parts_by_governorate=_freeze(parts_by_governorate, key=lambda r: position[r.incident]),
    )


def _died(ds: Dataset, person_id: str) -> tuple[bool, str]:
    """Sort key of a victim by date of death, unknown last."""
    victim = ds.people[person_id].victim
    return sort_date(victim.died.value if victim and victim.died else None)
