"""Cross-record rules: references, cycles, dates, figures, citations, free text."""

from __future__ import annotations

from collections.abc import Mapping

from . import text
from .governorates import GOVERNORATES
from .model import (
    ALLEGATION,
    DENIAL,
    FIGURE,
    Cite,
    Claim,
    Dataset,
    Incident,
    Link,
    Organisation,
    Part,
    Person,
    Where,
)
from .problems import Problem
from .translations import FIELDS, PROSE, english, owners, stale
from .validate import (
    DATE_FORMS,
    figure_problems,
    governorate_message,
    governorate_problems,
    link_kind,
    valid_date,
)
from .vocab import CHAIN_ROLES, COUNTS, ORGANISATION_KINDS, SITE_KINDS, WHO, suggest

# Fields that belong to one kind of claim only.
_FIGURE_ONLY = ("min", "max", "parts")
_COUNT_FIELDS = ("counts", "who", "period")


class Checker:
    """Runs every cross-record rule over one dataset and collects problems."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.problems: list[Problem] = []
        self.cited: set[str] = set()

    def run(self) -> list[Problem]:
        """All problems, the unused-source warnings included."""
        for incident in self.ds.incidents.values():
            self.incident(incident)
        for person in self.ds.people.values():
            self.person(person)
        for org in self.ds.organisations.values():
            self.organisation(org)
        self.cycles()
        self.sources()
        self.translations()
        return self.problems

    def add(self, where: Where, code: str, message: str, warning: bool = False) -> None:
        self.problems.append(Problem(where, code, message, warning))

    def at(self, record: Incident | Person | Organisation | Claim, name: str) -> Where:
        """Where a field of a record is written."""
        return Where(record.where.path, record.lines.get(name, record.where.line))

    def ref(self, kind: str, ref_id: str | None, where: Where) -> None:
        """A reference to a person, organisation or incident must resolve."""
        table = {"person": self.ds.people, "organisation": self.ds.organisations,
                 "incident": self.ds.incidents}[kind]
        if ref_id is not None and ref_id not in table:
            self.add(where, f"unknown-{kind}", f"no {kind} record '{ref_id}'")

    def cite(self, cite: Cite) -> None:
        self.source_key(cite.source, cite.where)

    def source_key(self, key: str, where: Where) -> None:
        self.cited.add(key)
        if key not in self.ds.sources:
            self.add(where, "unknown-source", f"no source '{key}' in sources.bib")

    def word(self, value: str | None, vocabulary: Mapping[str, str], what: str, where: Where) -> None:
        """A value of a controlled vocabulary must be one of its words."""
        if value is not None and value not in vocabulary:
            self.add(where, "unknown-word", f"'{value}' is not a known {what}{suggest(value, vocabulary)}; "
                     f"one of: {', '.join(vocabulary)} (add a word to scripts/factsheet/vocab.py)")

    def link(self, link: Link, where: Where, allow_unnamed: bool = True, position: int = 0) -> None:
        where = link.where or where
        wanted = "person, organisation or unnamed" if allow_unnamed else "person or organisation"
        names = link_kind(link) + (1 if link.joint else 0)
        if names != 1 or (link.unnamed and not allow_unnamed):
            self.add(where, "bad-reference", f"give exactly one of {wanted}"
                     + (" or joint" if allow_unnamed else ""))
        if link.speaks_for and not link.person:
            self.add(where, "bad-reference", "'for' names the organisation a person speaks for: "
                     "give it with person")
        for member in link.joint:
            self.link(member, member.where or where, allow_unnamed=False)
        self.word(link.role, CHAIN_ROLES, "chain role", where)
        if link.role == "claimant" and position > 0:
            self.add(where, "bad-value", "role 'claimant' belongs to the first link of a chain")
        if link.role not in (None, "claimant") and position == 0:  # pages show a role only after a link
            self.add(where, "bad-value", f"role '{link.role}' says what a link did with the one before it: "
                     "the first link of a chain is the claimant")
        self.ref("person", link.person, where)
        self.ref("organisation", link.organisation, where)
        self.ref("organisation", link.speaks_for, where)

    def free_text(self, value: str | None, where: Where) -> None:
        """Markers must resolve; numerals need a marker in their sentence; no HTML."""
        if not value:
            return
        for marker in text.markers(value):
            self.source_key(marker.key, where)
            if not marker.locator:
                self.add(where, "missing-locator", f"[@{marker.key}] needs a locator, e.g. "
                         f"[@{marker.key}, para. 2]")
        for sentence in text.uncited_numerals(value):
            self.add(where, "uncited-numeral", f"a number with no citation in the same sentence: "
                     f"'{sentence[:80]}'")
        if text.has_raw_html(value):
            self.add(where, "raw-html", "HTML is not allowed in text; write Markdown")
        for target in text.bad_links(value):
            self.add(where, "bad-url", f"links must be http(s): {target}")

    def date(self, value: str | None, where: Where) -> None:
        if value is not None and not valid_date(value):
            self.add(where, "bad-date", f"not a real date: {value} ({DATE_FORMS})")

    def order(self, start: str | None, end: str | None, where: Where) -> None:
        known = [v for v in (start, end) if v and v != "unknown"]
        if len(known) == 2 and known[1] < known[0][: len(known[1])]:
            self.add(where, "date-order", f"end {end} is before start {start}")

    def incident(self, incident: Incident) -> None:
        self.date(incident.date, self.at(incident, "date"))
        self.date(incident.end_date, self.at(incident, "end_date"))
        self.order(incident.date, incident.end_date, self.at(incident, "end_date"))
        self.ref("incident", incident.part_of, self.at(incident, "part_of"))
        place = incident.place
        if not (place.city or place.area or place.governorates or place.country):
            self.add(self.at(incident, "place"), "missing-field",
                     "place needs at least one of city, area, governorates, country")
        self.problems += governorate_problems(incident)
        for site in place.sites:
            self.word(site.kind, SITE_KINDS, "kind of site", site.where or incident.where)
        self.free_text(incident.summary, self.at(incident, "summary"))
        self.free_text(incident.title, self.at(incident, "title"))
        for inv in incident.involved:
            where = inv.where or incident.where
            if (inv.person is None) == (inv.organisation is None):
                self.add(where, "bad-reference", "give exactly one of person or organisation")
            self.ref("person", inv.person, where)
            self.ref("organisation", inv.organisation, where)
            self.cite(inv.cite)
        seen: set[str] = set()
        for claim in incident.claims:
            if claim.id in seen:
                self.add(claim.where, "duplicate-id", f"claim id '{claim.id}' is used twice in this incident")
            seen.add(claim.id)
            self.claim(claim, incident)

    def claim(self, claim: Claim, incident: Incident) -> None:
        given = [name for name in ("figure", "alleges", "denies") if name in claim.lines]
        if claim.kind == DENIAL:
            given = [name for name in given if name != "figure"]  # a denial may quote its wording
        if len(given) != 1:
            self.add(claim.where, "claim-kind", f"claim '{claim.id}' needs one of figure (a count), alleges "
                     f"(an allegation) or denies (a denial){', not ' + ' and '.join(given) if given else ''}")
        if claim.kind == FIGURE:
            self.figure(claim)
        else:
            self.not_figure(claim)
        for position, link in enumerate(claim.chain):
            self.link(link, claim.where, position=position)
        for link in claim.accused:
            self.link(link, claim.where, allow_unnamed=False)
        self.word(claim.counts, COUNTS, "count", self.at(claim, "counts"))
        self.word(claim.who, WHO, "group of people counted", self.at(claim, "who"))
        self.date(claim.as_of, self.at(claim, "as_of"))
        self.period(claim)
        if claim.as_of_basis == "inferred" and not claim.as_of_note:
            self.add(self.at(claim, "as_of_basis"), "missing-field", f"claim '{claim.id}': an inferred "
                     "as_of needs as_of_note, saying how it was worked out, with a citation")
        if claim.as_of_note and claim.as_of_basis != "inferred":
            self.add(self.at(claim, "as_of_note"), "bad-value", f"claim '{claim.id}': as_of_note explains "
                     "an inferred date: give as_of_basis: inferred")
        if claim.as_of_basis and not claim.as_of:
            self.add(self.at(claim, "as_of_basis"), "missing-field", f"claim '{claim.id}': as_of_basis "
                     "without as_of")
        if "accused" in claim.lines and claim.kind != ALLEGATION:  # no other row has a place for it
            self.add(self.at(claim, "accused"), "claim-kind",
                     f"claim '{claim.id}': 'accused' belongs to allegations, not {claim.kind}s")
        if claim.answers and claim.kind != DENIAL:  # only the denials table shows what a claim answers
            self.add(self.at(claim, "answers"), "claim-kind", f"claim '{claim.id}': only a denial answers "
                     "other claims")
        known = {c.id for c in incident.claims}
        for answered in claim.answers:
            if answered not in known or answered == claim.id:
                self.add(self.at(claim, "answers"), "unknown-claim", f"claim '{claim.id}' answers "
                         f"'{answered}', which is not another claim of this incident")
        self.cite(claim.cite)
        for name in ("note", "alleges", "denies", "as_of_note"):
            self.free_text(getattr(claim, name), self.at(claim, name))

    def figure(self, claim: Claim) -> None:
        """A count: what it counts, its numbers, and its parts."""
        if "counts" not in claim.lines:
            self.add(claim.where, "missing-field", f"claim '{claim.id}': a figure needs 'counts'")
        if "min" not in claim.lines and "max" not in claim.lines:
            self.add(claim.where, "missing-field", f"claim '{claim.id}': a figure needs 'min' or 'max' "
                     "(null for a wording with no number)")
        at = self.at(claim, "figure")  # an editor jumps to the wording that the problem is about
        self.problems += figure_problems(claim.id, claim.figure, claim.min, claim.max, at)
        for part in claim.parts:
            self.part(claim, part)

    def not_figure(self, claim: Claim) -> None:
        """Allegations and denials carry no numbers; only a denial of a count carries counts."""
        banned = _FIGURE_ONLY + (_COUNT_FIELDS if claim.kind != DENIAL else ())
        for name in banned:
            if name in claim.lines:
                self.add(self.at(claim, name), "claim-kind",
                         f"claim '{claim.id}': '{name}' belongs to figures, not {claim.kind}s")
        if claim.kind == DENIAL and claim.figure is not None:
            self.problems += figure_problems(claim.id, claim.figure, 0, 0, self.at(claim, "figure"))

    def part(self, claim: Claim, part: Part) -> None:
        """A share of a figure: where or whom it counts, its numbers, and that it fits in the total."""
        where = part.where or claim.where
        if not (part.governorate or part.place or part.who):
            self.add(where, "missing-field", f"claim '{claim.id}': a part needs governorate, place or who")
        if part.governorate and part.governorate not in GOVERNORATES:
            self.add(where, "unknown-governorate", governorate_message(part.governorate))
        self.word(part.who, WHO, "group of people counted", where)
        self.problems += figure_problems(claim.id, part.figure, part.min, part.max, part.figure_at or where)
        top = part.min if part.min is not None else part.max
        if not part.in_addition and top is not None and claim.max is not None and top > claim.max:
            self.add(where, "part-over-total", f"claim '{claim.id}': a part of {top} is more than the "
                     f"total it is within ({claim.max}); mark it in_addition: true if it is counted besides")

    def period(self, claim: Claim) -> None:
        """A period has from and/or to; a running total has since and an as_of after it."""
        period = claim.period
        if period is None:
            return
        where = self.at(claim, "period")
        for value in (period.start, period.end):
            self.date(value, where)
        if period.running:
            if period.beside_since:
                self.add(where, "bad-period", f"claim '{claim.id}': a running total runs from since to "
                         f"as_of: give since, or from and to, not {' and '.join(period.beside_since)} "
                         "with since")
            if not claim.as_of:
                self.add(where, "bad-period", f"claim '{claim.id}': a running total (since) needs as_of, "
                         "the day it was counted up to")
            elif period.start and claim.as_of < period.start[: len(claim.as_of)]:
                self.add(where, "date-order", f"as_of {claim.as_of} is before since {period.start}")
        elif not (period.start or period.end):
            self.add(where, "bad-period", f"claim '{claim.id}': a period needs from and/or to, or since for "
                     "a running total")
        else:
            self.order(period.start, period.end, where)

    def person(self, person: Person) -> None:
        self.free_text(person.summary, self.at(person, "summary"))
        for role in person.roles:
            where = role.where or person.where
            self.ref("organisation", role.organisation, where)
            self.date(role.start, where)
            self.date(role.end, where)
            self.order(role.start, role.end, where)
            self.cite(role.cite)
        victim = person.victim
        if victim is not None:
            where = victim.where or person.where
            self.ref("incident", victim.incident, where)
            if victim.died:
                self.date(victim.died.value, where)
            for _, fact in victim.facts:
                self.cite(fact.cite)

    def organisation(self, org: Organisation) -> None:
        self.free_text(org.summary, self.at(org, "summary"))
        self.word(org.kind, ORGANISATION_KINDS, "kind of organisation", self.at(org, "kind"))
        self.ref("organisation", org.parent, self.at(org, "parent"))

    def translations(self) -> None:
        """Arabic texts: each translates a field that has an English text, and records which version."""
        for obj, record in owners(self.ds):
            found = getattr(obj, "ar", None)
            if found is None:
                continue
            where = found.where or record.where
            allowed = FIELDS.get(type(obj), {})
            for name, arabic in found.texts:
                at = found.at(name) or where  # the Arabic text's own line
                if name not in allowed:
                    self.add(at, "unknown-field", f"ar: '{name}' is not a text that can be translated "
                             f"here{suggest(name, allowed)} (allowed: {', '.join(allowed)})")
                elif english(obj, name) is None:
                    self.add(at, "bad-value", f"ar: '{name}' translates nothing: the English '{name}' "
                             "is empty")
                elif name in PROSE:
                    self.free_text(arabic, at)
            for name, why in stale(obj):
                at = found.at(name) or where
                if why == "stale":
                    self.add(at, "stale-translation", f"ar: '{name}' translates an older English text; "
                             "update the Arabic, then run factsheet translated on this file", warning=True)
                else:
                    self.add(at, "untracked-translation", f"ar: '{name}' does not say which English "
                             "text it translates; run factsheet translated on this file", warning=True)

    def cycles(self) -> None:
        """part_of and parent chains must end; a loop has no top."""
        for code, table, attr in (("part-of-cycle", self.ds.incidents, "part_of"),
                                  ("parent-cycle", self.ds.organisations, "parent")):
            for start in sorted(table):
                path = [start]
                current = getattr(table[start], attr)
                while current in table and current not in path:
                    path.append(current)
                    current = getattr(table[current], attr)
                if current == start:
                    record = table[start]
                    self.add(self.at(record, attr), code, " -> ".join(path + [start]))

    def sources(self) -> None:
        for key, source in sorted(self.ds.sources.items()):
            publisher = source.get("publisherid")
            if publisher:
                self.ref("organisation", publisher, source.where)
            if key not in self.cited:
                self.add(source.where, "unused-source", f"source '{key}' is cited by no record",
                         warning=True)
