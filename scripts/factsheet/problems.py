"""Problems a user can cause, reported as path:line: code: message."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Where

# Every code the validator can emit, with what it means. Tests hold one bad fixture per code.
CODES: dict[str, str] = {
    "unreadable-file": "a file or the data directory cannot be read (or sources.bib is missing)",
    "not-regular-file": "a symbolic link, device or pipe in the data directory: only regular files are read",
    "misnamed-file": "a file in a record folder not named <id>.yml (.YML, .yaml, notes.txt, ...)",
    "file-too-large": "a file is over the size limit (1 MB); records are a few KB",
    "not-utf8": "a file is not UTF-8 text",
    "yaml-syntax": "the YAML cannot be parsed",
    "too-complex": "aliases expand the YAML beyond the limit",
    "too-deep": "lists and mappings nested beyond the limit (64 levels; records need about 6)",
    "bad-number": "a number YAML reads otherwise than it looks (010 is 8; 1_000, 0x1f) or not finite (.nan)",
    "number-too-large": "a number above 1,000,000,000",
    "string-too-long": "a value over 10,000 characters",
    "control-character": "an invisible control character in a value (a YAML escape such as \\x02)",
    "duplicate-key": "a key appears twice in one mapping (YAML would silently keep one)",
    "empty-file": "a record file holds no record",
    "misplaced-file": "a YAML file outside incidents/, people/ or organisations/",
    "bib-syntax": "sources.bib cannot be parsed",
    "missing-field": "a required field is missing",
    "unknown-field": "a field the schema does not know (often a typo)",
    "wrong-type": "a value of the wrong type (text where a list is needed, ...)",
    "figure-not-number": "min or max is not a whole number, or a figure with digits has no min",
    "negative-figure": "min or max below zero",
    "bad-date": "not a date: use 2019-11-28, 2019-11, 2019 or unknown",
    "bad-id": "a file name or source key that is not lowercase letters, digits and hyphens",
    "bad-reference": "a reference or chain link that names none or several of person/organisation/unnamed",
    "empty-value": "an empty text where one is required",
    "bad-value": "a value outside the allowed set",
    "uncited-figure": "a figure without a citation",
    "unknown-person": "a reference to a person with no record",
    "unknown-organisation": "a reference to an organisation with no record",
    "unknown-incident": "a reference to an incident with no record",
    "unknown-source": "a citation of a key that is not in sources.bib",
    "missing-locator": "a citation marker with no locator ([@key, para. 2])",
    "uncited-numeral": "a number in free text with no citation marker in the same sentence",
    "raw-html": "HTML in free text",
    "bad-url": "a link or URL that is not http(s)",
    "date-order": "an end date before its start",
    "unknown-governorate": "a governorate id that is not one of Iraq's",
    "duplicate-id": "an id used twice (records, claims in an incident, source keys)",
    "claim-kind": "a claim that is both or neither a figure and an allegation",
    "min-over-max": "min greater than max",
    "figure-mismatch": "min/max that do not follow from the figure's wording",
    "part-of-cycle": "incidents whose part_of links form a loop",
    "parent-cycle": "organisations whose parent links form a loop",
    "unknown-word": "a word that is not in its controlled vocabulary (counts, who, kinds, roles)",
    "figure-unreadable": "a figure's wording that no documented reading covers",
    "bad-period": "a period with neither from nor to, or a running total (since) without as_of",
    "part-over-total": "a part of a figure larger than the total it is within",
    "unknown-claim": "a denial answering a claim id that is not in its incident",
    "unused-source": "warning: a source no record cites",
    "stale-translation": "warning: an Arabic text translates an older version of its English text",
    "untracked-translation": "warning: an Arabic text does not record which English text it translates",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning at a place in the data."""

    where: Where
    code: str
    message: str
    warning: bool = False

    def __post_init__(self) -> None:
        if self.code not in CODES:  # keeps the documented list and the fixtures complete
            raise ValueError(f"undocumented problem code {self.code!r}")

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        # One line per problem, whatever a message quotes: tools read the output line by line.
        return f"{self.where}: {self.code}: {prefix}{' '.join(self.message.split())}"


def sort_key(problem: Problem) -> tuple[str, int, str, str]:
    """Order problems by file, then line, so output is stable."""
    return (problem.where.path, problem.where.line, problem.code, problem.message)


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the problems that fail a run."""
    return [p for p in problems if not p.warning]


class DataError(Exception):
    """Raised by callers that need valid data and did not get it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
