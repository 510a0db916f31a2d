"""Property-based: the loader and the validators never raise, whatever they are given.

Settings used by every test here: max_examples=MAX_EXAMPLES (300), deadline=None (a slow
example is not a failure: only an exception or a wrong answer is). Hypothesis keeps the
failing examples it finds in .hypothesis/ and replays them first on the next run.
"""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bounceback.chars import hidden
from bounceback.load import MAX_DEPTH, Loaded, load_bytes, load_text
from bounceback.problems import Problem, format_problems
from bounceback.validate import compiled_schema, cross_problems, schema_problems, topic_problems
from sitekit import ROOT

MAX_EXAMPLES = 300
SETTINGS = settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOPIC_SCHEMA = compiled_schema(str(ROOT / "content" / "topic.schema.json"))
GUIDE_SCHEMA = compiled_schema(str(ROOT / "content" / "guide.schema.json"))

# Pieces of YAML syntax, so random text reaches deep into the parser, not only its first line.
TOKENS = [
    "id", "title", "checklist", "text", "previous_ids", "related", "steps", "x", "a-b", ":", ": ", "- ", "-",
    "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!tag ", "!!python/object ", "<<: ", "? ", "|", ">-", "|+",
    "'", '"', "\\", "#", " # c", "---", "...", "%YAML 1.2", "%TAG ! x", "yes", "no", "~", "null", "2024-01-05",
    "0x1F", "1e3", ".inf", "<script>", "](javascript:x)", "![i](y)", "\n", "\n  ", "\n    ", "  ", "\t", "\r\n",
    "\ufeff", "\x00", "\x85", "\u2028", "é", "😀",
]
yamlish = st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=60).map("".join)


def well_formed(problems) -> None:
    """Every problem is placed and explained, and prints as one line plus a hint."""
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1 and problem.col >= 1
        assert problem.message and problem.rule
        assert len(problem.as_text().splitlines()) <= 2
        assert "\n" not in problem.as_github()
    format_problems(list(problems), "text")


@SETTINGS
@given(st.text() | st.text(st.characters(categories=["Cs", "Cc", "Zl", "Zp", "Co", "Cn"])))
def test_load_text_never_raises_on_any_text(text):
    loaded = load_text(text, "t.yml")
    assert isinstance(loaded, Loaded)
    well_formed(loaded.problems)


@SETTINGS
@given(yamlish)
def test_load_text_never_raises_on_yaml_like_text(text):
    loaded = load_text(text, "t.yml")
    well_formed(loaded.problems)
    well_formed(schema_problems(loaded, TOPIC_SCHEMA, "topic") + topic_problems(loaded, "t"))


@SETTINGS
@given(st.binary())
def test_load_bytes_never_raises_on_any_bytes(raw):
    well_formed(load_bytes(raw, "t.yml").problems)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")))
def test_load_bytes_never_raises_on_yaml_like_bytes(raw):
    well_formed(load_bytes(raw, "t.yml").problems)


def nested(leaves, max_leaves: int):
    """Small lists and mappings nested around `leaves`: the shapes a topic file can take."""
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=max_leaves,
    )


scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
structures = nested(scalars, max_leaves=25)


@SETTINGS
@given(structures)
def test_any_dumped_structure_loads_without_raising(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    loaded = load_text(text, "t.yml")
    well_formed(loaded.problems)
    well_formed(schema_problems(loaded, TOPIC_SCHEMA, "topic") + topic_problems(loaded, "t"))


def depth(data) -> int:
    if isinstance(data, dict):
        return 1 + max(map(depth, data.values()), default=0)
    if isinstance(data, list):
        return 1 + max(map(depth, data), default=0)
    return 0


text_only = nested(st.text(max_size=20), max_leaves=20)


@SETTINGS
@given(text_only)
def test_text_structures_read_back_as_pyyaml_reads_them(data):
    """What YAML itself writes, the loader reads as PyYAML does, or says why it will not
    (too deep, a tab, or a character no one can see written as it is)."""
    text = yaml.safe_dump(data, allow_unicode=True)
    loaded = load_text(text, "t.yml")
    if loaded.problems:
        assert {p.rule for p in loaded.problems} <= {"too-deep", "tabs", "invisible-character"}, loaded.problems
        assert depth(data) > MAX_DEPTH or "\t" in text or hidden(text, "\t\n\r")
    else:
        assert loaded.data == yaml.safe_load(text)


TOPIC_KEYS = ["id", "title", "summary", "why", "steps", "checklist", "reflection", "related", "templates",
              "tags", "sources", "previous_ids", "text", "detail", "body"]
values = st.recursive(
    scalars | st.sampled_from(["ask-for-feedback", "volunteer", "Bad Id", "", " ", "TODO: x", "todo-x", "<b>x</b>",
                               "[x](javascript:y)", "a\nb", "x" * 2000]),
    lambda inner: st.lists(inner, max_size=12) | st.dictionaries(st.sampled_from(TOPIC_KEYS) | st.text(max_size=5),
                                                                 inner, max_size=6),
    max_leaves=40,
)
topic_like = st.dictionaries(st.sampled_from(TOPIC_KEYS) | st.text(max_size=6), values, max_size=12)
any_keys = st.dictionaries(st.integers() | st.text(max_size=4) | st.none() | st.booleans(), values, max_size=6)


@SETTINGS
@given(topic_like | any_keys | values, st.text(max_size=12))
def test_topic_validators_never_raise_on_any_structure(data, stem):
    loaded = Loaded("t.yml", data, {(): (1, 1)})
    well_formed(schema_problems(loaded, TOPIC_SCHEMA, "topic"))
    well_formed(topic_problems(loaded, stem))


@SETTINGS
@given(topic_like | values, st.dictionaries(st.text(max_size=12), topic_like | values, max_size=5))
def test_cross_file_checks_never_raise(guide_data, topic_data):
    cross_file_checks_are_well_formed(guide_data, topic_data)


def cross_file_checks_are_well_formed(guide_data, topic_data):
    guide = Loaded("content/guide.yml", guide_data)
    topics = {stem: Loaded(f"content/topics/{stem}.yml", data) for stem, data in topic_data.items()}
    well_formed(schema_problems(guide, GUIDE_SCHEMA, "guide"))
    well_formed(cross_problems(guide, topics))


stage = st.fixed_dictionaries({"id": values, "title": values, "summary": values, "topics": values})
guide_like = st.fixed_dictionaries({"title": values, "welcome": values, "stages": st.lists(stage | values, max_size=4)})


@SETTINGS
@given(guide_like, st.dictionaries(st.sampled_from(["volunteer", "a", "b-c", "Bad"]), topic_like, max_size=4))
def test_cross_file_checks_never_raise_on_guide_shaped_data(guide_data, topic_data):
    cross_file_checks_are_well_formed(guide_data, topic_data)
