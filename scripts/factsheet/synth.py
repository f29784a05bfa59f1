"""A deterministic synthetic data directory shaped like the real one, for benchmarks and tests."""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from . import synth_words as words

_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
FIRST_DAY = Date(2019, 10, 1)
LAST_DAY = Date(2020, 12, 31)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
OUTPUTS = ("incidents", "people", "organisations", "sources.bib")


def slug(text: str) -> str:
    """An id made of lowercase letters, digits and single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def unique(wanted: str, taken: set[str]) -> str:
    """wanted, or wanted-2, wanted-3, ... whichever is free; marks it taken."""
    result, n = wanted, 1
    while result in taken:
        n += 1
        result = f"{wanted}-{n}"
    taken.add(result)
    return result


def spoken(value: str) -> str:
    """A date in words: 'on 28 November 2019', 'in November 2019', 'on an unknown date'."""
    if value == "unknown":
        return "on an unknown date"
    parts = value.split("-")
    if len(parts) == 1:
        return f"in {parts[0]}"
    month = MONTHS[int(parts[1]) - 1]
    return f"in {month} {parts[0]}" if len(parts) == 2 else f"on {int(parts[2])} {month} {parts[0]}"


@dataclass
class Org:
    """An organisation as the generator plans it."""

    id: str
    name: str
    kind: str
    variants: list[dict[str, Any]] = field(default_factory=list)
    parent: str | None = None


@dataclass
class Src:
    """A bibliography entry as the generator plans it."""

    key: str
    publisher: Org
    date: str | None
    entry_type: str


@dataclass
class Inc:
    """An incident skeleton: who it is, when, where, and what it belongs to."""

    id: str
    level: str  # wave, day or local
    date: str
    sort: str
    place: dict[str, Any]
    title: str
    part_of: str | None = None
    end_date: str | None = None
    window: int = 0
    event: int = 0


class Synth:
    """Plans and writes one synthetic dataset from a seed; all randomness comes from self.rng."""

    def __init__(self, incidents: int, seed: int) -> None:
        self.n = max(1, incidents)
        self.rng = random.Random(seed)
        self.org_ids: set[str] = set()
        self.orgs: list[Org] = []
        self.days = [FIRST_DAY + timedelta(d) for d in range((LAST_DAY - FIRST_DAY).days + 1)]
        # Most deaths fell in October-December 2019; weight those days more.
        weights = [8 if d < Date(2019, 10, 8) else 5 if d < Date(2020, 1, 1) else 1 for d in self.days]
        self.day_weights = list(accumulate(weights))

    def org(self, name: str, kind: str, parent: str | None = None, wanted: str | None = None,
            variants: list[dict[str, Any]] | None = None) -> Org:
        record = Org(unique(wanted or slug(name), self.org_ids), name, kind, variants or [], parent)
        self.orgs.append(record)
        return record

    def plan_orgs(self) -> None:
        """Fixed institutions, then militias with brigades, then outlets that publish sources."""
        ar = "ar"
        isf = self.org("Iraqi security forces", "state-security-force",
                       variants=[{"name": "ISF", "abbreviation": True}])
        fed = self.org("Federal Police", "state-security-force", isf.id)
        self.security = [isf, fed, self.org("Rapid Response Division", "state-security-force", fed.id)]
        gov = self.org("Government of Iraq", "government-body",
                       variants=[{"name": "الحكومة العراقية", "lang": ar}])
        self.health = self.org("Ministry of Health", "government-body", gov.id,
                               variants=[{"name": "وزارة الصحة", "lang": ar}])
        self.org("Ministry of Interior", "government-body", gov.id)
        self.pmf = self.org("Popular Mobilisation Forces", "militia", wanted="popular-mobilisation-forces",
                            variants=[{"name": "PMF", "abbreviation": True}, {"name": "Hashd al-Shaabi"},
                                      {"name": "الحشد الشعبي", "lang": ar}])
        self.ihchr = self.org("High Commission for Human Rights", "nhri",
                              variants=[{"name": "IHCHR", "abbreviation": True},
                                        {"name": "المفوضية العليا لحقوق الإنسان", "lang": ar}])
        self.unami = self.org("United Nations Assistance Mission for Iraq", "intergovernmental-body",
                              variants=[{"name": "UNAMI", "abbreviation": True}])
        self.exiles = self.org("Exile Opposition Council", "advocacy-group")
        self.militias = self.plan_militias()
        self.outlets = self.plan_outlets()
        self.agencies = [o for o in self.outlets if o.kind == "news-agency"] or self.outlets[:1]
        self.officials = [self.health, self.ihchr, self.unami]

    def plan_militias(self) -> list[Org]:
        combos = [(f, w) for f in words.MILITIA_FORMS for w in words.MILITIA_WORDS]
        self.rng.shuffle(combos)
        militias = []
        for (form, form_ar), (word, word_ar) in combos[: min(len(combos), max(4, self.n // 200))]:
            parent = self.pmf.id if self.rng.random() < 0.7 else None
            militias.append(self.org(f"{form} al-{word}", "militia", parent,
                                     variants=[{"name": f"{form_ar} {word_ar}", "lang": "ar"}]))
        self.brigades = [self.org(f"Brigade {number}", "militia", self.rng.choice(militias).id)
                         for number in sorted(self.rng.sample(range(1, 1000), max(2, self.n // 100)))]
        return militias

    def plan_outlets(self) -> list[Org]:
        names = [f"{w} {f}" for w in words.OUTLET_WORDS for f in words.OUTLET_FORMS]
        names += [f"{c.name} {f}" for c in words.CITIES for f in words.OUTLET_FORMS]
        self.rng.shuffle(names)
        outlets = []
        for name in names[: min(len(names), max(6, self.n // 40))]:
            kind = "news-agency" if name.endswith("Agency") else "media-outlet"
            outlets.append(self.org(name, kind))
        return outlets

    def random_day(self) -> Date:
        return self.rng.choices(self.days, cum_weights=self.day_weights)[0]

    def city_place(self) -> dict[str, Any]:
        city = self.rng.choice(words.CITIES)
        place: dict[str, Any] = {"city": city.name}
        if self.rng.random() < 0.6:
            place["variants"] = [{"name": v} for v in city.variants] + [{"name": city.arabic, "lang": "ar"}]
        place["governorates"] = [city.governorate]
        if self.rng.random() < 0.7:
            jitter = self.rng.random() < 0.3
            lat = round(city.lat + (self.rng.uniform(-0.02, 0.02) if jitter else 0), 4)
            lon = round(city.lon + (self.rng.uniform(-0.02, 0.02) if jitter else 0), 4)
            place["coordinates"] = {"lat": lat, "lon": lon,
                                    "precision": "neighbourhood" if jitter else "city"}
        return place

    def plan_incidents(self) -> list[Inc]:
        """Waves (a month), days (one date, many towns) and local incidents, in part_of chains."""
        taken: set[str] = set()
        n_wave = max(1, self.n // 200) if self.n >= 3 else 0
        n_day = max(1, self.n // 25) if self.n >= 3 else 0
        incs: list[Inc] = []
        waves: dict[str, Inc] = {}
        for _ in range(n_wave):
            month = self.random_day().isoformat()[:7]
            area, govs = self.rng.choice(words.AREAS)
            title = f"Protests in {area} {spoken(month)}"
            inc = Inc(unique(f"{month}-{slug(area)}", taken), "wave", month, month + "-00",
                      {"area": area, "governorates": list(govs)}, title)
            waves.setdefault(month, inc)
            incs.append(inc)
        days: list[Inc] = []
        for _ in range(n_day):
            day = self.random_day().isoformat()
            area, govs = self.rng.choice(words.AREAS)
            wave = waves.get(day[:7])
            inc = Inc(unique(f"{day}-{slug(area)}", taken), "day", day, day,
                      {"area": area, "governorates": list(govs)},
                      f"Protests across {area} {spoken(day)}", wave.id if wave else None)
            days.append(inc)
        incs += days
        locals_: list[Inc] = []
        for _ in range(self.n - len(incs)):
            locals_.append(self.local_incident(taken, days, waves, locals_))
        incs += locals_
        incs.sort(key=lambda i: (i.sort, i.id))
        for index, inc in enumerate(incs):
            inc.window = index * self.n_sources // len(incs)
        return incs

    def local_incident(self, taken: set[str], days: list[Inc], waves: dict[str, Inc],
                       done: list[Inc]) -> Inc:
        place = self.city_place()
        event = self.rng.randrange(len(words.EVENTS))
        roll = self.rng.random()
        parent = None
        if roll < 0.05 and done:
            parent_inc = self.rng.choice(done)
            when, parent, sort = parent_inc.date, parent_inc.id, parent_inc.sort
        elif roll < 0.55 and days:
            parent_inc = self.rng.choice(days)
            when, parent, sort = parent_inc.date, parent_inc.id, parent_inc.date
        elif roll < 0.90:
            when = sort = self.random_day().isoformat()
        elif roll < 0.95:
            when = self.random_day().isoformat()[:7]
            sort, parent = when + "-00", waves[when].id if when in waves else None
        elif roll < 0.98:
            when = sort = str(self.rng.choice((2019, 2020)))
        else:
            when, sort = "unknown", "9999"
        prefix = "undated" if when == "unknown" else when
        inc = Inc(unique(f"{prefix}-{slug(place['city'])}", taken), "local", when, sort, place,
                  f"{words.EVENTS[event][0]} in {place['city']}", parent, event=event)
        if len(when) == 10 and self.rng.random() < 0.1:
            inc.end_date = (Date.fromisoformat(when) + timedelta(self.rng.randint(1, 3))).isoformat()
        return inc

    @property
    def n_sources(self) -> int:
        return max(1, self.n // 10)

    def plan_sources(self, incs: list[Inc]) -> list[Src]:
        """One source per window of about ten incidents, dated just after the latest of them."""
        latest: list[str | None] = [None] * self.n_sources
        for inc in incs:
            if len(inc.date) == 10:
                latest[inc.window] = max(latest[inc.window] or "", inc.end_date or inc.date)
        taken: set[str] = set()
        sources = []
        for last in latest:
            category = self.rng.choices(("outlet", "ihchr", "unami", "health", "exiles"), (13, 2, 1, 1, 2))[0]
            pub: Org = self.rng.choice(self.outlets) if category == "outlet" else getattr(self, category)
            when: str | None = None
            roll = self.rng.random()
            if last and roll < 0.9:
                when = (Date.fromisoformat(last) + timedelta(self.rng.randint(0, 3))).isoformat()
            elif last and roll < 0.95:
                when = last[:7]
            kind = {"ihchr": "report", "unami": "report", "health": "misc"}.get(category) or (
                self.rng.choice(("online", "online", "online", "article")))
            sources.append(Src(unique(f"{pub.id}-{when or 'undated'}", taken), pub, when, kind))
        return sources

    def plan_people(self) -> dict[str, list[dict[str, Any]]]:
        """A person per two incidents: commanders, militia leaders, officials and activists."""
        count = max(1, self.n // 2)
        combos = len(words.GIVEN) ** 2 * len(words.FAMILY)
        picks = self.rng.sample(range(combos), count) if count <= combos else [
            self.rng.randrange(combos) for _ in range(count)]
        taken: set[str] = set()
        pools: dict[str, list[dict[str, Any]]] = {"commander": [], "militia": [], "official": [],
                                                  "activist": []}
        for pick in picks:
            g1, rest = divmod(pick, len(words.GIVEN) * len(words.FAMILY))
            g2, fam = divmod(rest, len(words.FAMILY))
            given, father, family = words.GIVEN[g1], words.GIVEN[g2], words.FAMILY[fam]
            name = f"{given[0]} {father[0]} {family[0]}"
            variants = []
            if given[1] or family[1]:
                alt = (given[1] or (given[0],))[0], (family[1] or (family[0],))[0]
                variants.append({"name": f"{alt[0]} {alt[1]}"})
            if self.rng.random() < 0.85:
                variants.append({"name": f"{given[2]} {father[2]} {family[2]}", "lang": "ar"})
            role = self.rng.choices(list(pools), [4, 3, 2, 1])[0]
            person = {"id": unique(slug(name), taken), "name": name, "variants": variants, "role": role}
            pools[role].append(person)
        return pools


class _Flow(dict):
    """A mapping written on one line: {source: x, locator: y}."""


class _FlowList(list):
    """A sequence written on one line: [dhi-qar]."""


class _Folded(str):
    """Long text written as a folded block (>-), as contributors write summaries."""


def _styled(value: Any, top: bool = False) -> Any:
    """Mark leaf collections for flow style and long text for folded style, as hand-written files."""
    if isinstance(value, dict):
        items = {k: _styled(v) for k, v in value.items()}
        leaf = not top and all(not isinstance(v, (dict, list)) for v in value.values())
        return _Flow(items) if leaf else items
    if isinstance(value, list):
        items = [_styled(v) for v in value]
        leaf = all(not isinstance(v, (dict, list)) for v in value)
        return _FlowList(items) if leaf else items
    if isinstance(value, str) and len(value) > 80:
        return _Folded(value)
    return value


class _SynthDumper(_Dumper):  # type: ignore[misc, valid-type]
    """The safe dumper with the three styles above."""


_SynthDumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, True))
_SynthDumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, True))
_SynthDumper.add_representer(_Folded, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), ">"))


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(_styled(data, top=True), Dumper=_SynthDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


def _bib_field(value: str) -> str:
    # Only balanced braces (which protect capitals) may appear; the generator never makes others.
    if "\\" in value or value.count("{") != value.count("}"):
        raise ValueError(f"not a safe BibTeX value: {value}")
    return value


def bib_entry(entry_type: str, key: str, fields: list[tuple[str, str]]) -> str:
    """One BibLaTeX entry with aligned fields."""
    body = "".join(f"  {name:<9} = {{{_bib_field(value)}}},\n" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}}}\n"


def generate(incidents: int, seed: int) -> dict[str, str]:
    """Every file of a synthetic data directory: relative path -> text."""
    from .synth_claims import Writer

    return Writer(Synth(incidents, seed)).files()


def write(files: dict[str, str], out: Path, force: bool = False) -> None:
    """Write the files under out; refuse to mix with existing data unless force clears it first."""
    existing = [out / name for name in OUTPUTS if (out / name).exists()]
    if existing and not force:
        raise FileExistsError(f"{out} already holds data ({existing[0].name}); use --force to replace it")
    for path in existing:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    for name in OUTPUTS[:3]:
        (out / name).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        (out / relative).write_text(text, encoding="utf-8", newline="\n")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the synth subcommand."""
    parser.add_argument("--incidents", type=int, default=1000, help="number of incidents (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same files")
    parser.add_argument("--out", type=Path, required=True, help="data directory to write")
    parser.add_argument("--force", action="store_true", help="replace the data already in --out")


def command(args: argparse.Namespace) -> int:
    """Write a synthetic data directory."""
    if args.incidents < 1:
        print("synth: --incidents must be at least 1", file=sys.stderr)
        return 2
    files = generate(args.incidents, args.seed)
    try:
        write(files, args.out, args.force)
    except FileExistsError as exc:
        print(f"synth: {exc}", file=sys.stderr)
        return 1
    counts = {name: sum(1 for path in files if path.startswith(name + "/")) for name in OUTPUTS[:3]}
    print(f"wrote {counts['incidents']} incidents, {counts['people']} people, "
          f"{counts['organisations']} organisations and sources.bib to {args.out}", file=sys.stderr)
    return 0
