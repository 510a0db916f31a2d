"""All 402 inputs of the official YAML test suite, dropped into content/topics/ at once.

Real-world YAML that no one here wrote, 94 of it invalid: one `bounceback check` run must
name every file with a `path:line:col` error about its content, never print a traceback,
and exit 1. The inputs are kept in tests/yaml-test-suite/ (see its README), so any clone
runs this test with nothing beside it.
"""
from __future__ import annotations

import csv
import os
import re
import shutil

import pytest

from contribkit import run_cli
from sitekit import ROOT

SUITE = ROOT / "tests" / "yaml-test-suite"
PROBLEM = re.compile(r"^(content/topics/[^:]+):(\d+):(\d+): error: .+ \[([a-z-]+)\]$", re.MULTILINE)
# Problems that would name a file whatever it holds: not evidence that its content was read.
ABOUT_THE_NAME = {"topic-not-placed", "file-name", "file-extension"}


@pytest.fixture(scope="module")
def suite():
    with open(SUITE / "cases.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == len(list((SUITE / "cases").glob("*.yaml"))) >= 350  # 402 inputs, 94 invalid
    return rows


def topic_name(case_file: str) -> str:
    """cases/2AUY.yaml -> yts-2auy.yml: a valid topic id, so each file is judged on its content."""
    return "yts-" + os.path.basename(case_file).removesuffix(".yaml").lower() + ".yml"


def test_every_yaml_test_suite_input_gets_a_located_error(project_copy, suite):
    project = project_copy()
    topics = project / "content" / "topics"
    for row in suite:
        shutil.copyfile(SUITE / row["file"], topics / topic_name(row["file"]))

    result = run_cli("check", cwd=project, timeout=600)

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    named: dict[str, set[str]] = {}
    for path, line, col, rule in PROBLEM.findall(result.stdout):
        assert int(line) >= 1 and int(col) >= 1
        named.setdefault(path, set()).add(rule)
    for row in suite:
        path = f"content/topics/{topic_name(row['file'])}"
        assert path in named, f"{row['file']} ({row['name']}) is named by no problem"
        assert named[path] - ABOUT_THE_NAME, f"{row['file']} is named only for its name: {named[path]}"
    # The real topics stay clean: only the dropped files are blamed.
    assert set(named) == {f"content/topics/{topic_name(row['file'])}" for row in suite}


def test_suite_files_as_dropped_keep_their_own_names(project_copy, suite):
    """Dropped in with their own names (2AUY.yaml), every file is still named, with no traceback."""
    project = project_copy()
    for row in suite:
        shutil.copyfile(SUITE / row["file"], project / "content" / "topics" / os.path.basename(row["file"]))
    result = run_cli("check", cwd=project, timeout=600)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    named: dict[str, set[str]] = {}
    for path, _line, _col, rule in PROBLEM.findall(result.stdout):
        named.setdefault(path, set()).add(rule)
    assert set(named) == {f"content/topics/{os.path.basename(row['file'])}" for row in suite}
    for row in suite:  # each is also named for what is wrong inside it, not only for its .yaml name
        path = f"content/topics/{os.path.basename(row['file'])}"
        assert named[path] - ABOUT_THE_NAME, f"{row['file']} is named only for its name: {named[path]}"
