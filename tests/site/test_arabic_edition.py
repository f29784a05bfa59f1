"""The Arabic edition as built: a counterpart for every page, linked both ways, and no English left.

English may stay on an Arabic page only where it is marked as English: names with no Arabic form,
quotations and a figure as its source worded it, bibliographic references, record texts not yet
translated (labelled so), code. Everything else a reader sees must be Arabic.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factsheet.pipeline import load_dataset
from factsheet.translations import missing

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "valid"
DATA = REPO / "data"


def build(data: Path, out: Path) -> Path:
    from test_built_site import build as built_site

    return built_site(data, out)


@pytest.fixture(scope="module", params=[pytest.param(FIXTURE, id="fixture"), pytest.param(DATA, id="data")])
def built(request, tmp_path_factory):
    return request.param, build(request.param, tmp_path_factory.mktemp("arabic") / "site")


def html_pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("index.html") if "assets" not in p.parts)


class _Page(HTMLParser):
    """The root element's language and direction, the language switch, and text outside marked English."""

    SKIPPED = {"script", "style", "code", "kbd", "pre", "cite"}
    # Marked as English or as a source's words; the header's topic repeats the page's heading.
    MARKED = ("fs-worded", "fs-reference", "fs-cited", "fs-name", "fs-untranslated", "md-header__topic")
    VOID = {"br", "img", "input", "link", "meta", "hr", "wbr", "source", "path", "rect", "line", "circle",
            "use", "polygon", "polyline", "ellipse"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str] = {}
        self.body_dir = ""
        self.alternates: dict[str, str] = {}
        self.stack: list[bool] = []  # for each open element: is its text exempt?
        self.words: list[str] = []
        self.in_svg = False

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "html":
            self.root = found
        if tag == "body":
            self.body_dir = found.get("dir", "")
        if tag == "a" and "md-select__link" in (found.get("class") or "") and found.get("hreflang"):
            self.alternates[found["hreflang"]] = found["href"]  # the language switch in the header
        if tag in self.VOID:
            return
        classes = (found.get("class") or "").split()
        self.in_svg = self.in_svg or tag == "svg"
        # The head's title is the page's heading, checked where the page shows it (a source's title
        # is the title of a work, shown as such: <cite>).
        head_title = tag == "title" and not self.in_svg
        exempt = (bool(self.stack and self.stack[-1]) or tag in self.SKIPPED or head_title
                  or (found.get("lang") not in (None, "ar")) or any(c in self.MARKED for c in classes))
        self.stack.append(exempt)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            unquoted = re.sub(r"«[^»]*»", " ", data)  # a quotation keeps its own language
            unquoted = DOMAIN.sub(" ", unquoted)  # a site's address (afrigatenews.net) is a name
            self.words += re.findall(r"[A-Za-z][A-Za-z'’-]*", unquoted)


def parse(page: Path) -> _Page:
    parser = _Page()
    parser.feed(page.read_text("utf-8"))
    return parser


def english_words(words: list[str], names: frozenset[str] = frozenset()) -> list[str]:
    """Latin words that are not abbreviations (CSV, JSON, UN), single letters (chart markers) or words
    of the names in the data, as they are capitalised there (the charts draw names as plain text)."""
    return [w for w in words if len(w) > 1 and not w.isupper() and w not in names]


# Names of works the pages credit, which are not records of the data.
CREDITED = frozenset({"Natural", "Earth"})


def allowed_words(data: Path) -> frozenset[str]:
    """Words that may stay in English: the capitalised words of every name in the data (people,
    organisations, places), and the words of record texts not yet translated, which the charts draw
    as plain text, where they cannot be marked (on the pages they are marked and labelled)."""
    from factsheet.search import names
    from factsheet.translations import english

    ds = load_dataset(data)
    # A name of one word (a site's address, newsalertlive.com) keeps its case; in longer names only the
    # capitalised words are names (not "security" of "Iraqi security forces").
    found = {w for name in names(ds) for w in WORD.findall(name) if w[0].isupper() or " " not in name}
    for obj, field in missing(ds):
        text = english(obj, field) if not hasattr(obj, "key") else None
        found.update(WORD.findall(text or ""))
    return frozenset(found | CREDITED)


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|iq|sa|ps|lb|info|tv)\b")


def test_every_english_page_has_an_arabic_one_linked_both_ways(built):
    _, site = built
    english = [p for p in html_pages(site) if p.relative_to(site).parts[0] != "ar"]
    assert len(english) > 10
    for page in english:
        counterpart = site / "ar" / page.relative_to(site)
        assert counterpart.is_file(), f"{counterpart.relative_to(site)} is missing"
        there, back = parse(page), parse(counterpart)
        assert there.root.get("lang") == "en" and "dir" not in there.root
        assert back.root.get("lang") == "ar" and back.root.get("dir") == "rtl" and back.body_dir == "rtl"
        assert (page.parent / there.alternates["ar"]).resolve() == counterpart.parent.resolve(), page
        assert (counterpart.parent / back.alternates["en"]).resolve() == page.parent.resolve(), page


def test_no_english_left_on_arabic_pages(built):
    data, site = built
    known = allowed_words(data)
    left = {}
    for page in html_pages(site / "ar"):
        found = english_words(parse(page).words, known)
        if found:
            left[str(page.relative_to(site))] = sorted(set(found))[:12]
    assert not left, f"English outside marked text on {len(left)} Arabic pages: " + json.dumps(
        dict(list(left.items())[:8]), ensure_ascii=False)


def test_the_checker_finds_english():
    parser = _Page()
    parser.feed('<p>نص <span lang="en">Name</span> Casualty figures <bdi class="fs-worded">at least 29</bdi>'
                " «only 100 people»</p>")
    assert english_words(parser.words) == ["Casualty", "figures"]


def test_the_untranslated_label_shows_exactly_while_texts_are_missing(built):
    data, site = built
    labelled = [p for p in html_pages(site / "ar") if "fs-untranslated" in p.read_text("utf-8")]
    gaps = missing(load_dataset(data))
    assert bool(labelled) == bool(gaps), (f"{len(labelled)} Arabic pages carry the label and {len(gaps)} "
                                          "texts lack their Arabic")
    if data == FIXTURE:  # the fixture has no Arabic texts: the label shows where they would be
        assert labelled
    else:  # every record of the published data has its Arabic texts
        assert not gaps, [f"{getattr(obj, 'where', None) or ''} {field}" for obj, field in gaps[:10]]
    english = [p for p in html_pages(site) if p.relative_to(site).parts[0] != "ar"]
    assert not [p for p in english if "fs-untranslated" in p.read_text("utf-8")]


def test_each_edition_has_its_own_search_index(built):
    _, site = built
    top = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    arabic = json.loads((site / "ar" / "search" / "search_index.json").read_text("utf-8"))
    assert top["docs"] and arabic["docs"]
    assert not [d for d in top["docs"] if d["location"].startswith("ar/")]
    assert not [d for d in arabic["docs"] if d["location"].startswith("ar/")]
    # Every word of the Arabic edition is folded (vocabulary=None): "الملخص" is also indexed as "ملخص".
    assert any("ملخص" in d.get("fold_title", "").split() for d in arabic["docs"])
