"""The source base, disclosed: how many sources, of which kinds, how many from parties to the events."""

from __future__ import annotations

from ..markup import esc, number
from ..parties import SourceBase, source_base
from ..vocab import SOURCE_KINDS, source_kind_label
from .common import METHODOLOGY, Page, table

SOURCES_INDEX = "sources.md"
OWN_COUNT = "site-count"


def counted_note(page: Page) -> str:
    """The footnote that marks a count as the site's own count of its records."""
    return page.note(OWN_COUNT, (
        "Counted by this site from its own records when the pages were built: the bibliography of "
        f"sources ([every source]({page.to(SOURCES_INDEX)})) and the organisation records that mark the "
        f"parties to the events ([how the site counts]({page.to(METHODOLOGY)}#own-counts))."))


def _sources(n: int) -> str:
    return f"{number(n)} source" + ("" if n == 1 else "s")


def base(page: Page) -> SourceBase:
    """The dataset's source base (counted once per page that shows it)."""
    return source_base(page.ds, page.ctx.parties)


def summary(page: Page) -> str:
    """The source base in three sentences, each count marked as the site's own."""
    found = base(page)
    if not found.keys:
        return "The site holds no sources yet."
    ref = counted_note(page)
    kinds = ", ".join(f"{number(len(keys))} {esc(source_kind_label(kind) if kind else 'of no recorded kind')}"
                      for kind, keys in found.by_kind)
    party, carrying = len(found.published_by_party), len(found.carrying_party)
    return (f"The figures on this site are read in {_sources(len(found.keys))}: {kinds}{ref}. "
            f"Of these, {number(party)} {'is' if party == 1 else 'are'} published by a "
            f"[party to the events]({page.to(METHODOLOGY)}#parties){ref}, and {number(carrying)} "
            f"{'carries' if carrying == 1 else 'carry'} at least one figure or allegation whose claimant or "
            f"a relay is a party{ref}. Beside every figure, the site gives the kind of its source and marks "
            "a party, in the chain or as the publisher.")


def kinds(page: Page) -> str:
    """Every kind of source, what it means, and how many of the site's sources are of it."""
    found = {kind: len(keys) for kind, keys in base(page).by_kind}
    ref = counted_note(page) if found else ""
    rows = [(f'<span id="kind-{kind}"></span>' + esc(source_kind_label(kind)), esc(meaning),
             f"{number(found.get(kind, 0))}{ref}") for kind, meaning in SOURCE_KINDS.items()]
    return table(("Kind of source", "What it means", "Sources on this site"), rows)


def parties(page: Page) -> str:
    """The rule for parties to the events, and the organisations it marks."""
    orgs = page.ds.organisations
    marked = sorted(page.ctx.parties.organisations, key=lambda o: (orgs[o].name.lower(), o))
    listed = ", ".join(page.record("organisation", o) for o in marked) or "none so far"
    return "\n\n".join([
        "Some claimants and publishers are themselves parties to the events: the Iraqi government whose "
        "forces are accused and its bodies, the armed groups accused of the killings, the government of "
        "Iran and its forces, and the opposition groups campaigning against that government. The site "
        "labels them *party to the events* wherever they make or relay a figure or an allegation, and a "
        "source they publish *published by a party*; the label links here. The rule is the same on every "
        "page and in the downloads:",
        "\n".join([
            "- an organisation is a party when its record says so, or when it is part of an organisation "
            "that is (a ministry of a government that is a party);",
            "- a person speaking for an organisation (a spokesman) is a party when that organisation is; a "
            "person named on their own is a party when they hold or held a post in one;",
            "- bodies speaking jointly are each judged on their own;",
            "- a source is a party's when it is party media or its publisher is a party.",
        ]),
        "Being a party does not make a figure wrong, nor does being independent make it right; it tells "
        "the reader who has a stake in the number. What each source says of its own stake is on its page.",
        f"Organisations marked as parties, with those part of them: {listed}.",
    ])
