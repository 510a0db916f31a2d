"""Contributed text -> safe HTML: inline Markdown only, every tag made by us.

Text is HTML-escaped before Markdown sees it, so no markup from content can pass;
images are switched off (they would load from other hosts) and unsafe links are
neutralised even if validation was skipped.
"""
from __future__ import annotations

import html
import re

import markdown

from .safety import is_safe_url

_BLOCKS_KEPT = {"empty", "paragraph"}
_INLINE_DROPPED = ("html", "image_link", "image_reference", "short_image_ref", "autolink", "automail")
_HREF = re.compile(r'href="([^"]*)"')


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


def blocks_html(text: str) -> str:
    """One or more paragraphs of inline Markdown as <p> elements."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    _MD.reset()
    return _HREF.sub(_safe_href, _MD.convert(escaped))


def inline_html(text: str) -> str:
    """Inline Markdown for a single line (a title, a checklist item): no <p> wrapper."""
    out = blocks_html(" ".join(text.split()))
    return out.removeprefix("<p>").removesuffix("</p>")


def plain(text: str) -> str:
    """Text without Markdown marks, safe inside HTML attributes and page titles."""
    without_tags = re.sub(r"<[^>]*>", "", inline_html(text))
    return html.unescape(without_tags).replace("<", "").replace(">", "").replace('"', "'")


def attr(text: str) -> str:
    """Escape for an HTML attribute value (apostrophes stay readable)."""
    return html.escape(text, quote=False).replace('"', "&quot;")
