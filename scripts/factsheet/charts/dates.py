"""Dates as the data writes them (2019-11-28, 2019-11, 2019, unknown), for the charts' axes."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


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
        return "an unknown date"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def short(day: date) -> str:
    """'28 Nov'."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def days_between(first: date, last: date) -> list[date]:
    """Every day from first to last inclusive."""
    return [first + timedelta(n) for n in range((last - first).days + 1)]
