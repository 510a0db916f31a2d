"""A character inside a parsed value is placed on its own line and column, counted in characters.

Checked by hand for each scalar style, then against PyYAML's own emitter: every style it
writes, for any text, must map each visible character of the value back to itself.
"""
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bounceback.load import load_text
from bounceback.positions import source_index, spot_at, spots_at

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def scalar_span(text: str):
    """(start, end, style, value) of the first value in a one-key mapping."""
    events = [e for e in yaml.parse(text, Loader=LOADER) if isinstance(e, yaml.ScalarEvent)]
    value = events[1]
    return value.start_mark.index, value.end_mark.index, value.style, value.value


def where(text: str, needle: str) -> tuple[int, int]:
    """(line, col) of `needle` in a value, as the loader reports it."""
    loaded = load_text(text, "t.yml")
    value = loaded.data["a"]
    return loaded.where_in(("a",), value.index(needle))


def test_columns_count_characters_not_bytes():
    text = "é😀漢 <b>\n"
    assert spot_at(text, text.index("<")) == (1, 5)
    assert where("a: é😀漢 x <b>\n", "<") == (1, 10)


def test_lines_end_at_lf_crlf_and_a_lone_cr():
    text = "ab\ncd\r\nef\rgh"
    assert [spot_at(text, text.index(c)) for c in "bcefgh"] == [(1, 2), (2, 1), (3, 1), (3, 2), (4, 1), (4, 2)]
    assert spots_at(text, [0, 4, 11]) == [spot_at(text, 0), spot_at(text, 4), spot_at(text, 11)]


def test_each_scalar_style_places_the_character_itself():
    assert where("a: >-\n  one two\n  three\n\n  four <b> five\n", "<b>") == (5, 8)
    assert where("a: |  # a comment <x>\n  one\n    two <b>\n", "<b>") == (3, 9)
    assert where("a: one\n  two\n   three <b>\n", "<b>") == (3, 10)
    assert where("a: 'it''s\n  and it''s <b>'\n", "<b>") == (2, 13)
    assert where('a: "x\\ty\\u00e9 \\"q\\" \\\n   z <b>"\n', "<b>") == (2, 6)
    assert where('a: "\\u202e<b>"\n', "\u202e") == (1, 5)  # an escape: at its backslash


def test_unsure_mapping_falls_back_to_the_value_start():
    text = "a: x y\n"
    start, end, style, value = scalar_span(text)
    assert source_index(text, start, end, style, "x z", 2) is None  # not what the source says
    assert source_index(text, start, end, style, value, 99) is None


STYLES = [None, "'", '"', "|", ">"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40), st.sampled_from(STYLES),
       st.integers(2, 30))
def test_every_style_pyyaml_writes_maps_back_to_the_character(value, style, width):
    text = yaml.safe_dump({"a": value}, default_style=style, allow_unicode=True, width=width)
    if any(char in text for char in "\x85\u2028\u2029"):
        return  # line breaks only YAML sees: the loader refuses the file before placing anything
    try:
        start, end, written_style, parsed = scalar_span(text)
    except yaml.YAMLError:
        return
    for offset, char in enumerate(parsed):
        index = source_index(text, start, end, written_style, parsed, offset)
        if char in " \t\n\r":
            assert index is None or text[index] == char
        elif index is not None:
            assert text[index] == char or (written_style == '"' and text[index] == "\\"), (text, offset)
        else:
            assert written_style == '"', (text, offset)  # only escapes may leave the mapping unsure
