"""The person page: every name, posts over time, incidents, allegations about them."""

from __future__ import annotations

from ..markup import esc, human_date, name, number, record_path
from ..model import Person
from . import backlinks
from .common import Context, Page, first_sentence, plain, section, table, variants


def path(person_id: str) -> str:
    """The page's source path."""
    return record_path("person", person_id)


def roles(page: Page, person: Person) -> str:
    """Posts held, each cited, in the order the record gives them."""
    rows = []
    for role in person.roles:
        org = page.record("organisation", role.organisation) if role.organisation else ""
        rows.append((esc(role.title) + page.notes.cite(role.cite), org,
                     human_date(role.start, missing="not known"), human_date(role.end, missing="not known")))
    return table(("Post", "Organisation", "From", "To"), rows)


FACT_LABELS = {"died": "Died", "age": "Age", "how": "How", "place": "Where"}


def death(page: Page, person: Person) -> str:
    """What the sources say of a victim's death, each fact with its footnote."""
    victim = person.victim
    if victim is None:
        return ""
    items = []
    for label, fact in victim.facts:
        value = human_date(fact.value) if label == "died" else (
            f"{number(int(fact.value))} years" if label == "age" else esc(fact.value))
        items.append(f"- **{FACT_LABELS[label]}:** {value}{page.notes.cite(fact.cite)}")
    if victim.incident:
        items.append(f"- **Incident:** {page.record('incident', victim.incident)}")
    return "\n".join(items)


def render(ctx: Context, person: Person) -> str | dict[str, str]:
    """The Markdown of one person page."""
    page = Page(ctx, path(person.id))
    mentions = ctx.links.mentions.get(("person", person.id), ())
    other_names = variants(person.variants)
    blocks = [
        f"# {name(person.name)}",
        f"**Also written:** {other_names}" if other_names else "",
        f"**Party to the events:** {party}" if (party := page.party_fact("person", person.id)) else "",
        page.notes.text(person.summary),
        section("Death", death(page, person), anchor="death"),
        section("Posts", roles(page, person), anchor="posts"),
        section("Incidents", backlinks.incidents(page, mentions, person.name), anchor="incidents"),
        section("Allegations about them", backlinks.allegations(page, mentions, person.name),
                anchor="allegations"),
    ]
    summary = f"{person.name}: {first_sentence(plain(person.summary))}"
    return page.with_subpages(page.render(person.name, blocks, boost=2, description=summary, record="person"))
