"""Text from the data shows as text: no HTML, no attributes, no links but http(s), on any page."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from factsheet import markup
from factsheet.model import (
    Cite,
    Claim,
    Dataset,
    Incident,
    Involvement,
    Link,
    Organisation,
    Person,
    Place,
    Role,
    Source,
    Variant,
    Where,
)
from factsheet.pipeline import render_site

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)> {onclick=alert(3)} [^1] *x* | `y`'
HERE = Where("evil.yml", 1)
EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "toc"]


def evil_dataset() -> Dataset:
    """Every text field a page shows, holding markup that must not take effect."""
    ds = Dataset(Path("."))
    cite = Cite("src", EVIL, HERE)
    chain = (Link(unnamed=EVIL, described_as=EVIL), Link(organisation="org", described_as=EVIL))
    claims = (
        Claim("fig", chain, cite, HERE, counts="killed", figure=EVIL, min=5, max=None, who="protesters",
              note=EVIL + " [x](javascript:alert(4)) ![i](https://evil.example/i.png)\n\n[r]: javascript:z"),
        Claim("alg", chain, cite, HERE, alleges=EVIL, accused=(Link(person="per"),)),
    )
    place = Place(city=EVIL, variants=(Variant(EVIL, "ar"),), governorates=("baghdad",), area=EVIL)
    ds.incidents["inc"] = Incident("inc", EVIL, "2019-11-28", place, EVIL + "\n\n{: onclick=alert(5)}", HERE,
                                   involved=(Involvement(EVIL, cite, person="per"),), claims=claims)
    ds.people["per"] = Person("per", EVIL, EVIL, HERE, (Variant(EVIL, "ar"), Variant(EVIL)),
                              (Role(EVIL, cite, "org", "2019", "2020"),))
    ds.organisations["org"] = Organisation("org", EVIL, "militia", EVIL, HERE, (Variant(EVIL, None, True),))
    fields = (("title", EVIL), ("organization", EVIL), ("kind", EVIL), ("stake", EVIL),
              ("url", "javascript:alert(6)"), ("archiveurl", "https://ok.example/a\"onmouseover=x"),
              ("publisherid", "org"), ("langid", EVIL))
    ds.sources["src"] = Source("src", "online", EVIL, HERE, fields)
    return ds


class Elements(HTMLParser):
    """Every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def to_html(page: str) -> str:
    body, _ = get_data(page)
    return markdown.markdown(body, extensions=EXTENSIONS)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    site = render_site(evil_dataset())
    return {path: out.content for path, out in site.items() if path.endswith(".md")}


def test_every_page_renders(pages):
    for path in ("incident/inc.md", "person/per.md", "organisation/org.md", "source/src.md",
                 "incidents.md", "claims.md", "people.md", "organisations.md", "sources.md"):
        assert path in pages


@pytest.mark.parametrize("path", ["incident/inc.md", "person/per.md", "organisation/org.md",
                                  "source/src.md", "incidents.md", "claims.md", "people.md",
                                  "organisations.md", "sources.md", "governorates.md"])
def test_no_markup_from_the_data_takes_effect(pages, path):
    html = to_html(pages[path])
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "img", "iframe", "style"}, (tag, attrs)
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src"):
            value = attrs.get(name) or ""
            assert not value.lower().startswith(("javascript", "data:")), (tag, attrs)
            assert '"' not in value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text


def test_footnote_syntax_in_data_does_not_make_footnotes(pages):
    html = to_html(pages["incident/inc.md"])
    assert "[^1]" in unescape(html)  # the data's own "[^1]" is shown, not used


def test_front_matter_title_is_escaped_yaml(pages):
    _, meta = get_data(pages["incident/inc.md"])
    assert meta["title"].startswith("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img")
    assert "<" not in meta["title"]
    assert meta["hide"] == ["navigation"]
    # The description comes from the data too: plain text, escaped for the attribute it fills.
    for path in ("incident/inc.md", "person/per.md", "organisation/org.md", "source/src.md"):
        _, found = get_data(pages[path])
        assert found["description"] and "<" not in found["description"], (path, found["description"])
        assert '"' not in found["description"], found["description"]
        assert found["factsheet"]["record"] == path.split("/")[0]


def test_arabic_variants_are_marked(pages):
    html = to_html(pages["person/per.md"])
    assert '<span dir="rtl" lang="ar">' in html or '<span lang="ar" dir="rtl">' in html


@pytest.mark.parametrize(("text", "wanted"), [
    ("a*b_c", "a&#42;b&#95;c"),
    ("x | y", "x &#124; y"),
    ("<b>", "&lt;b&gt;"),
    ("AT&T", "AT&amp;T"),
    ("AT&amp;T", "AT&amp;amp;T"),  # shows as typed, not as an entity
    ("{: #id}", "&#123;: &#35;id&#125;"),
    ('{: onclick="alert(1)" }', "&#123;: onclick&#61;&quot;alert(1)&quot; &#125;"),
    ("it's", "it&#x27;s"),
    ("1. first", "1&#46; first"),
    ("2) second", "2&#41; second"),
    ("- item", "&#45; item"),
    ("+ item", "&#43; item"),
    ("!!! note", "&#33;&#33;&#33; note"),
    ("[^1]: defined", "&#91;&#94;1&#93;: defined"),
    ("///Footnotes Go Here///", "&#47;//Footnotes Go Here&#47;//"),
    ("PMOI/MEK: a name", "PMOI/MEK: a name"),
    ("two\nlines", "two lines"),
    ("a\x02wzxhzdk:1\x03b", "a\ufffdwzxhzdk:1\ufffdb"),  # Markdown's own placeholders cannot be forged
])
def test_esc(text, wanted):
    assert markup.esc(text) == wanted


@pytest.mark.parametrize("text", ['{: onclick="alert(1)" }', "*x* _y_ `z` [a](b) ![c](d) <b>e</b> | f |",
                                  "# title #", "[^1] [^1]: g", "&amp; &lt;h&gt;", "1. i", "- j", "!!! k"])
def test_esc_shows_the_text_exactly_as_written(text):
    """Through Python-Markdown with the site's extensions, escaped text comes back as the same text."""
    html = markdown.markdown(f"| a |\n| --- |\n| {markup.esc(text)} |", extensions=EXTENSIONS)
    parser = Elements()
    parser.feed(html)
    assert [tag for tag, _ in parser.tags] == ["table", "thead", "tr", "th", "tbody", "tr", "td"]
    assert [attrs for _, attrs in parser.tags] == [{}] * 7
    cell = html.split("<td>")[1].split("</td>")[0]
    assert unescape(cell) == text


@pytest.mark.parametrize(("url", "wanted"), [
    ("https://example.org/a_(b)", "https://example.org/a_%28b%29"),
    ("http://x.org/?a=1&b=2", "http://x.org/?a=1&b=2"),
    ('https://x.org/"onmouseover', "https://x.org/%22onmouseover"),
    ("javascript:alert(1)", None),
    ("ftp://x.org", None),
    ("https://x.org/ space", None),
    (None, None),
])
def test_safe_url(url, wanted):
    assert markup.safe_url(url) == wanted


@pytest.mark.parametrize(("page", "target", "wanted"), [
    ("incident/a.md", "source/b.md", "../source/b.md"),
    ("incident/a.md", "incident/c.md#claim-x", "c.md#claim-x"),
    ("incidents.md", "incident/a.md", "incident/a.md"),
    ("incident/a.md", "incident/a.md#claims", "#claims"),
    ("claims.md", "methodology.md#grades", "methodology.md#grades"),
])
def test_rel(page, target, wanted):
    assert markup.rel(page, target) == wanted


@pytest.mark.parametrize(("value", "wanted"), [
    ("2019-11-28", "28 November 2019"), ("2019-11", "November 2019"), ("2019", "2019"),
    ("unknown", "undated"), (None, "undated"),
])
def test_human_date(value, wanted):
    assert markup.human_date(value) == wanted


def test_numbers_have_separators_so_they_never_look_like_years():
    assert markup.number(2019) == "2,019"
    assert markup.number(46) == "46"


def test_names_with_digits_are_marked():
    assert markup.name("Brigade 30") == '<span class="fs-name">Brigade 30</span>'
    assert markup.name("Hashd") == "Hashd"
