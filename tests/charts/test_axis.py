"""The time axis: labels that fit however long the axis is."""

from __future__ import annotations

from datetime import date

from factsheet.charts.axis import TimeScale, labels


def test_an_axis_over_decades_names_years_only() -> None:
    """Dates decades apart leave no room for one month name a year: the years alone are labelled."""
    scale = TimeScale(date(2019, 3, 1), date(2045, 1, 31), 60.0, 470.0)
    months, years = labels(scale, 16.1, 480)
    assert months == []
    assert years and all(words.isdigit() for _, words in years)
    assert [words for _, words in years][:2] == ["2019", "2023"]  # those that fit, apart


def test_an_axis_over_a_year_names_months() -> None:
    scale = TimeScale(date(2019, 10, 1), date(2020, 9, 30), 60.0, 470.0)
    months, years = labels(scale, 12.0, 480)
    assert [words for _, words in months] == list("ONDJFMAMJJAS")
    assert [words for _, words in years] == ["2019", "2020"]
