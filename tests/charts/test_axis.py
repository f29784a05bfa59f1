"""The time axis: labels that fit however long the axis is."""

from __future__ import annotations

from datetime import date

from factsheet.charts.axis import ROWS, TimeScale, height, labels
from factsheet.charts.svg import text_width


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


def test_the_two_rows_of_labels_never_touch() -> None:
    """A browser's line box is up to 1.2 em tall: rows closer than that overlap on screen."""
    first, second = ROWS
    assert second - first >= 1.3
    assert height(10.0) > second * 10.0  # the lower row's descenders stay inside the axis' room


def test_the_first_row_stays_under_the_time_axis() -> None:
    """The value axis' numbers sit left of the time axis, level with the first row: labels keep right."""
    scale = TimeScale(date(2019, 9, 26), date(2020, 1, 20), 60.0, 470.0)  # a few days of September
    size = 16.1
    months, years = labels(scale, size, 480)
    assert months and years
    assert all(x - text_width(words, size) / 2 >= scale.left - 0.01 for x, words in months)
