"""Claims, summaries and file texts of the synthetic dataset (the planning is in synth.py)."""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import Any

from . import synth_words as words
from .governorates import GOVERNORATES
from .synth import Inc, Org, Src, Synth, _dump, bib_entry, slug, spoken, unique

STAKES = {
    "media-outlet": "A commercial news outlet with no stated tie to the parties to the events.",
    "news-agency": "A news agency that sells reports to other outlets.",
    "nhri": "A state-funded human-rights body that kept its own count of casualties.",
    "intergovernmental-body": "The United Nations mission in the country.",
    "government-body": "A ministry of the government whose forces are accused; a party to the events.",
    "advocacy-group": "An opposition organisation in exile, itself a party with a stake in these events.",
}
SOURCE_KINDS = {"media-outlet": "newspaper", "news-agency": "news-agency", "nhri": "nhri",
                "intergovernmental-body": "un-body", "government-body": "government",
                "advocacy-group": "advocacy"}


def marker(cite: dict[str, str]) -> str:
    """The Pandoc-style citation marker for a cite mapping."""
    return f"[@{cite['source']}, {cite['locator']}]"


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Turns a plan into records: claims with conflicts and chains, summaries with citations."""

    def __init__(self, plan: Synth) -> None:
        self.p = plan
        self.rng = plan.rng
        plan.plan_orgs()
        self.incs = plan.plan_incidents()
        self.sources = plan.plan_sources(self.incs)
        self.people = plan.plan_people()
        self.fresh: Src | None = None
        self.history_done = False

    def files(self) -> dict[str, str]:
        """Every file, keyed by its path relative to the data directory, in a stable order."""
        out = {f"incidents/{inc.id}.yml": _dump(self.incident(inc)) for inc in self.incs}
        for pool in self.people.values():
            for person in pool:
                out[f"people/{person['id']}.yml"] = _dump(self.person(person))
        for org in self.p.orgs:
            out[f"organisations/{org.id}.yml"] = _dump(self.organisation(org))
        out["sources.bib"] = self.bibliography()
        return dict(sorted(out.items()))

    # -- citations and chains ---------------------------------------------------------------

    def source(self, inc: Inc) -> Src:
        """A source near the incident in time; the window's own source is cited first, so none is unused."""
        if self.fresh is not None:
            chosen, self.fresh = self.fresh, None
            return chosen
        window = inc.window + self.rng.choice((-1, 0, 0, 1))
        return self.sources[min(max(window, 0), len(self.sources) - 1)]

    def cite(self, src: Src) -> dict[str, str]:
        return {"source": src.key, "locator": f"para. {self.rng.randint(1, 12)}"}

    def any_cite(self) -> dict[str, str]:
        return self.cite(self.rng.choice(self.sources))

    def chain(self, src: Src, origin: dict[str, str] | None = None) -> list[dict[str, str]]:
        """Origin first, then an agency that relayed it, then the publisher of the source."""
        pub = src.publisher
        if origin is None:
            origin = self.origin(pub)
        links = [origin]
        if pub.kind == "media-outlet" and self.rng.random() < 0.35:
            agency = self.rng.choice(self.p.agencies)
            if agency is not pub and origin.get("organisation") != agency.id:
                links.append({"organisation": agency.id})
        if origin.get("organisation") != pub.id:
            links.append({"organisation": pub.id})
        return links

    def origin(self, pub: Org) -> dict[str, str]:
        """Who first made a claim: the publisher itself, an unnamed claimant, an official or a body."""
        if pub.kind not in ("media-outlet", "news-agency") and self.rng.random() < 0.6:
            return {"organisation": pub.id}
        roll = self.rng.random()
        officials = self.people["official"]
        if roll < 0.45 or (roll < 0.7 and not officials):
            return {"unnamed": self.rng.choice(words.UNNAMED)}
        if roll < 0.7:
            link = {"person": self.rng.choice(officials)["id"]}
            if self.rng.random() < 0.3:
                link["as"] = "an official spokesperson"
            return link
        return {"organisation": self.rng.choice(self.p.officials).id}

    # -- figures ----------------------------------------------------------------------------

    def wording(self, n: int) -> tuple[dict[str, Any], str | None]:
        """How a source words a number n, the range that wording implies, and a note template."""
        roll = self.rng.random()
        if n == 0:
            return {"figure": "none", "min": 0, "max": 0}, None
        if roll < 0.35 or (roll >= 0.7 and n < 3):
            return {"figure": f"{n:,}", "min": n, "max": n}, None
        if roll < 0.6:
            figure = {"figure": f"{self.rng.choice(('at least', 'At least'))} {n:,}", "min": n}
            if self.rng.random() < 0.5:
                figure["max"] = None
            return figure, None
        if roll < 0.7:
            low = n - n % 10 if n >= 20 else n
            return {"figure": f"{self.rng.choice(('over', 'more than', 'upwards of'))} {low:,}",
                    "min": low, "max": None}, None
        if roll < 0.8:
            spread = max(1, n // 5)
            return {"figure": f"between {n - spread:,} and {n + spread:,}", "min": n - spread,
                    "max": n + spread}, None
        if roll < 0.9:
            word, low = ("hundreds", 200) if n >= 200 else ("dozens", 24) if n >= 24 else ("several", 3)
            return {"figure": word, "min": low}, f"Read as at least {low} {{marker}}."
        if roll < 0.95:
            return {"figure": "a large number", "min": None}, "The source gives no number; no range is read."
        return ({"figure": f"about {n:,}", "min": n - n // 10, "max": n + n // 10},
                "Read as within a tenth of the stated number {marker}.")

    def figure(self, inc: Inc, ids: set[str], counts: str, n: int, who: str | None,
               origin: dict[str, str] | None = None, as_of: str | None = None,
               exact: bool = False) -> dict[str, Any]:
        """One figure claim, cited, with its attribution chain."""
        src = self.source(inc)
        chain = self.chain(src, origin)
        if chain[0].get("organisation") == self.p.exiles.id:
            n = n * self.rng.randint(13, 20) // 10  # the party with a stake reports higher tolls
        label = "-".join(slug(next(iter(chain[0].values()))).split("-")[:3])
        claim: dict[str, Any] = {"id": unique(f"{counts}-{label}", ids), "counts": counts}
        wording, note = ({"figure": f"{n:,}", "min": n, "max": n}, None) if exact else self.wording(n)
        claim.update(wording)
        if who:
            claim["who"] = who
        claim["chain"] = chain
        if as_of or (src.date and len(src.date) == 10 and self.rng.random() < 0.5):
            claim["as_of"] = as_of or src.date
        claim["cite"] = self.cite(src)
        if note:
            claim["note"] = note.format(marker=marker(claim["cite"]))
        return claim

    def toll(self, level: str) -> int:
        if level == "wave":
            return self.rng.randint(100, 700)
        if level == "day":
            return self.rng.randint(15, 160)
        band = self.rng.choices(((0, 0), (1, 9), (10, 40), (41, 120)), (15, 50, 30, 5))[0]
        return self.rng.randint(*band)

    def killed(self, inc: Inc, ids: set[str], toll: int) -> list[dict[str, Any]]:
        """Two or three conflicting death tolls for one incident, mostly counting the same people."""
        who = self.rng.choice((None, "protesters", "protesters", "people"))
        count = self.rng.choice((1, 2, 2, 3, 3, 4)) if inc.level == "local" else self.rng.choice((1, 2))
        claims = []
        for index in range(count):
            n = toll if index == 0 else max(0, toll + self.rng.randint(-(toll // 3), toll // 2 + 1))
            scope = who if self.rng.random() < 0.8 else self.rng.choice(("civilians", "security-forces"))
            claims.append(self.figure(inc, ids, "killed", n, scope))
        return claims

    def history(self, inc: Inc, ids: set[str], toll: int) -> list[dict[str, Any]]:
        """One claimant's toll revised over several days (e.g. 22, 24, then 29)."""
        officials = self.people["official"]
        if officials and self.rng.random() < 0.3:
            origin = {"person": self.rng.choice(officials)["id"]}
        else:
            origin = {"organisation": self.rng.choice((self.p.health, self.p.ihchr)).id}
        value = max(1, toll - self.rng.randint(2, max(3, toll // 2)))
        day = Date.fromisoformat(inc.date)
        claims = []
        for _ in range(self.rng.randint(3, 5)):
            claims.append(self.figure(inc, ids, "killed", value, "protesters", dict(origin),
                                      day.isoformat(), exact=True))
            value += self.rng.randint(1, 5)
            day += timedelta(self.rng.randint(1, 3))
        return claims

    def others(self, inc: Inc, ids: set[str], toll: int) -> list[dict[str, Any]]:
        """Injured, arrested and abducted counts."""
        claims = []
        if self.rng.random() < 0.7:
            injured = toll * self.rng.randint(2, 8) + self.rng.randint(0, 20)
            for _ in range(self.rng.choice((1, 1, 2))):
                claims.append(self.figure(inc, ids, "injured", injured + self.rng.randint(0, 10), None))
        if self.rng.random() < 0.2:
            claims.append(self.figure(inc, ids, "arrested", self.rng.randint(3, 60), "protesters"))
        if self.rng.random() < 0.1:
            claims.append(self.figure(inc, ids, "abducted", self.rng.randint(1, 6), "protesters"))
        return claims

    def allegations(self, inc: Inc, ids: set[str]) -> list[dict[str, Any]]:
        """Allegations of who fired or who commanded, each attributed like a figure."""
        claims = []
        commanders = self.people["commander"]
        for _ in range(self.rng.choices((0, 1, 2), (40, 40, 20))[0]):
            src = self.source(inc)
            if commanders and self.rng.random() < 0.35:
                person = self.rng.choice(commanders)
                text = f"{person['name']} commanded the forces that opened fire on protesters."
                accused = [{"person": person["id"]}]
            else:
                militia = self.rng.choice(self.p.militias)
                text = f"The gunmen who fired on protesters belonged to {militia.name}."
                accused = [{"organisation": militia.id}]
            origin = None if src.publisher is self.p.exiles else {"unnamed": self.rng.choice(words.UNNAMED)}
            chain = self.chain(src, origin)
            label = "-".join(slug(next(iter(accused[0].values()))).split("-")[:3])
            claims.append({"id": unique(f"alleges-{label}", ids), "alleges": text, "accused": accused,
                           "chain": chain, "cite": self.cite(src)})
        return claims

    def involved(self, inc: Inc) -> list[dict[str, Any]]:
        """People and organisations taking part, each in a cited role."""
        found = []
        commanders, activists = self.people["commander"], self.people["activist"]
        if commanders and self.rng.random() < 0.3:
            found.append({"person": self.rng.choice(commanders)["id"],
                          "role": "reported to have commanded forces in the city"})
        if self.rng.random() < 0.4:
            org = self.rng.choice(self.p.security + self.p.militias)
            found.append({"organisation": org.id, "role": "forces reported to have opened fire"})
        if activists and inc.event == 4:
            found.append({"person": self.rng.choice(activists)["id"], "role": "activist reported abducted"})
        for item in found:
            item["cite"] = self.cite(self.source(inc))
        return found

    # -- records ----------------------------------------------------------------------------

    def incident(self, inc: Inc) -> dict[str, Any]:
        self.fresh = self.sources[inc.window]
        ids: set[str] = set()
        toll = self.toll(inc.level)
        killed = self.killed(inc, ids, toll)
        claims = list(killed)
        wants_history = self.rng.random() < 0.15 or not self.history_done
        if inc.level == "local" and len(inc.date) == 10 and toll >= 5 and wants_history:
            claims += self.history(inc, ids, toll)
            self.history_done = True
        claims += self.others(inc, ids, toll)
        alleged = self.allegations(inc, ids) if inc.level == "local" else []
        involved = self.involved(inc) if inc.level == "local" else []
        data: dict[str, Any] = {"title": inc.title, "date": inc.date}
        if inc.end_date:
            data["end_date"] = inc.end_date
        data["place"] = inc.place
        if inc.part_of:
            data["part_of"] = inc.part_of
        data["summary"] = self.summary(inc, killed, alleged)
        if involved:
            data["involved"] = involved
        data["claims"] = claims + alleged
        return data

    def summary(self, inc: Inc, killed: list[dict[str, Any]], alleged: list[dict[str, Any]]) -> str:
        """What happened, then the spread of tolls with a citation for each end of the range."""
        when = first_upper(spoken(inc.date))
        if inc.level == "local":
            phrase = words.EVENTS[inc.event][1]
            landmark = self.rng.choice(words.LANDMARKS)
            parts = [f"{when}, {phrase} near {landmark} in {inc.place['city']}."]
        else:
            parts = [f"{when}, protests were held across {inc.place['area']}."]
        numbered = [c for c in killed if c.get("min") is not None]
        if numbered:
            low = min(numbered, key=lambda c: c["min"])
            high = max(numbered, key=lambda c: c.get("max") or c["min"])
            top = high.get("max") or high["min"]
            if low["min"] == top:
                parts.append(f"Sources report {top:,} deaths {marker(low['cite'])}.")
            else:
                parts.append(f"Reported death tolls range from {low['min']:,} to {top:,} "
                             f"{marker(low['cite'])} {marker(high['cite'])}.")
        else:
            parts.append(f"No source gives a number of deaths {marker(killed[0]['cite'])}.")
        if alleged:
            cited = marker(alleged[0]["cite"])
            parts.append(f"Some sources attribute the violence to an armed group {cited}.")
        parts.append("This is a synthetic record.")
        return " ".join(parts)

    def person(self, person: dict[str, Any]) -> dict[str, Any]:
        roles = [self.role(person["role"])]
        if self.rng.random() < 0.4:
            roles.append(self.role(person["role"]))
        data: dict[str, Any] = {"name": person["name"]}
        if person["variants"]:
            data["variants"] = person["variants"]
        data["roles"] = roles
        title = first_upper(roles[0]["title"])
        data["summary"] = (f"This is a synthetic record. {title}, according to {marker(roles[0]['cite'])}.")
        return data

    def role(self, kind: str) -> dict[str, Any]:
        """A post with partial dates; the end, when known, is after the start."""
        rng = self.rng
        if kind == "commander":
            org: Org | None = rng.choice(self.p.security)
            gov = GOVERNORATES[rng.choice(sorted(GOVERNORATES))].name
            title = f"commander of the {org.name} in {gov} governorate"
        elif kind == "militia":
            org = rng.choice(self.p.militias + self.p.brigades)
            title = f"{rng.choice(('leader', 'deputy leader', 'field commander'))} of {org.name}"
        elif kind == "official":
            org = rng.choice(self.p.officials)
            title = f"{rng.choice(('spokesperson', 'member', 'director of media'))} of the {org.name}"
        else:
            org, title = None, f"protest organiser in {rng.choice(words.CITIES).name}"
        start = rng.randint(2003, 2019)
        role: dict[str, Any] = {"title": first_upper(title)}
        if org is not None:
            role["organisation"] = org.id
        role["from"] = str(start) if rng.random() < 0.6 else f"{start}-{rng.randint(1, 12):02d}"
        if rng.random() < 0.5:
            role["to"] = str(min(2020, start + rng.randint(1, 4)))
        role["cite"] = self.any_cite()
        return role

    def organisation(self, org: Org) -> dict[str, Any]:
        data: dict[str, Any] = {"name": org.name}
        if org.variants:
            data["variants"] = org.variants
        data["kind"] = org.kind
        if org.parent:
            data["parent"] = org.parent
        kind, cited = org.kind.replace("-", " "), marker(self.any_cite())
        data["summary"] = f"This is a synthetic record. A {kind} named in reports on the protests {cited}."
        return data

    def bibliography(self) -> str:
        """sources.bib: one entry per source, with the project's own fields."""
        cities: dict[int, str] = {}
        for inc in self.incs:
            cities.setdefault(inc.window, inc.place.get("city") or inc.place.get("area") or "Iraq")
        entries = []
        for window, src in enumerate(self.sources):
            entries.append(self.bib(src, cities.get(window, "Iraq")))
        return "\n".join(entries)

    def bib(self, src: Src, where: str) -> str:
        pub, rng = src.publisher, self.rng
        arabic = pub.kind == "media-outlet" and rng.random() < 0.15
        city = next((c for c in words.CITIES if c.name == where), None)
        if arabic:
            title = f"مقتل متظاهرين في {city.arabic if city else 'العراق'}"
        elif src.entry_type == "report":
            title = rng.choice(("Demonstrations in {Iraq}: update on casualties",
                                "Human rights during the demonstrations in {Iraq}"))
        else:
            title = rng.choice(("Protesters killed in {%s}", "Deaths reported as protests continue in {%s}",
                                "Security forces and protesters clash in {%s}")) % where
        fields = [("title", title), ("organization", pub.name)]
        if src.entry_type == "report":
            fields += [("institution", pub.name), ("type", "Report")]
        if src.date:
            fields.append(("date", src.date))
        url = f"https://example.org/{pub.id}/{src.key}"
        fields.append(("url", url))
        if rng.random() < 0.8:
            fields.append(("archiveurl", f"https://web.archive.org/web/2020/{url}"))
        fields += [("langid", "arabic" if arabic else "english"), ("kind", SOURCE_KINDS[pub.kind]),
                   ("stake", STAKES[pub.kind]), ("publisherid", pub.id)]
        return bib_entry(src.entry_type, src.key, fields)
