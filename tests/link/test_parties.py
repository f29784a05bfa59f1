"""Who is a party to the events: the one rule that pages, downloads and the source counts share."""

from __future__ import annotations

from pathlib import Path

from factsheet.model import (
    Cite,
    Claim,
    Dataset,
    Incident,
    Link,
    Organisation,
    Person,
    Place,
    Role,
    Source,
    Where,
)
from factsheet.parties import parties, source_base

HERE = Where("x.yml", 1)


def dataset() -> Dataset:
    ds = Dataset(Path("."))
    marks = (("gov", True, None), ("ministry", False, "gov"), ("unit", False, "ministry"),
             ("agency", False, None), ("rights-body", False, None))
    for org_id, party, parent in marks:
        ds.organisations[org_id] = Organisation(org_id, org_id, "government-body", "x", HERE, parent=parent,
                                                party=party)
    cite = Cite("wire", "para. 1", HERE)
    for person_id, post in (("spokesman", "unit"), ("reporter", "agency")):
        ds.people[person_id] = Person(person_id, person_id, "x", HERE, roles=(Role(person_id, cite, post),))
    ds.sources["wire"] = Source("wire", "online", "Wire", HERE, (("kind", "news-agency"),
                                                                 ("publisherid", "agency")))
    ds.sources["gov-site"] = Source("gov-site", "online", "Gov", HERE, (("kind", "government"),
                                                                       ("publisherid", "ministry")))
    ds.sources["militia-tv"] = Source("militia-tv", "online", "TV", HERE, (("kind", "party-media"),))
    ds.sources["unused"] = Source("unused", "online", "Other", HERE, (("kind", "news-agency"),))
    claims = (Claim("a", (Link(person="spokesman"), Link(organisation="agency")), cite, HERE, counts="killed",
                    figure="3", min=3, max=3),
              Claim("b", (Link(unnamed="medical sources"),), Cite("militia-tv", "p", HERE), HERE,
                    counts="killed", figure="4", min=4, max=4))
    ds.incidents["i"] = Incident("i", "I", "2019-10-01", Place(), "x", HERE, claims=claims)
    return ds


def test_an_organisation_within_a_party_is_one_and_others_are_not():
    found = parties(dataset())
    assert found.organisations == {"gov", "ministry", "unit"}
    assert not found.organisation("agency") and not found.organisation(None)


def test_people_and_links():
    found = parties(dataset())
    assert found.person("spokesman") == ("unit",)  # a post in a body within the government
    assert found.person("reporter") == () and found.person("nobody") == ()
    assert found.link(Link(person="reporter", speaks_for="ministry"))  # speaking for a party
    assert not found.link(Link(person="spokesman", speaks_for="agency"))  # speaking for another body
    assert not found.link(Link(unnamed="medical sources"))
    joint = Link(joint=(Link(organisation="gov"), Link(organisation="rights-body")))
    assert found.chain([joint, Link(organisation="agency")]) == (Link(organisation="gov"),)


def test_sources_and_the_source_base():
    ds = dataset()
    found = parties(ds)
    assert [k for k in sorted(ds.sources) if found.source(ds.sources[k])] == ["gov-site", "militia-tv"]
    base = source_base(ds, found)
    assert base.keys == ("gov-site", "militia-tv", "unused", "wire")
    assert base.by_kind == (("news-agency", ("unused", "wire")), ("government", ("gov-site",)),
                            ("party-media", ("militia-tv",)))
    assert base.published_by_party == ("gov-site", "militia-tv")
    assert base.carrying_party == ("wire",)  # its claim's claimant is the spokesman, a party
