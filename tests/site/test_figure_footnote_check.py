"""The checker behind the every-figure-has-a-footnote test must catch what it is meant to catch."""

from __future__ import annotations

import pytest
from figurecheck import uncited

REF = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
REF2 = '<sup id="fnref2:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'


def page(body: str) -> str:
    """Body inside the article, as the theme lays it out, with theme chrome around it."""
    return (f'<html><head><title>Page 2 - site</title></head><body><nav>Page 3 of 9</nav>'
            f'<article class="md-content__inner md-typeset">{body}</article>'
            f'<footer>Copyright 2024, 12 contributors</footer></body></html>')


@pytest.mark.parametrize("body", [
    "<p>At least 29 people were killed.</p>",
    f"<p>At least 29 people were killed. Others said 46{REF}.</p>",  # the first sentence has none
    "<table><tr><td>29+</td><td>source" + REF + "</td></tr></table>",  # another cell does not count
    "<ul><li>46 killed</li></ul>",
    "<h2>Over 300 injured</h2>",
    f"<p>Killed: 1,500<br>Injured: 300{REF}</p>".replace("<br>", ". "),
    "<p>In words: twenty. In digits: 20.</p>",
    f"<table><tr><td><span>at least 46</span></td></tr></table><p>Later{REF}.</p>",
    f'<div class="admonition"><p>5 killed</p></div><p>{REF}</p>',
    "<p>2000 killed</p>".replace("2000", "2,000"),  # a separator keeps a figure from passing as a year
])
def test_uncited_numbers_are_found(body):
    assert uncited(page(body)), body


@pytest.mark.parametrize("body", [
    f"<p>At least 29 people were killed{REF}.</p>",
    f"<p>Killed at least 29{REF}. Wounded: dozens.</p>",
    f"<table><tr><td>29–46+{REF}{REF2}</td><td>no number here</td></tr></table>",
    "<p>On 28 November 2019 protesters marched; in October 2019 too; on 2019-11-28 again.</p>",
    "<p>The protests of 2019–2020.</p>",
    f'<div class="footnote"><ol><li><p>Vol. 12, pp. 45–67.{REF}</p></li></ol></div>',
    "<p><cite>Killing of 3 protesters</cite> is the headline.</p>",
    '<p><span class="fs-reference">Doe. “Report.” Vol. 12, no. 3.</span></p>',
    '<p><a href="x"><span class="fs-name">Brigade 30</span></a> is named.</p>',
    "<p>Ranges are written <code>29–46+</code>.</p>",
    '<p>See https://example.org/2019/11/report-123 for the text.</p>',
    '<h1>Title<a class="headerlink" href="#t">¶</a></h1>',
])
def test_cited_numbers_dates_and_exempt_elements_pass(body):
    assert uncited(page(body)) == [], body


def test_text_outside_the_article_is_not_checked():
    assert uncited("<html><body><p>Page 1 of 30</p></body></html>") == []


def test_reports_the_offending_sentence():
    found = uncited(page(f"<p>First 12 killed. Then 13{REF} more.</p>"))
    assert found == ["<p> First 12 killed."]
