"""The render stage on the valid fixture: which pages exist, what they link to, and their footnotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from factsheet import export
from factsheet.pipeline import load_dataset, render_site
from factsheet.render import NAV

REPO = Path(__file__).parent.parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "valid"
NASIRIYAH = "incident/2019-11-28-nasiriyah.md"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(FIXTURE)


@pytest.fixture(scope="module")
def site(ds):
    return render_site(ds)


def test_every_record_has_a_page_out_of_the_nav(ds, site):
    expected = ({f"incident/{i}.md" for i in ds.incidents} | {f"person/{i}.md" for i in ds.people}
                | {f"organisation/{i}.md" for i in ds.organisations} | {f"source/{k}.md" for k in ds.sources})
    records = {p for p in site if re.match(r"(ar/)?(incident|person|organisation|source)/", p)}
    assert records == expected | {f"ar/{p}" for p in expected}
    assert not [p for p in records if site[p].listed]


def test_nav_pages_are_listed_and_match_mkdocs_yml(site):
    assert {p for p, out in site.items() if out.listed} == {path for path, _ in NAV} | {
        f"ar/{path}" for path, _ in NAV}
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert [(path, title) for entry in config["nav"] for title, path in entry.items()] == \
        [(path, title) for path, title in NAV]


def test_pages_come_from_their_files(ds, site):
    assert Path(site[NASIRIYAH].origin).name == "2019-11-28-nasiriyah.yml"
    assert Path(site["person/jamil-al-shimiri.md"].origin).name == "jamil-al-shimiri.yml"
    assert Path(site["source/pmoi-2019-11-29.md"].origin).name == "sources.bib"
    assert site["incidents.md"].origin.endswith("render/indexes.py")


def test_downloads_are_the_exports_and_the_schemas(ds, site):
    assert site["downloads/claims.csv"].content == export.to_csv(ds)
    assert site["downloads/claims.json"].content == export.to_json(ds)
    schemas = {p for p in site if p.startswith("downloads/schemas/")}
    assert "downloads/schemas/incident.schema.json" in schemas
    assert "downloads/schemas/common.schema.json" in schemas  # the others refer to it
    page = site["downloads.md"].content
    for column in export.COLUMNS:
        assert f"- `{column}`: " in page and f"- `{column}`: \n" not in page


@pytest.mark.parametrize("path", [NASIRIYAH, "person/jamil-al-shimiri.md", "organisation/reuters.md",
                                  "source/track-persia-2019-11-30.md", "incidents.md", "claims.md",
                                  "governorates.md"])
def test_footnotes_are_each_defined_once_and_used(site, path):
    text = site[path].content
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defined = re.findall(r"^\[\^(\d+)\]:", text, re.MULTILINE)
    assert len(defined) == len(set(defined))
    assert used == set(defined)
    assert defined == [str(n) for n in range(1, len(defined) + 1)]  # numbered in order of use


def test_one_footnote_per_source_and_locator_on_a_page(site):
    definitions = re.findall(r"^\[\^\d+\]: (.*)$", site[NASIRIYAH].content, re.MULTILINE)
    keys = [(re.search(r"\(\.\./source/([^)]+)\.md\)", d).group(1),
             re.search(r"Passage: (.*?)\.(?: \[|$)", d).group(1)) for d in definitions]
    assert len(keys) == len(set(keys)) == 5
    assert ("track-persia-2019-11-30", "para. 3, quoting Reuters") in keys


def _rows(text: str, heading: str) -> list[list[str]]:
    """The body rows of the table under a heading."""
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| ")][2:]  # after the header
    return [cells(line) for line in lines]


def cells(line: str) -> list[str]:
    """The cells of one Markdown table row (an escaped bar is not a border)."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]


def test_nasiriyah_shows_each_figure_its_origin_and_sources(site):
    text = site[NASIRIYAH].content
    rows = _rows(text, "Claims, source by source")
    assert len(rows) == 3
    for counted, figure, grade, chain, _as_of, source, *_ in rows:
        assert re.search(r"\[\^\d+\]$", figure), figure  # the figure carries its footnote
        assert re.search(r"\]\(\.\./source/[a-z0-9-]+\.md\)", source)  # one click to the source page
        assert "relayed by" in chain or "](../organisation/" in chain
        # The source's kind, linked to its explanation; the group's grade, linked to its own.
        assert re.search(r"<br>\[(advocacy media|analysis)\]\(\.\./methodology\.md#kind-(advocacy|analysis)\)"
                         r"\{: \.fs-tag \.fs-kind title=\"[^\"]+\" \}", source), source
        assert grade == "[single source](../methodology.md#grades)"
        # A link to the claim's own row, which a reader can copy.
        anchor = re.match(r'<a class="fs-claim-link" id="(claim-[a-z0-9-]+)" href="#\1"', counted)
        assert anchor and "Link to this claim" in counted, counted
    assert "“at least 46” (read as 46 or more)" in rows[0][1]
    assert "[Reuters](../organisation/reuters.md)" in rows[1][3]
    ranges = _rows(text, "Casualty figures")
    assert [r[1].split("[")[0] for r in ranges] == ["46+", "29+", "24+"]
    assert all(re.search(r"\[\^\d+\]", r[2]) for r in ranges)  # origins cite their claims
    assert "[Jamil al-Shimiri](../person/jamil-al-shimiri.md)" in text
    assert 'id="claim-killed-reuters" href="#claim-killed-reuters"' in text
    # PMOI/MEK is marked a party in the fixture: labelled wherever it makes or relays a claim.
    party = "[party to the events](../methodology.md#parties){: .fs-tag .fs-party"
    assert f"relayed by [PMOI/MEK](../organisation/pmoi.md) {party}" in rows[0][3]
    assert f"1: [PMOI/MEK](../organisation/pmoi.md) {party}" in ranges[0][2]
    assert "[Reuters](../organisation/reuters.md) [party" not in text  # not a party: no label
    assert "[published by a party](../methodology.md#parties)" in rows[0][5]
    assert "published by a party" not in rows[1][5]


def test_incident_links_to_its_wider_and_narrower_incidents(site):
    assert "**Part of:** [Protests across" in site[NASIRIYAH].content
    # A list of its own, by date: a movement's page lists dozens of incidents, one to a line on a phone.
    assert ("- **Incidents within it:**\n"
            "    - 28 November 2019: [Shootings of protesters in Nasiriyah](2019-11-28-nasiriyah.md)") in \
        site["incident/2019-11-28-southern-iraq.md"].content


def test_person_page(site):
    text = site["person/jamil-al-shimiri.md"].content
    assert '**Also written:** Jamil Shummary, <span lang="ar" dir="rtl">جميل الشمري</span>' in text
    assert "[Shootings of protesters in Nasiriyah](../incident/2019-11-28-nasiriyah.md)" in text
    assert re.search(r"\[accused in an allegation\]\(\.\./incident/2019-11-28-nasiriyah\.md"
                     r"#claim-commander-shimiri\)"
                     r"\[\^\d+\] \(by \[Al Hadath\]\(\.\./organisation/al-hadath\.md\); read in \[PMOI/MEK, "
                     r"29 November 2019\]\(\.\./source/pmoi-2019-11-29\.md\) \[advocacy media\]", text)
    posts = _rows(text, "Posts")
    assert posts[0][0].startswith("Commander of police forces in Diyala province[^")
    assert posts[0][2:] == ["2013", "2013"]


def test_organisation_page(site):
    text = site["organisation/iraqi-security-forces.md"].content
    assert "- **Also written:** ISF (abbreviation)" in text
    assert "- **Kind:** state security force" in text
    assert "[Jamil al-Shimiri](../person/jamil-al-shimiri.md)" in text
    assert "[Sources it published]" not in text
    assert "## Sources it published" in site["organisation/pmoi.md"].content


def test_source_page_lists_every_claim_it_carries(ds, site):
    text = site["source/track-persia-2019-11-30.md"].content
    assert text.split("\n\n")[2].startswith('<span class="fs-reference">Track Persia. “Example article')
    carried = [(i.id, c.id) for i in ds.incidents.values() for c in i.claims
               if c.cite.source == "track-persia-2019-11-30"]
    for incident_id, claim_id in carried:
        assert f"(../incident/{incident_id}.md#claim-{claim_id})" in text
    assert "- **Archived copy:** [read the archived copy](https://web.archive.org/" in text
    assert "## Other statements citing it" in text


def test_indexes_link_every_record(ds, site):
    for kind, table, page in (("incident", ds.incidents, "incidents.md"), ("person", ds.people, "people.md"),
                              ("organisation", ds.organisations, "organisations.md"),
                              ("source", ds.sources, "sources.md")):
        for record_id in table:
            assert f"]({kind}/{record_id}.md)" in site[page].content, (page, record_id)


def test_incidents_index_row(site):
    rows = [cells(line) for line in site["incidents.md"].content.splitlines()
            if line.startswith("| 28 November")]
    nasiriyah = next(r for r in rows if "Nasiriyah" in r[1])
    assert nasiriyah[2] == "Nasiriyah, Dhi Qar"
    grade = r"\[single source\]\(methodology\.md#grades\)"
    assert re.fullmatch(rf"46\+\[\^\d+\] \(who not stated\), {grade}; 29\+\[\^\d+\] \(protesters\), {grade}",
                        nasiriyah[3])
    assert re.fullmatch(r"2\[\^\d+\]<sup>,</sup>\[\^\d+\]", nasiriyah[4])  # "2¹,²", not "2¹²"


def test_claims_index_has_every_figure(ds, site):
    text = site["claims.md"].content
    figures = [(i.id, c.id) for i in ds.incidents.values() for c in i.claims if c.is_figure]
    for incident_id, claim_id in figures:
        assert f"(incident/{incident_id}.md#claim-{claim_id})" in text
    assert "commander-shimiri" not in text  # allegations are not casualty claims


def test_governorates_page_has_an_anchor_per_governorate(site):
    text = site["governorates.md"].content
    assert '## Dhi Qar (<span lang="ar" dir="rtl">ذي قار</span>) {#dhi-qar}' in text
    assert "{#baghdad}" in text and "{#basra}" not in text


def test_rendering_is_deterministic(ds):
    first = {p: o.content for p, o in render_site(ds).items()}
    again = {p: o.content for p, o in render_site(load_dataset(FIXTURE)).items()}
    assert first == again


def test_adjacent_footnote_references_are_separated_and_single_ones_are_not():
    from factsheet.render.blocks import separate_footnotes

    assert separate_footnotes("29[^1][^2][^10]") == "29[^1]<sup>,</sup>[^2]<sup>,</sup>[^10]"
    # A reference after text, or alone, gets no comma: only references side by side do.
    assert separate_footnotes("reports[^2], and more[^3]") == "reports[^2], and more[^3]"
    assert separate_footnotes("escaped \\[^1][^2]") == "escaped \\[^1][^2]"


def test_no_page_leaves_adjacent_references_unseparated(site):
    for path, output in site.items():
        if path.endswith(".md"):
            assert not re.search(r"(?<!\\)\[\^[^\]\s]+\]\[\^", output.content), path


def test_unnamed_claimants_read_as_words():
    from factsheet.render.languages import unnamed

    assert unnamed("medical sources") == "unnamed medical sources"
    blog = "an unnamed blog that published the article"
    assert unnamed(blog) == blog
    assert unnamed("a Reuters cameraman") == "a Reuters cameraman"
    assert unnamed("two *Iraqi* officials") == "two &#42;Iraqi&#42; officials"  # still escaped


def test_no_chain_says_unnamed_in_brackets(site):
    for path, output in site.items():
        assert "(unnamed)" not in output.content, path
