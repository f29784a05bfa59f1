"""What a change does to the site: ranges and grades of each comparison group, pages, broken links."""

from __future__ import annotations

from dataclasses import dataclass

from ..figures import Group, Origin, Scope, Series
from ..link import link
from ..markup import human_date, number
from ..model import Dataset
from ..problems import Problem
from .compare import KINDS, site_url

# Problems that mean a record points at one that is not there.
BROKEN_CODES = {"unknown-person", "unknown-organisation", "unknown-incident", "unknown-source",
                "unknown-claim"}


@dataclass(frozen=True)
class GroupChange:
    """One comparison group (incident, count, group of people, period) before and after."""

    incident: str
    title: str
    scope: str
    before: str | None  # '29–46+, 2 origins, corroborated'; None when the group did not exist
    after: str | None
    grade_before: str | None
    grade_after: str | None

    @property
    def grade_changed(self) -> bool:
        """True when the grade is not the same (a group appearing or going counts only if graded)."""
        return self.grade_before != self.grade_after and bool(self.grade_before and self.grade_after)

    @property
    def page(self) -> str:
        """The incident page in the built site."""
        return site_url("incident", self.incident) + "#figures"


def counted(counts: str, who: str | None) -> str:
    """'killed (protesters)'."""
    return f"{counts.replace('-', ' ')} ({(who or 'who not stated').replace('-', ' ')})"


def scope_words(scope: Scope) -> str:
    """'killed (protesters), 25 October 2019 to 4 November 2019'."""
    text = counted(scope.counts, scope.who)
    if not scope.period:
        return text
    start, end = (human_date(value, missing="…") for value in scope.period[1:])
    return text + (f", running total since {start} as of {end}" if scope.running else f", {start} to {end}")


def summary(group: Group) -> str:
    """The range, how many independent origins, and the grade."""
    origins = len(group.origins)
    shown = group.range_text or "no number"
    return f"{shown}, {number(origins)} origin{'s' if origins != 1 else ''}, {group.grade or 'no grade'}"


def origin_name(ds: Dataset, origin: Origin) -> str:
    """An origin's name: a person's or organisation's, bodies speaking jointly, or a source key."""
    names = []
    for kind, ref in origin.members:
        record = ds.people.get(ref) if kind == "person" else ds.organisations.get(ref)
        names.append(record.name if record is not None else ref)
    return " and ".join(names)


def latest(ds: Dataset, series: Series) -> str:
    """Each origin's latest figure of a running total: 'UNAMI 354+ (29 November 2019); …'."""
    parts = []
    for origin, claim in series.latest:
        low, high = claim.low, claim.high
        value = (f"up to {number(high or 0)}" if low is None else f"{number(low)}+" if high is None
                 else number(low) if low == high else f"{number(low)}–{number(high)}")
        parts.append(f"{origin_name(ds, origin)} {value} ({human_date(claim.as_of, missing='no date')})")
    return "; ".join(parts)


def _groups(ds: Dataset) -> dict[tuple[str, str], tuple[str, str | None, str]]:
    """Every comparison group and running-total series: (incident, scope words) -> (summary, grade, title)."""
    found: dict[tuple[str, str], tuple[str, str | None, str]] = {}
    links = link(ds)
    for incident_id, figures in links.figures.items():
        title = ds.incidents[incident_id].title
        for group in (*figures.groups, *figures.other):
            found[incident_id, scope_words(group.scope)] = (summary(group), group.grade, title)
        for series in figures.series:
            words = (f"{counted(series.counts, series.who)}, running total since {human_date(series.since)}: "
                     "latest of each origin")
            found[incident_id, words] = (latest(ds, series), None, title)
            for group in series.groups:
                if len(group.origins) > 1:  # figures given on one day by several origins are compared
                    found[incident_id, scope_words(group.scope)] = (summary(group), group.grade, title)
    return found


def groups(old: Dataset, new: Dataset) -> list[GroupChange]:
    """Every group whose range, origins or grade differs; grade changes first."""
    before, after = _groups(old), _groups(new)
    changes = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if (a and a[0]) == (b and b[0]):
            continue
        changes.append(GroupChange(key[0], (b or a)[2], key[1], a[0] if a else None,  # type: ignore[index]
                                   b[0] if b else None, a[1] if a else None, b[1] if b else None))
    return sorted(changes, key=lambda c: (not c.grade_changed, c.incident, c.scope))


def pages(old: Dataset, new: Dataset) -> tuple[list[str], list[str]]:
    """Record pages the change adds and removes."""
    added, removed = [], []
    for kind, attr, _ in KINDS:
        before, after = set(getattr(old, attr)), set(getattr(new, attr))
        added += [site_url(kind, key) for key in sorted(after - before)]
        removed += [site_url(kind, key) for key in sorted(before - after)]
    return added, removed


def broken(old_problems: list[Problem], new_problems: list[Problem]) -> list[str]:
    """References to records that are not there, new with the change."""
    seen = {(p.code, p.message) for p in old_problems}
    return [str(p) for p in new_problems if p.code in BROKEN_CODES and (p.code, p.message) not in seen]
