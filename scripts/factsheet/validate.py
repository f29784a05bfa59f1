"""Stage 2: check documents against the schemas, build records, and check them together."""

from __future__ import annotations

import re
from datetime import date as Date

from . import records, schema, text
from .governorates import GOVERNORATES
from .load import RawData
from .model import Dataset, Incident, Link, Source, Where
from .problems import Problem, sort_key
from .translations import source_stale
from .vocab import SOURCE_KINDS, suggest
from .wording import APPROXIMATE, Reading, read
from .yamlio import MAX_NUMBER

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_FORMS = "write a day 2019-11-28, a month 2019-11, a year 2019, or unknown"
SOURCE_TYPES = {"online", "article", "report", "misc"}
SOURCE_REQUIRED = ("title", "kind", "stake")


def validate(raw: RawData) -> tuple[Dataset, list[Problem]]:
    """All problems in the data, and a dataset of the records that could be built."""
    problems = list(raw.problems)
    dataset = Dataset(raw.root)
    seen: dict[tuple[str, str], str] = {}
    for doc in raw.documents:
        found = _document_problems(doc.kind, doc.id, doc.path, doc.data, seen)
        problems += found
        if not found:
            record = records.BUILDERS[doc.kind](doc.id, doc.path, doc.data)
            _table(dataset, doc.kind)[doc.id] = record
    dataset.sources.update(raw.sources)
    problems += _source_problems(raw.sources)
    cross = _dataset_problems(dataset)
    if _bib_unreadable(raw):
        # Every citation would be "unknown"; the one problem with the file says it all.
        cross = [p for p in cross if p.code != "unknown-source"]
    return dataset, sorted(set(problems + cross), key=sort_key)


def _bib_unreadable(raw: RawData) -> bool:
    """True when the bibliography could not be read at all."""
    return not raw.sources and any(p.where.path == raw.bib_path for p in raw.problems)


def _table(dataset: Dataset, kind: str) -> dict:
    return {"incident": dataset.incidents, "person": dataset.people,
            "organisation": dataset.organisations}[kind]


def _document_problems(kind: str, record_id: str, path: str, data: object,
                       seen: dict[tuple[str, str], str]) -> list[Problem]:
    """File-level problems: the id, duplicates, the schema."""
    where = Where(path, 1)
    problems = []
    if not ID_RE.match(record_id):
        problems.append(Problem(where, "bad-id", f"file name '{record_id}' is not a valid id "
                                "(lowercase letters, digits and single hyphens)"))
    if (kind, record_id) in seen:
        problems.append(Problem(where, "duplicate-id",
                                f"{kind} '{record_id}' is already defined in {seen[kind, record_id]}"))
    seen.setdefault((kind, record_id), path)
    if not isinstance(data, dict):
        return problems + [Problem(where, "wrong-type", "a record file must hold one mapping")]
    found = schema.check(kind, data, path)
    # The record is not built, so its cross-record checks do not run: report what can be told anyway.
    return problems + found + (_unbuilt_range_problems(path, data) if found else [])


def _unbuilt_range_problems(path: str, data: dict) -> list[Problem]:
    """min over max in the claims of a record the schema refused (a negative figure hid it)."""
    claims = data.get("claims")
    if not isinstance(claims, list):
        return []
    lines = getattr(claims, "item_lines", [])
    problems = []
    for index, item in enumerate(claims):
        if not isinstance(item, dict):
            continue
        low, high = item.get("min"), item.get("max")
        if type(low) is int and type(high) is int and low > high:
            where = Where(path, lines[index] if index < len(lines) else 1)
            problems.append(Problem(where, "min-over-max", _over_max(str(item.get("id")), low, high)))
    return problems


def _over_max(claim_id: str, low: int, high: int) -> str:
    return f"claim '{claim_id}': min {low} is greater than max {high}"


def _source_problems(sources: dict[str, Source]) -> list[Problem]:
    """Bibliography entries: key, type, the project's required fields, dates and URLs."""
    problems = []
    for key, source in sources.items():
        lines = dict(source.field_lines)

        def at(name: str, src: Source = source, lines: dict = lines) -> Where:
            return Where(src.where.path, lines.get(name, src.where.line))

        if not ID_RE.match(key):
            problems.append(Problem(source.where, "bad-id", f"source key '{key}' is not a valid id"))
        if source.entry_type not in SOURCE_TYPES:
            problems.append(Problem(source.where, "bad-value", f"entry type @{source.entry_type} is "
                                    f"not one of {', '.join(sorted(SOURCE_TYPES))}"))
        for name in SOURCE_REQUIRED:
            if not source.get(name):
                message = f"source '{key}': missing field '{name}'"
                problems.append(Problem(source.where, "missing-field", message))
        for name in ("url", "archiveurl"):
            value = source.get(name)
            if value and not re.match(r"^https?://\S+$", value):
                problems.append(Problem(at(name), "bad-url", f"{name} must be an http(s) address: {value}"))
        for name in ("date", "origdate"):
            value = source.get(name)
            if value is not None and not valid_date(value):
                problems.append(Problem(at(name), "bad-date", f"{name}: not a date: {value} ({DATE_FORMS})"))
        for name, why in source_stale(source):
            code = "stale-translation" if why == "stale" else "untracked-translation"
            problems.append(Problem(at(f"{name}_ar"), code, f"source '{key}': {name}_ar "
                                    + ("translates an older English text" if why == "stale" else
                                       "does not say which English text it translates")
                                    + "; run factsheet translated data/sources.bib", warning=True))
        kind = (source.get("kind") or "").strip("{} ")
        if kind and kind not in SOURCE_KINDS:
            problems.append(Problem(at("kind"), "unknown-word", f"source '{key}': kind '{kind}' is not "
                                    f"a kind of source{suggest(kind, SOURCE_KINDS)}; one of: "
                                    f"{', '.join(SOURCE_KINDS)}"))
    return problems


def valid_date(value: str) -> bool:
    """True for YYYY, YYYY-MM, YYYY-MM-DD (a real calendar date) or unknown."""
    if value == "unknown":
        return True
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        Date(year, month, day)
    except ValueError:
        return False
    return True


def _dataset_problems(ds: Dataset) -> list[Problem]:
    """Problems across records: references, dates, figures, citations, cycles."""
    from .checks import Checker  # the cross-record rules live in their own module

    return Checker(ds).run()


def figure_problems(claim_id: str, figure: str | None, low: int | None, high: int | None,
                    where: Where) -> list[Problem]:
    """A figure's numbers must agree with each other and with the reading of its wording."""
    problems = []
    if low is not None and high is not None and low > high:
        problems.append(Problem(where, "min-over-max", _over_max(claim_id, low, high)))
    wording = (figure or "").strip()
    if any(len(run) > len(str(MAX_NUMBER)) or int(run) > MAX_NUMBER
           for run in re.findall(r"\d+", wording.replace(",", ""))):
        return problems + [Problem(where, "number-too-large", f"claim '{claim_id}': the figure's number "
                                   f"is above the limit of {MAX_NUMBER:,}")]
    found = read(wording)
    if found is None:
        problems.append(Problem(where, "figure-unreadable", f"claim '{claim_id}': cannot tell how "
                                f"'{wording}' reads; start it with the number or with one of the documented "
                                "qualifiers, e.g. 'at least 29', 'up to 35', 'about 6', 'between 29 and "
                                "80', 'dozens' (the list is on the methodology page)"))
    elif not found.allows(low, high):
        problems.append(Problem(where, "figure-mismatch", f"claim '{claim_id}': '{wording}' "
                                f"{expected(found)}, but the record has min {shown(low)}, max {shown(high)}"))
    return problems


def shown(value: int | None) -> str:
    """A min or max as written in YAML."""
    return "null" if value is None else str(value)


def expected(found: Reading) -> str:
    """What a reading asks of min and max, in words."""
    if found.kind == APPROXIMATE:
        return f"is about {found.number}: min and max must include {found.number}"
    words = {"at-least": "a floor", "at-most": "a ceiling", "exact": "an exact number", "range": "a range",
             "vague": "a word for many", "zero": "zero", "wordless": "no number"}
    return f"is read as {words.get(found.kind, found.kind)} (min {shown(found.min)}, max {shown(found.max)})"


def link_kind(link: Link) -> int:
    """How many of person, organisation and unnamed a link names (exactly one is right)."""
    return sum(1 for value in (link.person, link.organisation, link.unnamed) if value)


def governorate_problems(incident: Incident) -> list[Problem]:
    """Governorate ids must be Iraq's."""
    where = Where(incident.where.path, incident.lines.get("place", incident.where.line))
    return [Problem(where, "unknown-governorate", governorate_message(g))
            for g in incident.place.governorates if g not in GOVERNORATES]


def governorate_message(gov_id: str) -> str:
    """Why a governorate id is wrong, with the nearest id and the full list."""
    return (f"'{gov_id}' is not a governorate of Iraq{suggest(gov_id, GOVERNORATES)}; use one of: "
            f"{', '.join(GOVERNORATES)}")


__all__ = ["validate", "valid_date", "figure_problems", "text"]
