"""Dates as the data writes them (2019-11-28, 2019-11, 2019, unknown), for the charts' axes."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from ..i18n import language, t
from ..markup import human_date, month


def month_name(number: int, form: str = "long") -> str:
    """A month's name for an axis: long (October), short (Oct) or one character (O).

    Arabic month names have no short forms in use: the short form is the whole name, and the
    shortest the month's number.
    """
    whole = month(number)
    if language() != "en":
        return str(number) if form == "letter" else whole
    return {"long": whole, "short": whole[:3], "letter": whole[0]}[form]


def full(value: str | None) -> date | None:
    """The date when it is a full one (year, month and day), else None."""
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def month_days(month: str) -> list[str]:
    """Every day of a month 'YYYY-MM', as ISO dates."""
    year, number = int(month[:4]), int(month[5:7])
    return [f"{month}-{d:02d}" for d in range(1, calendar.monthrange(year, number)[1] + 1)]


def month_range(first: str, last: str) -> list[str]:
    """Every month from first to last inclusive, as 'YYYY-MM'."""
    year, number = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{number:02d}" <= last:
        out.append(f"{year:04d}-{number:02d}")
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return out


def extent(value: str) -> tuple[str, str]:
    """The first and last day of a day 'YYYY-MM-DD' or a month 'YYYY-MM'."""
    if len(value) == 7:
        days = month_days(value)
        return days[0], days[-1]
    return value, value


def spoken(value: str) -> str:
    """'28 November 2019', 'November 2019', '2019' or 'an unknown date'."""
    if value == "unknown":
        return t("an unknown date")
    return human_date(value)


def short(day: date) -> str:
    """'28 Nov'."""
    return t("{day} {month}", day=day.day, month=month_name(day.month, "short"))


def days_between(first: date, last: date) -> list[date]:
    """Every day from first to last inclusive."""
    return [first + timedelta(n) for n in range((last - first).days + 1)]
