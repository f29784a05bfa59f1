"""The real dataset under data/: exact record counts, and the conflicting 28 November 2019 figures.

The counts are pinned so that a lost record, claim or source fails here; when records are added on
purpose, update the numbers in the same change.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from factsheet.pipeline import load_dataset

DATA = Path(__file__).parent.parent / "data"

SOURCES = {
    "pmoi-2019-11-29-iraqi-cities",
    "unnamed-site-over-180-killed",
    "unnamed-blog-militias-snipers",
    "pmoi-2020-06-08-najaf-babil",
    "track-persia-2019-11-30-shummary",
}
PMOI_2019 = "pmoi-2019-11-29-iraqi-cities"
TRACK_PERSIA = "track-persia-2019-11-30-shummary"

# Claims per incident (figures + allegations): a claim lost from any incident fails here.
CLAIMS_PER_INCIDENT = {
    "2013-09-01-camp-ashraf": 14,
    "2017-09-tirana-ashraf-anniversary": 2,
    "2019-10-01-first-week": 6,
    "2019-10-01-iraqi-protest-movement": 13,
    "2019-10-02-irgc-commanders-visit": 2,
    "2019-10-03-baghdad-rooftop-snipers": 7,
    "2019-10-04-baghdad-demonstration": 1,
    "2019-11-27-najaf-consulate": 6,
    "2019-11-28-baghdad": 5,
    "2019-11-28-muthanna": 3,
    "2019-11-28-najaf": 6,
    "2019-11-28-nasiriyah": 12,
    "2019-11-28-southern-iraq": 7,
    "2019-11-abdul-mahdi-resignation-pledge": 1,
    "2019-11-karbala-consulate-deployment": 1,
    "2019-11-maysan-haidar-al-lami": 1,
    "2020-01-03-drone-strike": 1,
    "2020-02-04-al-hurra-payroll-list": 7,
    "2020-03-ghaani-baghdad-visit": 2,
    "2020-05-kadhimi-appointment": 6,
    "2020-06-07-najaf": 8,
    "2020-06-babil-basra-police-station-rallies": 1,
    "2020-06-ghaani-visit": 6,
    "2020-06-nasiriyah-demonstration": 1,
    "2020-06-southern-iraq-protests": 2,
    "2020-babil-protest-square-raid": 1,
    "arrest-warrants-journalists-activists": 3,
    "attacks-on-pmoi-in-iraq": 2,
    "iranian-troops-religious-ceremony": 2,
    "irgc-presence-iranian-missions": 7,
}

# The conflicting figures for 28 November 2019, one row per claim:
# (incident, claim id, counts, figure as worded, min, max, first link of the chain, source key).
# A first link is ("unnamed", words) or ("organisation", id).
NOVEMBER_28 = [
    ("2019-11-28-nasiriyah", "killed-pmoi", "killed", "at least 46", 46, None,
     ("unnamed", "incoming reports"), PMOI_2019),
    ("2019-11-28-nasiriyah", "injured-pmoi", "injured", "over 300", 300, None,
     ("unnamed", "incoming reports"), PMOI_2019),
    ("2019-11-28-nasiriyah", "killed-reuters-via-track-persia", "killed", "At least 29", 29, None,
     ("unnamed", "police and medical sources"), TRACK_PERSIA),
    ("2019-11-28-nasiriyah", "injured-reuters-via-track-persia", "injured", "dozens", 24, None,
     ("unnamed", "police and medical sources"), TRACK_PERSIA),
    ("2019-11-28-nasiriyah", "mourners-reuters-via-track-persia", "mourners", "thousands", 2000, None,
     ("organisation", "reuters"), TRACK_PERSIA),
    ("2019-11-28-najaf", "killed-pmoi", "killed", "four", 4, 4,
     ("unnamed", "incoming reports"), PMOI_2019),
    ("2019-11-28-najaf", "injured-pmoi", "injured", "over 70", 70, None,
     ("unnamed", "incoming reports"), PMOI_2019),
    ("2019-11-28-najaf", "killed-sky-news", "killed", "16", 16, 16,
     ("unnamed", "one source"), PMOI_2019),
    ("2019-11-28-najaf", "injured-sky-news", "injured", "over 500", 500, None,
     ("unnamed", "one source"), PMOI_2019),
    ("2019-11-28-najaf", "killed-reuters-via-track-persia", "killed", "two", 2, 2,
     ("unnamed", "police and medical sources"), TRACK_PERSIA),
    ("2019-11-28-baghdad", "killed-al-arabiya", "killed", "four", 4, 4,
     ("organisation", "al-arabiya"), PMOI_2019),
    ("2019-11-28-baghdad", "killed-dijla-bridge-pmoi", "killed", "Four", 4, 4,
     ("organisation", "pmoi"), PMOI_2019),
    ("2019-11-28-baghdad", "killed-reuters-via-track-persia", "killed", "Four", 4, 4,
     ("unnamed", "police and medical sources"), TRACK_PERSIA),
    ("2019-11-28-southern-iraq", "killed-track-persia", "killed", "at least 35", 35, None,
     ("organisation", "track-persia"), TRACK_PERSIA),
]


@pytest.fixture(scope="module")
def ds():
    return load_dataset(DATA)


def claims(ds):
    return [claim for incident in ds.incidents.values() for claim in incident.claims]


def first_link(claim):
    link = claim.chain[0]
    if link.unnamed:
        return ("unnamed", link.unnamed)
    if link.organisation:
        return ("organisation", link.organisation)
    return ("person", link.person)


def test_record_counts(ds):
    assert len(ds.incidents) == 30
    assert len(ds.people) == 22
    assert len(ds.organisations) == 39
    assert set(ds.sources) == SOURCES


def test_claim_counts(ds):
    every = claims(ds)
    assert len(every) == 136
    assert sum(1 for c in every if c.figure is not None) == 52
    assert sum(1 for c in every if c.alleges is not None) == 84


def test_claims_per_incident(ds):
    assert {i: len(inc.claims) for i, inc in ds.incidents.items()} == CLAIMS_PER_INCIDENT


def test_every_source_is_cited(ds):
    assert {c.cite.source for c in claims(ds)} == SOURCES


@pytest.mark.parametrize(("incident", "claim_id", "counts", "figure", "low", "high", "first", "source"),
                         NOVEMBER_28, ids=[f"{row[0]}#{row[1]}" for row in NOVEMBER_28])
def test_november_28_figures(ds, incident, claim_id, counts, figure, low, high, first, source):
    found = {c.id: c for c in ds.incidents[incident].claims}
    claim = found[claim_id]
    assert claim.counts == counts
    assert claim.figure == figure
    assert (claim.min, claim.max) == (low, high)
    assert first_link(claim) == first
    assert claim.cite.source == source


def test_november_28_conflicts_kept_side_by_side(ds):
    """Every figure claim of the three cities is pinned above: none merged, none dropped."""
    for incident in ("2019-11-28-nasiriyah", "2019-11-28-najaf", "2019-11-28-baghdad"):
        pinned = {row[1] for row in NOVEMBER_28 if row[0] == incident}
        figures = {c.id for c in ds.incidents[incident].claims if c.figure is not None}
        assert figures == pinned, incident
        killed = Counter(c.cite.source for c in ds.incidents[incident].claims if c.counts == "killed")
        assert killed[PMOI_2019] >= 1 and killed[TRACK_PERSIA] == 1, incident


def test_november_28_nesting(ds):
    for city in ("nasiriyah", "najaf", "baghdad", "muthanna"):
        assert ds.incidents[f"2019-11-28-{city}"].part_of == "2019-11-28-southern-iraq"
    assert ds.incidents["2019-11-28-southern-iraq"].part_of == "2019-10-01-iraqi-protest-movement"


def test_chains_end_with_the_publisher(ds):
    """A claim read in a document is relayed last by that document's publisher."""
    for claim in claims(ds):
        publisher = ds.sources[claim.cite.source].get("publisherid")
        last = claim.chain[-1]
        if publisher:
            assert last.organisation == publisher, claim.id
        else:
            assert last.unnamed, claim.id


def test_dated_sources_date_their_claims(ds):
    """A claim read in a dated document has an as_of, and none later than the document."""
    for incident_id, incident in ds.incidents.items():
        for claim in incident.claims:
            published = ds.sources[claim.cite.source].get("date")
            if published:
                assert claim.as_of, f"{incident_id}#{claim.id}"
                assert str(claim.as_of) <= published, f"{incident_id}#{claim.id}"


def test_no_name_in_two_records(ds):
    """One record per entity: no spelling is shared by two people or organisations."""
    owners = {}
    for kind, records in (("person", ds.people), ("organisation", ds.organisations)):
        for rid, record in records.items():
            for name in {record.name.casefold(), *(v.name.casefold() for v in record.variants)}:
                assert name not in owners, f"{name!r} in {owners.get(name)} and {kind} {rid}"
                owners[name] = f"{kind} {rid}"


@pytest.mark.parametrize(("record", "spelling"), [
    ("jamil-al-shimiri", "Jamil Shummary"),
    ("adel-abdul-mahdi", "Abdel Mehdi"),
    ("adel-abdul-mahdi", "Adel Abdul Mahdi"),
    ("qassem-soleimani", "Qasem Soleimani"),
    ("mustafa-al-kadhimi", "Al-Kadhemi"),
    ("mustafa-al-kadhimi", "Kazemi"),
    ("abu-mahdi-al-muhandis", "Jafar Mohammed Ali al-Ibrahimi"),
    ("hadi-al-amiri", "Hadi Farhan al-Amiri"),
])
def test_person_variants(ds, record, spelling):
    person = ds.people[record]
    assert spelling in {person.name, *(v.name for v in person.variants)}


@pytest.mark.parametrize(("record", "spelling"), [
    ("asaib-ahl-al-haq", "Asaib al-Haq"),
    ("asaib-ahl-al-haq", "Asaeb al-Haq"),
    ("asaib-ahl-al-haq", "AAH"),
    ("quds-force", "Qods Force"),
    ("quds-force", "QF"),
    ("hashd-al-shaabi", "PMF"),
    ("hashd-al-shaabi", "Hashid"),
    ("sky-news-arabia", "Sky News Arabic"),
    ("al-hadath", "Al Arabiya Al Hadath TV"),
    ("afp", "France Press"),
    ("al-rafidein", "Al Rafidein"),
    ("iran-government", "Tehran"),
])
def test_organisation_variants(ds, record, spelling):
    org = ds.organisations[record]
    assert spelling in {org.name, *(v.name for v in org.variants)}
