"""fastjsonschema's verdict is jsonschema's, on valid and invalid documents alike.

The fast check skips jsonschema for clean files, so a file it wrongly accepted would lose
its problems, and one it wrongly rejected would cost a slow pass: hypothesis mutates the
real topics and the guide, and every broken file and YAML test suite input is tried too.
"""
import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounceback.fastschema import compile_fast, fast_valid
from bounceback.load import load_file
from bounceback.validate import compiled_schema
from sitekit import ROOT

TOPIC = compiled_schema(str(ROOT / "content" / "topic.schema.json"))
GUIDE = compiled_schema(str(ROOT / "content" / "guide.schema.json"))
TOPICS = [load_file(p).data for p in sorted((ROOT / "content" / "topics").glob("*.yml"))]
GUIDE_DATA = load_file(ROOT / "content" / "guide.yml").data

values = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 2), st.sampled_from([1.0, 0.5]),
    st.text(max_size=3), st.sampled_from(["", " ", "a\nb", "x" * 61, "x" * 1600, "Bad Id", "ok-id", "ok-id ",
                                          "ok-id\n", "line\n", "2024-01-05", "2024-01-05\n", "2024-13-45",
                                          "subject", "required"]),
    st.lists(st.sampled_from(["ok-id", "ok-id", "other", "", 1, 1.0, True, None]), max_size=8),
    st.dictionaries(st.sampled_from(["id", "text", "title", "detail", "body", "extra"]), st.text(max_size=3), max_size=3),
)


def agree(validator, data) -> bool:
    """Fails the test unless both say the same; returns the verdict."""
    fast, errors = fast_valid(validator, data), list(validator.iter_errors(data))
    assert fast == (errors == []), f"fast: {fast}, jsonschema: {[e.message for e in errors][:3]}, {json.dumps(data)[:300]}"
    return fast


def _paths(data, path=()):
    """Every place in a structure a mutation can hit."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, path + (index,))


@st.composite
def mutated(draw, base):
    data = copy.deepcopy(draw(st.sampled_from(base)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(data))))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["set", "delete", "add", "duplicate"]))
        if not path:
            continue
        if action == "set":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "tags", "templates", "sources", "previous_ids", "help", "start"]))] = draw(values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return data


def test_both_real_schemas_compile():
    assert compile_fast(TOPIC.schema) is not None
    assert compile_fast(GUIDE.schema) is not None


def test_real_content_takes_the_fast_path():
    assert all(agree(TOPIC, data) for data in TOPICS)
    assert agree(GUIDE, GUIDE_DATA)


@settings(max_examples=600, deadline=None)
@given(mutated(TOPICS))
def test_a_mutated_topic_gets_the_same_verdict(data):
    agree(TOPIC, data)


@settings(max_examples=300, deadline=None)
@given(mutated([GUIDE_DATA]))
def test_a_mutated_guide_gets_the_same_verdict(data):
    agree(GUIDE, data)


def test_every_broken_file_and_yaml_test_suite_input_gets_the_same_verdict():
    files = sorted((ROOT / "tests" / "broken").glob("*.yml")) + sorted((ROOT / "tests" / "yaml-test-suite" / "cases").glob("*.yaml"))
    read = [loaded.data for loaded in map(load_file, files) if loaded.data is not None]
    assert len(read) > 300
    for data in read:
        agree(TOPIC, data)
        agree(GUIDE, data)


def test_siblings_of_a_ref_still_apply():
    """Draft 2020-12 applies `maxLength` beside `$ref`; fastjsonschema alone would not."""
    good = TOPICS[0]
    assert fast_valid(TOPIC, good)
    for bad in ({**good, "title": "x" * 61}, {**good, "title": "two\nlines"}, {**good, "id": "Bad Id"},
                {**good, "related": ["a", "a"]}, {**good, "unknown": "x"}, {k: v for k, v in good.items() if k != "why"},
                {**good, "reviewed": "2024-01-05\n"}):
        assert not agree(TOPIC, bad)


@pytest.mark.parametrize("schema", [
    {"prefixItems": [{"type": "string"}]},  # 2020-12 only: fastjsonschema would ignore it
    {"type": "object", "unevaluatedProperties": False},
    {"$ref": "https://example.org/other.json"},  # would be fetched: left to jsonschema, which never fetches
    {"items": [{"type": "string"}]},
    {"$defs": {"list": {"type": "array", "items": {"$ref": "#/$defs/list"}}}, "$ref": "#/$defs/list"},
], ids=["prefixItems", "unevaluatedProperties", "remote-ref", "items-array", "recursive"])
def test_what_fastjsonschema_could_read_otherwise_is_left_to_jsonschema(schema):
    assert compile_fast(schema) is None


def test_formats_are_not_asserted_by_either():
    """jsonschema asserts no format without a format checker; the fast check must not either."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string", "format": "date"}
    validator = type(TOPIC)(schema)
    assert agree(validator, "not a date")
