"""`factsheet new`: write a commented skeleton record that validates once its blanks are filled in."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from .load import KINDS, display_path
from .model import Where
from .problems import Problem
from .schema import SCHEMA_DIR
from .validate import ID_RE

DIRS = {kind: directory for directory, kind in KINDS.items()}

# Blanks are "" on purpose: an empty value fails validation (empty-value, bad-date, bad-id,
# figure-not-number), so a skeleton cannot be merged half-filled.
HEADER = """\
# yaml-language-server: $schema={schema}
# {label} '{id}': the file name is the id (rename the file to change it).
# How to fill this in: CONTRIBUTING.md. Replace every "" with a value, delete the
# optional lines you do not need, then run: factsheet validate
"""

INCIDENT = """\
title: {title}  # what happened and where, in neutral words
date: ""  # 2019-11-28; 2019-11 or 2019 when the sources give no day; unknown if none
# end_date: ""  # last day, for an incident that lasted several days
place:
  # At least one of city, area, governorates, country.
  city: ""  # the English spelling most sources use
  # variants:  # every other spelling in the sources; Arabic script with lang: ar
  #   - name: ""
  #   - name: ""
  #     lang: ar
  governorates: []  # ids of Iraq's governorates, e.g. [dhi-qar] or [baghdad, najaf]
  # area: ""  # a wider area when there is no city, e.g. southern Iraq
  # coordinates: {{lat: 0.0, lon: 0.0, precision: city}}  # exact, neighbourhood, city, governorate, region
# part_of: ""  # id of a wider incident, e.g. the day of protests this belongs to
summary: ""  # what happened, in neutral words; every number needs a [@source-key, locator] marker
# involved:  # people and organisations taking part, each with a cited role
#   - organisation: ""  # or person: ""
#     role: ""
#     cite: {{source: "", locator: ""}}
claims:
  # One entry per figure (or allegation) per source; copy the block for the next one.
  - id: ""  # unique in this incident, e.g. killed-reuters
    counts: killed  # what is counted: killed, injured, arrested, abducted, ...
    figure: ""  # exactly as the source words it: "at least 46", "dozens", "29"
    min: ""  # lowest number the wording allows: 46 for "at least 46"; null for "a large number"
    max: null  # highest number the wording allows; null when open-ended ("at least 46")
    # who: protesters  # who was counted, only if the source says: protesters, security-forces, all
    # as_of: ""  # the date the figure was given
    chain:  # who said it first, then each outlet or person that passed it on, down to the source
      - unnamed: ""  # words for an unnamed origin; or organisation: <id>; or person: <id>
    cite:
      source: ""  # key of the entry in data/sources.bib
      locator: ""  # where in the source: para. 3, or a short quotation
    # note: ""  # how the wording became min and max, with a [@source-key, locator] marker
"""

PERSON = """\
name: {title}  # the name as most English-language sources write it
# variants:  # every other spelling the sources use; Arabic script with lang: ar
#   - name: ""
#   - name: ""
#     lang: ar
# roles:  # posts held, each with a citation; dates may be partial (2019-11, 2019)
#   - title: ""
#     organisation: ""  # organisation id, if it has a record
#     from: ""
#     to: ""
#     cite: {{source: "", locator: ""}}
summary: ""  # who this is, in neutral words; every number needs a [@source-key, locator] marker
"""

ORGANISATION = """\
name: {title}  # the name as most English-language sources write it
# variants:  # other names and abbreviations; Arabic script with lang: ar
#   - name: ""
#     abbreviation: true
#   - name: ""
#     lang: ar
kind: ""  # militia, state-security-force, government-body, political-party, media-outlet,
          # news-agency, advocacy-group, intergovernmental-body, ...
# parent: ""  # id of the organisation this one belongs to
summary: ""  # what it is, in neutral words; every number needs a [@source-key, locator] marker
"""

BODIES = {"incident": INCIDENT, "person": PERSON, "organisation": ORGANISATION}


def scalar(value: str | None) -> str:
    """A one-line YAML scalar, quoted only when YAML needs it; "" when there is no value."""
    if not value or not value.strip():
        return '""'
    dumped = yaml.safe_dump(" ".join(value.split()), allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n").removesuffix("\n...")


def schema_ref(directory: Path, kind: str) -> str:
    """The schema path as seen from the record's directory, for the editor's YAML extension."""
    schema = SCHEMA_DIR / f"{kind}.schema.json"
    try:
        return Path(os.path.relpath(schema.resolve(), directory.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return schema.resolve().as_uri()


def skeleton(kind: str, record_id: str, title: str | None, directory: Path) -> str:
    """The text of a new record file."""
    header = HEADER.format(schema=schema_ref(directory, kind), label=kind.capitalize(), id=record_id)
    return header + BODIES[kind].format(title=scalar(title))


def refusal(kind: str, record_id: str, data: Path) -> Problem | None:
    """Why the record cannot be created, or None."""
    target = data / DIRS[kind] / f"{record_id}.yml"
    where = Where(display_path(target), 1)
    if not data.is_dir():
        return Problem(Where(display_path(data), 1), "unreadable-file", "no such data directory")
    if not ID_RE.match(record_id):
        return Problem(where, "bad-id", f"'{record_id}' is not a valid id "
                       "(lowercase letters, digits and single hyphens)")
    for existing in (target, target.with_suffix(".yaml")):
        if existing.exists():
            return Problem(Where(display_path(existing), 1), "duplicate-id",
                           f"{kind} '{record_id}' already exists")
    return None


def create(kind: str, record_id: str, title: str | None, data: Path) -> Path:
    """Write the skeleton (the caller has checked refusal()); return its path."""
    directory = data / DIRS[kind]
    directory.mkdir(exist_ok=True)
    target = directory / f"{record_id}.yml"
    with target.open("x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
        out.write(skeleton(kind, record_id, title, directory))
    return target


def command(args: argparse.Namespace) -> int:
    """Entry point of `factsheet new`."""
    problem = refusal(args.kind, args.id, args.data)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    target = create(args.kind, args.id, args.title, args.data)
    print(f"wrote {display_path(target)}: fill in every \"\", then run factsheet validate")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `factsheet new`."""
    parser.add_argument("kind", choices=sorted(BODIES), help="what to create")
    parser.add_argument("--id", required=True,
                        help="the record's id and file name, e.g. 2019-11-28-nasiriyah")
    parser.add_argument("--title", help="an incident's title, or a person's or organisation's name")
