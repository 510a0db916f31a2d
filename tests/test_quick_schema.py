"""The fast schema check may only ever say "valid" where jsonschema agrees.

It skips jsonschema for clean files, so a file it wrongly accepted would lose its
problems: hypothesis mutates real topics and the guide and compares the two verdicts.
"""
import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bounceback.load import load_file
from bounceback.quickschema import compile_quick, quick_valid
from bounceback.validate import compiled_schema
from sitekit import ROOT

TOPIC = compiled_schema(str(ROOT / "content" / "topic.schema.json"))
GUIDE = compiled_schema(str(ROOT / "content" / "guide.schema.json"))
TOPICS = [load_file(p).data for p in sorted((ROOT / "content" / "topics").glob("*.yml"))]
GUIDE_DATA = load_file(ROOT / "content" / "guide.yml").data

values = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 2),
    st.text(max_size=3), st.sampled_from(["", " ", "a\nb", "x" * 61, "x" * 1600, "Bad Id", "ok-id", "ok-id "]),
    st.lists(st.sampled_from(["ok-id", "ok-id", "other", "", 1, None]), max_size=8),
    st.dictionaries(st.sampled_from(["id", "text", "title", "detail", "body", "extra"]), st.text(max_size=3), max_size=3),
)


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
            parent[draw(st.sampled_from(["extra", "tags", "templates", "sources", "previous_ids"]))] = draw(values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return data


def test_both_real_schemas_compile_to_a_quick_check():
    assert compile_quick(TOPIC.schema) is not None
    assert compile_quick(GUIDE.schema) is not None


def test_real_content_takes_the_fast_path():
    assert all(quick_valid(TOPIC, data) for data in TOPICS)
    assert quick_valid(GUIDE, GUIDE_DATA)


@settings(max_examples=600, deadline=None)
@given(mutated(TOPICS))
def test_quick_check_never_accepts_a_topic_jsonschema_rejects(data):
    if quick_valid(TOPIC, data):
        assert list(TOPIC.iter_errors(data)) == [], json.dumps(data)[:300]


@settings(max_examples=300, deadline=None)
@given(mutated([GUIDE_DATA]))
def test_quick_check_never_accepts_a_guide_jsonschema_rejects(data):
    if quick_valid(GUIDE, data):
        assert list(GUIDE.iter_errors(data)) == [], json.dumps(data)[:300]


def test_unknown_keywords_fall_back_to_jsonschema():
    assert compile_quick({"type": "string", "format": "email"}) is None
    assert compile_quick({"$ref": "https://example.org/other.json"}) is None
    assert compile_quick({"type": "integer"}) is None


def test_quick_check_rejects_what_it_should():
    check = compile_quick(TOPIC.schema)
    good = TOPICS[0]
    assert check(good)
    assert not check({**good, "title": "x" * 61})
    assert not check({**good, "title": "two\nlines"})
    assert not check({**good, "id": "Bad Id"})
    assert not check({**good, "related": ["a", "a"]})
    assert not check({**good, "unknown": "x"})
    assert not check({k: v for k, v in good.items() if k != "why"})
