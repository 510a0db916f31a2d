"""Text without Markdown characters skips the parser: the output must not change."""
from hypothesis import given, settings
from hypothesis import strategies as st

import bounceback.text
from bounceback.text import _MD, _MD_NO_LINKS, blocks_html, inline_html, one_line, plain, title_html

PIECES = st.sampled_from(["word", " ", "  ", "\n", "\n\n", "\t", "#", "1.", "-", "+", ">", "<", "&", "*", "_", "`",
                          "[", "]", "(", ")", "!", "\\", ":", "'", '"', "é", "\u00a0", "\u2028", "\x02", "http://x.y"])
TEXTS = st.one_of(st.lists(PIECES, max_size=12).map("".join), st.text(max_size=40))


def _uncached():
    for cached in (inline_html, title_html, blocks_html, plain):
        cached.cache_clear()


@settings(max_examples=2000, deadline=None)
@given(TEXTS)
def test_fast_path_matches_the_parser(text):
    line = one_line(text)
    assert inline_html(text) == _MD.renderInline(line)
    assert title_html(text) == _MD_NO_LINKS.renderInline(line)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_every_fragment_is_one_line(text):
    """Content never starts a line of a page: no fence or other line syntax can be read."""
    for html in (inline_html(text), title_html(text), plain(text)):
        assert "\n" not in html and "\r" not in html
    assert all(line.startswith("<p>") for line in blocks_html(text).splitlines())


def test_plain_text_takes_the_fast_path(monkeypatch):
    def no_parser(text):
        raise AssertionError(f"markdown-it ran on plain text: {text!r}")

    monkeypatch.setattr(bounceback.text._MD, "renderInline", no_parser)
    _uncached()
    assert blocks_html("Ask for feedback within two days.") == "<p>Ask for feedback within two days.</p>"
    _uncached()
