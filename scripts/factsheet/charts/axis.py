"""A time axis of one scale (days or months, never both): where a date goes, and labels that fit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..i18n import t
from . import dates
from .svg import FAINT, tag, text, text_width

GAP = 0.6  # space between two labels, in ems of their size
# Baselines of the two label rows below the axis line, in ems. A browser's box for a line of text is
# up to 1.2 em tall (ascent and descent, each rounded up to whole pixels), so rows 1.35 em apart never
# touch, whatever the font size the chart is drawn at.
ROWS = (1.15, 2.5)


@dataclass(frozen=True)
class TimeScale:
    """Days from first to last (inclusive), laid evenly from left to right: one day is one width."""

    first: date
    last: date
    left: float
    right: float

    @property
    def day(self) -> float:
        """The width of one day."""
        return (self.right - self.left) / ((self.last - self.first).days + 1)

    def x(self, day: date) -> float:
        """The left edge of a day."""
        return self.left + (day - self.first).days * self.day

    def centre(self, day: date) -> float:
        """The middle of a day."""
        return self.x(day) + self.day / 2

    def extent(self, first: date, last: date) -> tuple[float, float]:
        """Left and right edge of the days from first to last, cut to the axis."""
        first, last = max(first, self.first), min(last, self.last)
        return self.x(first), self.x(last) + self.day

    def month(self, month: str) -> tuple[float, float]:
        """Left and right edge of a month 'YYYY-MM'."""
        days = dates.month_days(month)
        return self.extent(date.fromisoformat(days[0]), date.fromisoformat(days[-1]))

    def months(self) -> list[str]:
        """Every month the axis touches, as 'YYYY-MM'."""
        return dates.month_range(self.first.isoformat()[:7], self.last.isoformat()[:7])


def month_scale(first: str, last: str, left: float, right: float) -> TimeScale:
    """An axis of whole months, from the month of first to the month of last."""
    return TimeScale(date.fromisoformat(first[:7] + "-01"),
                     date.fromisoformat(dates.month_days(last[:7])[-1]), left, right)


def by_day(scale: TimeScale, size: float) -> bool:
    """Whether the axis has room to name days (at least every tenth), rather than only months."""
    return scale.day * 10 >= text_width("30", size) * (1 + GAP) and (scale.last - scale.first).days <= 100


def _fit(items: list[tuple[float, str]], size: float, lo: float, hi: float) -> list[tuple[float, str]]:
    """Centred labels kept inside lo..hi, dropping any that would touch the one before."""
    out: list[tuple[float, str]] = []
    last_right = float("-inf")
    for x, words in items:
        half = text_width(words, size) / 2
        x = min(max(x, lo + half), hi - half)
        if x - half < last_right + size * GAP:
            continue
        out.append((x, words))
        last_right = x + half
    return out


def _day_labels(scale: TimeScale, size: float) -> list[tuple[float, str]]:
    """Day numbers, every day if they fit, else on the 1st and at a round step."""
    days = dates.days_between(scale.first, scale.last)
    room = scale.day
    step = next((s for s in (1, 2, 5, 10) if room * s >= text_width("30", size) * (1 + GAP)), 10)
    chosen = [d for d in days if step == 1 or d.day == 1 or (d.day % step == 0 and d.day < 30)]
    return _fit([(scale.centre(d), str(d.day)) for d in chosen], size, 0, float("inf"))


def _month_labels(scale: TimeScale, size: float, long_names: bool) -> list[tuple[float, str]]:
    """Month names centred on their months: 'October 2019', 'Oct', 'O', or every second, third ... month."""
    months = scale.months()
    widths = {m: scale.month(m) for m in months}
    narrowest = min(right - left for left, right in widths.values())

    def name(month: str, form: str) -> str:
        number = int(month[5:7])
        if form == "long":
            return t("{month} {year}", month=dates.month_name(number), year=month[:4])
        return dates.month_name(number, form)

    forms = ("long", "short", "letter") if long_names else ("short", "letter")
    for form in forms:
        widest = max(text_width(name(m, form), size) for m in months)
        if widest * (1 + GAP) <= narrowest:
            return [((widths[m][0] + widths[m][1]) / 2, name(m, form)) for m in months]
    step = next((s for s in (2, 3, 4, 6, 12) if text_width("May", size) * (1 + GAP) <= narrowest * s), None)
    if step is None:  # not room for one name a year: the row of years below is the axis's labels
        return []
    return [((widths[m][0] + widths[m][1]) / 2, name(m, "short")) for m in months
            if (int(m[5:7]) - 1) % step == 0]


def _year_labels(scale: TimeScale, size: float) -> list[tuple[float, str]]:
    """Each year centred on the part of it the axis shows."""
    years: dict[str, list[float]] = {}
    for month in scale.months():
        left, right = scale.month(month)
        span = years.setdefault(month[:4], [left, right])
        span[1] = right
    return [((left + right) / 2, year) for year, (left, right) in years.items()]


Labels = list[tuple[float, str]]


def labels(scale: TimeScale, size: float, width: float) -> tuple[Labels, Labels]:
    """Two rows of axis labels: days then months, or months then years.

    The first row stays under the time axis itself (scale.left onwards), clear of the numbers of a
    value axis at its left, which reach down to it; the second row, lower, may use the whole width.
    """
    if by_day(scale, size):
        months = []
        for month in scale.months():
            left, right = scale.month(month)
            number = int(month[5:7])
            short = dates.month_name(number, "short")
            room = right - left
            words = next((w for w in (t("{month} {year}", month=dates.month_name(number), year=month[:4]),
                                      t("{month} {year}", month=short, year=month[:4]), short)
                          if text_width(w, size) <= room or w == short), short)
            months.append(((left + right) / 2, words))
        return _fit(_day_labels(scale, size), size, scale.left, width), _fit(months, size, 0, width)
    top = _fit(_month_labels(scale, size, long_names=False), size, scale.left, width)
    return top, _fit(_year_labels(scale, size), size, 0, width)


def draw(scale: TimeScale, size: float, width: float, baseline: float, top: float) -> str:
    """The axis line, month boundaries as grid lines up to top, and both rows of labels."""
    out = [tag("line", x1=float(scale.left), y1=float(baseline), x2=float(scale.right), y2=float(baseline),
               class_="fs-axis-line", stroke=FAINT)]
    for month in scale.months()[1:]:
        x = scale.month(month)[0]
        out.append(tag("line", x1=x, y1=float(top), x2=x, y2=float(baseline + 4), class_="fs-grid",
                       stroke=FAINT, stroke_width="0.6"))
    first, second = labels(scale, size, width)
    for row, items in zip(ROWS, (first, second), strict=True):
        for x, words in items:
            out.append(text(x, baseline + size * row, words, text_anchor="middle", class_="fs-axis",
                            font_size=size))
    return "".join(out)


def height(size: float) -> float:
    """Room the two rows of labels take below the axis line."""
    return size * (ROWS[1] + 0.3)

