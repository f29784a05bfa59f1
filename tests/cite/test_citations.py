"""The cite stage: references formatted by pybtex, and the footnotes of one page."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import markdown
import pytest

from factsheet.cite import Notes, format_sources, plain_field
from factsheet.load import read_sources

BIB = r"""
@online{web,
  title = {Iran-backed militias launch massacres in {Iraqi} cities},
  organization = {PMOI/MEK},
  date = {2019-11-29},
  url = {https://example.org/a_(b)?x=1&y=2},
  urldate = {2020-01-05},
  archiveurl = {https://web.archive.org/web/2020/https://example.org/a},
  kind = {advocacy}, stake = {A party to events.},
}
@online{undated,
  title = {IMF & UN report: AT\&T <script>alert(1)</script> *bold* [x](javascript:y)},
  author = {Smith, John and {Amnesty International}},
  organization = {Reuters},
  kind = {news}, stake = {None stated.},
}
@article{paper,
  title = {Killing of protesters: what happened?},
  author = {Doe, Jane},
  journaltitle = {Journal of \emph{Iraq} Studies},
  volume = {12}, number = {3}, pages = {45--67},
  date = {2020-03},
  kind = {academic}, stake = {None stated.},
}
@report{report,
  title = {Human rights special report: demonstrations in Iraq},
  institution = {UNAMI},
  type = {Report},
  date = {2019-10},
  howpublished = {\url{https://example.org/unami}},
  kind = {intergovernmental}, stake = {A UN mission.},
}
@misc{broadcast,
  title = {Evening news},
  publisher = {Al Hadath},
  howpublished = {Television broadcast},
  year = {2019}, month = nov,
  kind = {broadcast}, stake = {A Saudi-owned channel.},
}
"""


@pytest.fixture(scope="module")
def refs(tmp_path_factory):
    path = tmp_path_factory.mktemp("bib") / "sources.bib"
    path.write_text(BIB, "utf-8")
    sources, problems = read_sources(path)
    assert not problems
    return format_sources(sources), sources


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "tables"])


def test_online_reference(refs):
    found, _ = refs
    assert found.plain["web"] == ("PMOI/MEK. “Iran-backed militias launch massacres in Iraqi cities.” "
                                  "29 November 2019. https://example.org/a_(b)?x=1&y=2, "
                                  "accessed 5 January 2020.")


def test_capitals_are_kept(refs):
    found, _ = refs
    assert "IMF & UN report" in found.plain["undated"]  # no forced sentence case ("Imf & un")
    assert "Iraqi cities" in found.plain["web"]


def test_missing_date_is_nd(refs):
    found, _ = refs
    assert "Reuters, n.d." in found.plain["undated"]
    assert found.plain["undated"].startswith("John Smith and Amnesty International.")


def test_article_report_and_misc(refs):
    found, _ = refs
    assert found.plain["paper"] == ("Jane Doe. “Killing of protesters: what happened?” Journal of Iraq "
                                    "Studies, 12(3), pp. 45–67, March 2020.")
    assert "<em>Journal of Iraq Studies</em>" in found.markdown["paper"]
    assert found.plain["report"] == ("UNAMI. Human rights special report: demonstrations in Iraq. Report, "
                                     "https://example.org/unami, October 2019.")
    assert found.plain["broadcast"] == "Al Hadath. “Evening news.” Television broadcast, November 2019."


def test_no_latex_leaks(refs):
    found, _ = refs
    for text in (*found.plain.values(), *found.markdown.values()):
        assert "\\url" not in text and "\\emph" not in text and "{" not in text


def test_markdown_is_not_over_escaped_and_shows_text_as_written(refs):
    found, _ = refs
    web = found.markdown["web"]
    assert "29 November 2019" in web and "\\-" not in web and "\\." not in web
    rendered = html(found.markdown["undated"])
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "AT&amp;T" in rendered and "&amp;amp;" not in rendered
    assert "*bold*" in unescape(rendered) and "<em>" not in rendered
    assert 'href="javascript' not in rendered


def test_url_becomes_a_safe_link(refs):
    found, _ = refs
    rendered = html(found.markdown["web"])
    assert 'href="https://example.org/a_%28b%29?x=1&amp;y=2"' in rendered


def test_plain_field(refs):
    _, sources = refs
    assert plain_field(sources["paper"], "journaltitle") == "Journal of Iraq Studies"
    assert plain_field(sources["paper"], "missing") is None


def test_one_footnote_per_source_and_locator_reused(refs):
    found, _ = refs
    notes = Notes(found, "incident/x.md")
    first = notes("web", "para. 2")
    assert notes("undated", "para. 1") == "[^2]"
    assert notes("web", "para.  2") == first == "[^1]"  # the same passage, spacing aside
    assert notes("web", "para. 3") == "[^3]"
    definitions = notes.definitions().splitlines()
    assert len(definitions) == 3
    assert definitions[0].startswith("[^1]: PMOI/MEK.")
    assert "Passage: para. 2." in definitions[0]
    assert "[Archived copy](https://web.archive.org/web/2020/https://example.org/a)" in definitions[0]
    assert "[About this source](../source/web.md)" in definitions[0]
    assert "Archived copy" not in definitions[1]  # no archive address, no link


def test_footnotes_render_with_python_markdown(refs):
    found, _ = refs
    notes = Notes(found, "claims.md")
    text = f"At least 46{notes('web', 'para. 2')} and 29{notes('web', 'para. 2')}.\n\n{notes.definitions()}"
    rendered = html(text)
    assert rendered.count('class="footnote-ref"') == 2
    assert rendered.count("<li id=") == 1
    assert 'href="source/web.md"' in rendered


def test_markers_in_text_become_this_pages_footnotes(refs):
    found, _ = refs
    notes = Notes(found, "person/p.md")
    text = notes.text("Killed 46 [@web, para. 2]. Later 50 [@undated, p. 1] [@web, para. 2].")
    assert text == "Killed 46[^1]. Later 50[^2][^1]."


def test_unknown_source_still_gives_a_note():
    notes = Notes(format_sources({}), "index.md")
    notes("ghost", "p. 1")
    assert "Source ghost (not in the bibliography)." in notes.definitions()


def test_each_source_is_formatted_once(monkeypatch, refs):
    from factsheet import cite

    _, sources = refs
    calls = []
    original = cite.format_source
    monkeypatch.setattr(cite, "format_source", lambda style, s: calls.append(s.key) or original(style, s))
    cite.format_sources(sources)
    assert sorted(calls) == sorted(sources)


def test_fixture_bibliography_formats():
    sources, _ = read_sources(Path(__file__).parent.parent / "fixtures" / "valid" / "sources.bib")
    found = format_sources(sources)
    assert set(found.markdown) == set(sources)
    assert found.plain["pmoi-2019-11-29"] == ("PMOI/MEK. “Iran-backed militias launch massacres, bloodbaths "
                                              "in Iraqi cities.” 29 November 2019.")
