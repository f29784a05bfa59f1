"""Reading the bibliography (sources.bib) into sources, with the line of every entry and field."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

import pybtex.errors
from pybtex.backends import BaseBackend
from pybtex.database import Entry, parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

from .model import Source, Where
from .problems import Problem
from .yamlio import CONTROL, MAX_STRING

_ENTRY_RE = re.compile(r"^\s*@(\w+)\s*[{(]\s*([^,\s]*)\s*,", re.MULTILINE)
_FIELD_RE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*=", re.MULTILINE)
# Every field a source may have, each shown on its page or in its references (a field outside these
# would be dropped without a word, so it is an error): the BibLaTeX fields Zotero writes that the
# references use, and the project's own (kind, stake, archiveurl, langid, publisherid, and origdate:
# for a page that republishes a report, the original's date; stake_ar and note_ar, the Arabic of stake
# and note, with translates_ar saying which English versions they translate).
COMMON_FIELDS = ("title", "author", "organization", "institution", "publisher", "howpublished", "date",
                 "year", "month", "urldate", "url", "archiveurl", "langid", "kind", "stake", "publisherid",
                 "note", "origdate", "stake_ar", "note_ar", "translates_ar")
TYPE_FIELDS = {"article": ("journaltitle", "journal", "volume", "number", "pages"),
               "report": ("type", "number")}
# Fields kept for maintainers and never published, with why (a source's note is published: it tells
# readers where the document can be read, or why it has no address).
INTERNAL_FIELDS: dict[str, str] = {
    "translates_ar": "the version of the English stake and note that stake_ar and note_ar translate, "
                     "written by factsheet translated so that validate can warn when the English changes",
}
# Pairs that name one thing: given both, one of them would not show.
SAME_FIELD = (("journaltitle", "journal"), ("date", "year"), ("date", "month"))
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")

Lines = dict[str, tuple[int, dict[str, int]]]


def allowed_fields(entry_type: str) -> tuple[str, ...]:
    """The fields an entry of this type may have."""
    return COMMON_FIELDS + TYPE_FIELDS.get(entry_type, ())


def entry_lines(text: str) -> Lines:
    """Line of each entry key and of each of its fields, found by scanning the text."""
    lines: Lines = {}
    starts = [(m.start(), m.group(2), text.count("\n", 0, m.start()) + 1)
              for m in _ENTRY_RE.finditer(text)]
    for index, (start, key, line) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        fields: dict[str, int] = {}
        for m in _FIELD_RE.finditer(text[start:end]):
            fields.setdefault(m.group(1).lower(), line + text.count("\n", start, start + m.start()))
        lines.setdefault(key, (line, fields))
    return lines


def _later_entry(lines: Lines, start: int, error_line: int) -> bool:
    """True when another entry starts between an entry's start and an error line."""
    return any(start < line <= error_line for line, _ in lines.values())


def _duplicates(text: str, shown: str) -> list[Problem]:
    """Entry keys used twice: pybtex drops the second one."""
    seen: set[str] = set()
    problems = []
    for match in _ENTRY_RE.finditer(text):
        key = match.group(2).lower()
        if key in seen:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(Problem(Where(shown, line), "duplicate-id", f"source key '{key}' is used twice"))
        seen.add(key)
    return problems


def parse_sources(text: str, shown: str) -> tuple[dict[str, Source], list[Problem]]:
    """Parse the BibTeX/BibLaTeX text with pybtex into sources, and every problem found."""
    sources, problems = _parse(text, shown)
    # pybtex puts an error at the end of a cut-off text one line past it: the last line is where it is.
    last = text.count("\n") + (0 if text.endswith("\n") else 1)
    return sources, [replace(p, where=Where(shown, max(1, min(p.where.line, last)))) for p in problems]


def _parse(text: str, shown: str) -> tuple[dict[str, Source], list[Problem]]:
    with pybtex.errors.capture() as captured:
        try:
            bib = parse_string(text, "bibtex")
        except PybtexSyntaxError as exc:
            return {}, [Problem(Where(shown, exc.lineno or 1), "bib-syntax", exc.message)]
    lines = entry_lines(text)
    problems = _duplicates(text, shown)
    for exc in captured:
        if "duplicate" in str(exc) and "entry" in str(exc) and "field" not in str(exc):
            continue  # reported above with its line
        code = "duplicate-key" if "duplicate" in str(exc) else "bib-syntax"
        key = next((k for k in lines if f"key {k} " in str(exc)), None)
        line = lines[key][0] if key else getattr(exc, "lineno", None) or 1
        problems.append(Problem(Where(shown, line), code, str(exc)))
    sources = {}
    broken = {getattr(exc, "lineno", None) for exc in captured if isinstance(exc, PybtexSyntaxError)}
    for key, entry in bib.entries.items():
        line, field_lines = lines.get(key, (1, {}))
        if any(b and b >= line and not _later_entry(lines, line, b) for b in broken):
            continue  # a half-parsed entry would only add noise to its syntax error
        source, found = _source(key, entry, Where(shown, line), field_lines)
        sources[key] = source
        problems += found
    return sources, problems


def _source(key: str, entry: Entry, where: Where,
            field_lines: dict[str, int]) -> tuple[Source, list[Problem]]:
    """One entry as a source: fields checked, BibTeX year and month read as its date."""
    fields = {name.lower(): str(value) for name, value in entry.fields.items()}
    fields.update((role.lower(), " and ".join(str(p) for p in people))
                  for role, people in entry.persons.items())

    def at(name: str) -> Where:
        return Where(where.path, field_lines.get(name, where.line))

    entry_type = entry.type.lower()
    problems = _field_problems(key, entry_type, fields, at)
    date, found = year_month(fields, at)
    problems += found
    if date:
        fields = {name: value for name, value in fields.items() if name not in ("year", "month")}
        fields["date"] = date
        field_lines = {**field_lines, "date": field_lines.get("year", where.line)}
    title = Text.from_latex(fields.get("title", "")).render(_text_backend())
    source = Source(key, entry_type, title, where, tuple(sorted(fields.items())),
                    tuple(sorted(field_lines.items())))
    return source, problems


def _field_problems(key: str, entry_type: str, fields: dict[str, str],
                    at: Callable[[str], Where]) -> list[Problem]:
    """Fields no page would show, fields given twice under two names, and values over the length limit."""
    allowed = allowed_fields(entry_type)
    problems = []
    for name in fields:
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            where_else = [t for t, extra in TYPE_FIELDS.items() if name in extra]
            used = f" (it is used in @{' and @'.join(where_else)} entries)" if where_else else ""
            problems.append(Problem(at(name), "unknown-field", f"source '{key}': unknown field "
                                    f"'{name}'{used}{hint} (allowed: {', '.join(sorted(allowed))})"))
        elif len(fields[name]) > MAX_STRING:
            problems.append(Problem(at(name), "string-too-long", f"source '{key}': field '{name}' has "
                                    f"{len(fields[name]):,} characters (limit {MAX_STRING:,})"))
        elif CONTROL.search(fields[name]):
            code = ord(CONTROL.search(fields[name])[0])
            problems.append(Problem(at(name), "control-character", f"source '{key}': field '{name}' holds "
                                    f"the invisible character U+{code:04X}: remove it"))
    for first, second in SAME_FIELD:
        if first in fields and second in fields:
            problems.append(Problem(at(second), "duplicate-key", f"source '{key}': '{first}' and "
                                    f"'{second}' both give the {first}; keep one"))
    return problems


def year_month(fields: dict[str, str], at: Callable[[str], Where]) -> tuple[str | None, list[Problem]]:
    """BibTeX's year and month as a date (2019-11), or the problem with them."""
    year, month = fields.get("year"), fields.get("month")
    if year is None and month is None or "date" in fields:
        return None, []
    if year is None or not re.fullmatch(r"\d{4}", year.strip()):
        shown = "missing" if year is None else f"'{year}'"
        return None, [Problem(at("year" if year is not None else "month"), "bad-date",
                              f"year is {shown}: give a four-digit year (or a date field, 2019-11-28)")]
    if month is None:
        return year.strip(), []
    number = _month_number(month)
    if number is None:
        return None, [Problem(at("month"), "bad-date", f"month '{month}' is not a month: use nov, "
                              "November or 11")]
    return f"{year.strip()}-{number:02d}", []


def _month_number(month: str) -> int | None:
    """1-12 for a month's number, name or three-letter abbreviation."""
    word = month.strip().lower().rstrip(".")
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    found = [n for n, name in enumerate(MONTHS, 1)
             if word == name or (len(word) >= 3 and name.startswith(word))]
    return found[0] if len(found) == 1 else None


@cache
def _text_backend() -> BaseBackend:
    # render_as() looks the plugin up among all installed packages on every call: 10 ms a source.
    return find_plugin("pybtex.backends", "text")()
