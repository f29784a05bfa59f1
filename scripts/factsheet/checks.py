"""Cross-record rules: references, cycles, dates, figures, citations, free text."""

from __future__ import annotations

from . import text
from .model import Cite, Claim, Dataset, Incident, Link, Organisation, Person, Where
from .problems import Problem
from .validate import figure_problems, governorate_problems, link_kind, valid_date


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

    def link(self, link: Link, where: Where, allow_unnamed: bool = True) -> None:
        where = link.where or where
        wanted = "person, organisation or unnamed" if allow_unnamed else "person or organisation"
        if link_kind(link) != 1 or (link.unnamed and not allow_unnamed):
            self.add(where, "bad-reference", f"give exactly one of {wanted}")
        self.ref("person", link.person, where)
        self.ref("organisation", link.organisation, where)

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
            self.add(where, "bad-date", f"not a real date: {value}")

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
            self.claim(claim)

    def claim(self, claim: Claim) -> None:
        is_figure = claim.figure is not None
        if is_figure == (claim.alleges is not None):
            self.add(claim.where, "claim-kind", f"claim '{claim.id}' needs either figure (a count) "
                     "or alleges (an allegation), not both")
        if is_figure:
            for name in ("counts", "min"):
                if name not in claim.lines:
                    self.add(claim.where, "missing-field", f"claim '{claim.id}': a figure needs '{name}'")
            if "accused" in claim.lines:  # a figure's row has no place for it: it would vanish
                self.add(self.at(claim, "accused"), "claim-kind",
                         f"claim '{claim.id}': 'accused' belongs to allegations, not figures")
            self.problems += figure_problems(claim, claim.where)
        elif claim.alleges is not None:
            for name in ("counts", "min", "max", "who"):
                if name in claim.lines:
                    self.add(self.at(claim, name), "claim-kind",
                             f"claim '{claim.id}': '{name}' belongs to figures, not allegations")
        for link in claim.chain:
            self.link(link, claim.where)
        for link in claim.accused:
            self.link(link, claim.where, allow_unnamed=False)
        self.date(claim.as_of, self.at(claim, "as_of"))
        self.cite(claim.cite)
        self.free_text(claim.note, self.at(claim, "note"))
        self.free_text(claim.alleges, self.at(claim, "alleges"))

    def person(self, person: Person) -> None:
        self.free_text(person.summary, self.at(person, "summary"))
        for role in person.roles:
            where = role.where or person.where
            self.ref("organisation", role.organisation, where)
            self.date(role.start, where)
            self.date(role.end, where)
            self.order(role.start, role.end, where)
            self.cite(role.cite)

    def organisation(self, org: Organisation) -> None:
        self.free_text(org.summary, self.at(org, "summary"))
        self.ref("organisation", org.parent, self.at(org, "parent"))

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
