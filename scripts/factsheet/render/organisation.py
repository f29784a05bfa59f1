"""The organisation page: names, kind, parent and sub-organisations, people, incidents, sources."""

from __future__ import annotations

from ..markup import esc, human_date, name, record_path
from ..model import Organisation
from . import backlinks
from .common import Context, Page, first_sentence, plain, section, table, variants, words


def path(org_id: str) -> str:
    """The page's source path."""
    return record_path("organisation", org_id)


def facts(page: Page, org: Organisation) -> str:
    """Other names, kind, parent and sub-organisations."""
    subs = page.ctx.links.suborganisations.get(org.id, ())
    items = [
        ("Also written", variants(org.variants)),
        ("Kind", words(org.kind)),
        ("Part of", page.record("organisation", org.parent) if org.parent else ""),
        ("Sub-organisations", ", ".join(page.record("organisation", s) for s in subs)),
        ("Party to the events", page.party_fact("organisation", org.id)),
    ]
    return "\n".join(f"- **{label}:** {value}" for label, value in items if value)


def members(page: Page, org: Organisation) -> str:
    """People with a post in it, each post cited."""
    rows = [(page.record("person", person_id), esc(role.title) + page.notes.cite(role.cite),
             human_date(role.start, missing="not known"), human_date(role.end, missing="not known"))
            for person_id, role in page.ctx.links.members.get(org.id, ())]
    return table(("Person", "Post", "From", "To"), rows)


def published(page: Page, org: Organisation) -> str:
    """The sources it published, as a list of links."""
    keys = page.ctx.links.published.get(org.id, ())
    return "\n".join(f"- {page.record('source', key)} ({page.source_label(key)})" for key in keys)


def render(ctx: Context, org: Organisation) -> str | dict[str, str]:
    """The Markdown of one organisation page."""
    page = Page(ctx, path(org.id))
    mentions = ctx.links.mentions.get(("organisation", org.id), ())
    blocks = [
        f"# {name(org.name)}",
        facts(page, org),
        page.notes.text(org.summary),
        section("People with posts in it", members(page, org), anchor="people"),
        section("Incidents", backlinks.incidents(page, mentions, org.name), anchor="incidents"),
        section("Allegations about it", backlinks.allegations(page, mentions, org.name),
                anchor="allegations"),
        section("Sources it published", published(page, org), anchor="sources"),
    ]
    summary = f"{org.name} ({org.kind.replace('-', ' ')}): {first_sentence(plain(org.summary))}"
    return page.with_subpages(page.render(org.name, blocks, boost=2, description=summary,
                                          record="organisation"))
