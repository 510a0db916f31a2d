"""Validation: every problem at once, placed on its line, with a hint; real content is clean."""
import shutil

import pytest

from bounceback.content import read_guide
from bounceback.load import _build, load_text
from bounceback.model import topic_from_data
from bounceback.validate import compiled_schema, schema_problems, topic_problems
from sitekit import ROOT

TOPIC_SCHEMA = str(ROOT / "content" / "topic.schema.json")
GOOD = (ROOT / "tests" / "data" / "sample-topic.yml").read_text(encoding="utf-8")  # fixed text: content edits never move these tests


def problems_of(text: str, stem: str = "ask-for-feedback"):
    loaded = load_text(text, f"{stem}.yml")
    found = list(loaded.problems) + schema_problems(loaded, compiled_schema(TOPIC_SCHEMA), "topic")
    return sorted(found + topic_problems(loaded, stem))


def test_real_content_is_clean():
    guide, problems = read_guide(ROOT / "content")
    assert problems == []
    assert len(guide.topics) >= 14
    assert all(4 <= len(t.checklist) <= 10 for t in guide.topics.values())


def test_good_topic_has_no_problems():
    assert problems_of(GOOD) == []


def test_unknown_key_suggests_the_right_one():
    missing, problem = problems_of(GOOD.replace("\nsummary:", "\nsumary:"))
    assert (missing.rule, missing.message) == ("required", "missing required field 'summary'")
    assert (problem.rule, problem.line, problem.col) == ("unknown-key", 4, 1)
    assert "sumary" in problem.message and "summary" in problem.hint


def test_every_problem_is_reported_in_one_run():
    text = GOOD.replace("\ntitle: Ask for feedback\n", "\ntitle: [a, b]\n").replace("\nwhy:", "\nwhyy:")
    text = text.replace("id: send-within-two-days", "id: Send_Within")
    found = {p.rule for p in problems_of(text)}
    assert {"type", "unknown-key", "required", "id-format"} <= found


def test_file_name_must_match_id():
    [problem] = problems_of(GOOD, stem="ask-feedback")
    assert problem.rule == "id-file-name" and problem.line == 2


def test_duplicate_item_ids_and_previous_ids():
    text = GOOD.replace("id: ask-one-specific-question", "id: send-within-two-days")
    assert "duplicate-item-id" in {p.rule for p in problems_of(text)}
    text = GOOD.replace(
        "    text: Send no more than one follow-up",
        "    text: Send no more than one follow-up\n    previous_ids: [old-one]",
    ).replace(
        "    text: Thank them for any feedback you receive",
        "    text: Thank them for any feedback you receive\n    previous_ids: [old-one]",
    )
    assert "previous-id-twice" in {p.rule for p in problems_of(text)}


def question_ids_as(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_question_ids_are_checked_like_item_ids():
    """Notes are stored under question ids: each unique, kebab-case, no Windows name, old ids
    neither in use nor claimed twice; each problem on the id's own line and column."""
    lines = GOOD.splitlines()
    second = lines.index("  - id: if-it-feels-unfair") + 1
    found = problems_of(question_ids_as(GOOD, ("  - id: if-it-feels-unfair", "  - id: what-to-ask")))
    assert [(p.rule, p.line, p.col, p.message) for p in found] == [
        ("duplicate-question-id", second, 9, "question id 'what-to-ask' is used twice in this topic")]
    assert "notes" in found[0].hint
    [bad] = problems_of(question_ids_as(GOOD, ("  - id: if-none-comes", "  - id: If_None")))
    assert (bad.rule, bad.line, bad.col) == ("id-format", second + 2, 9)
    [device] = problems_of(question_ids_as(GOOD, ("  - id: if-none-comes", "  - id: aux")))
    assert (device.rule, device.line) == ("windows-name", second + 2) and "question id 'aux'" in device.message
    in_use = question_ids_as(GOOD, ("    text: If no feedback comes, what can you still learn on your own?",
                                    "    text: If no feedback comes, what can you still learn on your own?\n"
                                    "    previous_ids: [what-to-ask]"))
    [problem] = problems_of(in_use)
    assert (problem.rule, problem.line, problem.col) == ("previous-id-in-use", second + 4, 20)
    assert problem.message == "previous id 'what-to-ask' is still the id of a current question"
    twice = question_ids_as(GOOD, ("    text: If no feedback comes, what can you still learn on your own?",
                                   "    text: If no feedback comes, what can you still learn on your own?\n    previous_ids: [old-one]"),
                            ("    text: How will you respond if the feedback feels unfair?",
                             "    text: How will you respond if the feedback feels unfair?\n    previous_ids: [old-one]"))
    [problem] = problems_of(twice)
    assert problem.rule == "previous-id-twice" and problem.message == "previous id 'old-one' is declared by two questions"
    assert problems_of(question_ids_as(GOOD, ("  - id: if-none-comes", "  - id: if-none-comes\n    previous_ids: [if-nothing]"))) == []


def test_a_question_needs_an_id():
    [problem] = problems_of(question_ids_as(GOOD, ("  - id: if-none-comes\n    text: If", "  - text: If")))
    assert problem.rule == "required" and "id" in problem.message


def test_too_few_items_and_too_long_text():
    items = GOOD.split("checklist:")[1].split("reflection:")[0]
    kept = "\n".join(items.splitlines()[:7]) + "\n"
    found = problems_of(GOOD.replace(items, kept))
    assert [(p.rule, p.line) for p in found] == [("count", 37)]
    long = GOOD.replace("\ntitle: Ask for feedback\n", "\ntitle: " + "x" * 61 + "\n")
    assert [p.rule for p in problems_of(long)] == ["length"]


def test_raw_html_and_unsafe_links_are_refused():
    text = GOOD.replace("text: Send your feedback email within two working days",
                        "text: Send <b>it</b> and [click](javascript:alert(1))")
    assert [p.rule for p in problems_of(text)] == ["unsafe-text", "unsafe-text"]


def test_each_finding_in_a_text_is_placed_on_its_own_characters():
    line = "    text: Send your feedback email within two working days"
    assert line in GOOD
    row = GOOD.splitlines().index(line.strip("\n")) + 1
    text = GOOD.replace(line, '    text: "Send \\u200bit, \\"<b>\\" and [x](javascript:y) TODO"')
    found = [(p.line, p.col, p.rule) for p in problems_of(text)]
    assert found == [(row, 17, "invisible-character"), (row, 29, "unsafe-text"), (row, 43, "unsafe-text"),
                     (row, 57, "placeholder")]  # the escape, the '<', the link's target, the TODO


def test_an_id_with_a_look_alike_names_it_and_its_column():
    text = GOOD.replace("  - id: send-within-two-days", "  - id: send-within-twо-days")
    assert text != GOOD
    [problem] = problems_of(text)
    assert problem.rule == "id-format" and problem.col == 23
    assert problem.message.endswith(": U+043E CYRILLIC SMALL LETTER O at column 23")


def test_look_alikes_in_words_but_not_other_scripts():
    text = GOOD.replace("title: Ask for feedback", "title: Ask for fееdback, café, 散歩, Ελλάδα")
    found = [(p.col, p.rule) for p in problems_of(text) if p.line == 3]  # the title; a template repeats it
    assert found == [(17, "mixed-script"), (18, "mixed-script")]


REMINDED = "    text: Set a reminder to follow up in one week\n"


def with_reminder(value: str) -> str:
    """GOOD with `remind_after_days: <value>` (as written in YAML) on its follow-up item."""
    assert REMINDED in GOOD
    return GOOD.replace(REMINDED, REMINDED + f"    remind_after_days: {value}\n")


@pytest.mark.parametrize("written,days", [("1", 1), ("7", 7), ("365", 365), ("42  # six weeks", 42)])
def test_a_reminder_is_a_whole_number_of_days(written, days):
    """Plain digits are read as a number (YAML's implicit int, welcome here only) by the lean
    and the full pass alike, and reach the model; a comment after a number drops nothing."""
    text = with_reminder(written)
    assert problems_of(text) == []
    lean, full = load_text(text, "t.yml"), _build(text, "t.yml")
    assert lean.lazy and full.problems == []  # the lean pass took it, and the full pass agrees
    assert lean.data["checklist"][2]["remind_after_days"] == full.root["checklist"][2]["remind_after_days"] == days
    item = topic_from_data(load_text(text, "t.yml").data).checklist[2]
    assert (item.id, item.remind_after_days) == ("set-follow-up-reminder", days)
    assert topic_from_data(load_text(GOOD, "t.yml").data).checklist[2].remind_after_days is None


@pytest.mark.parametrize("written,shown,hint", [
    ("0", "0", "such as remind_after_days: 7 for a week"),
    ("400", "400", "such as remind_after_days: 7 for a week"),
    ("-3", "-3", "such as remind_after_days: 7 for a week"),
    ('"7"', '"7" (text, in quotes)', "Remove the quotes: remind_after_days: 7."),
    ("'14'", "'14' (text, in quotes)", "Remove the quotes: remind_after_days: 14."),
    ("7.5", "7.5", "such as remind_after_days: 7 for a week"),
    ("7.0", "7.0", "such as remind_after_days: 7 for a week"),
    ("true", "true", "such as remind_after_days: 7 for a week"),
    ("a week", "a week", "such as remind_after_days: 7 for a week"),
    ("0x07", "0x07", "such as remind_after_days: 7 for a week"),
    ("[7, 14]", "a list", "such as remind_after_days: 7 for a week"),
    ("\n      - 7", "a list", "such as remind_after_days: 7 for a week"),
    ("{days: 7}", "a mapping (key: value lines)", "such as remind_after_days: 7 for a week"),
])
def test_a_wrong_reminder_is_reported_at_its_value(written, shown, hint):
    """One problem, on the value's own line and column (a list: where it starts), with the
    range and an example; nothing inside a wrong value is reported again."""
    text = with_reminder(written)
    lines = text.splitlines()
    row = lines.index(REMINDED.rstrip("\n")) + 2
    line, col = (row, 24) if not written.startswith("\n") else (row + 1, 7)
    [problem] = problems_of(text)
    assert (problem.rule, problem.line, problem.col) == ("number", line, col)
    assert problem.message == ("'checklist[2].remind_after_days' must be a whole number of days from 1 to 365, "
                               f"not {shown}")
    assert hint in problem.hint


def test_an_empty_reminder_says_so():
    [problem] = problems_of(with_reminder(""))
    assert (problem.rule, problem.message) == ("number", "'checklist[2].remind_after_days' is empty")
    assert "or remove the line" in problem.hint


def test_numbers_anywhere_else_are_still_refused():
    """Only remind_after_days holds a number: a bare number in a text field is still text gone wrong."""
    text = GOOD.replace("    text: Send no more than one follow-up", "    text: 7")
    assert [p.rule for p in problems_of(text)] == ["implicit-type"]
    text = with_reminder("7").replace("  - id: what-to-ask\n", "  - id: what-to-ask\n    remind_after_days: 7\n")
    assert [p.rule for p in problems_of(text)] == ["unknown-key"]  # questions have no reminders


@pytest.fixture
def content_copy(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def test_cross_file_problems(content_copy):
    topic = content_copy / "topics" / "volunteer.yml"
    topic.write_text(topic.read_text().replace("related: [", "related: [no-such-topic, "), encoding="utf-8")
    guide_file = content_copy / "guide.yml"
    guide_text = guide_file.read_text().replace("      - find-the-right-fit\n", "")
    guide_file.write_text(guide_text.replace("topic: dont-dwell", "topic: dont-dwel"), encoding="utf-8")
    guide, problems = read_guide(content_copy)
    assert guide is None
    assert {p.rule for p in problems} == {"unknown-topic", "topic-not-placed"}
    start = next(p for p in problems if "dont-dwel'" in p.message)
    assert start.path.endswith("guide.yml") and "dont-dwell" in start.hint
    assert all(p.line > 0 and p.col > 0 and p.hint for p in problems)
