"""Property test: generated valid incidents pass; one mutation of any of them is caught."""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factsheet.pipeline import load_checked

VALID = Path(__file__).parent.parent / "fixtures" / "valid"
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(lambda ws: " ".join(ws).capitalize())
ORGS = ["pmoi", "reuters", "al-hadath", "track-persia", "iraqi-security-forces"]
SOURCES = ["pmoi-2019-11-29", "track-persia-2019-11-30"]
GOVERNORATES = ["baghdad", "najaf", "dhi-qar"]


@st.composite
def figures(draw: st.DrawFn) -> dict[str, Any]:
    """A figure with min/max that follow from its wording."""
    number = draw(st.integers(min_value=0, max_value=100_000))
    form = draw(st.sampled_from(["exact", "at least", "over", "dozens", "words"]))
    if form == "exact":
        return {"figure": f"{number:,}", "min": number, "max": number}
    if form in ("at least", "over"):
        return {"figure": f"{form} {number}", "min": number, "max": None}
    if form == "dozens":
        return {"figure": "dozens", "min": 24}
    return {"figure": "a large number", "min": None}


@st.composite
def claims(draw: st.DrawFn, index: int) -> dict[str, Any]:
    """A figure claim or an allegation, attributed and cited."""
    chain = [{"organisation": o} for o in draw(st.lists(st.sampled_from(ORGS), min_size=1, max_size=3))]
    if draw(st.booleans()):
        chain.insert(0, {"unnamed": draw(SENTENCE)})
    claim: dict[str, Any] = {"id": f"claim-{index}"}
    if draw(st.booleans()):
        claim |= {"counts": draw(st.sampled_from(["killed", "injured", "arrested"]))}
        claim |= draw(figures())
    else:
        claim |= {"alleges": draw(SENTENCE) + ".", "accused": [{"organisation": draw(st.sampled_from(ORGS))}]}
    claim["chain"] = chain
    claim["cite"] = {"source": draw(st.sampled_from(SOURCES)), "locator": f"para. {index + 1}"}
    return claim


@st.composite
def incidents(draw: st.DrawFn) -> dict[str, Any]:
    """A whole valid incident record."""
    year = draw(st.integers(min_value=2013, max_value=2021))
    month = draw(st.integers(min_value=1, max_value=12))
    day = draw(st.integers(min_value=1, max_value=28))
    date = draw(st.sampled_from([f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}", "unknown"]))
    n_claims = draw(st.integers(min_value=0, max_value=5))
    record = {
        "title": draw(SENTENCE),
        "date": date,
        "place": {"city": draw(SENTENCE), "governorates": [draw(st.sampled_from(GOVERNORATES))]},
        "summary": draw(SENTENCE) + f" [@{draw(st.sampled_from(SOURCES))}, para. 1].",
        "claims": [draw(claims(i)) for i in range(n_claims)],
    }
    if draw(st.booleans()):
        record["part_of"] = "2019-11-28-southern-iraq"
    return record


def _first_figure(record: dict[str, Any]) -> dict[str, Any] | None:
    return next((c for c in record["claims"] if "figure" in c), None)


def _set_claim(field: str, value: Any) -> Callable[[dict[str, Any]], bool]:
    def mutate(record: dict[str, Any]) -> bool:
        claim = _first_figure(record)
        if claim is None:
            return False
        claim[field] = value
        return True
    return mutate


def _min_over_max(record: dict[str, Any]) -> bool:
    claim = _first_figure(record)
    if claim is None or claim.get("min") is None:
        return False
    claim["max"] = claim["min"] - 1 if claim["min"] > 0 else None
    return claim["max"] is not None


def _chain(record: dict[str, Any]) -> bool:
    if not record["claims"]:
        return False
    record["claims"][0]["chain"].append({"organisation": "no-such-organisation"})
    return True


MUTATIONS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "missing-field": lambda r: r.pop("title") is not None,
    "unknown-field": lambda r: r.setdefault("titel", "typo") == "typo",
    "bad-date": lambda r: r.update(date="2019-02-30") is None,
    "negative-figure": _set_claim("min", -1),
    "figure-not-number": _set_claim("min", "many"),
    "min-over-max": _min_over_max,
    "unknown-organisation": _chain,
    "unknown-source": lambda r: r.update(summary=r["summary"].replace("[@", "[@no-such-source-")) is None,
    "uncited-numeral": lambda r: r.update(summary=r["summary"] + " Then 7 more died.") is None,
    "part-of-cycle": lambda r: r.update(part_of="generated") is None,
    "unknown-incident": lambda r: r.update(part_of="no-such-incident") is None,
}


def _check(record: dict[str, Any], extra: str = "") -> set[str]:
    """Validate the fixture data plus one generated incident; return the error codes."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(VALID, root)
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False) + extra
        (root / "incidents" / "generated.yml").write_text(text, encoding="utf-8")
        _, problems = load_checked(root)
    return {p.code for p in problems if not p.warning}


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(incidents())
def test_generated_incidents_are_valid(record: dict[str, Any]) -> None:
    assert _check(record) == set()


@SETTINGS
@given(incidents(), st.sampled_from(sorted(MUTATIONS)))
def test_single_mutation_is_caught(record: dict[str, Any], code: str) -> None:
    mutated = copy.deepcopy(record)
    assume(MUTATIONS[code](mutated))  # some records have nothing a mutation applies to
    assert code in _check(mutated)


@SETTINGS
@given(incidents())
def test_duplicate_key_is_caught(record: dict[str, Any]) -> None:
    assert "duplicate-key" in _check(record, extra="title: A second title\n")
