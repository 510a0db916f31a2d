"""The fixed words of the site, read from one file per language: strings/<code>.yml.

Pages and the browser script say nothing of their own: every heading, label and message
is looked up here by a dotted key (page.sections.why, nav.plan, script.tools.cleared), so
that a second language is one more file with the same keys and no change to any template
or script. Only English ships.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGE = "en"  # the language of the generated pages; keep mkdocs.yml's theme.language the same
FOLDER = Path(__file__).parent / "strings"

Words = dict[str, str | tuple[str, ...]]


@lru_cache(maxsize=None)
def words(language: str = LANGUAGE) -> Words:
    """Every entry of a language's file under its dotted key; a list (the months) as a tuple."""
    path = FOLDER / f"{language}.yml"
    return dict(_entries(yaml.safe_load(path.read_text(encoding="utf-8")), "", path.name))


def _entries(data: dict, prefix: str, source: str):
    for key, value in data.items():
        if not isinstance(key, str):  # YAML reads `no:` or `1:` as something else than a name
            raise ValueError(f"{source}: key {key!r} under {prefix or 'the top'} is not a name")
        name = prefix + key
        if isinstance(value, dict):
            yield from _entries(value, name + ".", source)
        elif isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            yield name, value if isinstance(value, str) else tuple(value)
        else:
            raise ValueError(f"{source}: {name} is not text (quote it if YAML read it as a number or yes/no)")


def word(key: str, **values: object) -> str | tuple[str, ...]:
    """The words under `key` in the site's language, any {name} in them filled from `values`."""
    text = words()[key]
    return text.format(**values) if values else text


# Groups of script.* words that only some pages carry, in the kit of the script that says
# them (templates/partials/kit.html.jinja): fill-in templates (fillin.js, on topic pages
# with templates), "Add to calendar" (calendar.js, on topic pages with a reminder), My
# plan's numbers and file tools (plan.js), the tracker of My applications (applications.js),
# the note that the guide was updated (offline.js, in the footer of a built site's pages).
PAGE_GROUPS = ("fill", "calendar", "plan", "tools", "apps", "offline")


def script_words(language: str = LANGUAGE, groups: tuple[str, ...] = ()) -> dict[str, str]:
    """What the browser scripts may say, keyed as they ask for it (without "script."):
    the words every page carries (store.js, checklist.js), or only those of some PAGE_GROUPS."""
    said = {key.removeprefix("script."): text for key, text in words(language).items() if key.startswith("script.")}
    if groups:
        return {key: text for key, text in said.items() if key.split(".")[0] in groups}
    return {key: text for key, text in said.items() if key.split(".")[0] not in PAGE_GROUPS}
