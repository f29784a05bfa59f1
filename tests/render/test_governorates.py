"""The governorates index shows only what happened in each governorate: a figure for several of them
(or for the whole country) is never repeated under each, and a governorate's share of one is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factsheet.pipeline import load_dataset, render_site

CHARTS = Path(__file__).parent.parent / "charts" / "data"


@pytest.fixture(scope="module")
def page() -> str:
    return render_site(load_dataset(CHARTS))["governorates.md"].content


def section(page: str, gov_id: str) -> str:
    """The Markdown of one governorate's section."""
    found = re.search(r"^## .*\{#" + gov_id + r"\}\n(.*?)(?=^## |\Z)", page, re.S | re.M)
    assert found, gov_id
    return found.group(1)


def row(text: str, title: str) -> str:
    (line,) = [line for line in text.splitlines() if f"[{title}]" in line]
    return line


def test_a_movement_wide_total_is_not_repeated_under_each_governorate(page) -> None:
    # The movement covers five governorates; its own 'over 150' and 'hundreds' belong to none alone.
    for gov_id in ("basra", "karbala", "najaf"):
        cell = row(section(page, gov_id), "The protest movement").rsplit(" | ", 1)[1]
        assert cell == ("none for this governorate alone: the incident's figures are for several "
                        "governorates together |")
    assert "150" not in page and "hundreds" not in page


def test_a_governorates_share_of_a_wider_figure_is_shown_under_it(page) -> None:
    baghdad = row(section(page, "baghdad"), "The protest movement")
    assert re.search(r"\| 276\[\^\d+\] in this governorate, of “543” in all; counted: killed \(who not "
                     r"stated\), running total since 1 October 2019, as of February 2020 \|$", baghdad)
    dhi_qar = row(section(page, "dhi-qar"), "The protest movement")
    assert "81[^" in dhi_qar and "276" not in dhi_qar


def test_an_incident_confined_to_a_governorate_keeps_its_range(page) -> None:
    nasiriyah = row(section(page, "dhi-qar"), "Shootings of protesters in Nasiriyah")
    assert re.search(r"\| 29–46\+?\[\^\d+\]", nasiriyah)


def test_a_nationwide_incident_is_listed_without_a_governorate(page) -> None:
    nationwide = row(section(page, "none"), "Protests across Iraq on 24 January 2020")
    assert "10+[^" in nationwide  # where no governorate is claimed, its own figure is its place's
