"""Split long index tables over several pages, so no index page grows without bound."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..i18n import language, t
from ..markup import esc, human_date, link
from .blocks import table
from .common import PAGE_ROWS, Context, Page

T = TypeVar("T")
Key = Callable[[T], str]


@dataclass(frozen=True)
class Part:
    """One page of a split table: a label, its path and its items."""

    label: str
    path: str
    items: tuple


def year(date: str) -> str:
    """The year of a data date, or 'undated'."""
    return date[:4] if date[:1].isdigit() else "undated"


def month(date: str) -> str:
    """The month of a data date (2019-11), or the year when no month is known."""
    return date[:7] if len(date) >= 7 and date[:1].isdigit() else year(date)


def initial(label: str) -> str:
    """The first letter of a name, lower case; anything else is 'other'."""
    first = label[:1].lower()
    return first if "a" <= first <= "z" else "other"


def letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: labels for pieces of one group."""
    label = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


def split(items: Sequence[T], keys: Sequence[Key], base: str, prefix: str = "") -> list[Part]:
    """Group items by the first key, split groups still too long by the next keys, then in pieces."""
    if len(items) <= PAGE_ROWS and prefix:
        return [Part(prefix, f"{base}/{prefix}.md", tuple(items))]
    if not keys:
        pieces = [items[i:i + PAGE_ROWS] for i in range(0, len(items), PAGE_ROWS)]
        # Letters, not numbers: a bare number on a page would read as an uncited figure.
        return [Part(f"{prefix} ({letters(n)})", f"{base}/{prefix}-{letters(n)}.md", tuple(piece))
                for n, piece in enumerate(pieces)]
    groups: dict[str, list[T]] = {}
    for item in items:  # items arrive sorted, and dicts keep that order
        groups.setdefault(keys[0](item), []).append(item)
    return [part for label, group in groups.items() for part in split(group, keys[1:], base, label)]


def paged(ctx: Context, base: str, title: str, intro: Callable[[Page], list[str]], items: Sequence[T],
          keys: Sequence[Key], headers: Sequence[str],
          rows: Callable[[Page, Sequence[T]], list[Sequence[str]]]) -> dict[str, str]:
    """One page with the whole table, or, when it is long, a page of parts and a page per part."""
    page = Page(ctx, base)
    if len(items) <= PAGE_ROWS:
        body = table(headers, rows(page, items)) or t("Nothing yet.")
        return {base: page.render(title, [f"# {esc(title)}", *intro(page), body])}
    parts = split(items, keys, base.removesuffix(".md"))
    listing = "\n".join(f"- {link(esc(label(p.label)), page.to(p.path))}" for p in parts)
    note = t("The table is long, so it is split into these parts:")
    out = {base: page.render(title, [f"# {esc(title)}", *intro(page), note, listing])}
    for part in parts:
        sub = Page(ctx, part.path)
        back = t("Part of [{title}]({target}).", title=esc(title), target=sub.to(base))
        shown = label(part.label)
        out[part.path] = sub.render(t("{title}: {part}", title=title, part=shown),
                                    [f"# {esc(title)}: {esc(shown)}", back, table(headers, rows(sub,
                                                                                                part.items))],
                                    description=t("{title}: {part}, one part of a long table.", title=title,
                                                  part=shown))
    return out


def section_table(page: Page, slug: str, title: str, items: Sequence[T], keys: Sequence[Key],
                  headers: Sequence[str], rows: Callable[[Page, Sequence[T]], list[Sequence[str]]]) -> str:
    """A record page's table, or, when long, links to pages of parts (kept in page.subpages)."""
    if len(items) <= PAGE_ROWS:
        return table(headers, rows(page, items))
    parts = split(items, keys, f"{page.path.removesuffix('.md')}/{slug}")
    for part in parts:
        sub = Page(page.ctx, part.path)
        back = t("Part of [{title}]({target}).", title=esc(title), target=sub.to(page.path))
        shown = label(part.label)
        page.subpages[part.path] = sub.render(t("{title}: {part}", title=title, part=shown), [
            f"# {esc(title)}: {esc(shown)}", back, table(headers, rows(sub, part.items))],
            description=t("{title}: {part}, one part of a long list.", title=title, part=shown))
    links = "\n".join(f"- {link(esc(label(p.label)), page.to(p.path))}" for p in parts)
    return t("The list is long, so it is split into these parts:") + "\n\n" + links


def label(key: str) -> str:
    """A part's label as shown (its key names its path): in another language, a month in words."""
    if language() == "en":
        return key
    head, _, piece = key.partition(" ")
    if len(head) == 7 and head[4] == "-" and head[:4].isdigit():
        head = human_date(head)
    elif head in ("undated", "other"):
        head = t("undated") if head == "undated" else t("other")
    return " ".join(p for p in (head, piece) if p)
