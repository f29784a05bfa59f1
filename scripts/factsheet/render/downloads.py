"""The downloads page, and the files it offers: every claim as CSV and JSON, and the schemas."""

from __future__ import annotations

from collections.abc import Mapping

from .. import export
from ..markup import esc
from .common import METHODOLOGY, Context, Page, table
from .guide import DOWNLOADS

FOLDER = "downloads"
COLUMNS = {
    "incident_id": "Id of the incident (its page and file name).",
    "incident_title": "Title of the incident.",
    "date": "Date of the incident: a day, a month, a year, or unknown.",
    "place": "City or area, and governorates.",
    "claim_id": "Id of the claim, unique within its incident.",
    "kind": "figure (a count), allegation, or denial.",
    "counts": "What a figure counts: killed, injured, arrested and so on (a denial may deny a count).",
    "who": "Whom a figure counts, where the source says: protesters, security forces and so on.",
    "figure": "The figure as the source worded it.",
    "min": "The lowest number the wording allows; empty when it gives no lower limit or no number.",
    "max": "The highest number the wording allows; empty when there is no upper limit.",
    "period_from": "Start of the period the figure covers, when it is not the incident itself; for a "
                   "running total, the date it counts from.",
    "period_to": "End of that period; for a running total, the date it was counted up to (as_of).",
    "running_total": "true for a running total (a count since a date, as of a date), else false.",
    "as_of": "The date the claim was made or refers to, where known.",
    "as_of_basis": "How as_of was obtained: stated in the text, the document's date, or inferred.",
    "claimant": "Who made the claim first.",
    "origin": "The independent origin the claim counts for, as kind:id (a spokesman counts as his "
              "organisation; bodies speaking jointly as joint:...).",
    "chain": "The claimant, then each relay, up to the source.",
    "accused": "Whom an allegation accuses, separated by semicolons.",
    "group_min": "Lowest number stated in the claim's comparison group (same incident, count, group of "
                 "people and period).",
    "group_max": "Highest number stated in that group.",
    "group_range": "The group's range as the pages show it: a plus sign after the highest number when "
                   "that number is a floor (no upper limit), 'up to' when no figure gives a lower limit; "
                   "a denial counts as zero.",
    "grade": "The group's grade: single source, corroborated or contested.",
    "parts": "A breakdown of the figure, as a JSON list of {governorate, place, who, figure, min, max, "
             "in_addition}; in_addition is true for a part counted besides the total.",
    "source_key": "Key of the source in the bibliography (its page on this site).",
    "source_title": "Title of the source.",
    "source_publisher": "Organisation that published the source.",
    "source_kind": "What kind of source it is (UN body, news agency, advocacy media and so on).",
    "source_stake": "The source's affiliation or stake in the events.",
    "source_url": "Address of the source.",
    "locator": "The passage of the source the claim was read in.",
    "alleges": "What an allegation alleges.",
    "denies": "What a denial denies.",
    "note": "How the figure was read, or other remarks (citations shown as (source key, locator)).",
}


def _schema_text(name: str) -> str:
    kind = name.split(".")[0]
    if kind == "common":
        return "JSON Schema definitions shared by the other schemas."
    return f"JSON Schema of one {esc(kind)} record."


def files(ctx: Context, schemas: Mapping[str, str]) -> dict[str, str]:
    """The downloadable files, by their path in the site."""
    found = {f"{FOLDER}/claims.csv": export.to_csv(ctx.ds, ctx.links),
             f"{FOLDER}/claims.json": export.to_json(ctx.ds, ctx.links)}
    found.update({f"{FOLDER}/schemas/{name}": text for name, text in sorted(schemas.items())})
    return found


def page(ctx: Context, schemas: Mapping[str, str]) -> str:
    """The Markdown of the downloads page."""
    page = Page(ctx, DOWNLOADS)
    rows = [(f"[claims.csv]({page.to(FOLDER + '/claims.csv')})",
             "Every claim of every incident, one row per claim, as CSV encoded in `UTF-8`."),
            (f"[claims.json]({page.to(FOLDER + '/claims.json')})", "The same rows as a JSON array.")]
    rows += [(f"[{esc(name)}]({page.to(f'{FOLDER}/schemas/{name}')})", _schema_text(name))
             for name in sorted(schemas)]
    columns = "\n".join(f"- `{column}`: {esc(COLUMNS.get(column, ''))}" for column in export.COLUMNS)
    return page.render("Downloads", [
        "# Downloads",
        "The data behind this site, built from the same records as its pages.",
        table(("File", "What it holds"), rows),
        "## Columns of the claims files",
        columns,
        "Each figure in these files is a claim by its source, as on the pages; see the "
        f"[methodology]({page.to(METHODOLOGY)}) for how the site reads them.",
        "## Opening the CSV file in a spreadsheet",
        "A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) "
        "as a formula. The records come from many contributors, so in `claims.csv` such a cell starts "
        "with an apostrophe (`'`), which spreadsheets do not show: `=1+1` is written `'=1+1` and shows "
        "as `=1+1`. Any other program reading the CSV file sees the apostrophe; `claims.json` has the "
        "text exactly as written, without it.",
    ])
