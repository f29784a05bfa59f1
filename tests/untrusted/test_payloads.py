"""No markup from the data: hostile text in every text field of every record kind (and of the
bibliography) is refused with a path:line: code: error or shows as text, and the built site has no
element or attribute the renderer did not write.

Each payload goes into every text field at once, before and after the field's own distinctive word
(syntax that counts at the start of a line, and attribute lists, which count at the end). A field
that refuses it (the free-text checks refuse HTML in titles and summaries) is put back and counted.
The built site is then compared with the same data without the payloads: page by page, the same
elements with the same attributes, and no attribute value made from a payload.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from datawalk import (
    BIB_FORMS,
    BibEntry,
    Placement,
    Values,
    bib_lines,
    bib_walk,
    get,
    line_of,
    problems,
    put,
    walk,
    with_bib,
    write,
)
from sitebuild import build, elements, pages, shape

from factsheet import problems as problem_codes

# Markdown and its extensions: attribute lists, raw HTML, footnotes, admonitions, snippets, the
# table of contents and footnote markers, abbreviations, links to scripts. No digits: a number in
# free text needs a citation, and the payloads should reach as many fields as they can.
EXTENSION_PAYLOADS = [
    '{: onclick="alert(document.domain)" }',
    '{: tabindex autofocus onfocus="alert(document.domain)" style="color:red" }',
    "{#forged-id .forged-class data-forged=yes}",
    '\\{: onclick="alert(document.domain)" }',
    "\n\n{: #forged-id .forged-class }\n\nafter",
    '<img src=x onerror="alert(document.domain)">',
    "<script>alert(document.domain)</script>",
    '</title><script>alert(document.domain)</script>',
    '"><svg onload=alert(document.domain)>',
    '<div markdown="one"><b>forged</b></div>',
    "<!-- forged comment -->",
    "&lt;b&gt;entity&lt;/b&gt; &#xab;i&#xbb; &amp;",
    "[^forged]",
    "\n\n[^forged]: a forged footnote\n\n",
    "\n\n!!! note \"forged\"\n    an admonition\n\n",
    '\n\n--8<-- "/etc/passwd"\n\n',
    "\n\n[TOC]\n\n",
    "\n\n///Footnotes Go Here///\n\n",
    "\n\n*[HTML]: forged abbreviation\n\n",
    "[forged](javascript:alert(document.domain))",
    "[forged][def]\n\n[def]: javascript:alert(document.domain)",
    "javascript:alert(document.domain)",
]
# Markdown that prose (summaries, notes, allegations) may use, and no other field.
MARKDOWN_PAYLOADS = [
    "*forged emphasis* __forged strong__ `forged code`",
    "![forged](https://example.org/forged.png)",
    "[forged](https://example.org/forged)",
    "| forged | cell |",
    "# forged heading #",
    "- forged item",
    "> forged quotation",
    "~~forged~~ ^^forged^^ ==forged== ++forged++",
]
# Fields whose text is Markdown by design (CONTRIBUTING.md: summary, note, alleges, denies and
# as_of_note are Markdown, in English and in Arabic),
# besides those the schemas give the shared Markdown definition.
MARKDOWN_FIELDS = {"claims.[].alleges", "claims.[].denies", "claims.[].ar.alleges", "claims.[].ar.denies"}
# Attributes whose value is made from a page's text, so a payload may show there as text.
TEXT_ATTRIBUTES = {"title", "aria-label", "content", "alt", "data-md-component", "value"}
# Page elements that Markdown makes from line breaks in prose (a payload's blank lines), not markup.
IGNORED = frozenset({"p"})


def prose(placement: Placement) -> bool:
    return placement.leaf.via_text or placement.leaf.name in MARKDOWN_FIELDS


def payloads_for(placement: Placement) -> list[str]:
    return EXTENSION_PAYLOADS if prose(placement) else EXTENSION_PAYLOADS + MARKDOWN_PAYLOADS


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory):
    """The fixture with a distinctive word in every field, built into a site: what payloads are compared
    with."""
    values = Values()
    done = walk(values)
    entries = [entry for entry, _ in bib_walk(values) if entry.walked not in BIB_FORMS]
    text_fields = [p for p in done.placements if p.leaf.free_text]
    root = tmp_path_factory.mktemp("baseline")
    site = build(write(with_bib(done.state, entries), root / "data"), root / "site")
    return done, text_fields, entries, pages(site)


def test_every_text_field_is_tried(walked) -> None:
    done, text_fields, entries, _ = walked
    names = {p.leaf.name for p in text_fields}
    assert {"title", "summary", "place.city", "claims.[].figure", "claims.[].chain.[].unnamed",
            "claims.[].cite.locator", "claims.[].alleges", "claims.[].note"} <= names
    assert {e.walked for e in entries} >= {"title", "organization", "stake", "note", "author"}
    assert len(text_fields) >= 40 and len(entries) >= 12


def _with_payload(state: dict, text_fields: list[Placement], entries: list[BibEntry], payload: str,
                  kept: set[int], kept_bib: set[str]) -> tuple[dict, list[BibEntry]]:
    state = copy.deepcopy(state)
    for index, placement in enumerate(text_fields):
        if index not in kept and payload in payloads_for(placement):
            put(state, placement, f"{payload} {get(state, placement)} {payload}")
    bib_entries = []
    for entry in entries:
        fields = dict(entry.fields)
        if entry.key not in kept_bib:
            fields[entry.walked] = f"{payload} {fields[entry.walked]} {payload}"
        bib_entries.append(BibEntry(entry.key, entry.entry_type, fields, entry.walked))
    return state, bib_entries


PROBLEM_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>[a-z]+(-[a-z0-9]+)*): .+$")


def _refusals(state: dict, text_fields: list[Placement], entries: list[BibEntry],
              payload: str) -> tuple[set[int], set[str], list[str]]:
    """Put back each field the validator refuses the payload in, until the data validates: the fields
    put back, and every problem seen (each must be one path:line: code: line naming a field tried)."""
    kept: set[int] = set()
    kept_bib: set[str] = set()
    seen: list[str] = []
    for _ in range(6):
        trial, bib_entries = _with_payload(state, text_fields, entries, payload, kept, kept_bib)
        errors = problems(with_bib(trial, bib_entries))
        if not errors:
            return kept, kept_bib, seen
        lines = {(p.file, line_of(trial, p)): i for i, p in enumerate(text_fields)
                 if i not in kept and payload in payloads_for(p)}
        bib_at = bib_lines(state["sources.bib"], bib_entries)
        for problem in errors:
            text = str(problem)
            assert PROBLEM_LINE.match(text) and "\n" not in text, text
            assert problem.code in problem_codes.CODES
            seen.append(text)
            rel = next((f for f, _ in lines if problem.where.path.endswith("/" + f)), None)
            if rel is not None and (rel, problem.where.line) in lines:
                kept.add(lines[rel, problem.where.line])
            elif problem.where.path.endswith("sources.bib"):
                entry = next((e for e in bib_entries if bib_at[e.key, "title"] - 1 <= problem.where.line
                              <= bib_at[e.key, ""]), None)
                assert entry is not None, f"a problem outside the fields tried: {text}"
                kept_bib.add(entry.key)
            else:
                raise AssertionError(f"a problem outside the fields tried: {text}")
    raise AssertionError(f"the payload {payload!r} is still refused after putting fields back: {seen[-5:]}")


ALL_PAYLOADS = EXTENSION_PAYLOADS + MARKDOWN_PAYLOADS


@pytest.mark.parametrize("payload", ALL_PAYLOADS, ids=[f"payload-{i}" for i in range(len(ALL_PAYLOADS))])
def test_payload_is_refused_or_inert(walked, payload: str, tmp_path: Path) -> None:
    done, text_fields, entries, baseline = walked
    kept, kept_bib, _ = _refusals(done.state, text_fields, entries, payload)
    tried = [p for i, p in enumerate(text_fields) if payload in payloads_for(p)]
    accepted = len(tried) - len(kept) + len(entries) - len(kept_bib)
    assert accepted > 0, "every field refused the payload: nothing was tested"
    trial, bib_entries = _with_payload(done.state, text_fields, entries, payload, kept, kept_bib)
    site = pages(build(write(with_bib(trial, bib_entries), tmp_path / "data"), tmp_path / "site"))
    assert sorted(site) == sorted(baseline)
    changed = [path for path in site if shape(site[path], IGNORED) != shape(baseline[path], IGNORED)]
    assert changed == [], _first_difference(site, baseline, changed)
    forged = [f"{path}: <{tag} {name}={value!r}>" for path, html in site.items()
              for tag, attrs in elements(html) for name, value in attrs.items() if _forged(name, value)]
    assert forged == []
    assert _search_markup(tmp_path / "site") == []


SEARCH_TAGS = re.compile(r"<\s*/?\s*(script|img|svg|iframe|object|embed|style|div|b|i|a|title)\b", re.I)


def _search_markup(site: Path) -> list[str]:
    """Elements in the search index's titles and texts, which the theme's search shows as HTML."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return [f"{doc['location']}: {match[0]}" for doc in index["docs"]
            for match in SEARCH_TAGS.finditer(f"{doc.get('title', '')} {doc.get('text', '')}")]


def _forged(name: str, value: str) -> bool:
    """An attribute value made from a payload: script addresses, forged ids, classes, links, handlers.

    Heading ids (and the links to them) are made from the heading's words, payload included, so they
    hold the field's distinctive word too; an id from an attribute list would be the bare word."""
    lowered = value.lower()
    if name.startswith("on") or name.startswith("data-forged"):
        return True
    if name in ("href", "src", "action", "formaction", "xlink:href") and lowered.lstrip().startswith(
            ("javascript", "data:", "vbscript")):
        return True
    if name in TEXT_ATTRIBUTES:
        return False
    return "forged" in lowered and "walk" not in lowered


def _first_difference(site: dict[str, str], baseline: dict[str, str], changed: list[str]) -> str:
    if not changed:
        return ""
    path = changed[0]
    now, before = shape(site[path], IGNORED), shape(baseline[path], IGNORED)
    return json.dumps({"page": path, "added": [list(k) for k in (now - before)],
                       "gone": [list(k) for k in (before - now)]}, indent=1)
