"""The real dataset under data/: the seed documents' figures, records in = pages out, claims in = rows out.

Nothing here counts records, so adding a valid record, claim or source needs no change to a test. A
lost or altered figure of the seed documents, a record without its page or a claim missing from the
exports fails.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from factsheet import export
from factsheet.figures import CONTESTED, CORROBORATED, incident_figures, origin
from factsheet.markup import record_path
from factsheet.pipeline import load_checked, load_dataset, render_site
from factsheet.vocab import is_casualty

DATA = Path(__file__).parent.parent / "data"

# The five seed documents every record started from.
SOURCES = {
    "pmoi-2019-11-29-iraqi-cities",
    "unnamed-site-over-180-killed",
    "unnamed-blog-militias-snipers",
    "pmoi-2020-06-08-najaf-babil",
    "track-persia-2019-11-30-shummary",
}
PMOI_2019 = "pmoi-2019-11-29-iraqi-cities"
TRACK_PERSIA = "track-persia-2019-11-30-shummary"

# Every figure read in the seed documents: (incident, claim id, wording, min, max). Other sources'
# claims may be added to these incidents; these must stay as they are.
SEED_FIGURES = [
    ('2013-09-01-camp-ashraf', 'killed-track-persia', '52', 52, 52),
    ('2013-09-01-camp-ashraf', 'abducted-track-persia', '7', 7, 7),
    ('2013-09-01-camp-ashraf', 'abducted-women-track-persia', '6 women', 6, 6),
    ('2013-09-01-camp-ashraf', 'remaining-residents-track-persia', '100', 100, 100),
    ('2013-09-01-camp-ashraf', 'years-at-camp-track-persia', '26-year', 26, 26),
    ('2013-09-01-camp-ashraf', 'killed-state-department', '50', 50, 50),
    ('2013-09-01-camp-ashraf', 'abducted-press-via-state-department', 'seven', 7, 7),
    ('2013-09-01-camp-ashraf', 'missing-state-department', 'seven', 7, 7),
    ('2017-09-tirana-ashraf-anniversary', 'international-guests-track-persia', 'a number of', None, None),
    ('2017-09-tirana-ashraf-anniversary', 'pmoi-members-track-persia', 'a large group', None, None),
    ('2019-10-01-first-week', 'killed-reuters', 'more than 100', 100, None),
    ('2019-10-01-first-week', 'injured-reuters', '6,000', 6000, 6000),
    ('2019-10-01-first-week', 'killed-by-third-day-second-source', 'more than 50', 50, None),
    ('2019-10-01-first-week', 'killed-before-third-day-second-source', 'about half a dozen', 6, 6),
    ('2019-10-01-first-week', 'government-age-reuters', 'one-year-old', 1, 1),
    ('2019-10-01-iraqi-protest-movement', 'killed-unnamed-site', 'Over 180', 180, None),
    ('2019-10-01-iraqi-protest-movement', 'killed-pmoi', 'hundreds', 200, None),
    ('2019-10-01-iraqi-protest-movement', 'abducted-and-killed-pmoi', 'many', None, None),
    ('2019-10-01-iraqi-protest-movement', 'duration-pmoi', 'two months', 2, 2),
    ('2019-10-01-iraqi-protest-movement', 'unarmed-videos', 'most', None, None),
    ('2019-10-01-iraqi-protest-movement', 'shared-border-abdollahian', '1,600 kilometers', 1600, 1600),
    ('2019-11-27-najaf-consulate', 'killed-afp', 'two', 2, 2),
    ('2019-11-27-najaf-consulate', 'attackers-numbers-pmoi', 'such high numbers', None, None),
    ('2019-11-28-baghdad', 'killed-al-arabiya', 'four', 4, 4),
    ('2019-11-28-baghdad', 'killed-dijla-bridge-pmoi', 'Four', 4, 4),
    ('2019-11-28-baghdad', 'killed-reuters-via-track-persia', 'Four', 4, 4),
    ('2019-11-28-muthanna', 'injured-al-hadath', 'a large number', None, None),
    ('2019-11-28-najaf', 'killed-pmoi', 'four', 4, 4),
    ('2019-11-28-najaf', 'injured-pmoi', 'over 70', 70, None),
    ('2019-11-28-najaf', 'killed-sky-news', '16', 16, 16),
    ('2019-11-28-najaf', 'injured-sky-news', 'over 500', 500, None),
    ('2019-11-28-najaf', 'killed-reuters-via-track-persia', 'two', 2, 2),
    ('2019-11-28-nasiriyah', 'killed-pmoi', 'at least 46', 46, None),
    ('2019-11-28-nasiriyah', 'injured-pmoi', 'over 300', 300, None),
    ('2019-11-28-nasiriyah', 'killed-reuters-via-track-persia', 'At least 29', 29, None),
    ('2019-11-28-nasiriyah', 'injured-reuters-via-track-persia', 'dozens', 24, None),
    ('2019-11-28-nasiriyah', 'mourners-reuters-via-track-persia', 'thousands', 2000, None),
    ('2019-11-28-southern-iraq', 'killed-track-persia', 'at least 35', 35, None),
    ('2019-11-28-southern-iraq', 'mourners-pmoi', 'Thousands', 2000, None),
    ('2020-02-04-al-hurra-payroll-list', 'on-payroll-al-hurra', '32,000', 32000, 32000),
    ('2020-02-04-al-hurra-payroll-list', 'politicians-and-commanders-al-hurra', 'many', None, None),
    ('2020-02-04-al-hurra-payroll-list', 'top-posts-al-hurra', 'many', None, None),
    ('2020-02-04-al-hurra-payroll-list', 'influential-pmoi', 'Many', None, None),
    ('2020-03-ghaani-baghdad-visit', 'refused-to-meet-al-hurra', 'some', None, None),
    ('2020-05-kadhimi-appointment', 'officials-concerned-pmoi', 'many', None, None),
    ('2020-06-07-najaf', 'former-ministers-al-hadath', 'a number of', None, None),
    ('2020-06-ghaani-visit', 'delegation-size-al-hadath', 'a large Iranian delegation', None, None),
    ('arrest-warrants-journalists-activists', 'left-country-unnamed-site', 'many', None, None),
    ('iranian-troops-religious-ceremony', 'deployed-unnamed-site', '7,500', 7500, 7500),
    ('irgc-presence-iranian-missions', 'irgc-commanders-stationed-pmoi', 'Large numbers', None, None),
    ('irgc-presence-iranian-missions', 'armed-forces-personnel-stationed-pmoi', 'unusually large number',
     None, None),
    ('irgc-presence-iranian-missions', 'mois-officials-stationed-pmoi', 'a large number', None, None),
]

# Every allegation and denial of the seed documents: (incident, claim id, kind).
SEED_STATEMENTS = [
    ('2013-09-01-camp-ashraf', 'government-attack-track-persia', 'allegation'),
    ('2013-09-01-camp-ashraf', 'shummary-cooperation-track-persia', 'allegation'),
    ('2013-09-01-camp-ashraf', 'kh-aah-attack-state-department', 'allegation'),
    ('2013-09-01-camp-ashraf', 'quds-force-role-press-via-state-department', 'allegation'),
    ('2013-09-01-camp-ashraf', 'abduction-to-iran-press-via-state-department', 'allegation'),
    ('2013-09-01-camp-ashraf', 'leaders-responsible-rajavi', 'allegation'),
    ('2019-10-01-first-week', 'militia-leaders-decided-security-officials', 'allegation'),
    ('2019-10-01-iraqi-protest-movement', 'militias-killed-pmoi', 'allegation'),
    ('2019-10-01-iraqi-protest-movement', 'militias-quds-force-branches-unnamed-site', 'allegation'),
    ('2019-10-01-iraqi-protest-movement', 'militias-killing-protesters-unnamed-site', 'allegation'),
    ('2019-10-01-iraqi-protest-movement', 'government-dispatched-groups-security-officials', 'allegation'),
    ('2019-10-01-iraqi-protest-movement', 'war-room-unnamed-site', 'allegation'),
    ('2019-10-01-iraqi-protest-movement', 'directed-from-abroad-jassemi', 'allegation'),
    ('2019-10-01-iraqi-protest-movement', 'khamenei-images-pmoi-spokesperson', 'allegation'),
    ('2019-10-02-irgc-commanders-visit', 'visit-diplomat', 'allegation'),
    ('2019-10-02-irgc-commanders-visit', 'advice-diplomat', 'allegation'),
    ('2019-10-03-baghdad-rooftop-snipers', 'militia-snipers-security-officials', 'allegation'),
    ('2019-10-03-baghdad-rooftop-snipers', 'snipers-militia-elements-first-source', 'allegation'),
    ('2019-10-03-baghdad-rooftop-snipers', 'militiamen-shot-second-source', 'allegation'),
    ('2019-10-03-baghdad-rooftop-snipers', 'directed-by-abu-zainab-second-source', 'allegation'),
    ('2019-10-03-baghdad-rooftop-snipers', 'tasked-by-commanders-second-source', 'allegation'),
    ('2019-10-03-baghdad-rooftop-snipers', 'radio-equipment-second-source', 'allegation'),
    ('2019-10-03-baghdad-rooftop-snipers', 'sniper-seen-reuters-cameraman', 'allegation'),
    ('2019-10-04-baghdad-demonstration', 'security-forces-fire-ap', 'allegation'),
    ('2019-11-27-najaf-consulate', 'storming-afp', 'allegation'),
    ('2019-11-27-najaf-consulate', 'storming-track-persia', 'allegation'),
    ('2019-11-27-najaf-consulate', 'us-isis-trained-salek', 'allegation'),
    ('2019-11-27-najaf-consulate', 'not-from-najaf-mehr', 'allegation'),
    ('2019-11-28-baghdad', 'live-fire-reuters', 'allegation'),
    ('2019-11-28-baghdad', 'live-fire-pmoi', 'allegation'),
    ('2019-11-28-muthanna', 'live-fire-al-hadath', 'allegation'),
    ('2019-11-28-muthanna', 'ambulances-pmoi', 'allegation'),
    ('2019-11-28-najaf', 'tanks-sky-news', 'allegation'),
    ('2019-11-28-nasiriyah', 'troops-fired-reuters', 'allegation'),
    ('2019-11-28-nasiriyah', 'commander-shimiri-al-hadath', 'allegation'),
    ('2019-11-28-nasiriyah', 'commander-shummary-track-persia', 'allegation'),
    ('2019-11-28-nasiriyah', 'shimiri-ties-pmoi', 'allegation'),
    ('2019-11-28-nasiriyah', 'deployment-order-track-persia', 'allegation'),
    ('2019-11-28-nasiriyah', 'withdrawal-state-tv', 'allegation'),
    ('2019-11-28-nasiriyah', 'tribes-support-sky-news', 'allegation'),
    ('2019-11-28-southern-iraq', 'shot-by-security-forces-track-persia', 'allegation'),
    ('2019-11-28-southern-iraq', 'martial-law-pmoi', 'allegation'),
    ('2019-11-28-southern-iraq', 'pellet-rounds-pmoi', 'allegation'),
    ('2019-11-28-southern-iraq', 'protesters-accuse-authorities-reuters', 'allegation'),
    ('2019-11-28-southern-iraq', 'militias-killings-headline-pmoi', 'allegation'),
    ('2019-11-abdul-mahdi-resignation-pledge', 'resignation-pmoi', 'allegation'),
    ('2019-11-karbala-consulate-deployment', 'deployment-mehr', 'allegation'),
    ('2019-11-maysan-haidar-al-lami', 'killing-sky-news', 'allegation'),
    ('2020-01-03-drone-strike', 'strike-pmoi', 'allegation'),
    ('2020-02-04-al-hurra-payroll-list', 'list-contents-al-hurra', 'allegation'),
    ('2020-02-04-al-hurra-payroll-list', 'named-on-list-pmoi', 'allegation'),
    ('2020-02-04-al-hurra-payroll-list', 'occupation-al-hurra', 'allegation'),
    ('2020-03-ghaani-baghdad-visit', 'visit-aim-al-hurra', 'allegation'),
    ('2020-05-kadhimi-appointment', 'ghaani-failed-al-hurra', 'allegation'),
    ('2020-05-kadhimi-appointment', 'us-agenda-kayhan', 'allegation'),
    ('2020-05-kadhimi-appointment', 'saedi-support-kayhan', 'allegation'),
    ('2020-05-kadhimi-appointment', 'nato-invitation-kayhan', 'allegation'),
    ('2020-05-kadhimi-appointment', 'pledges-to-shia-groups-kayhan', 'allegation'),
    ('2020-06-07-najaf', 'gunfire-into-night-al-rafidein', 'allegation'),
    ('2020-06-07-najaf', 'fire-and-tear-gas-al-rafidein', 'allegation'),
    ('2020-06-07-najaf', 'live-bullets-video', 'allegation'),
    ('2020-06-07-najaf', 'governor-building-fire-pmoi', 'allegation'),
    ('2020-06-07-najaf', 'clashes-al-hadath', 'allegation'),
    ('2020-06-07-najaf', 'tear-gas-live-bullets-eyewitnesses', 'allegation'),
    ('2020-06-07-najaf', 'highway-blocked-al-hadath', 'allegation'),
    ('2020-06-babil-basra-police-station-rallies', 'release-pmoi', 'allegation'),
    ('2020-06-ghaani-visit', 'visit-with-visas-al-hadath', 'allegation'),
    ('2020-06-ghaani-visit', 'visa-order-al-hadath', 'allegation'),
    ('2020-06-ghaani-visit', 'entry-without-visas-al-hadath', 'allegation'),
    ('2020-06-ghaani-visit', 'masjedi-protocol-al-hadath', 'allegation'),
    ('2020-06-ghaani-visit', 'ghaanis-defeat-british-media', 'allegation'),
    ('2020-06-nasiriyah-demonstration', 'demands-pmoi', 'allegation'),
    ('2020-06-southern-iraq-protests', 'protests-najaf-babil-pmoi', 'allegation'),
    ('2020-06-southern-iraq-protests', 'iran-backed-security-forces-headline-pmoi', 'allegation'),
    ('2020-babil-protest-square-raid', 'raid-committee', 'allegation'),
    ('arrest-warrants-journalists-activists', 'warrants-unnamed-site', 'allegation'),
    ('arrest-warrants-journalists-activists', 'hashd-blamed-national-security-council', 'allegation'),
    ('attacks-on-pmoi-in-iraq', 'militias-attacked-camps-unnamed-site', 'allegation'),
    ('attacks-on-pmoi-in-iraq', 'muhandis-operations-pmoi', 'allegation'),
    ('iranian-troops-religious-ceremony', 'pretext-unnamed-site', 'allegation'),
    ('irgc-presence-iranian-missions', 'quds-force-diplomatic-cover-ncri', 'allegation'),
    ('irgc-presence-iranian-missions', 'missions-under-irgc-pmoi', 'allegation'),
    ('irgc-presence-iranian-missions', 'holy-shrines-headquarters-embedded-post', 'allegation'),
    ('irgc-presence-iranian-missions', 'arbaeen-project-embedded-post', 'allegation'),
]

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


@pytest.fixture(scope="module")
def site(ds):
    return render_site(ds)


def claims(ds):
    return [claim for incident in ds.incidents.values() for claim in incident.claims]


def first_link(claim):
    link = claim.chain[0]
    if link.unnamed:
        return ("unnamed", link.unnamed)
    if link.organisation:
        return ("organisation", link.organisation)
    return ("person", link.person)


def seed_only(ds, incident_id):
    """The derived figures of an incident from the seed documents' claims alone."""
    incident = ds.incidents[incident_id]
    seeded = dataclasses.replace(incident, claims=tuple(c for c in incident.claims
                                                        if c.cite.source in SOURCES))
    return incident_figures(seeded, {c.id: origin(ds, c) for c in seeded.claims})


def test_the_seed_documents_are_sources(ds):
    assert set(ds.sources) >= SOURCES


@pytest.mark.parametrize(("incident", "claim_id", "figure", "low", "high"), SEED_FIGURES,
                         ids=[f"{row[0]}#{row[1]}" for row in SEED_FIGURES])
def test_seed_figure_is_present(ds, incident, claim_id, figure, low, high):
    claim = {c.id: c for c in ds.incidents[incident].claims}[claim_id]
    assert claim.kind == "figure"
    assert (claim.figure, claim.min, claim.max) == (figure, low, high)
    assert claim.cite.source in SOURCES


def test_seed_allegations_and_denials_are_present(ds):
    found = {(i, c.id): c for i, incident in ds.incidents.items() for c in incident.claims}
    missing = [row for row in SEED_STATEMENTS if row[:2] not in found]
    assert missing == []
    assert [row for row in SEED_STATEMENTS if found[row[:2]].kind != row[2]] == []
    assert {found[row[:2]].cite.source for row in SEED_STATEMENTS} <= SOURCES


def test_seed_lists_have_no_duplicates():
    keys = [row[:2] for row in SEED_FIGURES + SEED_STATEMENTS]
    assert len(keys) == len(set(keys))


def record_files(kind_dir):
    return sorted(p for p in (DATA / kind_dir).iterdir() if p.suffix in {".yml", ".yaml"})


def test_every_record_file_yields_its_page(ds, site):
    """Records in = pages out, counted from the files themselves rather than from the loader."""
    kinds = (("incidents", "incident"), ("people", "person"), ("organisations", "organisation"))
    for kind_dir, kind in kinds:
        files = record_files(kind_dir)
        assert files, kind_dir
        missing = [p.name for p in files if record_path(kind, p.stem) not in site]
        assert missing == [], kind_dir
    keys = re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", (DATA / "sources.bib").read_text("utf-8"), re.MULTILINE)
    assert set(SOURCES) <= set(keys)
    assert [k for k in keys if record_path("source", k) not in site] == []


def yaml_claims():
    """(incident, claim id) of every claim in the incident files, read with plain YAML."""
    found = []
    for path in record_files("incidents"):
        data = yaml.safe_load(path.read_text("utf-8"))
        found += [(path.stem, c["id"]) for c in data.get("claims") or []]
    return found


def test_every_claim_is_exported(ds):
    """Claims in = rows out: one row per claim of the files, none twice, none lost."""
    written = yaml_claims()
    assert len(written) == len(set(written))
    rows = export.rows(ds)
    assert sorted((r["incident_id"], r["claim_id"]) for r in rows) == sorted(written)
    loaded = [(i, c.id) for i, incident in ds.incidents.items() for c in incident.claims]
    assert sorted(loaded) == sorted(written)
    table = list(csv.DictReader(io.StringIO(export.to_csv(ds))))
    assert sorted((r["incident_id"], r["claim_id"]) for r in table) == sorted(written)


def test_every_source_is_cited():
    _, problems = load_checked(DATA)
    assert [str(p) for p in problems] == []  # an unused source would be an unused-source warning


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
    """The seed figures of the three cities stay separate claims: none merged, none dropped."""
    for incident in ("2019-11-28-nasiriyah", "2019-11-28-najaf", "2019-11-28-baghdad"):
        pinned = {row[1] for row in NOVEMBER_28 if row[0] == incident}
        figures = {c.id for c in ds.incidents[incident].claims if c.is_figure}
        assert pinned <= figures, incident
        killed = Counter(c.cite.source for c in ds.incidents[incident].claims if c.counts == "killed")
        assert killed[PMOI_2019] >= 1 and killed[TRACK_PERSIA] >= 1, incident


def test_nasiriyah_killed_is_corroborated(ds):
    """At least 29 (Reuters) and at least 46 (PMOI/MEK) both hold if 46 died."""
    toll = seed_only(ds, "2019-11-28-nasiriyah").toll()
    assert toll is not None and len(toll.origins) >= 2
    assert {c.id for c in toll.claims} >= {"killed-pmoi", "killed-reuters-via-track-persia"}
    assert toll.grade == CORROBORATED


def test_najaf_killed_is_contested(ds):
    """Two, four and 16 cannot all be true."""
    toll = seed_only(ds, "2019-11-28-najaf").toll()
    assert toll is not None
    assert sorted((c.min, c.max) for c in toll.claims) == [(2, 2), (4, 4), (16, 16)]
    assert toll.grade == CONTESTED


def test_first_week_killed_range_starts_at_100(ds):
    """The interim tolls of the second and third days are running totals, not rival figures for the week."""
    figures = seed_only(ds, "2019-10-01-first-week")
    toll = figures.toll()
    assert toll is not None and toll.low == 100 and toll.open_above
    running = {c.id for s in figures.series for g in s.groups for c in g.claims}
    assert running >= {"killed-by-third-day-second-source", "killed-before-third-day-second-source"}
    assert "baghdad" not in ds.incidents["2019-10-01-first-week"].place.governorates


def test_no_casualty_table_lists_a_non_casualty_count(ds, site):
    """Troops, kilometres, payrolls and the like appear only under Other figures."""
    others = [(i, c) for i, incident in ds.incidents.items() for c in incident.claims
              if c.is_counted and not is_casualty(c.counts)]
    assert others  # the seed data has such figures, so this checks something
    for incident_id, claim in others:
        page = site[record_path("incident", incident_id)].content
        anchor = f'id="claim-{claim.id}"'
        assert page.count(anchor) == 1, (incident_id, claim.id)
        assert page.index(anchor) > page.index("## Other figures"), (incident_id, claim.id)
    listing = "".join(out.content for path, out in site.items()
                      if path == "claims.md" or path.startswith("claims/"))
    assert listing
    leaked = [(i, c.id) for i, c in others if f"{i}.md#claim-{c.id})" in listing]
    assert leaked == []


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
                # A document dated to the month (2019-11) may hold claims dated within it.
                assert str(claim.as_of)[:len(published)] <= published, f"{incident_id}#{claim.id}"


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
