"""The link stage: independent origins, ranges and grades, and back-links between records."""

from __future__ import annotations

from pathlib import Path

import pytest

from factsheet.figures import CONTESTED, CORROBORATED, SINGLE, Origin, Scope, grade, group, origin
from factsheet.link import link
from factsheet.model import Cite, Claim, Dataset, Incident, Link, Period, Place, Source, Where
from factsheet.pipeline import load_dataset

FIXTURE = Path(__file__).parent.parent / "fixtures" / "valid"
HERE = Where("test.yml", 1)


def claim(claim_id: str, low: int | None, high: int | None, *chain: Link, source: str = "s1",
          counts: str = "killed", who: str | None = None, **more) -> Claim:
    """A figure claim; an exact figure when high equals low."""
    figure = str(low) if low is not None and low == high else "words"
    return Claim(claim_id, chain or (Link(unnamed="someone"),), Cite(source, "para. 1", HERE), HERE,
                 counts=counts, figure=figure, min=low, max=high, who=who, **more)


def org(org_id: str) -> Link:
    return Link(organisation=org_id)


def dataset(*claims: Claim, sources: dict[str, str | None] | None = None) -> Dataset:
    """One incident holding the claims; sources maps key -> publisherid."""
    ds = Dataset(Path("."))
    ds.incidents["i"] = Incident("i", "Title", "2019-11-28", Place(city="X"), "Text.", HERE, claims=claims)
    for key, publisher in (sources or {"s1": None}).items():
        fields = (("publisherid", publisher),) if publisher else ()
        ds.sources[key] = Source(key, "online", "T", HERE, fields)
    return ds


@pytest.fixture(scope="module")
def fixture_links():
    ds = load_dataset(FIXTURE)
    return ds, link(ds)


def test_origin_is_first_named_link_of_the_chain():
    ds = dataset()
    c = claim("a", 1, 1, Link(unnamed="medics"), org("reuters"), org("outlet"))
    assert origin(ds, c) == Origin("organisation", "reuters")
    c = claim("b", 1, 1, Link(person="p"), org("reuters"))
    assert origin(ds, c) == Origin("person", "p")


def test_origin_of_an_all_unnamed_chain_is_the_publisher_or_the_source():
    ds = dataset(sources={"s1": "outlet", "s2": None})
    assert origin(ds, claim("a", 1, 1, source="s1")) == Origin("organisation", "outlet")
    assert origin(ds, claim("b", 1, 1, source="s2")) == Origin("source", "s2")


def test_two_relays_of_one_origin_count_once():
    found = link(dataset(claim("a", 29, None, org("reuters"), org("x")),
                         claim("b", 29, None, org("reuters"), org("y"))))
    (group,) = found.figures["i"]
    assert [o for o, _ in group.origins] == [Origin("organisation", "reuters")]
    assert group.grade == SINGLE


@pytest.mark.parametrize(("claims", "text", "wanted"), [
    ([(29, None), (46, None)], "29–46+", CORROBORATED),  # both floors hold if 46 or more died
    ([(29, 29), (46, 46)], "29–46", CONTESTED),
    ([(20, 30), (25, 25)], "20–30", CORROBORATED),
    ([(46, 46), (46, None)], "46+", CORROBORATED),  # the highest figure is a floor: open-ended
    ([(46, None), (50, 50)], "46–50", CORROBORATED),  # 50 is at least 46
    ([(50, None), (46, 46)], "46–50+", CONTESTED),  # 46 is not 50 or more
    ([(None, 35), (29, 29)], "29–35", CORROBORATED),  # "up to 35" allows 29
    ([(None, 35), (40, None)], "35–40+", CONTESTED),
    ([(None, 35), (None, 20)], "up to 35", CORROBORATED),
    ([(1000, 1200), (1100, None)], "1,000–1,200", CORROBORATED),
])
def test_range_and_grade_between_two_origins(claims, text, wanted):
    made = [claim(f"c{n}", low, high, org(f"o{n}")) for n, (low, high) in enumerate(claims)]
    (group,) = link(dataset(*made)).figures["i"]
    assert group.range_text == text
    assert len(group.origins) == 2
    assert group.grade == wanted


def test_one_origin_several_figures_is_one_interval():
    inf = float("inf")
    assert grade([(29, inf), (46, inf)]) == CORROBORATED
    assert grade([(2, 2), (4, 4), (16, 16)]) == CONTESTED
    assert grade([(22, 29)]) == SINGLE
    assert grade([(22, 29), (25, 25)]) == CORROBORATED
    assert grade([(22, 29), (30, 30)]) == CONTESTED
    assert grade([(10, 20), (15, 30), (19, 19)]) == CORROBORATED  # all overlap at 19
    assert grade([(10, 20), (15, 30), (25, 25)]) == CONTESTED  # 10-20 and 25 do not
    assert grade([]) is None


def test_figures_in_words_only_stay_out_of_the_range():
    (group,) = link(dataset(claim("a", 10, 10, org("x")), claim("b", None, None, org("y")))).figures["i"]
    assert group.range_text == "10"
    assert [c.id for c in group.wordless] == ["b"]
    assert group.grade == SINGLE
    (only_words,) = link(dataset(claim("b", None, None, org("y")))).figures["i"]
    assert only_words.range_text == "" and only_words.grade is None


def test_groups_by_count_and_by_who_in_order_of_first_claim():
    found = link(dataset(claim("a", 5, 5, who="protesters"), claim("b", 7, 7, counts="injured"),
                         claim("c", 9, 9)))
    keys = [(f.counts, f.who) for f in found.figures["i"]]
    assert keys == [("killed", "protesters"), ("injured", None), ("killed", None)]


def test_a_denial_of_a_count_is_read_as_zero_and_contests_a_positive_figure():
    denial = Claim("d", (org("ministry"),), Cite("s1", "para. 2", HERE), HERE, counts="killed",
                   denies="No one was killed.")
    (found,) = link(dataset(claim("a", 3, 3, org("x")), denial)).figures["i"]
    assert (found.range_text, found.grade) == ("0–3", CONTESTED)
    (alone,) = link(dataset(denial)).figures["i"]
    assert (alone.range_text, alone.grade) == ("0", SINGLE)


def test_figures_for_other_periods_are_compared_apart():
    week = Period("2019-10-01", "2019-10-07")
    found = link(dataset(claim("a", 100, None, org("x")), claim("b", 6, 6, org("y"), period=week),
                         claim("c", 97, 97, org("z"), period=week))).figures["i"]
    groups = {g.scope.period: g for g in found.groups}
    assert groups[()].range_text == "100+" and groups[()].grade == SINGLE
    assert groups["period", "2019-10-01", "2019-10-07"].grade == CONTESTED


def test_running_totals_form_a_series_with_each_origins_latest_figure():
    since = Period("2019-10-01", running=True)
    found = link(dataset(
        claim("a", 97, 97, org("unami"), period=since, as_of="2019-11-04"),
        claim("b", 354, None, org("unami"), period=since, as_of="2019-11-29"),
        claim("c", 450, None, org("afp"), period=since, as_of="2019-12-20"),
        claim("d", 100, None, org("ihchr"), period=since, as_of="2019-11-04"),
    )).figures["i"]
    assert found.groups == () and len(found.series) == 1
    (run,) = found.series
    assert run.since == "2019-10-01"
    assert [(o.id, c.id) for o, c in run.latest] == [("afp", "c"), ("unami", "b"), ("ihchr", "d")]
    same_day = [g for g in run.groups if len(g.origins) > 1]
    assert [(g.scope.period[2], g.grade) for g in same_day] == [("2019-11-04", CONTESTED)]


def test_a_spokesman_counts_as_his_organisation_and_a_joint_statement_as_one_origin():
    ds = dataset()
    spoke = claim("a", 1, 1, Link(person="saad-maan", speaks_for="interior-ministry"), org("afp"))
    assert origin(ds, spoke) == Origin("organisation", "interior-ministry")
    joint = claim("b", 1, 1, Link(joint=(org("defence"), org("interior"))), org("rudaw"))
    found = origin(ds, joint)
    assert found == Origin("joint", "organisation:defence+organisation:interior")
    assert found.members == (("organisation", "defence"), ("organisation", "interior"))


def test_non_casualty_counts_are_kept_apart():
    found = link(dataset(claim("a", 5, 5), claim("b", 3000, 3000, counts="deployed"))).figures["i"]
    assert [g.counts for g in found.groups] == ["killed"]
    assert [g.counts for g in found.other] == ["deployed"]


def test_fixture_nasiriyah_figures(fixture_links):
    _, found = fixture_links
    groups = {(f.counts, f.who): f for f in found.figures["2019-11-28-nasiriyah"]}
    assert groups["killed", None].range_text == "46+"
    assert groups["killed", "protesters"].range_text == "29+"
    assert groups["injured", None].range_text == "24+"
    assert groups["killed", "protesters"].origins[0][0] == Origin("organisation", "reuters")


def test_person_back_links_cover_involvement_accusation_and_chains(fixture_links):
    _, found = fixture_links
    hows = [(m.incident, m.how, m.claim) for m in found.mentions["person", "jamil-al-shimiri"]]
    assert hows == [("2019-11-28-nasiriyah", "involved", None),
                    ("2019-11-28-nasiriyah", "accused", "commander-shimiri")]
    relays = {(m.how, m.claim) for m in found.mentions["organisation", "reuters"]}
    assert relays == {("relay", "killed-reuters"), ("relay", "injured-reuters")}
    assert ("claimant", "commander-shimiri") in {(m.how, m.claim) for m in found.mentions["organisation",
                                                                                       "al-hadath"]}


def test_organisation_links(fixture_links):
    _, found = fixture_links
    assert [p for p, _ in found.members["iraqi-security-forces"]] == ["jamil-al-shimiri"]
    assert found.published["pmoi"] == ("pmoi-2019-11-29",)
    assert found.children["2019-11-28-southern-iraq"] == ("2019-11-28-nasiriyah",)
    assert found.by_governorate["dhi-qar"] == ("2019-11-28-nasiriyah", "2019-11-28-southern-iraq")


def test_source_back_links_list_every_claim_and_other_citation(fixture_links):
    ds, found = fixture_links
    claims = {(r.incident, r.claim.id) for r in found.source_claims["track-persia-2019-11-30"]}
    expected = {(i.id, c.id) for i in ds.incidents.values() for c in i.claims
                if c.cite.source == "track-persia-2019-11-30"}
    assert claims == expected and len(claims) == 3
    whats = {(c.kind, c.what) for c in found.source_citings["track-persia-2019-11-30"]}
    assert {("incident", "summary"), ("incident", "involvement"), ("person", "role"),
            ("person", "summary")} <= whats


def test_chronology_puts_unknown_dates_last():
    ds = dataset()
    for incident_id, date in (("b", "unknown"), ("c", "2019-10"), ("a", "2019-10-01")):
        ds.incidents[incident_id] = Incident(incident_id, "T", date, Place(city="X"), "S.", HERE)
    assert link(ds).chronology == ("c", "a", "i", "b")


def test_results_are_read_only(fixture_links):
    _, found = fixture_links
    with pytest.raises(TypeError):
        found.figures["new"] = ()  # type: ignore[index]


def test_figures_for_one_group_directly():
    made = (claim("a", 3, 3, org("x")),)
    found = group(Scope("killed", None, ()), made, {"a": Origin("organisation", "x")})
    assert (found.low, found.high, found.open_above, found.grade) == (3, 3, False, SINGLE)
