"""Numbers inside names ("France 24", "Kurdistan 24") are not uncited figures anywhere on the built site.

A copy of data/ gets two outlets whose names hold digits, sources they published, and an incident
whose figures they make and relay (a running total, so that a toll-history chart and its table are
drawn). The built pages must pass the same figure-footnote check as the real site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from figurecheck import uncited

REPO = Path(__file__).parent.parent.parent
DATA = REPO / "data"

ORGANISATIONS = {
    "france-24": """\
name: France 24
variants:
  - name: فرانس 24
    lang: ar
kind: media-outlet
summary: A French international news channel (a record added by a test).
""",
    "kurdistan-24": """\
name: Kurdistan 24
kind: media-outlet
summary: A news channel based in Erbil (a record added by a test).
""",
}

SOURCES = """
@online{france-24-2019-12-02,
  title        = {Toll of the protests rises},
  organization = {France 24},
  date         = {2019-12-02},
  url          = {https://example.org/france24/toll},
  langid       = {english},
  kind         = {broadcaster},
  stake        = {A broadcaster with no stated stake in the protests (a source added by a test).},
  publisherid  = {france-24},
}

@online{kurdistan-24-2019-12-05,
  title        = {Protest toll, according to France 24},
  organization = {Kurdistan 24},
  date         = {2019-12-05},
  url          = {https://example.org/kurdistan24/toll},
  langid       = {english},
  kind         = {broadcaster},
  stake        = {A broadcaster based in the Kurdistan Region (a source added by a test).},
  publisherid  = {kurdistan-24},
}
"""

INCIDENT = """\
title: Tolls given by two broadcasters (a record added by a test)
date: 2019-12
place:
  area: Iraq
summary: >-
  France 24 and Kurdistan 24 gave running totals of the dead
  [@france-24-2019-12-02, para. 2] [@kurdistan-24-2019-12-05, para. 4].
claims:
  - id: killed-france-24
    counts: killed
    figure: more than 400
    min: 400
    max: null
    period: {since: 2019-10-01}
    as_of: 2019-12-02
    chain:
      - organisation: france-24
    cite: {source: france-24-2019-12-02, locator: "para. 2"}
  - id: killed-france-24-via-kurdistan-24
    counts: killed
    figure: more than 420
    min: 420
    max: null
    period: {since: 2019-10-01}
    as_of: 2019-12-05
    chain:
      - organisation: france-24
      - organisation: kurdistan-24
    cite: {source: kurdistan-24-2019-12-05, locator: "para. 4"}
  - id: killed-kurdistan-24
    counts: killed
    figure: about 430
    min: 430
    max: 430
    period: {since: 2019-10-01}
    as_of: 2019-12-05
    chain:
      - unnamed: medical sources
      - organisation: kurdistan-24
    cite: {source: kurdistan-24-2019-12-05, locator: "para. 5"}
  - id: broadcaster-allegation
    alleges: >-
      France 24 was accused by the authorities of exaggerating the toll
      [@kurdistan-24-2019-12-05, para. 6].
    accused:
      - organisation: france-24
    chain:
      - organisation: kurdistan-24
    cite: {source: kurdistan-24-2019-12-05, locator: "para. 6"}
"""


def factsheet(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SOURCE_DATE_EPOCH", "FACTSHEET_DATA"}}
    return subprocess.run([sys.executable, "-m", "factsheet.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("names") / "data"
    shutil.copytree(DATA, data)
    for org_id, text in ORGANISATIONS.items():
        (data / "organisations" / f"{org_id}.yml").write_text(text, "utf-8")
    with (data / "sources.bib").open("a", encoding="utf-8") as bib:
        bib.write(SOURCES)
    (data / "incidents" / "2019-12-broadcaster-tolls.yml").write_text(INCIDENT, "utf-8")
    out = data.parent / "site"
    result = factsheet("build", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_names_are_on_the_pages(site: Path) -> None:
    """The check below has something to check: the names appear where names are printed."""
    incident = (site / "incident" / "2019-12-broadcaster-tolls" / "index.html").read_text("utf-8")
    assert incident.count("France 24") >= 5  # ranges, claims, chart table, allegation, source labels
    assert "Kurdistan 24" in incident
    assert 'class="fs-chart-data"' in incident  # the toll-history table, which names claimants
    for page in ("organisation/france-24", "organisation/kurdistan-24", "source/france-24-2019-12-02",
                 "organisations", "sources", "claims"):
        assert "24" in (site / page / "index.html").read_text("utf-8"), page


def test_no_name_counts_as_an_uncited_number(site: Path) -> None:
    problems = [f"{page.relative_to(site)}: {hit}" for page in sorted(site.rglob("*.html"))
                if page.name != "404.html" for hit in uncited(page.read_text("utf-8"))]
    assert problems == []
