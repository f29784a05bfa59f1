"""The built site: strict build, a footnote on every figure, links, edit buttons, search, determinism."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from figurecheck import uncited
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).parent.parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "valid"
DATA = REPO / "data"
THEME_PAGES = {"404.html"}  # the theme's own page, not the project's content


# The two settings of mkdocs.yml that say where the site and its repository are published.
SETTINGS = {"FACTSHEET_SITE_URL", "FACTSHEET_REPO_URL"}
# What the publishing workflow sets them to, here an address under a sub-path of its host.
PUBLISHED = {"FACTSHEET_SITE_URL": "https://factsheet.test/iraq-protests/",
             "FACTSHEET_REPO_URL": "https://github.com/example-org/iraq-factsheet"}


def factsheet(*args: str, settings: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the factsheet command as a user would, from the repository, with only the given settings."""
    env = {k: v for k, v in os.environ.items() if k not in {"SOURCE_DATE_EPOCH", "FACTSHEET_DATA", *SETTINGS}}
    env |= settings or {}
    return subprocess.run([sys.executable, "-m", "factsheet.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)


def build(data: Path, out: Path, config: Path = REPO / "mkdocs.yml",
          settings: dict[str, str] | None = None) -> Path:
    result = factsheet("build", "--data", str(data), "--out", str(out), "--config", str(config),
                       settings=settings)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def data_validates() -> bool:
    return DATA.is_dir() and factsheet("validate", "--data", str(DATA)).returncode == 0


DATASETS = [pytest.param(FIXTURE, id="fixture"),
            pytest.param(DATA, id="data", marks=pytest.mark.skipif(not data_validates(),
                                                                    reason="data/ does not validate"))]


@pytest.fixture(scope="module", params=DATASETS)
def site(request, tmp_path_factory) -> Path:
    """Each dataset's site as the publishing workflow builds it: site and repository addresses set."""
    return build(request.param, tmp_path_factory.mktemp("site") / "site", settings=PUBLISHED)


@pytest.fixture(scope="module")
def unset(tmp_path_factory) -> Path:
    """The fixture's site as a fresh clone builds it: neither address set."""
    return build(FIXTURE, tmp_path_factory.mktemp("unset") / "site")


def pages(root: Path) -> list[Path]:
    return [p for p in sorted(root.rglob("*.html")) if p.relative_to(root).as_posix() not in THEME_PAGES]


def test_every_figure_has_a_footnote(site):
    problems = [f"{page.relative_to(site)}: {hit}"
                for page in pages(site) for hit in uncited(page.read_text())]
    assert problems == []


def test_every_record_has_a_page(site):
    for kind in ("incident", "person", "organisation", "source"):
        assert list((site / kind).glob("*/index.html")), kind


class Links(HTMLParser):
    """Links and ids of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.edit: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"])
            if found.get("rel") == "edit":
                self.edit.append(found["href"])


def parse(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text())
    return parser


def target_file(page: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    target = (page.parent / path).resolve() if path else page.resolve()
    return target / "index.html" if target.is_dir() else target


def test_internal_links_and_anchors_resolve(site):
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages(site):
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                assert parts.scheme in {"http", "https"}, (page, href)
                continue
            target = target_file(page, href)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                found = ids.setdefault(target, parse(target).ids)
                if parts.fragment not in found:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert broken == []


def test_links_go_both_ways(site):
    """Each link from an incident to a person, organisation or source is answered by a link back."""
    missing = []
    for incident in sorted(p.resolve() for p in (site / "incident").glob("*/index.html")):
        for href in set(parse(incident).hrefs):
            if re.match(r"\.\./\.\./(person|organisation|source)/[^/#]+/$", href):
                target = target_file(incident, href)
                back = {target_file(target, h) for h in parse(target).hrefs}
                if incident not in back:
                    missing.append(f"{target} does not link to {incident}")
    assert missing == []


def test_every_page_has_an_edit_button_to_its_file(site):
    data = "tests/fixtures/valid" if (site / "source/track-persia-2019-11-30").exists() else "data"
    for page in pages(site):
        edits = parse(page).edit
        assert len(edits) == 1, page
        assert edits[0].startswith(PUBLISHED["FACTSHEET_REPO_URL"] + "/edit/main/"), edits
    incident = next((site / "incident").glob("*/index.html"))
    assert parse(incident).edit[0].endswith(f"{data}/incidents/{incident.parent.name}.yml")
    source = next((site / "source").glob("*/index.html"))
    assert parse(source).edit[0].endswith(f"{data}/sources.bib")
    assert parse(site / "methodology/index.html").edit[0].endswith("scripts/factsheet/render/guide.py")


def test_record_pages_stay_out_of_the_navigation(site):
    # Outside its content (whose figures link to incidents), the home page has only the navigation.
    html = (site / "index.html").read_text()
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.DOTALL).group()
    assert 'href="incidents/"' in tabs and 'href="sources/"' in tabs
    outside = re.sub(r'<article class="md-content__inner.*?</article>', "", html, flags=re.DOTALL)
    assert outside != html
    assert not re.search(r'href="(\.\./)*(incident|person|organisation|source)/', outside)


def test_search_finds_every_name_variant(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert "ar" in index["config"]["lang"]
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        texts.setdefault(doc["location"].split("#")[0], "")
        texts[doc["location"].split("#")[0]] += " " + doc["title"] + " " + doc["text"]
    from factsheet.pipeline import load_dataset

    ds = load_dataset(FIXTURE if (site / "source/track-persia-2019-11-30").exists() else DATA)
    for kind, table in (("person", ds.people), ("organisation", ds.organisations)):
        for record in table.values():
            text = texts[f"{kind}/{record.id}/"]
            for variant in record.variants:
                assert variant.name.replace("&", "&amp;") in text, (record.id, variant.name)
    assert any(re.search(r"[\u0600-\u06ff]", t) for t in texts.values())


def test_search_index_holds_names_not_tables(site):
    from factsheet import search

    index = json.loads((site / "search" / "search_index.json").read_text())
    assert index["config"]["fold"] == [list(rule) for rule in search.FOLD_RULES]
    assert set(search.FOLD_FIELDS) <= set(index["config"]["fields"])
    texts = " ".join(doc["text"] for doc in index["docs"])
    # Column headings of the claims tables and the footnotes' back-links are not indexed.
    assert "Figure as worded" not in texts and "↩" not in texts
    # The Nasiriyah incident is in both datasets, and so is its commander, spelt three ways.
    docs = {doc["location"]: doc for doc in index["docs"]}
    incident = docs["incident/2019-11-28-nasiriyah/"]
    assert search.fold("Nasseriya") in incident["fold_title"].split()
    person = docs["person/jamil-al-shimiri/"]
    keys = (person.get("fold_title", "") + " " + person.get("fold_text", "")).split()
    assert search.fold("Shummari") in keys and search.fold("شمري") in keys
    # The theme removes the marks once it has read them: the pages carry none.
    assert not [p for p in pages(site) if "data-search-exclude" in p.read_text()]


def test_downloads_are_in_the_site(site):
    assert (site / "downloads" / "claims.csv").read_text("utf-8").startswith("incident_id,")
    json.loads((site / "downloads" / "claims.json").read_text("utf-8"))
    schema = json.loads((site / "downloads" / "schemas" / "incident.schema.json").read_text("utf-8"))
    assert schema["title"] == "Incident"


def test_no_request_leaves_for_fonts_or_repository_facts(site):
    html = (site / "index.html").read_text()
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert 'data-md-component="source"' not in html  # would fetch star counts from the GitHub API


def test_two_builds_are_byte_identical(tmp_path):
    first = build(FIXTURE, tmp_path / "one")
    second = build(FIXTURE, tmp_path / "two")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []


def config_copy(where: Path, **changes: object) -> Path:
    """mkdocs.yml with its paths made absolute and some settings changed, written elsewhere."""
    config = yaml_load((REPO / "mkdocs.yml").read_text("utf-8"))  # reads MkDocs's !ENV tags
    config["docs_dir"] = str(REPO / config["docs_dir"])
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["hooks"] = [str(REPO / hook) for hook in config["hooks"]]
    config["watch"] = [str(REPO / path) for path in config["watch"]]
    config.update(changes)
    path = where / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return path


def test_links_work_without_directory_urls(tmp_path):
    """The offline bundle builds with use_directory_urls: false; links must resolve there too."""
    site = build(FIXTURE, tmp_path / "site", config_copy(tmp_path, use_directory_urls=False))
    page = site / "incident" / "2019-11-28-nasiriyah.html"
    hrefs = parse(page).hrefs
    assert "../person/jamil-al-shimiri.html" in hrefs
    for href in hrefs:
        if not urlsplit(href).scheme:
            assert target_file(page, href).is_file(), href


def test_markup_in_names_and_figures_shows_as_text(tmp_path):
    """Fields the validator lets through with markup in them are escaped all the way to the HTML,
    and a title with a number in it carries its footnote on every page that shows it."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    person = data / "people" / "jamil-al-shimiri.yml"
    person.write_text(person.read_text("utf-8").replace("name: Jamil al-Shimiri",
                                                        'name: "<img src=x onerror=alert(1)>"'), "utf-8")
    incident = data / "incidents" / "2019-11-28-nasiriyah.yml"
    incident.write_text(incident.read_text("utf-8").replace("figure: dozens", 'figure: "dozens <b>x</b>"')
                        .replace('locator: "para. 6"', 'locator: "<script>alert(2)</script>"')
                        .replace("title: Shootings of protesters in Nasiriyah", "title: Shootings of "
                                 "29 protesters in Nasiriyah [@pmoi-2019-11-29, para. 2]"), "utf-8")
    site = build(data, tmp_path / "site")
    # A number in a title is cited wherever the title appears: heading, indexes, back-links.
    assert [hit for page in pages(site) for hit in uncited(page.read_text())] == []
    assert "Shootings of 29 protesters" in (site / "incidents/index.html").read_text()
    for page in ("person/jamil-al-shimiri", "incident/2019-11-28-nasiriyah"):
        html = (site / page / "index.html").read_text()
        assert "<img src=x" not in html and "<script>alert" not in html and "<b>x</b>" not in html
    person_html = (site / "person/jamil-al-shimiri/index.html").read_text()
    assert "<title>&lt;img src=x onerror=alert(1)&gt; - " in person_html
    assert "dozens &lt;b&gt;x&lt;/b&gt;" in (site / "incident/2019-11-28-nasiriyah/index.html").read_text()


def test_a_broken_link_fails_the_build(tmp_path):
    """--strict with link validation: a page linking nowhere stops the build."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "broken.md").write_text("# Broken\n\n[nowhere](incident/no-such-incident.md)\n", "utf-8")
    config = config_copy(tmp_path, docs_dir=str(docs))
    result = factsheet("build", "--data", str(FIXTURE), "--out", str(tmp_path / "site"),
                       "--config", str(config))
    assert result.returncode != 0
    assert "no-such-incident.md" in result.stderr


class Head(HTMLParser):
    """The page's canonical link, meta description and <base>, and whether its footer has the licence."""

    def __init__(self) -> None:
        super().__init__()
        self.canonical: list[str] = []
        self.description: list[str] = []
        self.base: list[str] = []
        self.licence = False

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "canonical":
            self.canonical.append(found.get("href") or "")
        elif tag == "meta" and found.get("name") == "description":
            self.description.append(found.get("content") or "")
        elif tag == "base":
            self.base.append(found.get("href") or "")
        elif tag == "a" and found.get("rel") == "license":
            self.licence = found.get("href") == "https://creativecommons.org/licenses/by/4.0/"


def head(page: Path) -> Head:
    parser = Head()
    parser.feed(page.read_text("utf-8"))
    return parser


def public_url(site: Path, page: Path) -> str:
    """A page's address on the published site (directory URLs)."""
    path = page.relative_to(site).as_posix().removesuffix("index.html")
    return PUBLISHED["FACTSHEET_SITE_URL"] + path


def test_sitemap_lists_every_page_and_each_has_its_canonical_link(site):
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    wanted = [public_url(site, page) for page in pages(site)]
    assert len(wanted) >= 10
    assert sorted(listed) == sorted(wanted)
    for page in pages(site):
        assert head(page).canonical == [public_url(site, page)], page


def test_every_page_has_its_own_description_and_the_licence(site):
    seen: dict[str, Path] = {}
    for page in pages(site):
        found = head(page)
        assert len(found.description) == 1 and len(found.description[0]) > 15, page
        assert "<" not in found.description[0] and "[^" not in found.description[0], found.description
        assert found.description[0] not in seen, (page, seen.get(found.description[0]))
        seen[found.description[0]] = page
        assert found.licence, f"{page} has no data licence in its footer"
    nasiriyah = site / "incident" / "2019-11-28-nasiriyah" / "index.html"
    if nasiriyah.exists():
        assert head(nasiriyah).description[0].startswith("28 November 2019, Nasiriyah, Dhi Qar: ")


def test_record_pages_end_with_how_to_cite(site):
    from factsheet.edition import data_date
    from factsheet.markup import human_date
    from factsheet.pipeline import load_dataset

    ds = load_dataset(FIXTURE if (site / "source/track-persia-2019-11-30").exists() else DATA)
    date = human_date(data_date(ds))
    for kind in ("incident", "person", "organisation", "source"):
        for page in sorted((site / kind).glob("*/index.html")):
            html = page.read_text("utf-8")
            cite = html.split('<h2 id="how-to-cite">How to cite</h2>', 1)
            assert len(cite) == 2, page
            text = cite[1].split("</section>")[0]
            assert f"<code>{public_url(site, page)}</code>" in text
            assert f"data up to {date}" in text and 'class="fs-name">0.1.0</span>' in text
            assert "Iraq protests 2019–2020 fact sheet" in text
            # After it, only the end of the article: it is the last thing the page says.
            assert "<h2" not in html.split("</section>", 1)[1].split("</article>")[0]


def test_claim_rows_carry_links_to_themselves(site):
    incident = site / "incident" / "2019-11-28-nasiriyah" / "index.html"
    html = incident.read_text("utf-8")
    links = re.findall(r'<a class="fs-claim-link" href="#(claim-[a-z0-9-]+)" id="\1"|'
                       r'<a class="fs-claim-link" id="(claim-[a-z0-9-]+)" href="#\2"', html)
    from factsheet.pipeline import load_dataset

    ds = load_dataset(FIXTURE if (site / "source/track-persia-2019-11-30").exists() else DATA)
    wanted = {f"claim-{c.id}" for c in ds.incidents["2019-11-28-nasiriyah"].claims}
    assert {a or b for a, b in links} == wanted


def test_no_placeholder_and_no_repository_when_none_is_set(unset):
    for page in [*pages(unset), unset / "404.html"]:
        html = page.read_text("utf-8")
        assert "OWNER" not in html and "REPO" not in html, page
        assert 'rel="edit"' not in html and 'class="md-source"' not in html, page
        assert not head(page).canonical, page
        assert head(page).licence, page
    assert "<loc>" not in (unset / "sitemap.xml").read_text("utf-8")
    cite = (unset / "incident/2019-11-28-nasiriyah/index.html").read_text("utf-8")
    assert "Page <code>incident/2019-11-28-nasiriyah/</code> of the site." in cite


def test_the_repository_link_names_the_repository(site):
    html = (site / "index.html").read_text("utf-8")
    assert f'href="{PUBLISHED["FACTSHEET_REPO_URL"]}"' in html
    assert re.search(r'md-source__repository">\s*example-org/iraq-factsheet\s*<', html)
    assert "OWNER/REPO" not in html


def test_the_404_page_helps_with_relative_links(site, unset):
    for root in (site, unset):
        page = root / "404.html"
        html = page.read_text("utf-8")
        assert "Page not found" in html and 'for="__search"' in html
        hrefs = [h for h in parse(page).hrefs if not urlsplit(h).scheme]
        assert hrefs and not [h for h in hrefs if h.startswith("/")], hrefs  # never root-absolute
        for href in hrefs:  # each resolves from the site's top folder, where 404.html lives
            assert target_file(page, href).is_file(), href
        for section in ("incidents/", "claims/", "sources/", "methodology/", "downloads/"):
            assert f'href="./{section}"' in html
    # On the published site a server shows it at any depth: <base> makes the links start at the top.
    assert head(site / "404.html").base == [PUBLISHED["FACTSHEET_SITE_URL"]]
    assert head(unset / "404.html").base == []
