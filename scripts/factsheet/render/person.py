"""The person page: every name, posts over time, incidents, allegations about them."""

from __future__ import annotations

from ..i18n import nt, t
from ..markup import esc, human_date, number, record_path
from ..model import Person
from . import backlinks
from .blocks import first_sentence, plain, section, table
from .common import Context, Page
from .figure_text import isolated
from .languages import name_html, record_name, text_of, variants


def path(person_id: str) -> str:
    """The page's source path."""
    return record_path("person", person_id)


def roles(page: Page, person: Person) -> str:
    """Posts held, each cited, in the order the record gives them."""
    rows = []
    for role in person.roles:
        org = page.record("organisation", role.organisation) if role.organisation else ""
        rows.append((page.inline(role, "title", role.title, esc) + page.notes.cite(role.cite), org,
                     human_date(role.start, missing=t("not known")), human_date(role.end,
                                                                                missing=t("not known"))))
    return table((t("Post"), t("Organisation"), t("From"), t("To")), rows)


def fact_label(label: str) -> str:
    """The label of a fact about a victim's death."""
    return {"died": t("Died"), "age": t("Age"), "how": t("How"), "place": t("Where")}[label]


def death(page: Page, person: Person) -> str:
    """What the sources say of a victim's death, each fact with its footnote."""
    victim = person.victim
    if victim is None:
        return ""
    items = []
    for label, fact in victim.facts:
        age = int(fact.value) if label == "age" else 0
        value = human_date(fact.value) if label == "died" else (
            nt("{n} years", "{n} years", age, n=isolated(number(age))) if label == "age"
            else page.inline(fact, "text", fact.value, esc))
        items.append(f"- **{fact_label(label)}:** {value}{page.notes.cite(fact.cite)}")
    if victim.incident:
        items.append(t("- **Incident:** {incident}", incident=page.record("incident", victim.incident)))
    return "\n".join(items)


def render(ctx: Context, person: Person) -> str | dict[str, str]:
    """The Markdown of one person page."""
    page = Page(ctx, path(person.id))
    mentions = ctx.links.mentions.get(("person", person.id), ())
    other_names = variants(person.variants)
    shown = record_name(person)
    blocks = [
        f"# {name_html(person)}",
        t("**Also written:** {names}", names=other_names) if other_names else "",
        t("**Party to the events:** {why}", why=party) if (party := page.party_fact("person",
                                                                                    person.id)) else "",
        page.text(person, "summary", person.summary),
        section(t("Death"), death(page, person), anchor="death"),
        section(t("Posts"), roles(page, person), anchor="posts"),
        section(t("Incidents"), backlinks.incidents(page, mentions, shown), anchor="incidents"),
        section(t("Allegations about them"), backlinks.allegations(page, mentions, shown),
                anchor="allegations"),
    ]
    summary = t("{name}: {summary}", name=shown,
                summary=first_sentence(plain(text_of(person, "summary", person.summary)[0] or "")))
    return page.with_subpages(page.render(shown, blocks, boost=2, description=summary, record="person"))
