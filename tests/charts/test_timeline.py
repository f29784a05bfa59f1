"""The timeline: which bars, by day or month, what they sum, boxes over periods, what is left out."""

from __future__ import annotations

import re

from chartpage import Notes

from factsheet.charts import relative, timeline_draw
from factsheet.charts.timeline import build, periods


def test_busy_months_are_drawn_by_day_and_the_rest_by_month(ds) -> None:
    data = build(ds)
    # October has deaths on several days and the largest total; November's fall on one day.
    assert data.peaks == ("2019-10",)
    keys = [c.key for c in data.columns]
    assert keys[:2] == ["2013-02", "gap:2013-03:2019-09"]  # six empty years become one break
    assert keys[2:33] == [f"2019-10-{d:02d}" for d in range(1, 32)]
    assert keys[33:] == ["2019-11", "2019-12", "2020-01"]


def test_bars_sum_the_claims_of_their_period_counting_nested_incidents_once(ds) -> None:
    sums = {c.key: (c.total.low, c.total.high) for c in build(ds).columns if c.total}
    # November: the day's own 'at least 35', raised to Nasiriyah's 46 within it; not 35 + 29.
    assert sums == {"2013-02": (8, 8), "2019-10-01": (22, 31), "2019-10-02": (5, 8), "2019-10-25": (6, 12),
                    "2019-11": (35, 46), "2019-12": (3, 3), "2020-01": (2, 2)}


def test_incidents_over_several_days_are_boxes(ds) -> None:
    spans = {s.incident: s for s in build(ds).spans}
    week = spans["2019-10-first-week"]
    assert (week.first, week.last, week.columns, week.extended) == (
        "2019-10-01", "2019-10-07", ("2019-10-01", "2019-10-07"), False)
    assert (week.total.low, week.total.high) == (100, 100)
    movement = spans["2019-10-movement"]
    # No end date: it lasted at least until its latest part (Karbala, 20 January 2020) began.
    assert (movement.first, movement.last, movement.columns, movement.extended) == (
        "2019-10-01", "2020-01-20", ("2019-10-01", "2020-01"), True)
    assert (movement.total.low, movement.total.high) == (150, 200)


def test_partial_dates_cover_their_month_or_year(ds) -> None:
    found = periods(ds)
    assert found["2019-12-najaf"] == ("2019-12-01", "2019-12-31", False)
    assert "undated-basra" not in found


def test_undated_incidents_are_listed_not_drawn(ds) -> None:
    figure = timeline_draw.figure(ds, Notes(), relative())
    assert build(ds).not_drawn == (("undated-basra", "no date"),)
    listed = ("Not drawn, having no date: "
              "[A killing in Basra reported without a date](incident/undated-basra.md)")
    assert listed in figure.table


def test_markers_go_to_the_highest_figures_in_date_order(ds) -> None:
    markers = build(ds).markers
    assert [(m.letter, m.incident) for m in markers] == [
        ("A", "2013-02-09-camp-liberty"), ("B", "2019-10-01-tahrir-square"), ("C", "2019-10-first-week"),
        ("D", "2019-10-movement"), ("E", "2019-10-02-nasiriyah"), ("F", "2019-10-25-basra"),
        ("G", "2019-11-28-south"), ("H", "2019-12-najaf")]


def table_rows(ds) -> dict[str, list[tuple[int, set[tuple[str, str]]]]]:
    notes = Notes()
    table = timeline_draw.figure(ds, notes, relative()).table
    number = {n: key for key, n in notes.numbers.items()}
    rows = {}
    for line in table.splitlines()[2:]:
        if not line.startswith("| "):
            break
        period, low, high, _ = (cell.strip() for cell in line.strip("|").split(" | "))
        rows[period] = [(int(re.match(r"[\d,]+", cell).group().replace(",", "")),
                         {number[int(n)] for n in re.findall(r"\[\^(\d+)\]", cell)}) for cell in (low, high)]
    return rows


def test_table_numbers_and_footnotes_match_the_claims(ds) -> None:
    rows = table_rows(ds)
    assert list(rows) == [
        "February 2013", "1 October 2019 to 20 January 2020 (its end: when its latest part began)",
        "1 October 2019 to 7 October 2019", "1 October 2019", "2 October 2019", "25 October 2019",
        "November 2019", "December 2019", "January 2020"]
    assert rows["November 2019"] == [(35, {("reuters-2019-11-28", "para. 1")}),
                                     (46, {("ihchr-2019-10-04", "annex")})]
    assert rows["25 October 2019"] == [(6, {("ihchr-2019-10-04", "p. 9"), ("reuters-2019-11-28", "para. 9")}),
                                       (12, {("reuters-2019-11-28", "para. 9")})]
    assert rows["1 October 2019 to 20 January 2020 (its end: when its latest part began)"] == [
        (150, {("ihchr-2019-10-04", "p. 12")}), (200, {("reuters-2020-01-21", "para. 30")})]


def test_table_links_every_incident_it_sums(ds) -> None:
    table = timeline_draw.figure(ds, Notes(), relative()).table
    assert ("| November 2019 | 35[^1] | 46[^2] | G: [Protests across southern Iraq on 28 November 2019]"
            "(incident/2019-11-28-south.md); [Shootings of protesters in Nasiriyah]"
            "(incident/2019-11-28-nasiriyah.md) |") in table.replace(
        re.search(r"\| November 2019 \| 35(\[\^\d+\])", table).group(1), "[^1]").replace(
        re.search(r"\| 46(\[\^\d+\])", table).group(1), "[^2]")


def test_many_sources_cite_a_note_on_the_sum_instead(ds, monkeypatch) -> None:
    monkeypatch.setattr("factsheet.charts.table.MAX_CITES", 1)
    table = timeline_draw.figure(ds, Notes(), relative()).table
    assert "| 25 October 2019 | 6[^fs-timeline-sum] |" in table
    assert "\n[^fs-timeline-sum]: A sum over many incidents." in table


def test_an_empty_dataset_draws_an_empty_timeline(tmp_path) -> None:
    from factsheet.model import Dataset

    figure = timeline_draw.figure(Dataset(tmp_path), Notes(), relative())
    assert "No incident with a dated death figure yet." in figure.svg
