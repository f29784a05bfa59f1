"""The source base, disclosed: how many sources, of which kinds, how many from parties to the events."""

from __future__ import annotations

from ..i18n import nt, t, vt
from ..markup import esc, number
from ..parties import SourceBase, source_base
from ..vocab import SOURCE_KINDS, source_kind_label
from .blocks import table
from .common import METHODOLOGY, Page
from .figure_text import isolated

SOURCES_INDEX = "sources.md"
OWN_COUNT = "site-count"


def counted_note(page: Page) -> str:
    """The footnote that marks a count as the site's own count of its records."""
    return page.note(OWN_COUNT, t(
        "Counted by this site from its own records when the pages were built: the bibliography of "
        "sources ([every source]({sources})) and the organisation records that mark the "
        "parties to the events ([how the site counts]({counting})).", sources=page.to(SOURCES_INDEX),
        counting=f"{page.to(METHODOLOGY)}#own-counts"))


def _count(n: int) -> str:
    return isolated(number(n))


def base(page: Page) -> SourceBase:
    """The dataset's source base (counted once per page that shows it)."""
    return source_base(page.ds, page.ctx.parties)


def summary(page: Page) -> str:
    """The source base in three sentences, each count marked as the site's own."""
    found = base(page)
    if not found.keys:
        return t("The site holds no sources yet.")
    ref = counted_note(page)
    unknown = t("of no recorded kind")
    kinds = t(", ").join(t("{n} {kind}", n=_count(len(keys)), kind=esc(vt(source_kind_label(kind)) if kind
                                                                       else unknown))
                         for kind, keys in found.by_kind)
    total, party, carrying = len(found.keys), len(found.published_by_party), len(found.carrying_party)
    parties = f"{page.to(METHODOLOGY)}#parties"
    return " ".join([
        nt("The figures on this site are read in {n} source: {kinds}{ref}.",
           "The figures on this site are read in {n} sources: {kinds}{ref}.", total, n=_count(total),
           kinds=kinds, ref=ref),
        nt("Of these, {n} is published by a [party to the events]({target}){ref},",
           "Of these, {n} are published by a [party to the events]({target}){ref},", party, n=_count(party),
           target=parties, ref=ref),
        nt("and {n} carries at least one figure or allegation whose claimant or a relay is a party{ref}.",
           "and {n} carry at least one figure or allegation whose claimant or a relay is a party{ref}.",
           carrying, n=_count(carrying), ref=ref),
        t("Beside every figure, the site gives the kind of its source and marks a party, in the chain or as "
          "the publisher."),
    ])


def kinds(page: Page) -> str:
    """Every kind of source, what it means, and how many of the site's sources are of it."""
    found = {kind: len(keys) for kind, keys in base(page).by_kind}
    ref = counted_note(page) if found else ""
    rows = [(f'<span id="kind-{kind}"></span>' + esc(vt(source_kind_label(kind))), esc(vt(meaning)),
             f"{_count(found.get(kind, 0))}{ref}") for kind, meaning in SOURCE_KINDS.items()]
    return table((t("Kind of source"), t("What it means"), t("Sources on this site")), rows)


def parties(page: Page) -> str:
    """The rule for parties to the events, and the organisations it marks."""
    orgs = page.ds.organisations
    marked = sorted(page.ctx.parties.organisations, key=lambda o: (orgs[o].name.lower(), o))
    listed = t(", ").join(page.record("organisation", o) for o in marked) or t("none so far")
    return "\n\n".join([
        t("Some claimants and publishers are themselves parties to the events: the Iraqi government whose "
        "forces are accused and its bodies, the armed groups accused of the killings, the government of "
        "Iran and its forces, and the opposition groups campaigning against that government. The site "
        "labels them *party to the events* wherever they make or relay a figure or an allegation, and a "
        "source they publish *published by a party*; the label links here. The rule is the same on every "
        "page and in the downloads:"),
        "\n".join([
            t("- an organisation is a party when its record says so, or when it is part of an organisation "
              "that is (a ministry of a government that is a party);"),
            t("- a person speaking for an organisation (a spokesman) is a party when that organisation is; a "
              "person named on their own is a party when they hold or held a post in one;"),
            t("- bodies speaking jointly are each judged on their own;"),
            t("- a source is a party's when it is party media or its publisher is a party."),
        ]),
        t("Being a party does not make a figure wrong, nor does being independent make it right; it tells "
          "the reader who has a stake in the number. What each source says of its own stake is on its page."),
        t("Organisations marked as parties, with those part of them: {names}.", names=listed),
    ])
