"""The [placeholders] of a template body: the parts a reader fills in on the page.

Found here, at build time, and handed to the page as markup (each placeholder wrapped in
a <span data-field="<name>">), so docs/assets/fillin.js needs no parsing of its own and
the rule has one home with unit tests. Without JavaScript the span is invisible: the
body's text stays exactly as written.

What is a placeholder: square brackets around text that holds no bracket and no line
break (so in `[optional: I enjoyed [one thing]]` only `[one thing]` is one), and that is
not
- link text, `[words](https://...)`: bodies are plain text, but a link there is a link;
- a word's ending, `process[es]`: the bracket follows a letter or digit;
- a note to the reader, `[optional: ...]`, `[optional, if ...]`, `[If they can't say now:
  That's fine.]`: it starts with "optional" or holds a colon before a space or at its end.

Placeholders with the same name share one value across every template of the guide; the
name is the text lowercased with its spaces folded (`[Your  name]` and `[your name]` are
one), as the storage contract keys it ("field:<name>").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import attr, preformatted

_BRACKETS = re.compile(r"(?<![^\W_])\[([^\[\]\n\r]+)\](?!\()")
_NOTE = re.compile(r"^\s*optional\b|:(\s|$)", re.I)
_SUBJECT = re.compile(r"Subject:")


@dataclass(frozen=True)
class Placeholder:
    start: int  # where its "[" is in the body
    end: int  # just after its "]"
    name: str  # the shared name: lowercased, spaces folded
    label: str  # what the reader sees: the text between the brackets, spaces folded


def field_name(text: str) -> str:
    """The name a placeholder's value is kept under: `Your  Name` -> `your name`."""
    return " ".join(text.split()).lower()


def placeholders(body: str) -> list[Placeholder]:
    """Every placeholder of a body, in order of appearance."""
    found = []
    for match in _BRACKETS.finditer(body):
        text = match.group(1)
        if not text.strip() or _NOTE.search(text):
            continue
        found.append(Placeholder(match.start(), match.end(), field_name(text), " ".join(text.split())))
    return found


def fields(body: str) -> list[tuple[str, str]]:
    """(name, label) of each placeholder of a body, once each, in order of first use."""
    seen: dict[str, str] = {}
    for p in placeholders(body):
        seen.setdefault(p.name, p.label)
    return list(seen.items())


def is_email(body: str) -> bool:
    """A body whose first line is its subject: it can open in the reader's email app."""
    return _SUBJECT.match(body) is not None


def fill_in_html(body: str) -> str:
    """The body for its <pre> (text.preformatted: escaped, one line), each placeholder in a
    <span data-field> the script fills; the text it shows is the body unchanged."""
    parts, at = [], 0
    for p in placeholders(body):
        parts.append(preformatted(body[at:p.start]))
        parts.append(f'<span data-field="{attr(p.name)}">{preformatted(body[p.start:p.end])}</span>')
        at = p.end
    parts.append(preformatted(body[at:]))
    return "".join(parts)
