"""The loader turns YAML into data with positions and reports what YAML would get wrong."""
from bounceback.load import MAX_BYTES, load_bytes, load_text


def rules(loaded):
    return [(p.line, p.col, p.rule) for p in loaded.problems]


def test_plain_topic_loads_with_positions():
    loaded = load_text("id: x\nsteps:\n  - title: a\n    detail: b\n", "t.yml")
    assert loaded.data == {"id": "x", "steps": [{"title": "a", "detail": "b"}]}
    assert loaded.problems == ()
    assert loaded.where(("steps", 0, "detail")) == (4, 13)
    assert loaded.where(("id",), key=True) == (1, 1)
    assert loaded.where(("missing", 3)) == (1, 1)


def test_duplicate_key_is_reported_at_the_second_key():
    loaded = load_text("title: a\nsummary: b\ntitle: c\n", "t.yml")
    assert rules(loaded) == [(3, 1, "duplicate-key")]
    assert "first defined on line 1" in loaded.problems[0].message
    assert loaded.data["title"] == "a"


def test_anchors_and_aliases_are_refused():
    loaded = load_text("a: &x hello\nb: *x\n", "t.yml")
    assert rules(loaded) == [(1, 4, "no-anchors"), (2, 4, "no-aliases")]


def test_values_yaml_would_convert_are_flagged():
    loaded = load_text("a: no\nb: 2024-01-05\nc: 3\nd: '2024-01-05'\ne:\n", "t.yml")
    assert rules(loaded) == [(1, 4, "implicit-type"), (3, 4, "implicit-type")]  # a date stays its text
    assert loaded.data == {"a": "no", "b": "2024-01-05", "c": "3", "d": "2024-01-05", "e": None}


def test_syntax_error_has_its_line_and_column():
    loaded = load_text("title: a\nsummary: [b\n", "t.yml")
    assert loaded.data is None
    assert [p.rule for p in loaded.problems] == ["yaml-syntax"]
    assert loaded.problems[0].line == 3


def test_tabs_non_utf8_size_depth_and_documents():
    assert rules(load_text("a:\n\tb: c\n", "t.yml")) == [(2, 1, "tabs")]
    assert rules(load_bytes(b"a: b\nc: \xff\n", "t.yml")) == [(2, 4, "encoding")]
    assert rules(load_bytes(b"a: b\n" * (MAX_BYTES // 5 + 1), "t.yml")) == [(1, 1, "file-too-large")]
    assert rules(load_text("a: " + "[" * 20 + "]" * 20, "t.yml"))[0][2] == "too-deep"
    assert rules(load_text("a: b\n---\nc: d\n", "t.yml")) == [(2, 1, "one-document")]


def test_byte_order_mark_is_accepted():
    assert load_bytes("\ufeffa: b\n".encode(), "t.yml").data == {"a": "b"}


def test_syntax_errors_after_non_ascii_text_count_characters():
    assert rules(load_text("é😀漢: x: y\n", "t.yml")) == [(1, 7, "yaml-syntax")]
    refused = load_text("a: é😀 \uffff\n", "t.yml").problems[0]  # named where it is, in characters
    assert (refused.line, refused.col, refused.rule) == (1, 7, "invisible-character")
    assert rules(load_bytes("a: é😀 ".encode() + b"\xff\n", "t.yml")) == [(1, 7, "encoding")]


def test_every_tag_is_refused_on_any_node():
    text = "--- !!map\na: !!str 5\nb: !!set {x}\nc: !!seq [x]\nd: ! yes\n!!str e: f\n"
    assert rules(load_text(text, "t.yml")) == [(1, 5, "no-tags"), (2, 4, "no-tags"), (3, 4, "no-tags"),
                                                (4, 4, "no-tags"), (5, 4, "no-tags"), (6, 1, "no-tags")]
    assert "'!!python/object/apply:os.system'" in load_text("!!python/object/apply:os.system\na: b\n", "t.yml").problems[0].message


def test_directives_are_refused_at_their_line():
    loaded = load_text("# c\n%YAML 1.1\n%TAG !e! tag:example.org,2000:\n---\na: b\n", "t.yml")
    assert rules(loaded) == [(2, 1, "no-directives"), (3, 1, "no-directives")]


def test_an_alias_as_a_key_is_one_problem():
    loaded = load_text("*x : y\nsummary: z\nsteps:\n  - a\nwhy: w\n", "t.yml")
    assert rules(loaded) == [(1, 1, "no-aliases")]
    assert loaded.data == {"summary": "z", "steps": ["a"], "why": "w"}


def test_a_comment_after_plain_text_is_refused_and_nowhere_else():
    assert rules(load_text("a: Send a note #weekly\nb: [x, y #c\n  ]\n", "t.yml")) == [
        (1, 16, "comment-in-text"), (2, 10, "comment-in-text")]
    fine = "# c\na: 'q' # c\nb: \"q\" # c\nc: |  # c\n  x # y\nd:  # c\n  - e\nf: [g]  # c\nh: x#y\n"
    loaded = load_text(fine, "t.yml")
    assert loaded.problems == () and loaded.data["c"] == "x # y\n" and loaded.data["h"] == "x#y"


def test_a_comment_where_plain_text_would_continue_is_refused():
    """Deeper than the value's line, the words would have continued the text; at the key's
    indentation or less a comment is an ordinary one."""
    cut = "items:\n  - text: Choose one skill\n      #weekly and more\n  - Which cause\n    #glad to\n"
    assert rules(load_text(cut, "t.yml")) == [(3, 7, "comment-in-text"), (5, 5, "comment-in-text")]
    fine = "a:\n  - b\n  # next one\n  - c\nd: e\n# about f\nf: g\n"
    assert load_text(fine, "t.yml").problems == ()


def test_a_tab_inside_a_block_text_is_text():
    loaded = load_text("body: |\n  Name:\t[name]\n  \tindented by a tab\nnext: >-\n  a\n  \tb\n", "t.yml")
    assert loaded.problems == () and loaded.data["body"] == "Name:\t[name]\n\tindented by a tab\n"
    assert [p.rule for p in load_text("a: |\n  x\nb:\n\t- 1\n", "t.yml").problems] == ["tabs"]


def test_discarded_values_share_no_keys():
    """Two refused values of one mapping are two places: their keys are not duplicates."""
    loaded = load_text("tags:\n  id: a\ntags:\n  id: b\ntags:\n  id: c\n", "t.yml")
    assert [p.rule for p in loaded.problems] == ["duplicate-key", "duplicate-key"]


def test_hidden_characters_are_named_where_they_are():
    loaded = load_text("a: x\u202ey\nb: |\n  z\u200b\n", "t.yml")
    assert [(p.line, p.col, p.message.split(" is ")[0]) for p in loaded.problems] == [
        (1, 5, "U+202E RIGHT-TO-LEFT OVERRIDE"), (3, 4, "U+200B ZERO WIDTH SPACE")]
    assert loaded.data == {"a": "x\u202ey", "b": "z\u200b\n"}  # format characters: the rest is still read


def test_line_breaks_only_yaml_sees_stop_the_file():
    loaded = load_text("a: é\x85b\nc: d\u2028e\u2029\n", "t.yml")
    assert loaded.data is None
    assert [(p.line, p.col, p.message.split(" is ")[0]) for p in loaded.problems] == [
        (1, 5, "U+0085 NEXT LINE (NEL)"), (2, 5, "U+2028 LINE SEPARATOR"), (2, 7, "U+2029 PARAGRAPH SEPARATOR")]


def test_every_raw_control_character_is_named():
    loaded = load_text("a: x\x07\nb: \x00y\n", "t.yml")  # ASCII: libyaml stops at the first, all are named
    assert [(p.line, p.col, p.rule) for p in loaded.problems] == [(1, 5, "invisible-character"), (2, 4, "invisible-character")]
    assert "U+0000 NULL" in loaded.problems[1].message


def test_a_tab_yaml_refuses_is_called_a_tab():
    problem = load_text("a:\n  -\tb\n", "t.yml").problems[0]
    assert (problem.line, problem.col, problem.rule, problem.message) == (2, 4, "tabs", "tab used where YAML does not allow one")
