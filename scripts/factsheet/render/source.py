"""The source page: the formatted reference, kind and stake, links, every claim it carries."""

from __future__ import annotations

from collections.abc import Sequence

from ..cite import plain_field
from ..i18n import language, t, vt
from ..link import Citing, ClaimRef
from ..markup import esc, human_date, isolated_quotations, link, record_path
from ..model import Source
from ..vocab import SOURCE_KINDS, source_kind_label
from . import paging
from .blocks import cite_title, external_link, section, tag
from .common import METHODOLOGY, Context, Page
from .figure_text import claim_counted, figure
from .incident import claim_anchor
from .languages import foreign, in_english, untranslated, words


def _what(what: str) -> str:
    """What kind of statement cites a source."""
    return {"summary": t("summary"), "involvement": t("who was involved"), "role": t("a post held"),
            "note": t("text of a claim"), "victim": t("a fact about a death")}.get(what, what)


def path(key: str) -> str:
    """The page's source path."""
    return record_path("source", key)


def reference(ctx: Context, key: str) -> str:
    """The pybtex-formatted reference, marked as a bibliographic reference."""
    return f'<span class="fs-reference">{ctx.refs.markdown[key]}</span>'


def facts(page: Page, source: Source) -> str:
    """Kind, stake, publisher, date, language, and the original and archived addresses."""
    publisher_id = source.get("publisherid")
    if publisher_id:
        publisher = page.record("organisation", publisher_id)
    else:
        publisher = foreign(plain_field(source, "organization") or plain_field(source, "publisher") or "")
    items = [
        (t("Kind of source"), kind(page, source)),
        (t("A party's source"), party(page, source)),
        (t("Stake"), stake(source)),
        (t("Published by"), publisher),
        (t("Date"), human_date(source.get("date"))),
        (t("Language"), esc(vt((plain_field(source, "langid") or "").capitalize()))),
        (t("Originally published"), human_date(source.get("origdate"), missing="") if source.get("origdate")
         else ""),
        (t("Original"), external_link(t("read the original"), source.get("url"))),
        (t("Archived copy"), external_link(t("read the archived copy"), source.get("archiveurl"))),
        # A bibliographic note describes the document (its address, its dates, whose report it
        # reposts), as the formatted reference does; it is marked as such, like the reference.
        (t("Note"), note(source)),
    ]
    return "\n".join(f"- **{label}:** {value}" for label, value in items if value)


def stake(source: Source) -> str:
    """What a source says of its own stake: its Arabic text on an Arabic page, when there is one."""
    english = esc(plain_field(source, "stake") or "")
    if language() == "en" or not english:
        return english
    arabic = plain_field(source, "stake_ar")
    return isolated_quotations(esc(arabic)) if arabic else untranslated(english)


def note(source: Source) -> str:
    """The bibliographic note, marked as part of the reference (in Arabic when there is a translation)."""
    if not source.get("note"):
        return ""
    english = esc(plain_field(source, "note"))
    arabic = plain_field(source, "note_ar") if language() != "en" else None
    if arabic:
        shown = isolated_quotations(esc(arabic))
    else:
        shown = english if language() == "en" else in_english(english)
    return f'<span class="fs-reference">{shown}</span>'


def kind(page: Page, source: Source) -> str:
    """The kind as a label linked to the methodology, and what the word means."""
    word = source.get("kind") or ""
    meaning = SOURCE_KINDS.get(word)
    if not meaning:
        return words(word)
    label = tag(vt(source_kind_label(word)), page.to(f"{METHODOLOGY}#kind-{word}"), "", "fs-kind")
    return f"{label} ({esc(vt(meaning))})"


def party(page: Page, source: Source) -> str:
    """Why a source counts as a party's, or '' when it does not."""
    if not page.ctx.parties.source(source):
        return ""
    publisher = source.get("publisherid")
    if publisher and page.ctx.parties.organisation(publisher):
        why = t("its publisher, {name}, is a party to the events", name=page.record("organisation",
                                                                                    publisher))
    else:
        why = t("it is the media of a party to the events")
    meaning = link(t("what this means"), page.to(f"{METHODOLOGY}#parties"))
    return t("yes: {why} ({link})", why=why, link=meaning)


def claims(page: Page, key: str, title: str) -> str:
    """Every claim this source makes or relays, linked to its row on the incident page."""
    items = page.ctx.links.source_claims.get(key, ())
    return paging.section_table(page, "claims", t("{title}: claims", title=title), items,
                                [lambda ref: paging.year(page.ds.incidents[ref.incident].date)],
                                (t("Incident"), t("Claim"), t("Claimant, then relays")), _claim_rows)


def _claim_rows(page: Page, items: Sequence[ClaimRef]) -> list[Sequence[str]]:
    rows = []
    for ref in items:
        claim = ref.claim
        if claim.is_figure:
            what = f"{figure(page, claim)} {claim_counted(claim)}"
        elif claim.kind == "denial":
            what = t("Denial: {text}", text=page.text(claim, "denies", claim.denies, inline=True)) \
                + page.notes.cite(claim.cite)
        else:
            what = t("Allegation: {text}", text=page.text(claim, "alleges", claim.alleges, inline=True)) \
                + page.notes.cite(claim.cite)
        rows.append((page.record("incident", ref.incident, claim_anchor(claim.id)), what,
                     page.chain(claim.chain)))
    return rows


def citing(page: Page, key: str, item: Citing) -> str:
    """One other statement citing this source, as a list item."""
    where = page.record(item.kind, item.id)
    ref = page.notes(key, item.locator or "")
    return f"- {where}: {_what(item.what)}{ref}"


def others(page: Page, key: str) -> str:
    """Summaries, notes, roles and involvements citing this source, each listed once."""
    items = page.ctx.links.source_citings.get(key, ())
    return "\n".join(dict.fromkeys(citing(page, key, item) for item in items))


def render(ctx: Context, source: Source) -> str | dict[str, str]:
    """The Markdown of one source page."""
    page = Page(ctx, path(source.key))
    blocks = [
        f"# {cite_title(source.title)}",
        reference(ctx, source.key),
        facts(page, source),
        section(t("Claims it makes or relays"), claims(page, source.key, source.title), anchor="claims"),
        section(t("Other statements citing it"), others(page, source.key), anchor="citations"),
    ]
    word = source.get("kind") or ""
    when_text = human_date(source.get("date"))
    summary = t("{title} ({publisher}, {date}), {kind}: what it says, its stake, and every claim the site "
                "reads in it.", title=source.title, publisher=ctx.refs.publishers.get(source.key, ""),
                date=when_text, kind=vt(source_kind_label(word)) if word in SOURCE_KINDS else t("source"))
    return page.with_subpages(page.render(source.title, blocks, description=summary, record="source"))
