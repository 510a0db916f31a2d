"""blocks_html skips Python-Markdown for plain one-line text: the output must not change."""
from hypothesis import given, settings
from hypothesis import strategies as st

import bounceback.text
from bounceback.text import _markdown_html, blocks_html, inline_html

PIECES = st.sampled_from(["word", " ", "  ", "\n", "\n\n", "\t", "#", "1.", "-", "+", ">", "<", "&", "*", "_", "`",
                          "[", "]", "(", ")", "!", "\\", ":", "'", '"', "é", "\u00a0", "\u2028", "\x02", "http://x.y"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_fast_path_matches_markdown(text):
    assert blocks_html(text) == _markdown_html(text)


@given(st.text(max_size=40))
def test_fast_path_matches_markdown_on_any_text(text):
    assert blocks_html(text) == _markdown_html(text)


def test_plain_text_takes_the_fast_path(monkeypatch):
    def no_markdown(text):
        raise AssertionError(f"Python-Markdown ran on plain text: {text!r}")

    monkeypatch.setattr(bounceback.text, "_markdown_html", no_markdown)
    blocks_html.cache_clear()
    assert blocks_html("Ask for feedback within two days.") == "<p>Ask for feedback within two days.</p>"


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_inline_fast_path_matches_markdown(text):
    expected = _markdown_html(" ".join(text.split())).removeprefix("<p>").removesuffix("</p>")
    assert inline_html(text) == expected
