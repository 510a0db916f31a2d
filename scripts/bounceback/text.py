"""Contributed text -> HTML fragments that only our renderer's markup can shape.

Inline Markdown (emphasis, strong, code, links) is parsed by markdown-it-py with raw HTML,
entities, autolinks and images off, so every tag comes from its renderer and every
character of content is escaped exactly once (`a > b && c` in code reads as typed).

Every fragment is one line: content never starts a line of the Markdown page we hand
the site engine, so no fence, attribute list, admonition, table or other line-start
syntax in content can be read by it (MkDocs runs `fenced_code` before it stashes raw HTML).
"""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from .safety import is_safe_url

_RULES = ["emphasis", "backticks", "link", "escape"]


def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False}).enable(_RULES)
    md.validateLink = is_safe_url  # an unsafe link stays text, whatever validation said
    return md


_MD = _parser()
# For titles placed inside our own links: a link in content keeps its words, not its <a>.
_MD_NO_LINKS = _parser()
_MD_NO_LINKS.add_render_rule("link_open", lambda *args: "")
_MD_NO_LINKS.add_render_rule("link_close", lambda *args: "")

# Characters that can start inline Markdown or need escaping; text without any of them
# renders as itself, so it skips the parser (NUL too: markdown-it replaces it).
_SPECIAL = re.compile(r'[\\`*_\[\]!<>&"\x00]')


def one_line(text: str) -> str:
    """All white space (line breaks of every kind included) folded to single spaces."""
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def inline_html(text: str) -> str:
    """Inline Markdown as HTML on one line: a checklist item, a summary paragraph."""
    line = one_line(text)
    return _MD.renderInline(line) if _SPECIAL.search(line) else line


@lru_cache(maxsize=65536)
def title_html(text: str) -> str:
    """Like inline_html, without links: titles sit inside links of ours, and links don't nest."""
    line = one_line(text)
    return _MD_NO_LINKS.renderInline(line) if _SPECIAL.search(line) else line


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a text field (split at blank lines), each folded to one line."""
    return [line for line in (one_line(p) for p in re.split(r"\n[ \t]*\n", text)) if line]


@lru_cache(maxsize=65536)
def blocks_html(text: str) -> str:
    """One <p> per paragraph, one line each. Cached: titles and summaries recur on pages."""
    return "\n".join(f"<p>{inline_html(p)}</p>" for p in paragraphs(text))


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """The words of inline Markdown without its marks: page titles, labels, nav entries."""
    line = one_line(text)
    if not _SPECIAL.search(line):
        return line
    words = []
    for token in _MD.parseInline(line)[0].children or []:
        if token.type in ("text", "code_inline"):
            words.append(token.content)
    return "".join(words)


def preformatted(text: str) -> str:
    """Text for a <pre>, escaped, its line breaks written as character references so the
    fragment stays on one line of the page; tabs too, or Markdown would expand them to
    spaces counted from the start of that long line."""
    return re.sub(r"\r\n|[\r\n]", "&#10;", attr(text)).replace("\t", "&#9;")


_MARKDOWN_MARKS = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")  # what Python-Markdown lets a backslash escape


def heading(text: str) -> str:
    """Contributed text for a Markdown heading (kept Markdown so it reaches the table of
    contents): plain, HTML-escaped, every mark backslash-escaped; the caller gives the id."""
    return _MARKDOWN_MARKS.sub(r"\\\1", attr(plain(text)))


def attr(text: str) -> str:
    """Escape for HTML text and attribute values (apostrophes stay readable)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
