"""The downloads page, and the files it offers: claims, every record kind, the bibliography, schemas."""

from __future__ import annotations

from collections.abc import Mapping

from .. import dump, export
from ..i18n import N_, language, t, vt
from ..markup import esc
from .blocks import table
from .common import METHODOLOGY, Context, Page
from .guide import DOWNLOADS

FOLDER = "downloads"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
# The files, in the order the page lists them: (file, its schema or None, what it holds).
FILES = (
    ("claims.csv", "claims.schema.json",
     N_("Every claim of every incident, one row per claim, as CSV encoded "
        "in `UTF-8`; the columns are described below (the schema describes the JSON rows, which are the "
        "same).")),
    ("claims.json", "claims.schema.json", N_("The same rows as a JSON array of objects.")),
    ("incidents.json", "incidents.schema.json", N_("Every incident record as the site holds it: date, place, "
     "summary, who was involved, and each claim with its chain, citation, period and breakdown.")),
    ("people.json", "people.schema.json", N_("Every person: names and spellings, posts with their citations, "
     "and for the named dead what the sources say of their death.")),
    ("organisations.json", "organisations.schema.json", N_("Every organisation: names, kind, parent, and "
     "whether it is a party to the events.")),
    ("sources.json", "sources.schema.json", N_("Every source with all its bibliography fields as plain text, "
     "its kind and stake, and whether it is a party's source.")),
    ("sources.bib", None, N_("The bibliography as BibLaTeX, for Zotero, JabRef or LaTeX (the project's own "
     "fields kind, stake, archiveurl and publisherid included).")),
    ("sources.csl.json", "sources.csl.schema.json", N_("The bibliography as CSL-JSON, which Zotero, Pandoc "
     "and citation processors read; the project's own fields are under custom.")),
)


def _name(value: str) -> str:
    """A Latin-script name (MIT) on a page in another language, tagged as such."""
    return value if language() == "en" else f'<span lang="en" dir="ltr">{value}</span>'


def _schema_text(name: str) -> str:
    kind = name.split(".")[0]
    if kind == "common":
        return t("JSON Schema definitions shared by the other record schemas.")
    return t("JSON Schema of one {kind} record file (YAML) in the repository's data folder.", kind=esc(kind))


def files(ctx: Context, schemas: Mapping[str, str]) -> dict[str, str]:
    """The downloadable files, by their path in the site."""
    known = ctx.parties
    found = {"claims.csv": export.to_csv(ctx.ds, ctx.links), "claims.json": export.to_json(ctx.ds, ctx.links),
             **{f"{stem}.json": text for stem, text in dump.records(ctx.ds, known).items()},
             "sources.bib": dump.bibtex(ctx.ds), "sources.csl.json": dump.csl_json(ctx.ds, known),
             "claims.schema.json": dump.claims_schema(export.DESCRIPTIONS),
             **{f"{stem}.schema.json": dump.records_schema(stem) for stem in dump.KINDS},
             "sources.schema.json": dump.sources_schema(), "sources.csl.schema.json": dump.csl_schema()}
    out = {f"{FOLDER}/{name}": text for name, text in found.items()}
    out.update({f"{FOLDER}/schemas/{name}": text for name, text in sorted(schemas.items())})
    return out


def page(ctx: Context, schemas: Mapping[str, str]) -> str:
    """The Markdown of the downloads page."""
    page = Page(ctx, DOWNLOADS)

    def link_to(name: str) -> str:
        return f"[{_name(esc(name))}]({page.to_shared(f'{FOLDER}/{name}')})"

    rows = [(link_to(name), link_to(schema) if schema else "—", t(text)) for name, schema, text in FILES]
    inputs = [(f"[{_name(esc(name))}]({page.to_shared(f'{FOLDER}/schemas/{name}')})", _schema_text(name))
              for name in sorted(schemas)]
    meanings = export.DESCRIPTIONS
    columns = "\n".join(f"- `{column}`: {esc(vt(meanings.get(column, '')))}" for column in export.COLUMNS)
    edition = ctx.edition
    return page.render(t("Downloads"), [
        "# " + t("Downloads"),
        t("The data behind this site, built from the same records as its pages, data version "
          "{version}, up to {date} (the newest date in the data). Free text is plain text: a citation such "
          "as `[@source-key, para. 2]` is written `(source-key, para. 2)`. Records are in order of their "
          "ids, claims in the order of their incident's file.",
          version=f'<span class="fs-name">{edition["data_version"]}</span>', date=edition["data_date_text"]),
        table((t("File"), t("Its schema"), t("What it holds")), rows),
        "## " + t("Licence") + " {#licence}",
        t("The data (the records, these files and the text of the pages) are under the {licence} "
          "({short}): you may share and adapt them for any purpose, giving credit to this site, linking to "
          "the licence and saying what you changed. The code that builds the site is under the {mit} "
          "licence. The sources keep their own terms: the records quote them only in short, attributed "
          "fragments.", licence=t("[Creative Commons Attribution 4.0 International licence]({target})",
                                  target=LICENCE) + "{: .fs-name }",
          short='<span class="fs-name">CC BY 4.0</span>', mit=_name("MIT")),
        "## " + t("Columns of the claims files") + " {#columns}",
        columns,
        t("Each figure in these files is a claim by its source, as on the pages; see the "
          "[methodology]({target}) for how the site reads them.", target=page.to(METHODOLOGY)),
        "## " + t("Opening the CSV file in a spreadsheet"),
        t("A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) "
        "as a formula. The records come from many contributors, so in `claims.csv` such a cell starts "
        "with an apostrophe (`'`), which spreadsheets do not show: `=1+1` is written `'=1+1` and shows "
        "as `=1+1`. Any other program reading the CSV file sees the apostrophe; `claims.json` has the "
        "text exactly as written, without it."),
        "## " + t("Schemas of the record files") + " {#record-schemas}",
        t("The records in the repository's data folder are YAML files checked against these schemas "
          "(editors with a YAML language server complete and check fields with them)."),
        table((t("Schema"), t("What it describes")), inputs),
    ])
