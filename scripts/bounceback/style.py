"""Spelling and prose style of contributed text -> problems at the word. Pure once the
dictionaries are loaded; run by `bounceback check` (make check), not by every build.

Misspellings come from codespell's dictionaries, American spellings from its British ->
American list read backwards (the guide writes British English), prose rules (doubled
words, "very unique", clichés, redundancies) from proselint. Both are well-kept lists
that no hand-written one here would match. `content/words.txt` lists words never to flag.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .load import Loaded
from .problems import Problem, shown

WORDS_FILE = "words.txt"  # in content/: one word per line, '#' starts a comment
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
# Words the British -> American list maps from a rarer British form (storey, practise,
# focussed, licence) that are also everyday British English: never "American".
_BRITISH_TOO = frozenset("""
    biased dialog dialogs focused focuses focusing judgment judgments license licensed licenses licensing
    meter meters practice practices program programs refocused refocuses refocusing routing
    specialty specialties stories story writable
""".split())
# proselint's checks, most specific first (its registry takes the first matching prefix).
# Off: typography (straight quotes are our house style), annotations (TODO is the
# placeholder rule's job), weasel_words (its message is a joke, not a hint), restricted.
PROSE_CHECKS = {
    "misc.phrasal_adjectives": False,
    "spelling.consistency": False,  # the British-spelling pass does this, and names (Jobcentre, Job Centers) differ
    "typography": False,
    "annotations": False,
    "weasel_words": False,
    "restricted": False,
    "archaism": True, "cliches": True, "dates_times": True, "hedging": True, "industrial_language": True,
    "lexical_illusions": True, "malapropisms": True, "misc": True, "mixed_metaphors": True,
    "mondegreens": True, "needless_variants": True, "nonwords": True, "oxymorons": True, "psychology": True,
    "redundancy": True, "skunked_terms": True, "social_awareness": True, "spelling": True, "terms": True,
    "uncomparables": True,
}


def _dictionary(name: str) -> list[tuple[str, list[str]]]:
    """codespell's `wrong->fix1, fix2,` lines; a last part without a trailing comma is a
    reason for not fixing automatically, not a fix."""
    text = (resources.files("codespell_lib") / "data" / name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        if not right:
            continue
        fixes = [f.strip() for f in right.split(",")]
        fixes = fixes[:-1] if len(fixes) > 1 else fixes  # '' after a trailing comma, or the reason
        entries.append((wrong.strip().lower(), [f for f in fixes if f]))
    return entries


@lru_cache(maxsize=1)
def misspellings() -> dict[str, list[str]]:
    """Known misspellings -> their fixes: codespell's main dictionary ("clear"; its "rare"
    list holds real words such as "sting", which a guide about rejection uses)."""
    return dict(_dictionary("dictionary.txt"))


@lru_cache(maxsize=1)
def american_spellings() -> dict[str, str]:
    """American spelling -> the British one the guide uses."""
    out = {}
    for british, americans in _dictionary("dictionary_en-GB_to_en-US.txt"):
        for american in americans:
            if american not in _BRITISH_TOO and american != british:
                out.setdefault(american.lower(), british)
    return out


def project_words(content_dir: Path) -> frozenset[str]:
    """content/words.txt: words the dictionaries must not flag (names, terms of the trade)."""
    try:
        text = (Path(content_dir) / WORDS_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(w.strip().lower() for line in text.splitlines() if (w := line.split("#", 1)[0]).strip())


def _masked(text: str) -> str:
    """The text with link targets blanked out (same length): a URL is not prose."""
    return _LINK_TARGET.sub(lambda m: "](" + " " * (len(m.group(0)) - 3) + ")", text) if "](" in text else text


def _fixed_case(fix: str, word: str) -> str:
    return fix[:1].upper() + fix[1:] if word[:1].isupper() else fix


def spelling_problems(loaded: Loaded, strings: list, allowed: frozenset[str] = frozenset()) -> list[Problem]:
    """Misspelt and American-spelt words of a file's text values (`strings`: (pointer, text))."""
    wrong, american = misspellings(), american_spellings()
    problems = []
    for pointer, text in strings:
        for match in _WORD.finditer(_masked(text)):
            word = match.group(0).replace("\u2019", "'")
            key = word.lower()
            if key in allowed or len(key) < 2:
                continue
            if key in wrong:
                fixes = wrong[key]
                hint = (f"Did you mean {' or '.join(repr(_fixed_case(f, word)) for f in fixes[:3])}? " if fixes else "") + \
                    f"If the word is right, add it to content/{WORDS_FILE}."
                message, rule = f"{shown(word)} looks misspelt", "spelling"
            elif key in american:
                hint = f"Write {_fixed_case(american[key], word)!r}: the guide uses British spelling throughout."
                message, rule = f"{shown(word)} is the American spelling", "british-spelling"
            else:
                continue
            line, col = loaded.where_in(pointer, match.start())
            problems.append(Problem(loaded.path, line, col, message, rule, hint))
    return problems


@lru_cache(maxsize=1)
def _prose_linter():
    """proselint's lint function and config, imported on first use (it registers ~100 checks)."""
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    return LintFile, {"max_errors": 1000, "checks": PROSE_CHECKS}


_SEPARATOR = "\n\n\n"  # between a file's text values, linted together: one pass per file, not per value


def prose_problems(loaded: Loaded, strings: list) -> list[Problem]:
    """proselint's findings in a file's text values, at their first character. The values
    are linted as one text (proselint's set-up costs more than its checks); a finding that
    runs from one value into the next is no finding."""
    lint_file, config = _prose_linter()
    starts, parts, pointers, offset = [], [], [], 0
    for pointer, text in strings:
        masked = _masked(text)
        if _WORD.search(masked):
            starts.append(offset)
            parts.append(masked)
            pointers.append(pointer)
            offset += len(masked) + len(_SEPARATOR)
    if not parts:
        return []
    problems = []
    for result in lint_file(loaded.path, _SEPARATOR.join(parts)).lint(config):
        found = result.check_result
        start, end = max(found.span[0] - 1, 0), found.span[1] - 1  # LintFile adds a newline before the text
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or end > starts[index] + len(parts[index]):
            continue
        at = start - starts[index]
        phrase = parts[index][at:end - starts[index]].strip()
        fixes = [found.replacements] if isinstance(found.replacements, str) else list(found.replacements or ())
        hint = (f"Try {' or '.join(repr(f) for f in fixes[:3])}. " if fixes else "") + \
            "Say it in plain, specific words (CONTRIBUTING.md: style guide)."
        message = found.message.rstrip(".")
        if phrase and phrase.lower() not in message.lower():
            message += f" ({shown(phrase, 40)})"
        line, col = loaded.where_in(pointers[index], at)
        problems.append(Problem(loaded.path, line, col, message, "prose", hint))
    return problems


def style_problems(loaded: Loaded, strings: list, allowed: frozenset[str] = frozenset()) -> list[Problem]:
    """Spelling, then prose: the two passes `bounceback check` adds to a clean file's checks."""
    return spelling_problems(loaded, strings, allowed) + prose_problems(loaded, strings)
