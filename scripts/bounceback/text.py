"""Contributed text -> safe HTML: inline Markdown only, every tag made by us.

Text is HTML-escaped before Markdown sees it, so no markup from content can pass;
images are switched off (they would load from other hosts) and unsafe links are
neutralised even if validation was skipped.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown

from .safety import is_safe_url

_BLOCKS_KEPT = {"empty", "paragraph"}
_INLINE_DROPPED = ("html", "image_link", "image_reference", "short_image_ref", "autolink", "automail")
_HREF = re.compile(r'href="([^"]*)"')
# Characters that can start inline Markdown, an entity or a tag; controls include \n, \t and
# the placeholders Python-Markdown uses. Text without any of them converts to itself.
_MARKDOWN_CHARS = re.compile(r"[\\`*_\[\]!<>&\x00-\x1f\x7f]")


def _inline_markdown() -> markdown.Markdown:
    md = markdown.Markdown(output_format="html")
    for name in [item.name for item in md.parser.blockprocessors._priority]:
        if name not in _BLOCKS_KEPT:
            md.parser.blockprocessors.deregister(name)
    for name in _INLINE_DROPPED:
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    md.preprocessors.deregister("html_block")
    return md


_MD = _inline_markdown()


def _safe_href(match: re.Match) -> str:
    return match.group(0) if is_safe_url(html.unescape(match.group(1))) else 'href="#"'


@lru_cache(maxsize=65536)
def blocks_html(text: str) -> str:
    """One or more paragraphs of inline Markdown as <p> elements.

    Cached (titles and summaries appear on several pages), and one line of text without
    Markdown characters skips the Markdown run: same output, a fraction of the time.
    """
    if text and not _MARKDOWN_CHARS.search(text) and " ".join(text.split()) == text:
        return f"<p>{text}</p>"
    return _markdown_html(text)


def _markdown_html(text: str) -> str:
    """The full conversion: escape, inline Markdown, neutralise unsafe links."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    _MD.reset()
    return _HREF.sub(_safe_href, _MD.convert(escaped))


@lru_cache(maxsize=65536)
def inline_html(text: str) -> str:
    """Inline Markdown for a single line (a title, a checklist item): no <p> wrapper."""
    line = " ".join(text.split())
    if line and not _MARKDOWN_CHARS.search(line):
        return line  # what blocks_html would wrap in <p>, unwrapped
    return blocks_html(line).removeprefix("<p>").removesuffix("</p>")


def plain(text: str) -> str:
    """Text without Markdown marks, safe inside HTML attributes and page titles."""
    without_tags = re.sub(r"<[^>]*>", "", inline_html(text))
    return html.unescape(without_tags).replace("<", "").replace(">", "").replace('"', "'")


_MARKDOWN_MARKS = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")  # Python-Markdown's escapable characters


def heading(text: str) -> str:
    """Contributed text for a Markdown heading (kept Markdown so it reaches the table of
    contents): plain, HTML-escaped, and every Markdown mark backslash-escaped, so no
    link, attribute list or other syntax can come from content."""
    return _MARKDOWN_MARKS.sub(r"\\\1", attr(plain(text)))


def attr(text: str) -> str:
    """Escape for an HTML attribute value (apostrophes stay readable)."""
    # html.escape(text, quote=False) plus '"', spelled out: called for every id and title
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
