"""Ranges per incident and totals that never count a death twice."""

from __future__ import annotations

from factsheet.charts.ranges import figure_range, ranges, total


def keys(cites) -> set[tuple[str, str]]:
    return {(c.source, c.locator) for c in cites}


def test_range_runs_from_lowest_to_highest_claim(ds) -> None:
    found = figure_range(ds, ds.incidents["2019-11-28-nasiriyah"])
    assert (found.low, found.high) == (29, 46)
    assert [c.id for c in found.low_claims] == ["killed-reuters"]
    assert [c.id for c in found.high_claims] == ["killed-ihchr"]


def test_open_ended_figure_counts_its_number_as_highest(ds) -> None:
    # 'at least 31' (IHCHR) is the highest number named; 'a large number' names none and is skipped.
    found = figure_range(ds, ds.incidents["2019-10-01-tahrir-square"])
    assert (found.low, found.high) == (22, 31)
    assert [c.id for c in found.high_claims] == ["killed-ihchr"]


def test_equal_lowest_figures_are_all_cited(ds) -> None:
    found = figure_range(ds, ds.incidents["2019-10-25-basra"])
    assert found.low == 6
    assert {c.id for c in found.low_claims} == {"killed-ihchr", "killed-reuters"}


def test_other_counts_are_separate(ds) -> None:
    assert figure_range(ds, ds.incidents["2019-10-01-tahrir-square"], "injured").low == 400
    assert figure_range(ds, ds.incidents["2019-11-28-south"], "injured") is None


def test_part_within_a_wider_incident_is_not_added_twice(ds) -> None:
    found = ranges(ds)
    both = total(ds, ["2019-11-28-south", "2019-11-28-nasiriyah"], found)
    # The day's own figure (at least 35) is higher than Nasiriyah's lowest (29): 35, not 64.
    assert (both.low, both.high) == (35, 46)
    assert keys(both.low_cites) == {("reuters-2019-11-28", "para. 1")}
    # Nasiriyah alone is said to have 46 dead: the day had at least that many by that claim.
    assert keys(both.high_cites) == {("ihchr-2019-10-04", "annex")}


def test_separate_incidents_add_up(ds) -> None:
    found = ranges(ds)
    both = total(ds, ["2019-10-01-tahrir-square", "2019-10-02-nasiriyah"], found)
    assert (both.low, both.high) == (27, 39)
    assert keys(both.low_cites) == {("moh-2019-10-02", "para. 1"), ("moh-2019-10-03", "para. 3")}
