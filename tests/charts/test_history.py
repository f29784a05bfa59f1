"""Toll histories: only for three or more dated figures, one series per claimant, oldest first."""

from __future__ import annotations

from datetime import date

from chartpage import Notes

from factsheet.charts import toll_histories
from factsheet.charts.history import histories


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
        if incident_id != "2019-10-01-tahrir-square":
            assert toll_histories(ds, ds.incidents[incident_id], Notes()) == ()


def test_table_lists_every_dated_claim_with_its_footnote(ds) -> None:
    notes = Notes()
    (figure,) = toll_histories(ds, ds.incidents["2019-10-01-tahrir-square"], notes)
    lines = [line for line in figure.table.splitlines() if line.startswith("| ") and "October" in line]
    n = notes.numbers
    assert lines == [
        f"| 2 October 2019 | Ministry of Health | Ministry of Health | 22[^{n['moh-2019-10-02', 'para. 1']}] "
        f"| 22[^{n['moh-2019-10-02', 'para. 1']}] |",
        f"| 3 October 2019 | Ministry of Health | Ministry of Health | 24[^{n['moh-2019-10-03', 'para. 1']}] "
        f"| 24[^{n['moh-2019-10-03', 'para. 1']}] |",
        f"| 4 October 2019 | High Commission for Human Rights | High Commission for Human Rights "
        f"| at least 31[^{n['ihchr-2019-10-04', 'p. 3']}] | 31+[^{n['ihchr-2019-10-04', 'p. 3']}] |",
        f"| 5 October 2019 | Ministry of Health | Ministry of Health | 29[^{n['moh-2019-10-05', 'para. 2']}] "
        f"| 29[^{n['moh-2019-10-05', 'para. 2']}] |",
    ]


def test_description_reads_the_series_out(ds) -> None:
    (figure,) = toll_histories(ds, ds.incidents["2019-10-01-tahrir-square"], Notes())
    assert ("Ministry of Health: 22 on 2 October 2019, then 24 on 3 October 2019, then 29 on 5 October 2019"
            in figure.svg)
