"""Sections shared by person and organisation pages: incidents they appear in, allegations about them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from ..i18n import t
from ..link import Mention
from ..markup import esc, human_date, link, record_path
from ..model import Claim
from . import paging
from .common import Page
from .figure_text import claim_counted, figure
from .incident import claim_anchor


def _claims(page: Page, incident_id: str) -> dict[str, Claim]:
    return {c.id: c for c in page.ds.incidents[incident_id].claims}


def how(page: Page, mention: Mention, claims: dict[str, Claim]) -> str:
    """What part a person or organisation has in an incident, cited."""
    ref = page.notes.cite(mention.cite)
    if mention.how == "involved":
        return t("involved: {role}", role=_role(page, mention)) + ref
    claim = claims.get(mention.claim or "")
    if claim is None:
        return ""
    target = page.to(record_path("incident", mention.incident) + "#" + claim_anchor(claim.id))
    if mention.how == "accused":
        return link(t("accused in an allegation"), target) + ref + trust(page, mention, claim, by=True)
    made = mention.how == "claimant"
    if claim.is_figure:
        what = f"{figure(page, claim)} {claim_counted(claim)}"
        label = t("made the figure") if made else t("relayed the figure")
        return f"{link(label, target)} {what}{trust(page, mention, claim)}"
    if claim.kind == "denial":
        label = t("made a denial") if made else t("relayed a denial")
    else:
        label = t("made an allegation") if made else t("relayed an allegation")
    return link(label, target) + ref + trust(page, mention, claim)


def _role(page: Page, mention: Mention) -> str:
    """The role a mention's involvement gives, in the edition's language."""
    incident = page.ds.incidents.get(mention.incident)
    found = next((inv for inv in incident.involved if inv.role == mention.role), None) if incident else None
    return page.inline(found, "role", mention.role or "", esc) if found else esc(mention.role or "")


def trust(page: Page, mention: Mention, claim: Claim, by: bool = False) -> str:
    """Where a claim comes from (unless this record made it) and the source it was read in, labelled."""
    parts = []
    made_by = page.ctx.links.origins.get((mention.incident, claim.id))
    if made_by and mention.how != "claimant":
        origin = page.origin(made_by)
        parts.append(t("by {origin}", origin=origin) if by else t("from {origin}", origin=origin))
    key = claim.cite.source
    parts.append(t("read in {source} {kind}", source=page.source_label(key),
                   kind=page.kind_mark(key)).rstrip())
    return " (" + t("; ").join(parts) + ")"


def _year_of(page: Page, incident_id: str) -> str:
    return paging.year(page.ds.incidents[incident_id].date)


def _incident_rows(page: Page, items: Sequence[tuple[str, tuple[Mention, ...]]]) -> list[Sequence[str]]:
    rows = []
    for incident_id, group in items:
        incident = page.ds.incidents[incident_id]
        claims = _claims(page, incident_id)
        parts = dict.fromkeys(p for p in (how(page, m, claims) for m in group) if p)
        rows.append((human_date(incident.date, missing=t("date unknown")), page.record("incident",
                                                                                       incident_id),
                     "<br>".join(parts)))
    return rows


def incidents(page: Page, mentions: tuple[Mention, ...], title: str) -> str:
    """One row per incident (chronological), listing every part played in it; split by year when long."""
    items = [(incident_id, tuple(group))
             for incident_id, group in groupby(mentions, key=lambda m: m.incident)]
    return paging.section_table(page, "incidents", t("{title}: incidents", title=title), items,
                                [lambda item: _year_of(page, item[0])],
                                (t("Date"), t("Incident"), t("Part in it")), _incident_rows)


def _allegation_rows(page: Page, items: Sequence[tuple[Mention, Claim]]) -> list[Sequence[str]]:
    rows = []
    for mention, claim in items:
        text = page.text(claim, "alleges", claim.alleges, inline=True) + page.notes.cite(claim.cite)
        rows.append((text, page.chain(claim.chain),
                     page.record("incident", mention.incident, claim_anchor(claim.id)),
                     human_date(claim.as_of, missing=t("not stated")), page.source_cell(claim.cite.source)))
    return rows


def allegations(page: Page, mentions: tuple[Mention, ...], title: str) -> str:
    """Allegations naming this person or organisation as accused, with who makes them."""
    items = []
    for mention in mentions:
        claim = _claims(page, mention.incident).get(mention.claim or "") if mention.how == "accused" else None
        if claim is not None:
            items.append((mention, claim))
    return paging.section_table(page, "allegations", t("{title}: allegations", title=title), items,
                                [lambda item: _year_of(page, item[0].incident)],
                                (t("Allegation"), t("Made by, then relays"), t("Incident"), t("As of"),
                                 t("Source")),
                                _allegation_rows)
