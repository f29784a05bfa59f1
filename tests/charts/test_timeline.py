"""The timeline: one time scale per panel, what the bars sum, boxes over stated periods, running totals
as lines of their own, and what is listed instead of drawn."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from chartpage import Notes

from factsheet.charts import relative, timeline_draw
from factsheet.charts.timeline import PROTESTS_BEGAN, build, periods

SVG = "{http://www.w3.org/2000/svg}"


def test_the_monthly_panel_covers_the_protest_period_month_by_month(ds) -> None:
    months = build(ds).months
    assert (months.scale, months.first, months.last) == ("month", "2019-10-01", "2020-02-29")
    # Every bar is a whole month: no day is drawn on this scale.
    assert [b.key for b in months.bars] == ["2019-10", "2019-11", "2019-12", "2020-01"]


def test_the_daily_panel_repeats_the_busy_months_day_by_day(ds) -> None:
    days = build(ds).days
    assert (days.scale, days.first, days.last) == ("day", "2019-10-01", "2019-11-30")
    assert [b.key for b in days.bars] == ["2019-10-01", "2019-10-02", "2019-10-25", "2019-11-04",
                                          "2019-11-28"]
    # December's incident is dated only to the month: it is in the monthly panel, never on a day.
    assert all(len(b.key) == 10 for b in days.bars)


def test_events_before_the_protests_are_listed_not_drawn(ds) -> None:
    data = build(ds)
    assert PROTESTS_BEGAN == "2019-10-01"
    assert data.earlier == ("2013-02-09-camp-liberty",)
    assert data.months.first >= PROTESTS_BEGAN
    table = timeline_draw.figure(ds, Notes(), relative()).table
    assert re.search(r"\| 9 February 2013 \| \[Rocket attack on Camp Liberty\]"
                     r"\(incident/2013-02-09-camp-liberty\.md\) "
                     r"\| before the protests began \(1 October 2019\) \| 8\[\^\d+\] \| 8\[\^\d+\] \|", table)


def test_bars_sum_the_claims_of_their_period_counting_nested_incidents_once(ds) -> None:
    data = build(ds)
    months = {b.key: (b.total.low, b.total.high) for b in data.months.bars}
    # October: the first week's 'over 100' takes in Tahrir Square within it (22-31), plus Nasiriyah (5-8)
    # and Basra (6-12), which are not part of it.
    assert months == {"2019-10": (111, 120), "2019-11": (38, 49), "2019-12": (3, 3), "2020-01": (12, 12)}
    days = {b.key: (b.total.low, b.total.high) for b in data.days.bars}
    # 28 November: the day's own 'at least 35', raised to Nasiriyah's 46 within it; not 35 + 29.
    assert days["2019-11-28"] == (35, 46)


def test_boxes_span_stated_days_only(ds) -> None:
    data = build(ds)
    boxes = {(s.incident, s.claim): s for s in data.days.spans}
    week = boxes["2019-10-first-week", None]
    assert (week.first, week.last, week.total.low, week.total.high) == ("2019-10-01", "2019-10-07", 100, 100)
    # A figure for a stated period is a box over that period, on both scales, never summed into a bar.
    period = boxes["2019-10-movement", "killed-un-period"]
    assert (period.first, period.last, period.total.low, period.total.high) == (
        "2019-10-25", "2019-11-04", 97, 97)
    assert [(s.incident, s.claim) for s in data.months.spans] == [("2019-10-movement", "killed-un-period")]
    assert all("2019-10-movement" not in b.total.incidents for p in (data.months, data.days) for b in p.bars)


def test_an_incident_with_no_end_date_gets_no_invented_box(ds) -> None:
    data = build(ds)
    # The movement has no end date: its own toll is listed, not drawn over a period its parts suggest.
    assert ("2019-10-movement", "no end date: its parts are drawn where they happened") in data.not_drawn
    assert not [s for p in (data.months, data.days) for s in p.spans if s.claim is None
                and s.incident == "2019-10-movement"]
    # periods() still reports how far its parts reach, and that the reach is inferred.
    assert periods(ds)["2019-10-movement"] == ("2019-10-01", "2020-01-24", True)


def test_partial_dates_cover_their_month_or_year(ds) -> None:
    found = periods(ds)
    assert found["2019-12-najaf"] == ("2019-12-01", "2019-12-31", False)
    assert "undated-basra" not in found


def test_running_totals_are_lines_of_their_own_at_their_as_of_dates(ds) -> None:
    runs = {r.label: [(p.day.isoformat(), p.by_month, p.claim.id) for _, p in r.points]
            for r in build(ds).runs}
    assert runs == {
        "United Nations Assistance Mission": [("2019-10-10", False, "killed-un-oct"),
                                              ("2019-11-29", False, "killed-un-nov")],
        "Reuters": [("2020-01-21", False, "killed-reuters-jan")],
        # Dated only to February 2020: drawn across that month, not dropped and not given a day.
        "High Commission for Human Rights": [("2020-02-15", True, "killed-ihchr-feb")],
    }


def test_running_totals_are_drawn_in_their_own_panel_with_a_month_bar_for_a_month_date(ds) -> None:
    svg = timeline_draw.figure(ds, Notes(), relative()).svg
    root = ET.fromstring(svg)
    titles = [t.text for t in root.iter(SVG + "text") if "fs-panel-title" in (t.get("class") or "")]
    assert titles[0].startswith("By month, October 2019 to February 2020")
    assert " ".join(titles[1:]).startswith("Day by day, October and November 2019 (shaded above)")
    assert "Running totals of deaths since 1 October 2019" in " ".join(titles)
    hollow = [e for e in root.iter() if "fs-hollow" in (e.get("class") or "")]
    assert len(hollow) == 1  # the IHCHR's February total
    # The totals are not a band: no bar or box reaches 543.
    data = build(ds)
    assert max(b.total.high for p in (data.months, data.days) for b in p.bars) < 543


def test_undated_incidents_are_listed_not_drawn(ds) -> None:
    table = timeline_draw.figure(ds, Notes(), relative()).table
    assert ("2019-10-movement", "no end date: its parts are drawn where they happened") in build(ds).not_drawn
    assert re.search(r"\| an unknown date \| \[A killing in Basra reported without a date\]"
                     r"\(incident/undated-basra\.md\) \| no date \| 1\[\^\d+\] \| 1\[\^\d+\] \|", table)


def test_markers_go_to_the_highest_figures_left_to_right(ds) -> None:
    data = build(ds)
    assert [(m.letter, m.incident) for m in data.days.markers] == [
        ("A", "2019-10-01-tahrir-square"), ("B", "2019-10-02-nasiriyah"), ("C", "2019-10-first-week"),
        ("D", "2019-10-25-basra"), ("E", "2019-11-04-diwaniyah"), ("F", "2019-11-28-south")]
    assert [(m.letter, m.incident) for m in data.months.markers] == [
        ("G", "2019-12-najaf"), ("H", "2020-01-24-nationwide")]


def table_rows(ds, section: str) -> dict[str, list[tuple[int, set[tuple[str, str]]]]]:
    """A section's rows: period -> [(lowest, its citations), (highest, its citations)]."""
    notes = Notes()
    table = timeline_draw.figure(ds, notes, relative()).table
    number = {n: key for key, n in notes.numbers.items()}
    lines = table.split(f"**{section}")[1].split("\n\n", 1)[1].splitlines()[2:]
    rows = {}
    for line in lines:
        if not line.startswith("| "):
            break
        period, low, high, _ = (cell.strip() for cell in line.strip("|").split(" | "))
        rows[period] = [(int(re.match(r"[\d,]+", cell).group().replace(",", "")),
                         {number[int(n)] for n in re.findall(r"\[\^(\d+)\]", cell)}) for cell in (low, high)]
    return rows


def test_table_numbers_and_footnotes_match_the_claims(ds) -> None:
    months = table_rows(ds, "By month")
    assert list(months) == ["October 2019", "25 October 2019 to 4 November 2019 (a figure for that period)",
                            "November 2019", "December 2019", "January 2020"]
    assert months["25 October 2019 to 4 November 2019 (a figure for that period)"] == [
        (97, {("un-2019-11-05", "para. 1")}), (97, {("un-2019-11-05", "para. 1")})]
    days = table_rows(ds, "Day by day")
    assert days["28 November 2019"] == [(35, {("reuters-2019-11-28", "para. 1")}),
                                        (46, {("ihchr-2019-10-04", "annex")})]
    assert days["25 October 2019"] == [(6, {("ihchr-2019-10-04", "p. 9"), ("reuters-2019-11-28", "para. 9")}),
                                       (12, {("reuters-2019-11-28", "para. 9")})]
    assert days["1 October 2019 to 7 October 2019"] == [(100, {("ihchr-2019-10-04", "p. 2")}),
                                                        (100, {("ihchr-2019-10-04", "p. 2")})]


def test_table_lists_every_running_total_with_its_footnote(ds) -> None:
    notes = Notes()
    table = timeline_draw.figure(ds, notes, relative()).table
    n = notes.numbers
    assert (f"| February 2020 | High Commission for Human Rights | High Commission for Human Rights "
            f"| 543[^{n['ihchr-2020-02', 'p. 1']}] | [single source](methodology.md#grades) "
            f"| 543[^{n['ihchr-2020-02', 'p. 1']}] "
            f"| [The protest movement](incident/2019-10-movement.md) |") in table
    assert "| 29 November 2019 | United Nations Assistance Mission |" in table


def test_table_links_every_incident_it_sums(ds) -> None:
    table = timeline_draw.figure(ds, Notes(), relative()).table
    row = next(line for line in table.splitlines() if line.startswith("| 28 November 2019 |"))
    assert row.endswith("| F: [Protests across southern Iraq on 28 November 2019]"
                        "(incident/2019-11-28-south.md); [Shootings of protesters in Nasiriyah]"
                        "(incident/2019-11-28-nasiriyah.md) |")


def test_many_sources_cite_a_note_on_the_sum_instead(ds, monkeypatch) -> None:
    monkeypatch.setattr("factsheet.charts.table.MAX_CITES", 1)
    table = timeline_draw.figure(ds, Notes(), relative()).table
    assert "| 25 October 2019 | 6[^fs-timeline-sum] |" in table
    assert "\n[^fs-timeline-sum]: A sum over many incidents." in table


def test_an_empty_dataset_draws_an_empty_timeline(tmp_path) -> None:
    from factsheet.model import Dataset

    figure = timeline_draw.figure(Dataset(tmp_path), Notes(), relative())
    assert "No incident with a dated death figure yet." in figure.svg
