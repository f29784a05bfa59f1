"""The home page and the methodology page: what the site is, and how it reads its sources."""

from __future__ import annotations

from .. import charts
from ..figures import CONTESTED, CORROBORATED, SINGLE
from ..i18n import N_, language, t, vt
from ..markup import esc, lang_span
from ..vocab import VOCABULARIES
from ..wording import RULES
from . import disclosure
from .blocks import table
from .common import GOVERNORATES_PAGE, METHODOLOGY, Context, Page
from .figure_text import claim_refs, figure, isolated
from .indexes import CLAIMS, INCIDENTS, ORGANISATIONS, PEOPLE, SOURCES

HOME = "index.md"
DOWNLOADS = "downloads.md"
SITE_TITLE = N_("Iraq protests 2019–2020: a cited fact sheet")
SITE_NAME = N_("Iraq protests 2019–2020 fact sheet")  # mkdocs.yml's site_name, in the header of every page


def home(ctx: Context) -> str:
    """The home page: what is here and how to read it."""
    page = Page(ctx, HOME)
    to = page.to
    return page.render(t(SITE_TITLE), [
        f"# {t(SITE_TITLE)}",
        t("This site collects what sources say about the killing of protesters during the protest "
          "movement that began in Iraq in October 2019, about the forces and armed groups accused of "
          "it, and about the casualty figures, which often disagree."),
        t("Every figure about the events is a claim by someone, never a finding of the site. Each is "
          "shown as its "
          "source worded it, with who made it first and through whom it reached the source, and with a "
          "footnote to the passage it was read in."),
        "## " + t("The sources") + " {#sources}",
        disclosure.summary(page) + " " + t("[How the site weighs its sources]({target}).",
                                           target=f"{to(METHODOLOGY)}#sources"),
        "## " + t("Deaths claimed over time") + " {#timeline}",
        charts.timeline(ctx.ds, page.notes.cite, page.figure_links()).markdown(),
        "## " + t("Where") + " {#map}",
        charts.incident_map(ctx.ds, page.notes.cite, page.figure_links()).markdown(),
        "## " + t("Where to start"),
        "\n".join([
            t("- [Incidents]({incidents}) in date order, with the range of claimed deaths; also "
              "[by governorate]({governorates}).", incidents=to(INCIDENTS),
              governorates=to(GOVERNORATES_PAGE)),
            t("- [All casualty claims]({target}) in one table, source by source.", target=to(CLAIMS)),
            t("- [People]({people}) and [organisations]({organisations}), with every spelling "
              "of their names, Arabic script included; search finds any of them.", people=to(PEOPLE),
              organisations=to(ORGANISATIONS)),
            t("- [Sources]({target}): what kind of source each is, its stake in events, and "
              "every claim it makes or relays.", target=to(SOURCES)),
            t("- [Methodology]({target}): how figures become ranges, how independent "
              "sources are counted, and what the site does not claim.", target=to(METHODOLOGY)),
            t("- [Downloads]({target}): every claim as CSV and JSON, and the schemas of the data.",
              target=to(DOWNLOADS)),
        ]),
        "## " + t("Reading an incident page"),
        t("An incident page gives the date and place, a summary, and then every figure side by side: "
          "what was counted, the figure as worded, the claimant and each relay, the date of the claim, "
          "and the source. Above them, a range for each count shows how far the sources are apart, "
          "how many independent origins stand behind it, and a plain grade: "
          "*{single}*, *{corroborated}* or *{contested}*.", **_grades()),
    ])


def _readings() -> str:
    """The table of wording classes and how each is read, from the rules the validator applies."""
    rows = [(esc(vt(kind.replace("-", " "))), vt(wording), vt(reading)) for kind, wording, reading in RULES]
    return table((t("Class"), t("Wording"), t("Read as")), rows)


def _latin(names: str) -> str:
    """Spellings in Latin letters given as examples: names, tagged as English on other editions' pages."""
    return names if language() == "en" else f'<span lang="en" dir="ltr">{esc(names)}</span>'


def _grades() -> dict[str, str]:
    """The grades' names, for the texts that name them."""
    return {"single": vt(SINGLE), "corroborated": vt(CORROBORATED), "contested": vt(CONTESTED)}


def _vocabularies() -> str:
    """Every controlled vocabulary, word by word."""
    blocks = []
    for title, words in VOCABULARIES.items():
        items = t(", ").join(f"`{word}` ({esc(vt(meaning))})" for word, meaning in words.items())
        blocks.append(f"- **{esc(vt(title))}:** {items}.")
    return "\n".join(blocks)


# Incidents whose killed figures show the two grades at work, when the data holds them.
WORKED_EXAMPLES = ("2019-11-28-nasiriyah", "2019-11-28-najaf")


def _worked_example(page: Page, incident_id: str) -> str:
    """One incident's killed figures, origin by origin, with their intervals and the grade."""
    incident = page.ds.incidents.get(incident_id)
    group = page.ctx.links.figures[incident_id].toll() if incident else None
    if incident is None or group is None or len(group.origins) < 2:
        return ""
    origins = t("; ").join(f"{page.origin(origin)}: " + t(", ").join(figure(page, c) for c in claims)
                           for origin, claims in group.origins)
    return t("- *{incident}, killed.* {origins}. The group's grade is **{grade}** (range {range}).",
             incident=page.record("incident", incident_id), origins=origins, grade=esc(vt(group.grade or "")),
             range=isolated(group.range_text) + claim_refs(page, group.claims))


def _worked_examples(page: Page) -> list[str]:
    """The worked examples of the grades, from the data itself."""
    found = [text for text in (_worked_example(page, i) for i in WORKED_EXAMPLES) if text]
    if not found:
        return []
    return [t("Worked examples from the data: each origin's figures, as worded and as read. Where "
              "every origin's interval holds some common number the group is corroborated; where no "
              "number is in all of them it is contested."), "\n".join(found)]


def methodology(ctx: Context) -> str:
    """How the site turns claims into ranges and grades, and what it does not claim."""
    page = Page(ctx, METHODOLOGY)
    return page.render(t("Methodology"), [
        "# " + t("Methodology"),
        "## " + t("A figure is a claim") + " {#claims}",
        t("Every figure about the events on this site is a claim made by a source, not a finding of "
          "the site. A figure is shown as the source worded it, with the claimant who made it first "
          "and each relay through which it reached the source (its attribution chain), the date the "
          "claim was made where known, and a footnote. The footnote gives the formatted reference, the "
          "passage the figure was read in, an archived copy where there is one, and a link to the "
          "source's own page, which lists every claim that source makes or relays."),
        "## " + t("How wordings are read") + " {#readings}",
        t("Each wording belongs to one class, and each class has one reading: the lowest and the highest "
          "number the wording allows. The validator checks every record against this table, and every "
          "page shows the reading beside the figure when it differs from the bare number (for example "
          "“`at least 29`” (read as `29 or more`))."),
        _readings(),
        "## " + t("How figures become ranges") + " {#ranges}",
        t("Within one incident, figures are compared only when they count the same thing (killed, "
          "injured, arrested and so on), the same group of people (protesters, security forces, or not "
          "stated) and the same period. The range of such a group runs from the lowest to the highest "
          "number its figures state. A plus sign after the highest number, as in `29–46+`, means that "
          "figure was itself a floor; `up to 35` means no figure gave a lower limit. Figures are never "
          "averaged, and no figure is chosen as the true one."),
        t("A figure may cover the incident itself (the default), a stated period within it (from one "
          "date to another), or be a running total. Figures for different periods are never compared "
          "with each other."),
        "## " + t("Running totals") + " {#running-totals}",
        t("A running total counts from a start date up to the day it was given (its *as of* date): "
          "“`at least 354` killed since 1 October, as of 29 November”. Running totals of the same count "
          "and group form a series. A larger figure given later is a count that grew, not a source that "
          "disagrees, so a series is never pooled into one range and never graded for growing. The "
          "incident page shows the latest figure of each origin and a chart of the series; only figures "
          "given for the same day by different origins are compared, and graded, with each other."),
        "## " + t("Scope") + " {#scope}",
        t("A figure for a whole day of protests across the country is not compared with, or added to, "
          "a figure for one city on that day: each is shown on its own incident page, and the pages "
          "link to each other. A figure may carry a breakdown: a share for one governorate or place, or "
          "for one group of people, marked as within the total or counted besides it. A share reaches "
          "the page of its governorate, but is never added to the total a second time."),
        t("Figures that count no casualties (troops deployed, years in office, the length of a border, "
          "names on a list) are listed under *Other figures* on their incident page and stay out of the "
          "casualty tables, the timeline and the map."),
        "## " + t("The site's own counts") + " {#own-counts}",
        t("The site's own counts (how many sources or independent origins stand behind a range) are "
          "counts of the claims it holds, shown with the footnotes of those claims. Counts of the sources "
          "themselves (how many there are, of which kinds, how many from parties to the events) are "
          "counts of the site's bibliography and organisation records, made when the pages are built and "
          "marked with a note that says so."),
        "## " + t("Sources, their kinds and their stake") + " {#sources}",
        disclosure.summary(page),
        t("Each source has a kind, from the list below, and a stake: what it says about itself, or what "
          "is known of its affiliation, in its own words on its page. The kind says what sort of document "
          "it is, not whether it is right."),
        "### " + t("Kinds of source") + " {#source-kinds}",
        disclosure.kinds(page),
        "## " + t("Parties to the events") + " {#parties}",
        disclosure.parties(page),
        "## " + t("Independent origins") + " {#origins}",
        t("The origin of a claim is the first named person or organisation in its attribution chain. "
          "A spokesman speaking for an organisation counts as that organisation, and bodies speaking "
          "together (a joint press conference of several ministries) count as one origin. When a chain "
          "names no one (for example *medical sources*), the origin is the organisation that published "
          "the source or, when that is not recorded, the source itself. Claims that share an origin "
          "count once: two outlets relaying the same news agency report are one independent origin, "
          "not two."),
        "## " + t("Grades") + " {#grades}",
        t("Each origin's figures in a group form an interval, from the lowest to the highest number it "
          "allows, with open ends left open: `at least 29` is every number from `29` up; `up to 35` "
          "every number up to `35`. A denial that anyone was killed is the interval holding only zero."),
        "\n".join([
            t("- **{single}**: every figure in the group comes from one independent origin.", **_grades()),
            t("- **{corroborated}**: two or more origins, and their intervals share at least one value: "
              "every origin's figures could be true at once.", **_grades()),
            t("- **{contested}**: two or more origins whose intervals have no value in common, a denial "
              "against a positive figure included.", **_grades()),
        ]),
        *_worked_examples(page),
        t("A grade describes how far independent sources agree. It says nothing about whether a "
          "figure is true, and relays of one origin never make a figure corroborated."),
        "## " + t("Dates of claims") + " {#dates}",
        t("The *as of* date of a claim is the day its figure was counted up to, or the claim made. "
          "Each says how it was obtained: stated in the text, the date of the document (when the text "
          "gives none), or inferred, in which case a cited note explains how (for example, a toll said "
          "to be that of “the third day” of protests that began on 1 October). A date given only to the "
          "month is drawn at the month on charts."),
        "## " + t("Dates and numbers") + " {#numbers}",
        t("Dates are written day, month and year (28 November 2019); a date known only to the month or "
          "the year is written so, and an unknown one is said to be unknown. Figures are written in "
          "Western digits with a comma between thousands, in both editions of the site: the Arabic "
          "edition uses them too, as its record texts, most Iraqi news sites and the sources' own "
          "figures do, and names the months as they are named in Iraq. On Arabic pages every figure and "
          "range is set apart from the right-to-left text, so that `29–46+` always reads as written."),
        "## " + t("Allegations and denials") + " {#allegations}",
        t("Statements such as who commanded a unit or who fired on protesters are recorded as "
          "allegations made by named sources, with their attribution chains and footnotes, exactly "
          "like figures. A denial (that no one was killed, that a force was not there) is a claim of "
          "its own kind, attributed and cited in the same way and shown as a denial. The site does not "
          "decide between them."),
        "## " + t("Named victims") + " {#victims}",
        t("People killed in the events whom the sources name have a page of their own. Each fact about "
          "their death (the date, their age, how they were killed, where) carries its own footnote."),
        "## " + t("Names") + " {#names}",
        t("People, organisations and places are often written in several ways in English and in "
          "Arabic. Each has one page, which lists every spelling found in the sources; Arabic script "
          "is marked as Arabic, and the site's search finds a page by any of its spellings. Places "
          "within a city (a square, a bridge, a street) are listed with their own spellings on the "
          "incident page."),
        t("Search also finds a name spelt in a way the sources do not use. In Latin letters it takes "
          "the vowels as one ({vowels}), q and gh as k ({q}), a doubled letter as one ({doubled}) and "
          "leaves out apostrophes and a final h after a vowel ({apostrophes}). In Arabic script it ignores "
          "the hamza ({hamza}), short vowels and the article {article}, and reads {taa} as {ha} and {alef} "
          "as {ya}.", vowels=_latin("Suleimani, Soleimani; Kerbala, Karbala"), q=_latin("Qaani, Ghaani"),
          doubled=_latin("Nasseriya, Nasiriyah"), apostrophes=_latin("Kata'ib, Kataib; Nasiriya"),
          hamza=", ".join(lang_span(word, "ar") for word in ("أشرف", "اشرف")), article=lang_span("ال", "ar"),
          taa=lang_span("ة", "ar"), ha=lang_span("ه", "ar"), alef=lang_span("ى", "ar"), ya=lang_span("ي",
                                                                                                     "ar")),
        "## " + t("Words the data uses") + " {#vocabularies}",
        t("What a figure counts, whom it counts, the kinds of source and organisation, and the part a "
          "link plays in a chain come from fixed lists, so that the same thing is always written the "
          "same way:"),
        _vocabularies(),
        "## " + t("What this site does not claim") + " {#limits}",
        "\n".join([
            t("- It does not state how many people were killed or injured, in any incident or overall."),
            t("- It does not rule on allegations, denials, or anyone's responsibility."),
            t("- A grade of *{corroborated}* is not a confirmation, and *{contested}* does not mean "
              "that any source is wrong.", **_grades()),
            t("- Sources have interests of their own. Each source page says what kind of source it is "
              "and its stake in events, so that readers can weigh it."),
            t("- An incident missing from the site may still have happened; the data covers only what "
              "contributors have recorded so far."),
        ]),
    ])
