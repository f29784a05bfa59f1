"""Toll histories: only for three or more dated figures, one series per claimant, oldest first."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from chartpage import Notes

from factsheet.charts import relative, toll_histories
from factsheet.charts.history import History, histories
from factsheet.charts.svg import text_box, text_width

SVG = "{http://www.w3.org/2000/svg}"


def test_series_per_claimant_in_date_order(ds) -> None:
    (killed,) = histories(ds, ds.incidents["2019-10-01-tahrir-square"])
    assert killed.counts == "killed"
    series = {s.label: [(p.day, p.claim.min) for p in s.points] for s in killed.series}
    assert series == {
        "Ministry of Health": [(date(2019, 10, 2), 22), (date(2019, 10, 3), 24), (date(2019, 10, 5), 29)],
        "High Commission for Human Rights": [(date(2019, 10, 4), 31)],
    }


def test_a_claim_without_as_of_takes_its_sources_date(ds) -> None:
    (killed,) = histories(ds, ds.incidents["2019-10-01-tahrir-square"])
    moh = next(s for s in killed.series if s.label == "Ministry of Health")
    assert moh.points[-1].claim.id == "killed-moh-3" and moh.points[-1].day == date(2019, 10, 5)


def test_fewer_than_three_dated_figures_draw_nothing(ds) -> None:
    for incident_id in ds.incidents:
        if incident_id not in ("2019-10-01-tahrir-square", "2019-10-movement"):
            assert toll_histories(ds, ds.incidents[incident_id], Notes(), relative("../")) == ()


def test_running_totals_draw_a_history_from_two_snapshots(ds) -> None:
    found = histories(ds, ds.incidents["2019-10-movement"])
    assert [(h.counts, h.since) for h in found] == [("killed", "2019-10-01"), ("injured", "2019-10-01")]
    injured = found[1]
    points = {s.label: [(p.day, p.by_month) for p in s.points] for s in injured.series}
    # 'February 2020' is drawn across February (mid-month marker), not dropped for want of a day.
    assert points == {"High Commission for Human Rights": [(date(2020, 2, 15), True)],
                      "Ministry of Health": [(date(2019, 12, 20), False)]}


def test_a_claimant_keeps_one_colour_across_the_charts_of_a_page(ds) -> None:
    killed, injured = toll_histories(ds, ds.incidents["2019-10-movement"], Notes(), relative("../"))

    def colours(svg: str) -> dict[str, set[str]]:
        root = ET.fromstring(svg)
        out: dict[str, set[str]] = {}
        for group in root.iter(SVG + "g"):  # a claimant's series: a group titled with its name
            title = group.find(SVG + "title")
            if title is not None and group.get("role") is None:
                classes = [c for e in group.iter() for c in (e.get("class") or "").split()]
                styled = {c for c in classes if c.startswith("fs-s")}
                out.setdefault(title.text, set()).update(styled)
        return out

    first, second = colours(killed.svg), colours(injured.svg)
    shared = set(first) & set(second)
    assert shared == {"High Commission for Human Rights"}
    for name in shared:
        assert len(first[name]) == 1 and first[name] == second[name]
    # Different claimants on one page differ.
    assert len({c for v in (first | second).values() for c in v}) == len(set(first) | set(second))


def test_five_digit_labels_stay_inside_the_drawing(ds) -> None:
    _, injured = toll_histories(ds, ds.incidents["2019-10-movement"], Notes(), relative("../"))
    root = ET.fromstring(injured.svg)
    width = float(root.get("viewBox").split()[2])
    values = [t for t in root.iter(SVG + "text") if "fs-value" in (t.get("class") or "")]
    assert {t.text for t in values} == {"15,000+", "20,000+"}
    for label in values:
        left, top, right, bottom = text_box(float(label.get("x")), float(label.get("y")), label.text,
                                            float(label.get("font-size")), "middle", bold=True)
        assert left >= 0 and right <= width, label.text
    ticks = [t for t in root.iter(SVG + "text") if t.text == "25,000"]
    assert ticks and float(ticks[0].get("x")) - text_width("25,000", float(ticks[0].get("font-size"))) >= 0


def test_table_lists_every_dated_claim_with_its_footnote(ds) -> None:
    notes = Notes()
    (figure,) = toll_histories(ds, ds.incidents["2019-10-01-tahrir-square"], notes, relative("../"))
    graded = "| [contested](../methodology.md#grades) "  # the incident's own grade, linked to its meaning
    lines = [line for line in figure.table.splitlines() if line.startswith("| ") and "October" in line]
    n = notes.numbers
    assert lines == [
        f"| 2 October 2019 | Ministry of Health | Ministry of Health | 22[^{n['moh-2019-10-02', 'para. 1']}] "
        f"{graded}| 22[^{n['moh-2019-10-02', 'para. 1']}] |",
        f"| 3 October 2019 | Ministry of Health | Ministry of Health | 24[^{n['moh-2019-10-03', 'para. 1']}] "
        f"{graded}| 24[^{n['moh-2019-10-03', 'para. 1']}] |",
        f"| 4 October 2019 | High Commission for Human Rights | High Commission for Human Rights "
        f"| at least 31[^{n['ihchr-2019-10-04', 'p. 3']}] {graded}| 31+[^{n['ihchr-2019-10-04', 'p. 3']}] |",
        f"| 5 October 2019 | Ministry of Health | Ministry of Health | 29[^{n['moh-2019-10-05', 'para. 2']}] "
        f"{graded}| 29[^{n['moh-2019-10-05', 'para. 2']}] |",
    ]


def test_description_reads_the_series_out(ds) -> None:
    (figure,) = toll_histories(ds, ds.incidents["2019-10-01-tahrir-square"], Notes(), relative("../"))
    assert ("Ministry of Health: 22 on 2 October 2019, then 24 on 3 October 2019, then 29 on 5 October 2019"
            in figure.svg)


def test_histories_of_one_count_for_different_groups_are_told_apart() -> None:
    """Killed protesters and killed security forces are two drawings: their ids and titles differ."""
    protesters = History("x", "killed", (), (), "2019-10-01", "protesters")
    forces = History("x", "killed", (), (), "2019-10-01", "security-forces")
    everyone = History("x", "killed", (), (), "2019-10-01")
    assert len({protesters.key, forces.key, everyone.key}) == 3
    assert protesters.subject == "Killed (protesters), running total since 1 October 2019"
    assert forces.counted == "killed (security forces)"
