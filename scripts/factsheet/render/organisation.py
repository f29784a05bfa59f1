"""The organisation page: names, kind, parent and sub-organisations, people, incidents, sources."""

from __future__ import annotations

from ..i18n import t, vt
from ..markup import esc, human_date, record_path
from ..model import Organisation
from . import backlinks
from .blocks import first_sentence, plain, section, table
from .common import Context, Page
from .languages import name_html, record_name, text_of, variants, words


def path(org_id: str) -> str:
    """The page's source path."""
    return record_path("organisation", org_id)


def facts(page: Page, org: Organisation) -> str:
    """Other names, kind, parent and sub-organisations."""
    subs = page.ctx.links.suborganisations.get(org.id, ())
    items = [
        (t("Also written"), variants(org.variants)),
        (t("Kind"), words(org.kind)),
        (t("Part of"), page.record("organisation", org.parent) if org.parent else ""),
        (t("Sub-organisations"), t(", ").join(page.record("organisation", s) for s in subs)),
        (t("Party to the events"), page.party_fact("organisation", org.id)),
    ]
    return "\n".join(f"- **{label}:** {value}" for label, value in items if value)


def members(page: Page, org: Organisation) -> str:
    """People with a post in it, each post cited."""
    rows = [(page.record("person", person_id), page.inline(role, "title", role.title, esc)
             + page.notes.cite(role.cite), human_date(role.start, missing=t("not known")),
             human_date(role.end, missing=t("not known")))
            for person_id, role in page.ctx.links.members.get(org.id, ())]
    return table((t("Person"), t("Post"), t("From"), t("To")), rows)


def published(page: Page, org: Organisation) -> str:
    """The sources it published, as a list of links."""
    keys = page.ctx.links.published.get(org.id, ())
    return "\n".join(f"- {page.record('source', key)} ({page.source_label(key)})" for key in keys)


def render(ctx: Context, org: Organisation) -> str | dict[str, str]:
    """The Markdown of one organisation page."""
    page = Page(ctx, path(org.id))
    mentions = ctx.links.mentions.get(("organisation", org.id), ())
    shown = record_name(org)
    blocks = [
        f"# {name_html(org)}",
        facts(page, org),
        page.text(org, "summary", org.summary),
        section(t("People with posts in it"), members(page, org), anchor="people"),
        section(t("Incidents"), backlinks.incidents(page, mentions, shown), anchor="incidents"),
        section(t("Allegations about it"), backlinks.allegations(page, mentions, shown),
                anchor="allegations"),
        section(t("Sources it published"), published(page, org), anchor="sources"),
    ]
    summary = t("{name} ({kind}): {summary}", name=shown, kind=vt(org.kind.replace("-", " ")),
                summary=first_sentence(plain(text_of(org, "summary", org.summary)[0] or "")))
    return page.with_subpages(page.render(shown, blocks, boost=2, description=summary,
                                          record="organisation"))
