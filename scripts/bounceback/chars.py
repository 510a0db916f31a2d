"""Characters a reader cannot see or can mistake for others: finding and naming them.

A bidi override, a zero-width space or a Cyrillic o (U+043E) in a Latin word looks like nothing
(or like something else) in an editor and in review, so a problem must name it:
"U+202E RIGHT-TO-LEFT OVERRIDE". Pure; cheap on ASCII text, which is most text.
"""
from __future__ import annotations

import re
import unicodedata

_KINDS = {"Cc": "a control character", "Cf": "an invisible format character", "Zl": "a line separator",
          "Zp": "a paragraph separator", "Cs": "half of a surrogate pair", "Cn": "an unassigned character",
          "Co": "a private-use character"}
# Control, format, line/paragraph separator and surrogate characters: none shows as what it is.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
# Unicode gives control characters no name, only aliases: these are the C0 ones, DEL and NEL.
_CONTROL_NAMES = dict(enumerate((
    "NULL|START OF HEADING|START OF TEXT|END OF TEXT|END OF TRANSMISSION|ENQUIRY|ACKNOWLEDGE|BELL|BACKSPACE|"
    "CHARACTER TABULATION|LINE FEED|LINE TABULATION|FORM FEED|CARRIAGE RETURN|SHIFT OUT|SHIFT IN|"
    "DATA LINK ESCAPE|DEVICE CONTROL ONE|DEVICE CONTROL TWO|DEVICE CONTROL THREE|DEVICE CONTROL FOUR|"
    "NEGATIVE ACKNOWLEDGE|SYNCHRONOUS IDLE|END OF TRANSMISSION BLOCK|CANCEL|END OF MEDIUM|SUBSTITUTE|ESCAPE|"
    "INFORMATION SEPARATOR FOUR|INFORMATION SEPARATOR THREE|INFORMATION SEPARATOR TWO|INFORMATION SEPARATOR ONE"
).split("|"))) | {0x7F: "DELETE", 0x85: "NEXT LINE (NEL)"}
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
_LINE_BREAKS = frozenset("\x85\u2028\u2029")  # YAML reads these as line breaks; editors mostly show none
# Outside printable ASCII: the only characters worth a closer look (line breaks and tabs are skipped).
_OUTSIDE_ASCII = {allowed: re.compile(f"[^{re.escape(allowed)}\x20-\x7e]") for allowed in ("\t\n", "\t\n\r")}
_LETTERS = re.compile(r"[^\W\d_]+")
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")  # letters that pass for Latin ones


def is_noncharacter(char: str) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane: never text, by definition."""
    code = ord(char)
    return code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF


def char_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'; characters without a Unicode name say what kind they are."""
    code = ord(char)
    kind = "a noncharacter" if is_noncharacter(char) else _KINDS.get(unicodedata.category(char), "unnamed")
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code) or f"({kind})"
    return f"U+{code:04X} {name}"


def described(char: str) -> str:
    """A character as a message names it: 'a tab', "'@'", or its code point and name."""
    if char == "\t":
        return "a tab"
    return f"'{char}'" if char.isprintable() and char.isascii() else char_name(char)


def hidden(text: str, allowed: str = "\t\n", whole_file: bool = False) -> list[tuple[int, str]]:
    """(offset, character) of every control, format or separator character in `text`.

    Tabs and line feeds are text; `allowed` adds "\\r" when scanning a whole file. A lone
    byte-order mark opening a whole file is YAML's own business and is not reported; one
    opening a value is hidden text like any other."""
    if text.isascii() and text.isprintable():
        return []
    return [(m.start(), char) for m in _OUTSIDE_ASCII[allowed].finditer(text)
            if (unicodedata.category(char := m.group()) in _HIDDEN or is_noncharacter(char))
            and not (whole_file and char == "\ufeff" and m.start() == 0)]


HIDDEN_HINT = "Delete it (or its \\u escape); if your editor does not show it, retype the text around it."


def hidden_message(char: str) -> str:
    """Why a hidden character cannot stay, naming it."""
    if char in _BIDI:
        why = "it silently reorders the text around it"
    elif char in _LINE_BREAKS:
        why = "YAML reads it as a line break that most editors do not show"
    elif is_noncharacter(char):
        why = "it is a noncharacter, never meant to be shown as text"
    else:
        why = f"it is {_KINDS.get(unicodedata.category(char), 'a character')} that readers cannot see"
    return f"{char_name(char)} is not allowed: {why}"


def lookalikes(text: str) -> list[tuple[int, str]]:
    """(offset, letter) of each Cyrillic, Greek, Armenian or Cherokee letter inside a word
    that also holds Latin ASCII letters: 'pass' with a Cyrillic a (U+0430) reads as 'pass' but is not."""
    if text.isascii():
        return []
    found = []
    for word in _LETTERS.finditer(text):
        letters = word.group()
        if letters.isascii() or not any(c.isascii() for c in letters):
            continue
        found += [(word.start() + i, c) for i, c in enumerate(letters)
                  if not c.isascii() and unicodedata.name(c, "").startswith(_LOOKALIKE_SCRIPTS)]
    return found
