"""Each broken file in tests/broken/ gets its exact `path:line:col: error: message [rule]`.

The file is dropped into a fresh copy of the project (a `*.guide.yml` replaces
content/guide.yml) and the real `bounceback check` runs there: exit 1, no traceback, the
expected line (and hint), and no problem reported against any other file.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contribkit import run_cli

BROKEN = Path(__file__).parent / "broken"


def expectations() -> list[tuple[str, str, str | None]]:
    rows = []
    for line in (BROKEN / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, expected, *hint = line.split("\t")
            rows.append((name, expected, hint[0] if hint else None))
    return rows


CASES = expectations()


def target_of(name: str) -> str:
    return "content/guide.yml" if name.endswith(".guide.yml") else f"content/topics/{name}"


def test_corpus_is_large_and_every_file_has_one_expectation():
    files = sorted(p.name for p in BROKEN.iterdir() if p.name != "expected.tsv")
    names = [name for name, _, _ in CASES]
    assert len(files) >= 25
    assert sorted(names) == files, "every broken file needs exactly one row in expected.tsv"


@pytest.mark.parametrize("name,expected,hint", CASES, ids=[c[0] for c in CASES])
def test_broken_file_gets_its_exact_error(project_copy, name, expected, hint):
    project = project_copy()
    target = target_of(name)
    shutil.copyfile(BROKEN / name, project / target)

    result = run_cli("check", cwd=project, timeout=60)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    wanted = f"{target}:{expected}"
    assert wanted in lines, f"expected line not printed:\n{wanted}\n--- got ---\n{result.stdout}"
    if hint is not None:
        assert lines[lines.index(wanted) + 1] == f"    hint: {hint}"
    problem_lines = [line for line in lines if ": error: " in line]
    assert all(line.startswith(f"{target}:") for line in problem_lines), "one broken file must not blame others"
    assert all(lines[i + 1].startswith("    hint: ") for i, line in enumerate(lines) if ": error: " in line)
