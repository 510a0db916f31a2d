"""Where a character of a parsed YAML value sits in the source, as an editor counts it.

The parser says where a value starts; a problem inside a multi-line or quoted value (a
<script> on the third line of a `>-` block) belongs on its own line and column. Lines and
columns count characters, not bytes, from 1. Pure.
"""
from __future__ import annotations

Spot = tuple[int, int]  # 1-based (line, column)

_FOLDED = frozenset(" \t\n\r")  # what YAML strips, folds or indents with
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
            "P": "\u2029"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def spot_at(text: str, index: int) -> Spot:
    """(line, column) of text[index]; a line ends at \\n, \\r\\n or a lone \\r, as YAML and editors count."""
    return spots_at(text, [index])[0]


def spots_at(text: str, indices: list[int]) -> list[Spot]:
    """spot_at for many indices in ascending order, in one pass over the text: a file full of
    bad characters must not take quadratic time."""
    spots, line, line_start, last = [], 1, 0, 0
    returns = "\r" in text
    for index in indices:
        line += text.count("\n", last, index)
        newline = text.rfind("\n", last, index)
        if returns:  # a \r ends a line unless a \n follows it
            line += text.count("\r", last, index) - text.count("\r\n", last, index + 1)
            lone = text.rfind("\r", last, index)
            newline = max(newline, -1 if text.startswith("\r\n", lone) else lone)
        if newline >= 0:
            line_start = newline + 1
        spots.append((line, index - line_start + 1))
        last = index
    return spots


def source_index(text: str, start: int, end: int, style: str | None, value: str, offset: int) -> int | None:
    """Index in `text` of value[offset], for a scalar written as text[start:end] in `style`.

    Every character but spaces, tabs and line breaks comes out of the parser unchanged and in
    order (quoted escapes are decoded here), so the n-th such character of the value is the
    n-th of the source. None when that does not hold, or for whitespace YAML folded away:
    the caller then falls back to where the value starts.
    """
    if not 0 <= offset < len(value):
        return None
    written = _written(text, start, end, style)
    if written is None:
        return None
    kept = [(i, c) for i, c in enumerate(value) if c not in _FOLDED]
    if [c for _, c in kept] != [c for c, _ in written[:len(kept)]] or (
            len(written) != len(kept) and style not in ("|", ">")):  # a block may end before a comment
        return None
    if value[offset] not in _FOLDED:
        return written[sum(1 for i, _ in kept if i < offset)][1]
    before = [n for n, (i, _) in enumerate(kept) if i < offset]
    if before:  # whitespace on the same line as the character before it
        index = written[before[-1]][1] + offset - kept[before[-1]][0]
        if index < end and text[index] == value[offset] and "\n" not in text[written[before[-1]][1]:index]:
            return index
    return None


def _written(text: str, start: int, end: int, style: str | None) -> list[tuple[str, int]] | None:
    """(character, source index) of each character the parser keeps, in order; None if unsure."""
    if style in ("|", ">"):
        header_end = min((i for i in (text.find("\n", start, end), text.find("\r", start, end)) if i >= 0), default=end)
        return [(text[i], i) for i in range(header_end + 1, end) if text[i] not in _FOLDED]
    if style in (None, ""):
        return [(text[i], i) for i in range(start, end) if text[i] not in _FOLDED]
    if style == "'":
        return _single_quoted(text, start + 1, end - 1)
    if style == '"':
        return _double_quoted(text, start + 1, end - 1)
    return None


def _single_quoted(text: str, i: int, end: int) -> list[tuple[str, int]]:
    out = []
    while i < end:
        if text[i] not in _FOLDED:
            out.append((text[i], i))
        i += 2 if text.startswith("''", i) else 1
    return out


def _double_quoted(text: str, i: int, end: int) -> list[tuple[str, int]] | None:
    out = []
    while i < end:
        char = text[i]
        if char != "\\":
            if char not in _FOLDED:
                out.append((char, i))
            i += 1
            continue
        escape = text[i + 1] if i + 1 < end else ""
        if escape in "\r\n" and escape:  # an escaped line break joins the lines
            i += 3 if text.startswith("\r\n", i + 1) else 2
            continue
        if escape in _HEX_ESCAPES:
            digits = text[i + 2:i + 2 + _HEX_ESCAPES[escape]]
            try:
                decoded = chr(int(digits, 16))
            except ValueError:
                return None
            step = 2 + len(digits)
        elif escape in _ESCAPES:
            decoded, step = _ESCAPES[escape], 2
        else:
            return None
        if decoded not in _FOLDED:
            out.append((decoded, i))
        i += step
    return out

