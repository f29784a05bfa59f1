"""The timeline's data table: every bar, box and running total with its footnotes; what is not drawn."""

from __future__ import annotations

from ..i18n import t, vt
from ..markup import name as record_name
from ..model import Dataset
from . import dates
from .history import chain_of, claimant, value_text
from .links import Links
from .links import title as incident_title
from .runs_draw import spoken
from .table import Mark, cited, derived_note, graded, markdown_table, md, md_link, too_many, worded
from .timeline import PROTESTS_BEGAN, Panel, Timeline, months_text, period_text

MAX_LINKED = 6  # incidents linked per row of the table
SUM_NOTE = "fs-timeline-sum"
def header() -> tuple[str, ...]:
    return (t("Period"), t("Lowest claim"), t("Highest claim"), t("Incidents"))


def _incidents_cell(ds: Dataset, letters: dict[str, str], ids: tuple[str, ...], links: Links) -> str:
    ids = tuple(sorted(ids, key=lambda i: (i not in letters, letters.get(i, ""), i)))
    cells = [(f"{letters[i]}: " if i in letters else "") + md_link(incident_title(ds, i), links.incident(i))
             for i in ids[:MAX_LINKED]]
    if len(ids) > MAX_LINKED:
        cells.append(t("and others, listed in the incidents index"))
    return t("; ").join(cells)


def _panel(ds: Dataset, panel: Panel, letters: dict[str, str], mark: Mark, links: Links) -> tuple[str, bool]:
    """One row per bar and box, in date order (longer periods first); and whether a sum cites a note."""
    rows = []
    for bar in panel.bars:
        first, last = dates.extent(bar.key)
        rows.append(((first, first > last), dates.spoken(bar.key), bar.total, bar.total.incidents))
    for span in panel.spans:
        what = t(" (a figure for that period)") if span.claim else ""
        length = (dates.full(span.last) - dates.full(span.first)).days
        rows.append(((span.first, -length), period_text(span) + what, span.total, (span.incident,)))
    cells = [[md(when), cited(found.low, found.low_cites, mark, SUM_NOTE),
              cited(found.high, found.high_cites, mark, SUM_NOTE), _incidents_cell(ds, letters, ids, links)]
             for _, when, found, ids in sorted(rows, key=lambda r: r[0])]
    return markdown_table(header(), cells), any(too_many(found) for _, _, found, _ in rows)


def _runs(ds: Dataset, data: Timeline, mark: Mark, links: Links) -> str:
    rows = []
    for run in data.runs:
        for incident_id, point in run.points:
            claim, note = point.claim, mark(point.claim.cite)
            incident = md_link(incident_title(ds, incident_id), links.incident(incident_id))
            grade = graded(data.grades.get((incident_id, claim.id)), links.grades)
            rows.append(((point.day, run.label), [
                spoken(point), claimant(ds, run.points[0][1].claim, record_name, md)[1],
                chain_of(ds, claim, record_name, md),
                worded(claim.figure or "") + note, grade, md(value_text(claim)) + note, incident]))
    rows.sort(key=lambda r: r[0])
    # Graded, as on the incident's page, against the running totals given on the same day.
    headers = (t("As of"), t("Claimant"), t("Attribution chain"), t("Figure as worded"),
               t("Grade on its day"), t("Drawn as"), t("Incident"))
    return markdown_table(headers, [r[1] for r in rows])


def _not_drawn(ds: Dataset, data: Timeline, mark: Mark, links: Links) -> str:
    why = {i: t("before the protests began ({date})",
                date=dates.spoken(PROTESTS_BEGAN)) for i in data.earlier}
    why.update({i: vt(reason) for i, reason in data.not_drawn})
    rows = []
    for incident_id in sorted(why, key=lambda i: (ds.incidents[i].date, i)):
        found = data.ranges[incident_id]
        incident = md_link(incident_title(ds, incident_id), links.incident(incident_id))
        rows.append([md(dates.spoken(ds.incidents[incident_id].date)), incident, md(why[incident_id]),
                     cited(found.low, [c.cite for c in found.low_claims], mark),
                     cited(found.high, [c.cite for c in found.high_claims], mark)])
    return markdown_table((t("Date"), t("Incident"), t("Why not drawn"), t("Lowest claim"),
                           t("Highest claim")),
                          rows)


def table(ds: Dataset, data: Timeline, mark: Mark, links: Links) -> str:
    """The numbers of each panel, cited; then the incidents left out and why."""
    letters = {m.incident: m.letter for p in (data.months, data.days) if p for m in p.markers}
    blocks, noted = [], False
    for panel, by_day in ((data.months, False), (data.days, True)):
        if panel is not None:
            shown, note = _panel(ds, panel, letters, mark, links)
            months = md(months_text(panel.first, panel.last))
            name = t("Day by day, {months}", months=months) if by_day else t("By month, {months}",
                                                                             months=months)
            blocks.append(f"**{name}**\n\n{shown}")
            noted = noted or note
    if data.runs and data.months:
        blocks.append("**" + t("Running totals of deaths") + f"**\n\n{_runs(ds, data, mark, links)}")
    if data.earlier or data.not_drawn:
        blocks.append("**" + t("Not drawn") + f"**\n\n{_not_drawn(ds, data, mark, links)}")
    if not blocks:
        return t("No incident with a dated death figure yet.") + "\n"
    out = "\n".join(blocks)
    if noted:
        out += derived_note(SUM_NOTE, t("A sum over many incidents. Each incident's lowest and highest "
                                        "figures are cited on its own page, reached from the incidents "
                                        "index."))
    return out
