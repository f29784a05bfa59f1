"""Problems as GitHub Actions workflow commands, so each one shows on the pull request's diff line."""

from __future__ import annotations

from .problems import Problem


def escape_data(value: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it."""
    # '%' first, or the escapes added below would be escaped again.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (file, title): ',' and ':' end properties, so they are escaped too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(problem: Problem) -> str:
    """One problem as `::error file=F,line=L,title=CODE::message` (or `::warning ...`)."""
    level = "warning" if problem.warning else "error"
    properties = ",".join(f"{name}={escape_property(value)}" for name, value in (
        ("file", problem.where.path), ("line", str(problem.where.line)), ("title", problem.code)))
    return f"::{level} {properties}::{escape_data(problem.message)}"
