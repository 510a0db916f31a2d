"""The workflows and the issue form are valid by the JSON Schemas GitHub's formats follow.

A workflow GitHub cannot read fails only once it is pushed, and an invalid issue form is
silently not offered: check-jsonschema checks them here, against the schemas it ships
(SchemaStore's, vendored in the package). It never needs the network: the proxies point
at a closed port, so an attempt to download anything would fail these tests.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
CLOSED = "http://127.0.0.1:9"
OFFLINE = {**os.environ, **{name: CLOSED for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")},
           "NO_PROXY": "", "no_proxy": ""}


def check(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    """check-jsonschema with its built-in schema `vendor.<schema>`, offline."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{schema}",
                           *map(str, files)], env=OFFLINE, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("schema, files", [("github-workflows", WORKFLOWS), ("github-issue-forms", FORMS)],
                         ids=["workflows", "issue-forms"])
def test_github_files_match_their_schema(schema, files):
    assert files
    result = check(schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("schema, original, change, found", [
    ("github-workflows", GITHUB / "workflows" / "pr.yml", ("    steps:", "    step:", 1), "'step' was unexpected"),
    ("github-issue-forms", FORMS[0], ("type: textarea", "type: essay", 1), "'essay' is not one of"),
], ids=["workflow-with-step-for-steps", "form-with-unknown-field-type"])
def test_a_broken_copy_is_caught(tmp_path, schema, original, change, found):
    """The check is real: one wrong word in a copy of a real file makes it fail, for that."""
    text = original.read_text(encoding="utf-8")
    assert change[0] in text
    broken = tmp_path / original.name
    broken.write_text(text.replace(*change), encoding="utf-8")
    result = check(schema, [broken])
    assert result.returncode == 1
    assert "Schema validation errors were encountered" in result.stdout and found in result.stdout, result.stdout
