"""The page templates (templates/) and what they may call: render.py's data in, page text out.

Autoescaping is on, so a value a template prints is HTML-escaped unless it is Markup:
text.py's fragments, through the filters below (`{{ item.text | inline }}`), the fixed
words, through `say`, the macros' own output, and `| yaml`, which is not HTML and belongs
in the front matter only. An undefined name fails the build (StrictUndefined)
instead of printing nothing. Content is only ever data: no string from content is
rendered as a template, so `{{ 7*7 }}` in a title stays those characters.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from . import strings
from .placeholders import fill_in_html, is_email
from .text import blocks_html, heading, inline_html, plain, title_html

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).parent / "templates"


def _safe(function):
    """A text.py function as a filter: its HTML is escaped already, so Markup it is."""
    return lambda text: Markup(function(text))


_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def _yaml_string(text: str) -> str:
    """A double-quoted YAML string that reads back as `text` (MkDocs reads front matter
    with PyYAML). json.dumps alone is not enough: PyYAML cannot join the surrogate pairs
    json uses for an emoji, and it drops the whole front matter when that fails."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate becomes '?'
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def yaml_value(value: str | tuple[str, ...]) -> Markup:
    """Front matter: a text or a list of texts as YAML that reads back as it. Not HTML, so
    never HTML-escaped: the engine adapter escapes what it puts in markup."""
    if isinstance(value, str):
        return Markup(_yaml_string(value))
    return Markup("[" + ", ".join(map(_yaml_string, value)) + "]")


def _say(language: str):
    escaped = {key: escape(text) for key, text in strings.words(language).items() if isinstance(text, str)}

    def say(key: str, **values: object) -> Markup:
        """Fixed words as HTML: escaped, any {name} filled by escaped text or by our own markup."""
        return escaped[key].format(**values) if values else escaped[key]
    return say


@lru_cache(maxsize=None)
def environment(language: str = strings.LANGUAGE) -> Environment:
    """The templates with the filters and words of one language, compiled once. Jinja is
    imported here, when the first page is made: `bounceback check` makes none."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from jinja2.utils import htmlsafe_json_dumps

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False)
    env.filters.update(inline=_safe(inline_html), title=_safe(title_html), blocks=_safe(blocks_html),
                       pre=_safe(fill_in_html), heading=_safe(heading), plain=plain, yaml=yaml_value)
    env.tests.update(email=is_email)
    env.globals.update(say=_say(language), language=language,
                       script_words_json=htmlsafe_json_dumps(strings.script_words(language)),
                       fill_words_json=htmlsafe_json_dumps(strings.script_words(language, "fill")),
                       apps_words_json=htmlsafe_json_dumps(strings.script_words(language, "apps")))
    env.globals.update(_partials(env))
    return env


# Made once and kept: the script's words, the same on every page; and per topic what shows
# on several pages (its checklist on its own page and in the workbook, its counts on My plan,
# its question ids in the workbook and on My plan).
_KEPT = {"script_words", "checklist", "progress_data", "notes_data"}


def _partials(env: Environment) -> dict:
    """Every macro of templates/partials/, by name, for every template to call without an
    import: Jinja would look an imported template up again at each page."""
    macros: dict = {}
    for name in env.list_templates(filter_func=lambda name: name.startswith("partials/")):
        module = env.get_template(name).module
        for function in (n for n in vars(module) if not n.startswith("_")):
            if function in macros:
                raise ValueError(f"templates/{name}: macro {function} is defined twice in partials/")
            made = getattr(module, function)
            macros[function] = lru_cache(maxsize=4096)(made) if function in _KEPT else made
    return macros


def render(name: str, **data: object) -> str:
    """A page: templates/<name> filled with `data`."""
    return environment().get_template(name).render(**data)


def macro(name: str):
    """A macro of templates/partials/, for Python to call: its result is Markup."""
    return environment().globals[name]
