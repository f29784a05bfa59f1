"""A review as Markdown (for a pull request's job summary) or JSON (for other tools)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..markup import esc
from .aids import Aid
from .compare import KINDS, ClaimChange, FieldChange, RecordChange
from .impact import GroupChange

LONG = 8  # texts of this many words or more are shown as a word-level diff
MAX_BYTES = 1_000_000  # GitHub keeps at most 1 MiB of one step's job summary


@dataclass(frozen=True)
class Review:
    """Everything a reviewer needs to know about a change of the data."""

    base: str
    head: str
    notes: tuple[str, ...]
    records: tuple[RecordChange, ...]
    claims: tuple[ClaimChange, ...]
    groups: tuple[GroupChange, ...]
    pages_added: tuple[str, ...]
    pages_removed: tuple[str, ...]
    broken: tuple[str, ...]
    aids: tuple[Aid, ...]

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.records or self.claims)


def cell(text: str | None) -> str:
    """Data text made safe for one Markdown table cell; an absent value as a dash."""
    return esc(text) if text else "—"


def code(text: str) -> str:
    """Text as a Markdown code span, which shows every character as written (backticks aside)."""
    return "`" + " ".join(text.replace("`", "'").split()) + "`"


def word_diff(old: str, new: str) -> str:
    """Two texts as one, words taken out struck through and words put in bold."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            out.append(f"~~{esc(' '.join(a[i1:i2]))}~~")
        if op in ("replace", "insert"):
            out.append(f"**{esc(' '.join(b[j1:j2]))}**")
        if op == "equal":
            out.append(esc(" ".join(a[i1:i2])))
    return " ".join(out)


def _field_rows(changes: tuple[FieldChange, ...], status: str) -> list[str]:
    if status != "changed":
        rows = ["| Field | Value |", "| --- | --- |"]
        rows += [f"| `{c.path}` | {cell(c.new if status == 'added' else c.old)} |" for c in changes]
        return rows
    rows = ["| Field | Old | New |", "| --- | --- | --- |"]
    for c in changes:
        long = c.old and c.new and max(len(c.old.split()), len(c.new.split())) >= LONG
        new = word_diff(c.old or "", c.new or "") if long else cell(c.new)
        rows.append(f"| `{c.path}` | {cell(c.old)} | {new} |")
    return rows


def _claim_entry(change: ClaimChange) -> str:
    heading = f"#### `{change.incident}` / `{change.id}` ({change.kind}) — `{change.page}`"
    return "\n".join([heading, "", *_field_rows(change.fields, change.status), ""])


def _record_entry(change: RecordChange) -> str:
    heading = (f"#### {change.status.capitalize()} {change.kind} `{change.id}`: {cell(change.label)} "
               f"— `{change.page}`")
    return "\n".join([heading, "", *_field_rows(change.fields, change.status), ""])


def _group_rows(groups: tuple[GroupChange, ...]) -> list[str]:
    rows = ["| Incident | Counted | Before | After |", "| --- | --- | --- | --- |"]
    # Before and after are the site's own words and numbers (29–46+, 2 origins, corroborated), not data.
    rows += [f"| {cell(g.title)} (`{g.page}`) | {cell(g.scope)} | {g.before or '—'} | {g.after or '—'} |"
             for g in groups]
    return rows


def _summary(review: Review) -> str:
    """'Claims: 1 changed, 2 added (3 figures, …). People: 1 added.'"""
    parts = []
    for title, items in (("Claims", review.claims), *(
            (heading, [r for r in review.records if r.kind == kind]) for kind, _, heading in KINDS)):
        counts: dict[str, int] = {}
        for item in items:
            counts[item.status] = counts.get(item.status, 0) + 1
        if counts:
            parts.append(f"{title}: " + ", ".join(f"{n} {status}" for status, n in counts.items()) + ".")
    return " ".join(parts)


def sections(review: Review, limit: int | None) -> list[tuple[str, list[str]]]:
    """(heading, entries) in the order a reviewer reads them."""
    def capped(entries: list[str]) -> list[str]:
        if limit is None or len(entries) <= limit:
            return entries
        return entries[:limit] + [f"…and {len(entries) - limit} more; run `factsheet diff` locally to see "
                                  "them all.\n"]

    out: list[tuple[str, list[str]]] = []
    if review.groups:
        table = "\n".join(_group_rows(review.groups)) + "\n"
        out.append((f"Ranges and grades ({len(review.groups)})", [table]))
    if review.aids:
        out.append((f"Things to check ({len(review.aids)})",
                    capped([f"- **{a.kind}** (`{a.subject}`): {esc(a.message)}\n" for a in review.aids])))
    for status in ("changed", "added", "removed"):
        found = [c for c in review.claims if c.status == status]
        if found:
            out.append((f"Claims {status} ({len(found)})", capped([_claim_entry(c) for c in found])))
    for kind, _, heading in KINDS:
        found = [r for r in review.records if r.kind == kind]
        if found:
            out.append((f"{heading} ({len(found)})", capped([_record_entry(r) for r in found])))
    if review.pages_added or review.pages_removed:
        both = (("Pages added", review.pages_added), ("Pages removed", review.pages_removed))
        lines = [f"- {what}: " + ", ".join(f"`{p}`" for p in paths) + "\n" for what, paths in both if paths]
        out.append(("Pages", lines))
    if review.broken:
        out.append((f"Broken links ({len(review.broken)})",
                    capped([f"- {code(b)}\n" for b in review.broken])))
    return out


def _revision(name: str) -> str:
    """A git revision as code; the working tree in words."""
    return name if name == "the working tree" else f"`{name.replace('`', '')}`"


def markdown(review: Review, limit: int | None = None, max_bytes: int = MAX_BYTES) -> str:
    """The review as Markdown, at most max_bytes long (what does not fit is counted at the end)."""
    out = [f"## Data changes: {_revision(review.base)} → {_revision(review.head)}", ""]
    out += [f"> **Note:** {esc(note)}" for note in review.notes] + ([""] if review.notes else [])
    if review.empty:
        return "\n".join(out + ["No record, claim or source changed.", ""])
    graded = [g for g in review.groups if g.grade_changed]
    if graded:
        out += [f"> **Grades changed ({len(graded)}):** " + "; ".join(
            f"{esc(g.title)}, {esc(g.scope)}: {g.grade_before} → {g.grade_after}" for g in graded), ""]
    out += [_summary(review), "",
            "Each record and claim lists its page in the site preview that this pull request's checks "
            "build (see the job summary's preview note).", ""]
    text = "\n".join(out) + "\n"
    left = 0
    for heading, entries in sections(review, limit):
        block = f"### {heading}\n\n"
        for entry in entries:
            if len((text + block + entry).encode("utf-8")) > max_bytes - 200:
                left += 1
                continue
            block += entry + "\n"
        text += block
    if left:
        text += (f"\n…and {left} more entries that do not fit in a job summary; run `factsheet diff` "
                 "locally.\n")
    return text


def to_json(review: Review) -> str:
    """The same facts as JSON."""
    def fields(changes: tuple[FieldChange, ...]) -> list[dict]:
        return [{"path": c.path, "old": c.old, "new": c.new} for c in changes]

    data = {
        "base": review.base, "head": review.head, "notes": list(review.notes),
        "grades_changed": [g.page for g in review.groups if g.grade_changed],
        "groups": [{"incident": g.incident, "page": g.page, "scope": g.scope, "before": g.before,
                    "after": g.after, "grade_before": g.grade_before, "grade_after": g.grade_after}
                   for g in review.groups],
        "claims": [{"incident": c.incident, "id": c.id, "kind": c.kind, "status": c.status, "page": c.page,
                    "fields": fields(c.fields)} for c in review.claims],
        "records": [{"kind": r.kind, "id": r.id, "label": r.label, "status": r.status, "page": r.page,
                     "fields": fields(r.fields)} for r in review.records],
        "pages": {"added": list(review.pages_added), "removed": list(review.pages_removed)},
        "broken": list(review.broken),
        "to_check": [{"kind": a.kind, "page": a.subject, "message": a.message} for a in review.aids],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
