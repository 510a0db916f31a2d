"""`bounceback check` as a contributor and CI meet it: exact formats, exit codes 0/1/2,
and never a traceback, whatever lies in content/."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from contribkit import run_cli
from sitekit import ROOT

BROKEN = Path(__file__).parent / "broken"


def test_clean_content_exits_0(project_copy):
    result = run_cli("check", cwd=project_copy())
    assert result.returncode == 0
    assert result.stdout.startswith("content/ is clean: ")
    assert result.stderr == ""


def test_text_format_is_path_line_col_error_message_rule_then_hint(project_copy):
    project = project_copy()
    shutil.copyfile(BROKEN / "unknown-key-typo.yml", project / "content" / "topics" / "unknown-key-typo.yml")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/topics/unknown-key-typo.yml:3:1: error: missing required field 'summary' [required]",
        "    hint: Add 'summary:' here; see the annotated example in CONTRIBUTING.md.",
        "content/topics/unknown-key-typo.yml:3:5: error: no other topic leads to 'unknown-key-typo': it is in no topic's related list [unreached-topic]",
        "    hint: Add 'unknown-key-typo' to the related list of a topic a reader would come from.",
        "content/topics/unknown-key-typo.yml:3:5: error: topic 'unknown-key-typo' is in no stage of content/guide.yml [topic-not-placed]",
        "    hint: Add 'unknown-key-typo' to the topics of one stage in content/guide.yml.",
        "content/topics/unknown-key-typo.yml:5:1: error: unknown key 'sumary' [unknown-key]",
        "    hint: Did you mean 'summary'?",
    ]
    assert result.stderr.strip() == "4 problem(s) in content/"


GITHUB_LINE = ("::error file=content/topics/unknown-key-typo.yml,line=5,col=1,title=unknown-key::"
               "unknown key 'sumary' [unknown-key] Hint: Did you mean 'summary'?")


@pytest.mark.parametrize("how", ["--format github", "GITHUB_ACTIONS=true"])
def test_github_format_by_flag_or_automatically_in_actions(project_copy, how):
    project = project_copy()
    shutil.copyfile(BROKEN / "unknown-key-typo.yml", project / "content" / "topics" / "unknown-key-typo.yml")
    if how.startswith("--"):
        result = run_cli("check", "--format", "github", cwd=project)
    else:
        result = run_cli("check", cwd=project, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and all(line.startswith("::error file=") for line in lines)
    assert GITHUB_LINE in lines


def test_text_flag_wins_over_github_actions(project_copy):
    project = project_copy()
    shutil.copyfile(BROKEN / "unknown-key-typo.yml", project / "content" / "topics" / "unknown-key-typo.yml")
    result = run_cli("check", "--format", "text", cwd=project, env={"GITHUB_ACTIONS": "true"})
    assert "content/topics/unknown-key-typo.yml:5:1: error: unknown key 'sumary' [unknown-key]" in result.stdout


def test_github_format_escapes_what_would_break_a_workflow_command(project_copy):
    project = project_copy()
    weird = project / "content" / "topics" / "a,b:c%.yml"
    weird.write_text("id: x\ntitle: [100%]\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", cwd=project)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "a%2Cb%3Ac%25.yml" in line]
    assert lines and all(line.startswith("::error file=content/topics/a%2Cb%3Ac%25.yml,line=") for line in lines)
    assert all(line.startswith("::error ") for line in result.stdout.splitlines())  # no message broke a line


@pytest.mark.parametrize("args", [[], ["chek"], ["check", "--format", "xml"], ["check", "--nope"], ["new"]])
def test_usage_errors_exit_2(project_copy, args):
    result = run_cli(*args, cwd=project_copy())
    assert result.returncode == 2
    assert result.stderr.startswith("usage: bounceback")
    assert "Traceback" not in result.stderr


def test_missing_content_folder_is_a_usage_error(tmp_path):
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "bounceback check: no content folder at content/ (run this from the repository root, or pass --content)")


def special_files(topics: Path) -> None:
    """Things a pull request or a careless copy can put into content/topics/."""
    os.symlink("/dev/zero", topics / "zero.yml")
    os.symlink(ROOT / "content" / "topics" / "volunteer.yml", topics / "linked.yml")
    os.symlink(topics / "loop.yml", topics / "loop.yml")
    os.mkfifo(topics / "fifo.yml")
    (topics / "folder").mkdir()
    (topics / "notes.txt").write_text("not a topic", encoding="utf-8")
    (topics / os.fsdecode(b"bad-\xff-name.yml")).write_bytes(b"id: bad\n")
    (topics / "new\nline.yml").write_bytes(b"id: x\n")
    (topics / "nul.yml").write_bytes(b"id: a\x00b\n")
    (topics / "bom-only.yml").write_bytes(b"\xef\xbb\xbf")
    (topics / "huge-line.yml").write_bytes(b"title: " + b"x" * 250_000 + b"\n")
    (topics / "huge-number.yml").write_bytes(b"title: " + b"9" * 200_000 + b"\n")
    (topics / "many-keys.yml").write_bytes(b"".join(b"k%d: v\n" % i for i in range(30_000)))
    (topics / "many-entries.yml").write_bytes(b"related:\n" + b"".join(b"- {k%d: v}\n" % i for i in range(20_000)))
    (topics / "deep.yml").write_bytes(b"a: " + b"[" * 100_000 + b"]" * 100_000)
    (topics / "unicode.yml").write_text("id: unicode\ntitle: \u202e\u2028\ud7ff \U0001f600\n", encoding="utf-8")


def test_no_traceback_whatever_lies_in_content(project_copy):
    project = project_copy()
    special_files(project / "content" / "topics")
    result = run_cli("check", cwd=project, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    out = result.stdout
    for shown in ["zero.yml", "linked.yml", "loop.yml", "fifo.yml", "folder", "notes.txt", "bad-\\udcff-name.yml",
                  "new\\nline.yml", "nul.yml", "bom-only.yml", "huge-line.yml", "huge-number.yml", "many-keys.yml",
                  "many-entries.yml", "deep.yml", "unicode.yml"]:
        assert f"content/topics/{shown}:" in out, shown
    assert "content/topics/zero.yml:1:1: error: not a regular file (symbolic links and special files are refused) [file-type]" in out
    assert all(len(line) < 400 for line in out.splitlines()), "a value must be quoted short, never whole"


@pytest.mark.parametrize("breakage", ["no-guide", "empty-guide", "no-topics-folder", "no-schema", "bad-schema",
                                      "guide-is-folder"])
def test_no_traceback_when_content_itself_is_damaged(project_copy, breakage):
    project = project_copy()
    content = project / "content"
    if breakage == "no-guide":
        (content / "guide.yml").unlink()
    elif breakage == "empty-guide":
        (content / "guide.yml").write_text("", encoding="utf-8")
    elif breakage == "no-topics-folder":
        shutil.rmtree(content / "topics")
    elif breakage == "no-schema":
        (content / "topic.schema.json").unlink()
    elif breakage == "bad-schema":
        (content / "guide.schema.json").write_text('{"type": 12', encoding="utf-8")
    else:
        (content / "guide.yml").unlink()
        (content / "guide.yml").mkdir()
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert ": error: " in result.stdout


def test_a_bug_in_the_checker_is_one_clear_line_and_exit_3(project_copy):
    """Simulate an internal bug: the guard prints one line (no traceback) and exits non-zero."""
    code = ("import sys, bounceback.cli as cli\n"
            "def broken(*a, **k): raise RuntimeError('simulated bug')\n"
            "cli.read_guide = broken\n"
            "sys.exit(cli.main(['check']))\n")
    import subprocess
    env = {k: v for k, v in os.environ.items() if k != "BOUNCEBACK_DEBUG"}
    result = subprocess.run([sys.executable, "-c", code], cwd=project_copy(), env=env, capture_output=True, text=True)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("bounceback check: internal error (RuntimeError: simulated bug).")
    debug = subprocess.run([sys.executable, "-c", code], cwd=project_copy(), env={**env, "BOUNCEBACK_DEBUG": "1"},
                           capture_output=True, text=True)
    assert "Traceback" in debug.stderr


def test_editors_get_the_schemas():
    """Each topic names its schema on its first line, and VS Code maps both schemas."""
    for topic in sorted((ROOT / "content" / "topics").glob("*.yml")):
        first = topic.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../topic.schema.json", topic.name
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./content/topic.schema.json"] == ["content/topics/*.yml"]
    assert schemas["./content/guide.schema.json"] == ["content/guide.yml"]
    for schema, globs in schemas.items():
        assert (ROOT / schema).is_file()
        assert all(any(ROOT.glob(g)) for g in globs), globs
