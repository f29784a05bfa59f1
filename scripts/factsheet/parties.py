"""Stage 3, derived: who is a party to the events, and which sources come from one.

The one rule used by every page, the downloads and the counts of the source base:
- an organisation is a party when its record says `party: true`, or when it is part of an
  organisation that is (a ministry of a government that is a party);
- a person speaking `for` an organisation is a party when that organisation is; a person named
  without `for` is a party when any of their posts is in an organisation that is a party;
- bodies speaking jointly are each judged on their own;
- a source is a party's when its kind is `party-media` or its publisher (`publisherid`) is a party.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Dataset, Link, Source

PARTY_MEDIA = "party-media"


@dataclass(frozen=True)
class Parties:
    """The organisations that are parties to the events, worked out once per build."""

    ds: Dataset
    organisations: frozenset[str]

    def organisation(self, org_id: str | None) -> bool:
        """True for an organisation that is a party, by its own record or one it belongs to."""
        return org_id in self.organisations

    def person(self, person_id: str | None) -> tuple[str, ...]:
        """The party organisations in which a person holds or held a post, in the record's order."""
        record = self.ds.people.get(person_id or "")
        if record is None:
            return ()
        return tuple(dict.fromkeys(r.organisation for r in record.roles if self.organisation(r.organisation)))

    def link(self, item: Link) -> bool:
        """True when one link of a chain (not a joint one: see members) is a party."""
        if item.speaks_for:
            return self.organisation(item.speaks_for)
        if item.organisation:
            return self.organisation(item.organisation)
        return bool(item.person and self.person(item.person))

    def chain(self, chain: Iterable[Link]) -> tuple[Link, ...]:
        """Every link of a chain that is a party, joint members one by one."""
        links = [member for item in chain for member in (item.joint or (item,))]
        return tuple(item for item in links if self.link(item))

    def source(self, source: Source | None) -> bool:
        """True for a source that is party media or published by a party."""
        if source is None:
            return False
        return source.get("kind") == PARTY_MEDIA or self.organisation(source.get("publisherid"))


def parties(ds: Dataset) -> Parties:
    """The parties of a dataset: each marked organisation and every organisation within one."""
    def marked(org_id: str) -> bool:
        seen: set[str] = set()
        current: str | None = org_id
        while current and current not in seen:  # the validator refuses cycles; stop on one anyway
            seen.add(current)
            record = ds.organisations.get(current)
            if record is None:
                return False
            if record.party:
                return True
            current = record.parent
        return False

    return Parties(ds, frozenset(o for o in ds.organisations if marked(o)))


@dataclass(frozen=True)
class SourceBase:
    """What the site's figures are read in: how many sources, of which kinds, how many a party's."""

    keys: tuple[str, ...]  # every source, in key order
    by_kind: tuple[tuple[str, tuple[str, ...]], ...]  # kind -> source keys, most sources first
    published_by_party: tuple[str, ...]  # party media, or published by a party
    carrying_party: tuple[str, ...]  # with at least one claim whose claimant or a relay is a party


def source_base(ds: Dataset, found: Parties) -> SourceBase:
    """The sources of a dataset counted by kind and by stake, from the records alone."""
    keys = tuple(sorted(ds.sources))
    kinds: dict[str, list[str]] = {}
    for key in keys:
        kinds.setdefault(ds.sources[key].get("kind") or "", []).append(key)
    carrying = {claim.cite.source for incident in ds.incidents.values() for claim in incident.claims
                if found.chain(claim.chain)}
    return SourceBase(
        keys=keys,
        by_kind=tuple(sorted(((k, tuple(v)) for k, v in kinds.items()), key=lambda kv: (-len(kv[1]), kv[0]))),
        published_by_party=tuple(k for k in keys if found.source(ds.sources[k])),
        carrying_party=tuple(k for k in keys if k in carrying),
    )
