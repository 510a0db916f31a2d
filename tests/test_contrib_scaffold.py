"""`bounceback new` / `make new`: a topic from a template that fails `check` until filled in,
placed in a stage with guide.yml edited by one line; misuse changes nothing and exits 2."""
from __future__ import annotations

import pytest

from contribkit import run_cli, run_make, tree_digest

FILLED = {
    'title: "TODO: a short action in sentence case"': "title: Take a short walk",
    "  TODO: one or two sentences a reader can act on even if they read nothing else.":
        "  Step outside for twenty minutes after hard news. Moving helps your mind settle.",
    "  TODO: what doing this changes for the reader, in a short paragraph.":
        "  A walk breaks the loop of replaying the interview and gives you a calmer start.",
    '  - title: "TODO: first step"': "  - title: Put your shoes on",
    '  - title: "TODO: second step"': "  - title: Walk at an easy pace",
    '  - title: "TODO: third step"': "  - title: Come back and write one line",
    "      TODO: what to do and how.": "      Keep it simple and do it today.",
    "  - id: todo-first-item\n    text: \"TODO: start with a verb\"":
        "  - id: go-outside\n    text: Go outside for twenty minutes\n"
        "  - id: leave-phone-away\n    text: Keep your phone in your pocket\n"
        "  - id: notice-five-things\n    text: Notice five things around you\n"
        "  - id: write-one-line\n    text: Write one line about how you feel",
    '  - id: todo-first-question\n    text: "TODO: a question worth answering in writing?"':
        "  - id: mood-after-walk\n    text: How did your mood change during the walk?",
    '  - id: todo-second-question\n    text: "TODO: another question?"':
        "  - id: easier-walk\n    text: What would make a walk easier tomorrow?",
    "  - todo-related-topic": "  - give-yourself-time",
}


def fill_in(text: str) -> str:
    """What a contributor does: replace every placeholder with their own words."""
    for placeholder, own_words in FILLED.items():
        assert placeholder in text, placeholder
        text = text.replace(placeholder, own_words)
    return text


def test_new_topic_fails_check_until_filled_in_then_passes(project_copy):
    project = project_copy()
    guide_before = (project / "content" / "guide.yml").read_text(encoding="utf-8").splitlines(keepends=True)

    result = run_cli("new", "walk-it-off", "--stage", "right-after-the-news", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "content/topics/walk-it-off.yml" in result.stdout

    topic = project / "content" / "topics" / "walk-it-off.yml"
    text = topic.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../topic.schema.json\n")
    assert "\nid: walk-it-off\n" in text
    guide_after = (project / "content" / "guide.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    at = guide_before.index("      - dont-dwell\n") + 1
    assert guide_after == guide_before[:at] + ["      - walk-it-off\n"] + guide_before[at:]

    check = run_cli("check", cwd=project)
    assert check.returncode == 1
    rules = {line.rsplit("[", 1)[1].rstrip("]") for line in check.stdout.splitlines() if ": error: " in line}
    assert {"placeholder", "count"} <= rules
    # at the TODO itself, inside the quotes
    assert "content/topics/walk-it-off.yml:5:9: error: 'title' still holds a placeholder from the template [placeholder]" \
        in check.stdout.splitlines()
    assert all(line.startswith("content/topics/walk-it-off.yml:") for line in check.stdout.splitlines() if ": error: " in line)

    topic.write_text(fill_in(text), encoding="utf-8")
    check = run_cli("check", cwd=project)
    assert [line for line in check.stdout.splitlines() if ": error: " in line] == [
        "content/topics/walk-it-off.yml:4:5: error: no other topic leads to 'walk-it-off': it is in no topic's "
        "related list [unreached-topic]"]
    leading = project / "content" / "topics" / "dont-dwell.yml"  # a contributor links it from where readers come
    leading.write_text(leading.read_text(encoding="utf-8").replace("\nrelated: [", "\nrelated: [walk-it-off, "), encoding="utf-8")
    check = run_cli("check", cwd=project)
    assert check.returncode == 0, check.stdout
    assert "is clean" in check.stdout


def test_each_placeholder_alone_still_fails(project_copy):
    """Filling in all but one placeholder is not enough: each one fails on its own."""
    project = project_copy()
    assert run_cli("new", "walk-it-off", "--stage", "keep-going", cwd=project).returncode == 0
    topic = project / "content" / "topics" / "walk-it-off.yml"
    template = topic.read_text(encoding="utf-8")
    for placeholder in FILLED:
        partly = fill_in(template).replace(FILLED[placeholder], placeholder)
        topic.write_text(partly, encoding="utf-8")
        result = run_cli("check", cwd=project)
        assert result.returncode == 1 and "[placeholder]" in result.stdout, placeholder


def test_new_topic_goes_into_a_flow_list_keeping_comments(project_copy):
    project = project_copy()
    guide = project / "content" / "guide.yml"
    text = guide.read_text(encoding="utf-8").replace(
        "    topics:\n      - ask-for-feedback\n      - what-the-reason-means\n      - analyse-your-performance\n"
        "      - find-where-you-stall\n      - face-your-weaknesses\n",
        "    topics: [ask-for-feedback, what-the-reason-means, analyse-your-performance, find-where-you-stall, "
        "face-your-weaknesses]  # the learning stage\n")
    guide.write_text(text, encoding="utf-8")
    assert run_cli("new", "keep-a-journal", "--stage", "learn-from-it", cwd=project).returncode == 0
    assert guide.read_text(encoding="utf-8") == text.replace(
        "face-your-weaknesses]  # the learning stage", "face-your-weaknesses, keep-a-journal]  # the learning stage")


@pytest.mark.parametrize("args,message", [
    (["volunteer", "--stage", "keep-going"], "a topic with id 'volunteer' already exists"),
    (["walk-it-off", "--stage", "no-such-stage"], "no stage 'no-such-stage' in content/guide.yml; stages: right-after-the-news"),
    (["Walk_It_Off", "--stage", "keep-going"], "'Walk_It_Off' is not a valid topic id"),
    (["walk-it-off"], "the following arguments are required: --stage"),
])
def test_misuse_exits_2_with_a_clear_message_and_changes_nothing(project_copy, args, message):
    project = project_copy()
    before = tree_digest(project)
    result = run_cli("new", *args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project) == before


def test_id_already_placed_in_a_stage_is_refused(project_copy):
    project = project_copy()
    (project / "content" / "topics" / "volunteer.yml").unlink()
    result = run_cli("new", "volunteer", "--stage", "keep-going", cwd=project)
    assert result.returncode == 2
    assert "'volunteer' is already listed in stage 'get-better'" in result.stderr


def test_make_new(project_copy):
    project = project_copy()
    result = run_make("new", cwd=project, timeout=120)
    assert result.returncode == 2
    assert "usage: make new ID=<topic-id> STAGE=<stage-id>" in result.stderr
    result = run_make("new", "ID=walk-it-off", "STAGE=keep-going", cwd=project, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (project / "content" / "topics" / "walk-it-off.yml").is_file()
    assert "      - walk-it-off\n" in (project / "content" / "guide.yml").read_text(encoding="utf-8")
    assert run_make("new", "ID=walk-it-off", "STAGE=keep-going", cwd=project, timeout=120).returncode == 2
