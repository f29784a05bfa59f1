"""Figures as a page shows them: as worded, how each was read, its period, ranges, origins and grades."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..figures import Group, Scope, scope
from ..governorates import GOVERNORATES
from ..i18n import language, t, vt
from ..markup import esc, human_date, link, number
from ..model import DENIAL, Claim, Part
from ..wording import APPROXIMATE, read
from .common import METHODOLOGY, Page
from .languages import quoted, text_of, words


def period_text(found: Scope) -> str:
    """What a scope's period is, in words: empty for the incident itself."""
    if not found.period:
        return ""
    kind, start, end = found.period
    if kind == "running":
        return t("running total since {start}, as of {end}", start=human_date(start),
                 end=human_date(end, missing=t("no date")))
    if start and end:
        return t("{start} to {end}", start=human_date(start), end=human_date(end))
    return t("from {date}", date=human_date(start)) if start else t("up to {date}", date=human_date(end))


def counted(counts: str | None, who: str | None, found: Scope | None = None) -> str:
    """What a figure counts, and who, as the source said; and the period, when not the incident's."""
    counted_who = words(who) if who else t("who not stated")
    period = period_text(found) if found is not None else ""
    shown = t("{counts} ({who})", counts=words(counts), who=counted_who)
    return t("{counted}, {period}", counted=shown, period=period) if period else shown


def claim_counted(claim: Claim) -> str:
    """What one claim counts, with its period."""
    return counted(claim.counts, claim.who, scope(claim))


def reading(claim: Claim) -> str:
    """How a claim's wording was read: 29 or more, up to 35, about 6, 29 to 80, zero, no number."""
    low, high = claim.low, claim.high
    if low is None and high is None:
        return t("no number")
    if low is None:
        return t("up to {n}", n=number(high or 0))
    if high is None:
        return t("{n} or more", n=number(low))
    if low == high:
        approximate = claim.figure is not None and (found := read(claim.figure)) and found.kind == APPROXIMATE
        if low == 0:
            return t("zero")
        return t("about {n}", n=number(low)) if approximate else number(low)
    return t("{low} to {high}", low=number(low), high=number(high))


def figure(page: Page, claim: Claim) -> str:
    """A figure as worded, how it was read when that differs, its parts, and its footnote."""
    ref = page.notes.cite(claim.cite)
    parts = parts_text(claim.parts)
    if claim.kind == DENIAL:
        if claim.figure:
            return t("denial: “{worded}” (read as zero)", worded=quoted(esc(claim.figure))) + ref
        return t("denial: (read as zero)") + ref
    worded = esc(claim.figure or "")
    exact = claim.min is not None and claim.min == claim.max
    if exact and (claim.figure or "").replace(",", "").strip() == str(claim.min):
        return quoted(worded) + ref + parts
    return t("“{worded}” (read as {reading})", worded=quoted(worded), reading=reading(claim)) + ref + parts


def parts_text(parts: Sequence[Part]) -> str:
    """A breakdown after its figure: ' (of which Baghdad: 276; in addition, security forces: 17)'."""
    shown = []
    for part in parts:
        gov = GOVERNORATES.get(part.governorate or "")
        where = [esc(gov.arabic if language() == "ar" else gov.name) if gov else esc(part.governorate or ""),
                 esc(text_of(part, "place", part.place)[0] or ""), words(part.who)]
        label = t(", ").join(w for w in where if w)
        value = quoted(esc(part.figure))
        shown.append(t("in addition, {label}: {value}", label=label, value=value) if part.in_addition
                     else t("of which {label}: {value}", label=label, value=value))
    # In brackets, so that the breakdown stays with its figure in cells that list several figures.
    return " (" + t("; ").join(shown) + ")" if shown else ""


def claim_refs(page: Page, claims: Iterable[Claim]) -> str:
    """Footnote references for several claims, each note once, in footnote order."""
    refs = dict.fromkeys(page.notes.cite(c.cite) for c in claims)
    return "".join(sorted(refs, key=lambda ref: int(ref[2:-1])))


def range_cell(page: Page, found: Group) -> str:
    """29–46+ with the claims behind it; figures in words only are listed after it."""
    parts = []
    if found.claims:
        parts.append(isolated(found.range_text) + claim_refs(page, found.claims))
    if found.wordless:
        worded = t(", ").join(t("“{worded}”", worded=quoted(esc(c.figure or ""))) + page.notes.cite(c.cite)
                              for c in found.wordless)
        parts.append(t("also in words only: {figures}", figures=worded) if found.claims
                     else t("in words only: {figures}", figures=worded))
    return t("; ").join(parts)


_FIGURE = re.compile(r"\d[\d,]*(?:–\d[\d,]*)?\+?")


def isolated(figure_text: str) -> str:
    """Text with each figure or range (29–46+) isolated, so a right-to-left page cannot reorder it."""
    if language() == "en":
        return figure_text
    return _FIGURE.sub(lambda m: f'<bdi dir="ltr">{m[0]}</bdi>', figure_text)


def origins_cell(page: Page, found: Group) -> str:
    """How many independent origins, and which, each with its claims' footnotes."""
    if not found.origins:
        return ""
    named = t(", ").join(page.origin(o) + claim_refs(page, claims) for o, claims in found.origins)
    return t("{n}: {names}", n=isolated(number(len(found.origins))), names=named)


def grade_cell(page: Page, found: Group | None) -> str:
    """The grade, linked to where the methodology explains it."""
    return link(esc(vt(found.grade)), page.to(f"{METHODOLOGY}#grades")) if found and found.grade else ""


def group_of(page: Page, incident_id: str, claim: Claim) -> Group | None:
    """The comparison group of a counted claim (its grade is the group's), or None."""
    if not claim.is_counted:
        return None
    wanted = scope(claim)
    return next((g for g in page.ctx.links.figures[incident_id] if g.scope == wanted), None)
