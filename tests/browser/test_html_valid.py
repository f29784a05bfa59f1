"""The W3C Nu HTML validator on every page of the built site and of the bundle."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import material
from browsing import REPO, need

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME = Path(material.__file__).parent / "templates"


@dataclass(frozen=True)
class ThemeError:
    """An error that comes from the theme's own templates, which the project does not write."""

    message: re.Pattern[str]
    extract: str  # must appear in the validator's extract of the offending markup
    template: str  # the theme template that writes it ...
    evidence: tuple[str, ...]  # ... on one line holding all of these, which proves where it comes from
    why: str


# Keep this list short and exact: each entry must still match something, or the test fails.
THEME_ERRORS = [
    ThemeError(
        # Material's base template puts autocomplete="off" on the hidden checkboxes that open the
        # drawer and the search; HTML allows autocomplete only on text-like inputs.
        message=re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        extract='class="md-toggle"',
        template="base.html",
        evidence=('class="md-toggle"', 'type="checkbox"', 'autocomplete="off"'),
        why="mkdocs-material base.html: <input class=\"md-toggle\" type=\"checkbox\" autocomplete=\"off\">",
    ),
    ThemeError(
        # Material's table of contents has a <label for="__toc">, whose checkbox only the navigation
        # writes, for the page it lists. Record pages are kept out of the navigation on purpose (a
        # navigation holding every record makes the build quadratic), so on them the label has no box.
        message=re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a "
                           r"non-hidden form control\.$"),
        extract='<label class="md-nav__title" for="__toc">',
        template="partials/toc.html",
        evidence=('<label class="md-nav__title" for="__toc">',),
        why="mkdocs-material partials/toc.html: <label class=\"md-nav__title\" for=\"__toc\"> on pages "
            "outside the navigation",
    ),
]


def _theme_error(message: dict) -> ThemeError | None:
    for known in THEME_ERRORS:
        if known.message.search(message.get("message", "")) and known.extract in message.get("extract", ""):
            return known
    return None


def _validate(*roots: Path) -> list[dict]:
    need(shutil.which("java") is not None, "java is missing (apt-get install default-jre-headless)")
    need(VNU.is_file(), f"{VNU.relative_to(REPO)} is missing (run scripts/install-system-deps.sh)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
         *map(str, roots)], capture_output=True, text=True, check=False)
    # The validator writes its JSON report to stderr, and exits 1 when it found errors.
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stderr)["messages"]


def test_theme_errors_really_come_from_the_theme() -> None:
    for known in THEME_ERRORS:
        lines = (THEME / known.template).read_text(encoding="utf-8").splitlines()
        assert any(all(part in line for part in known.evidence) for line in lines), (
            f"no line of the theme's {known.template} has all of {known.evidence}")


def test_pages_are_valid_html(built: Path, unzipped: Path) -> None:
    messages = _validate(built, unzipped)
    own = [m for m in messages if _theme_error(m) is None]
    where = [f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '')!r}"
             for m in own]
    assert not own, "\n".join(where)
    unused = [k.why for k in THEME_ERRORS if not any(_theme_error(m) is k for m in messages)]
    assert not unused, f"allow-listed theme errors no longer seen (remove them): {unused}"
