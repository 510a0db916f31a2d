"""The site's fixed words live in one file per language, and every one of them is used.

A simple scan: the keys the templates and the renderer ask for (`say("…")`, `word("…")`)
and the ones the browser scripts docs/assets/*.js ask for (any
"group.name" literal of a script.* group; `count()` names a message of plural forms), against the keys of strings/en.yml.
A second language is one more file with the same keys and the same {names}.
"""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from bounceback import strings, templating
from sitekit import ROOT

PACKAGE = ROOT / "scripts" / "bounceback"
SCRIPTS = sorted((ROOT / "docs" / "assets").glob("*.js"))
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}  # the CLDR plural categories
ASKED_IN_PYTHON = re.compile(r"""\b(?:say|word)\(\s*"([^"]+)\"""")
LITERAL = re.compile(r'"([a-z_]+\.[a-z_.]+)"')


def python_side_keys() -> set[str]:
    sources = [p.read_text(encoding="utf-8") for p in (PACKAGE / "templates").rglob("*.jinja")]
    sources += [p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py")]
    return {key for source in sources for key in ASKED_IN_PYTHON.findall(source)}


def script_keys() -> set[str]:
    groups = {key.split(".")[1] for key in strings.words() if key.startswith("script.")}
    return {"script." + key for script in SCRIPTS for key in LITERAL.findall(script.read_text(encoding="utf-8"))
            if key.split(".")[0] in groups}


def plural_parent(key: str) -> str | None:
    parent, _, form = key.rpartition(".")
    return parent if form in PLURAL_FORMS else None


def test_every_key_asked_for_exists():
    words = strings.words()
    plural_messages = {plural_parent(k) for k in words} - {None}
    missing = sorted(k for k in python_side_keys() if k not in words)
    missing += sorted(k for k in script_keys() if k not in words and k not in plural_messages)
    assert missing == []


def test_no_key_is_left_unused():
    used = python_side_keys() | script_keys()
    unused = sorted(k for k in strings.words() if k not in used and plural_parent(k) not in used)
    assert unused == []


def test_every_plural_message_has_an_other_form():
    words = strings.words()
    parents = {plural_parent(k) for k in words} - {None}
    assert sorted(p for p in parents if p + ".other" not in words) == []


def placeholders(text) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text)) if isinstance(text, str) else set()


def test_every_language_file_has_the_keys_and_names_of_english():
    english = strings.words("en")
    for path in sorted(strings.FOLDER.glob("*.yml")):
        other = strings.words(path.stem)
        assert {k for k in other if not plural_parent(k)} == {k for k in english if not plural_parent(k)}, path.name
        for key, text in other.items():
            model = english.get(key, english.get(f"{plural_parent(key)}.other"))
            assert placeholders(text) == placeholders(model), (path.name, key)


def test_a_second_language_is_one_more_file(tmp_path, monkeypatch):
    """A copy of en.yml under another code, every text changed, drives the templates and
    the script's words without a change anywhere else."""
    data = yaml.safe_load((strings.FOLDER / "en.yml").read_text(encoding="utf-8"))

    def translated(value):
        if isinstance(value, dict):
            return {key: translated(v) for key, v in value.items()}
        return [f"X-{v}" for v in value] if isinstance(value, list) else f"X-{value}"

    shutil.copytree(strings.FOLDER, tmp_path, dirs_exist_ok=True)
    (tmp_path / "xx.yml").write_text(yaml.safe_dump(translated(data), allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(strings, "FOLDER", tmp_path)
    env = templating.environment("xx")
    try:
        page = env.get_template("tags.md.jinja").render(title="t", description="d", tags=(), to=None)
        assert "# X-Topics by tag\n" in page
        reviewed = env.globals["reviewed_line"]("2026-12-01", "1 X-December 2026")
        assert reviewed == '<p class="bb-reviewed">X-Last reviewed <time datetime="2026-12-01">1 X-December 2026</time>.</p>'
        block = env.globals["script_words"]()
        assert block.startswith("<div id=\"bb-strings\" lang=\"xx\" data-words='{")
        assert '"checklist.reset": "X-Reset this checklist"' in block
    finally:
        templating.environment.cache_clear()
        strings.words.cache_clear()


def test_a_text_yaml_reads_as_something_else_is_refused(tmp_path, monkeypatch):
    (tmp_path / "xx.yml").write_text("nav:\n  home: yes\n", encoding="utf-8")
    monkeypatch.setattr(strings, "FOLDER", tmp_path)
    try:
        with pytest.raises(ValueError, match="nav.home is not text"):
            strings.words("xx")
    finally:
        strings.words.cache_clear()
