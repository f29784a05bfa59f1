"""Sections shared by person and organisation pages: incidents they appear in, allegations about them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from ..link import Mention
from ..markup import esc, human_date, link, record_path
from ..model import Claim
from . import paging
from .common import Page, claim_counted, figure
from .incident import claim_anchor


def _claims(page: Page, incident_id: str) -> dict[str, Claim]:
    return {c.id: c for c in page.ds.incidents[incident_id].claims}


def how(page: Page, mention: Mention, claims: dict[str, Claim]) -> str:
    """What part a person or organisation has in an incident, cited."""
    ref = page.notes.cite(mention.cite)
    if mention.how == "involved":
        return f"involved: {esc(mention.role or '')}{ref}"
    claim = claims.get(mention.claim or "")
    if claim is None:
        return ""
    target = page.to(record_path("incident", mention.incident) + "#" + claim_anchor(claim.id))
    if mention.how == "accused":
        return link("accused in an allegation", target) + ref + trust(page, mention, claim, "by")
    verb = "made" if mention.how == "claimant" else "relayed"
    if claim.is_figure:
        what = f"{figure(page, claim)} {claim_counted(claim)}"
        return f"{link(verb + ' the figure', target)} {what}{trust(page, mention, claim)}"
    kind = "a denial" if claim.kind == "denial" else "an allegation"
    return link(f"{verb} {kind}", target) + ref + trust(page, mention, claim)


def trust(page: Page, mention: Mention, claim: Claim, word: str = "from") -> str:
    """Where a claim comes from (unless this record made it) and the source it was read in, labelled."""
    parts = []
    made_by = page.ctx.links.origins.get((mention.incident, claim.id))
    if made_by and mention.how != "claimant":
        parts.append(f"{word} {page.origin(made_by)}")
    key = claim.cite.source
    parts.append(f"read in {page.source_label(key)} {page.kind_mark(key)}".rstrip())
    return " (" + "; ".join(parts) + ")"


def _year_of(page: Page, incident_id: str) -> str:
    return paging.year(page.ds.incidents[incident_id].date)


def _incident_rows(page: Page, items: Sequence[tuple[str, tuple[Mention, ...]]]) -> list[Sequence[str]]:
    rows = []
    for incident_id, group in items:
        incident = page.ds.incidents[incident_id]
        claims = _claims(page, incident_id)
        parts = dict.fromkeys(p for p in (how(page, m, claims) for m in group) if p)
        rows.append((human_date(incident.date, missing="date unknown"), page.record("incident", incident_id),
                     "<br>".join(parts)))
    return rows


def incidents(page: Page, mentions: tuple[Mention, ...], title: str) -> str:
    """One row per incident (chronological), listing every part played in it; split by year when long."""
    items = [(incident_id, tuple(group))
             for incident_id, group in groupby(mentions, key=lambda m: m.incident)]
    return paging.section_table(page, "incidents", f"{title}: incidents", items,
                                [lambda item: _year_of(page, item[0])],
                                ("Date", "Incident", "Part in it"), _incident_rows)


def _allegation_rows(page: Page, items: Sequence[tuple[Mention, Claim]]) -> list[Sequence[str]]:
    rows = []
    for mention, claim in items:
        text = page.notes.text(claim.alleges, inline=True) + page.notes.cite(claim.cite)
        rows.append((text, page.chain(claim.chain),
                     page.record("incident", mention.incident, claim_anchor(claim.id)),
                     human_date(claim.as_of, missing="not stated"), page.source_cell(claim.cite.source)))
    return rows


def allegations(page: Page, mentions: tuple[Mention, ...], title: str) -> str:
    """Allegations naming this person or organisation as accused, with who makes them."""
    items = []
    for mention in mentions:
        claim = _claims(page, mention.incident).get(mention.claim or "") if mention.how == "accused" else None
        if claim is not None:
            items.append((mention, claim))
    return paging.section_table(page, "allegations", f"{title}: allegations", items,
                                [lambda item: _year_of(page, item[0].incident)],
                                ("Allegation", "Made by, then relays", "Incident", "As of", "Source"),
                                _allegation_rows)
