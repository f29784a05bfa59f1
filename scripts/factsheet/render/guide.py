"""The home page and the methodology page: what the site is, and how it reads its sources."""

from __future__ import annotations

from .. import charts
from ..link import CONTESTED, CORROBORATED, SINGLE
from .common import GOVERNORATES_PAGE, METHODOLOGY, Context, Page
from .indexes import CLAIMS, INCIDENTS, ORGANISATIONS, PEOPLE, SOURCES

HOME = "index.md"
DOWNLOADS = "downloads.md"
SITE_TITLE = "Iraq protests 2019–2020: a cited fact sheet"


def home(ctx: Context) -> str:
    """The home page: what is here and how to read it."""
    page = Page(ctx, HOME)
    to = page.to
    return page.render(SITE_TITLE, [
        f"# {SITE_TITLE}",
        "This site collects what sources say about the killing of protesters during the protest "
        "movement that began in Iraq in October 2019, about the forces and armed groups accused of "
        "it, and about the casualty figures, which often disagree.",
        "Every figure about the events is a claim by someone, never a finding of the site. Each is "
        "shown as its "
        "source worded it, with who made it first and through whom it reached the source, and with a "
        "footnote to the passage it was read in.",
        "## Deaths claimed over time {#timeline}",
        charts.timeline(ctx.ds, page.notes.cite, page.figure_links()).markdown(),
        "## Where {#map}",
        charts.incident_map(ctx.ds, page.notes.cite, page.figure_links()).markdown(),
        "## Where to start",
        "\n".join([
            f"- [Incidents]({to(INCIDENTS)}) in date order, with the range of claimed deaths; also "
            f"[by governorate]({to(GOVERNORATES_PAGE)}).",
            f"- [All casualty claims]({to(CLAIMS)}) in one table, source by source.",
            f"- [People]({to(PEOPLE)}) and [organisations]({to(ORGANISATIONS)}), with every spelling "
            "of their names, Arabic script included; search finds any of them.",
            f"- [Sources]({to(SOURCES)}): what kind of source each is, its stake in events, and "
            "every claim it makes or relays.",
            f"- [Methodology]({to(METHODOLOGY)}): how figures become ranges, how independent "
            "sources are counted, and what the site does not claim.",
            f"- [Downloads]({to(DOWNLOADS)}): every claim as CSV and JSON, and the schemas of the data.",
        ]),
        "## Reading an incident page",
        "An incident page gives the date and place, a summary, and then every figure side by side: "
        "what was counted, the figure as worded, the claimant and each relay, the date of the claim, "
        "and the source. Above them, a range for each count shows how far the sources are apart, "
        "how many independent origins stand behind it, and a plain grade: "
        f"*{SINGLE}*, *{CORROBORATED}* or *{CONTESTED}*.",
    ])


def methodology(ctx: Context) -> str:
    """How the site turns claims into ranges and grades, and what it does not claim."""
    page = Page(ctx, METHODOLOGY)
    return page.render("Methodology", [
        "# Methodology",
        "## A figure is a claim {#claims}",
        "Every figure about the events on this site is a claim made by a source, not a finding of "
        "the site. A figure is shown as the source worded it, with the claimant who made it first "
        "and each relay through which it reached the source (its attribution chain), the date the "
        "claim was made where "
        "known, and a footnote. The footnote gives the formatted reference, the passage the figure was "
        "read in, an archived copy where there is one, and a link to the source's own page, which "
        "lists every claim that source makes or relays.",
        "## How figures become ranges {#ranges}",
        "Each wording is read as the lowest and the highest number it allows. An exact figure is read "
        "as itself. A floor such as `at least 46`, `over 300` or `more than 100` is read as that "
        "number with no upper limit. Words such as `dozens` are read as the smallest number they can "
        "mean, with no upper limit, and the record notes how they were read. Words with no number, "
        "such as `a large number`, are shown but do not enter any range.",
        "Within one incident, figures are grouped by what they count (killed, injured, arrested and "
        "so on) and by whom they count (protesters, security forces, or not stated). The range of a "
        "group runs from the lowest to the highest figure claimed for it. A plus sign after the "
        "highest figure, as in `29–46+`, means that figure was itself a floor. Figures are never "
        "averaged, and no figure is chosen as the true one.",
        "## Scope {#scope}",
        "Figures are compared only within the same incident, count and group of people. A figure "
        "for a whole day of protests across the country is not compared with, or added to, a figure "
        "for one city on that day: each is shown on its own incident page, and the pages link to "
        "each other.",
        "The site's own counts (how many sources or independent origins stand behind a range) are "
        "counts of the claims it holds, shown with the footnotes of those claims.",
        "## Independent origins {#origins}",
        "The origin of a claim is the first named person or organisation in its attribution chain. "
        "When a chain names no one (for example *medical sources*), the origin is the organisation "
        "that published the source or, when that is not recorded, the source itself. Claims that "
        "share an origin count once: two outlets relaying the same news agency report are one "
        "independent origin, not two.",
        "## Grades {#grades}",
        "\n".join([
            f"- **{SINGLE}**: every figure in the group comes from one origin.",
            f"- **{CORROBORATED}**: the figures come from two or more origins, and they agree. Each "
            "origin's figures are taken as an interval from the lowest to the highest number it "
            "stated (a floor counts as its stated number), and the intervals of all origins overlap.",
            f"- **{CONTESTED}**: the figures come from two or more origins, and they do not all "
            "overlap.",
        ]),
        "A grade describes how far independent sources agree. It says nothing about whether a "
        "figure is true, and relays of one origin never make a figure corroborated.",
        "## Allegations {#allegations}",
        "Statements such as who commanded a unit or who fired on protesters are recorded as "
        "allegations made by named sources, with their attribution chains and footnotes, exactly "
        "like figures. The site does not decide them.",
        "## Names {#names}",
        "People, organisations and places are often written in several ways in English and in "
        "Arabic. Each has one page, which lists every spelling found in the sources; Arabic script "
        "is marked as Arabic, and the site's search finds a page by any of its spellings.",
        "## What this site does not claim {#limits}",
        "\n".join([
            "- It does not state how many people were killed or injured, in any incident or overall.",
            "- It does not rule on allegations or on anyone's responsibility.",
            f"- A grade of *{CORROBORATED}* is not a confirmation, and *{CONTESTED}* does not mean "
            "that any source is wrong.",
            "- Sources have interests of their own. Each source page says what kind of source it is "
            "and its stake in events, so that readers can weigh it.",
            "- An incident missing from the site may still have happened; the data covers only what "
            "contributors have recorded so far.",
        ]),
    ])
