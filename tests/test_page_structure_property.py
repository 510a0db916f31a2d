"""Property, over real strict builds: text in any field changes no element, attribute, id or
class of any page. Hypothesis fills every text field of a topic, its stage and the home page
with Markdown-like and YAML-like text (fences with attributes, attribute lists, tables,
footnotes, admonitions, snippet markers, entities, YAML indicators) and arbitrary Unicode;
content that passes validation is built with the real strict MkDocs build (`bounceback build`) and every page of the
site must have the same skeleton as the same site with plain words. Content may only add
inline emphasis, code and links, and no link may sit inside another.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, reject, settings
from hypothesis import strategies as st

from bounceback.content import read_guide
from sitekit import build

TOPIC = "volunteer"
# What content may add: paragraphs and inline marks, bare; an <a> with href (and title) only;
# in a template body, a <span data-field> around each [placeholder] (bounceback.placeholders).
CONTENT_ELEMENTS = {"p", "em", "strong", "code", "a", "span"}
CONTENT_ATTRIBUTES = {"a": {"href", "title"}, "span": {"data-field"}}
MARKDOWN_LIKE = [
    "```{#__config .md-banner}", "~~~{#x .y}", "```", "~~~", "{: #id .class }", "{#__config}", "*[HTML]: Hyper",
    "[^1]", "[^1]: note", "!!! note", "??? tip", "| a | b |", "|---|---|", "--8<-- \"mkdocs.yml\"", "[TOC]",
    "&amp;", "&lt;b&gt;", "&#60;", "&#10;", "a > b && c", "`a > b && c`", "*em*", "**strong**", "_u_",
    "[a link](https://example.org/?a=1&b=2)", "[rel](../about/)", "[]( https://example.org )", "\\", "\\*",
    "# heading", "## {#__config}", "=====", "-----", "    code", "> quote", "1. one", "- item", ":   def",
    "<!-- material/tags -->", "{{ config }}", "{% raw %}", "${x}", "%TAG ! tag:x", "&anchor", "*alias", "!!set",
    "!!python/object/apply:os.system", "key: value", "? key", "- - x", "[a, b]", "{a: b}", "|", ">-", "---",
    "...", " #comment", "'", '"', "%", "@", "`", "\u00a0", "é", "日本", "👋", "\u0301",
    # whole line-start constructs, so that they often land at the start of a line
    "\n```{#__config .md-banner}\nbody\n```\n", "\n~~~{.md-banner #x}\nbody\n~~~\n", "\n```\n", "\n~~~~\n",
    "\n| a | b |\n|---|---|\n| c | d |\n", "\n!!! note\n    body\n", "\n*[HTML]: x\n", "\n[^1]: note\n",
    "\n{: #__config .md-banner }\n", "\n--8<-- \"mkdocs.yml\"\n", "\n## heading {#__config}\n", "\n<!-- x -->\n",
]
ATTACK = "intro\n```{#__config .md-banner}\nbody\n```\n\n~~~{.md-banner #x}\nmore\n"
PIECE = st.one_of(st.sampled_from(MARKDOWN_LIKE),
                  st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn")), max_size=12))
SEPARATOR = st.sampled_from([" ", "", "\n", "\n\n", " \n"])
TEXT = st.lists(st.tuples(PIECE, SEPARATOR), min_size=1, max_size=8).map(
    lambda parts: "".join(piece + sep for piece, sep in parts))

# Field -> (length limit, one line?) as in the schemas.
FIELDS = {"title": (60, True), "summary": (300, False), "why": (700, False), "step_title": (70, True),
          "detail": (400, False), "item": (80, True), "reflection": (200, True), "template_title": (60, True),
          "body": (1500, False), "stage_title": (60, True), "stage_summary": (300, False),
          "welcome": (1200, False), "when": (80, True)}


def fit(text: str, field: str) -> str:
    limit, one_line = FIELDS[field]
    if one_line:
        text = " ".join(text.split())
    text = ("x " + text).strip()[:limit].strip()
    return text


class Skeleton(HTMLParser):
    """Every element as (tag, attribute names, id, class), content's inline elements aside."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.faults, self.open_links = [], [], 0

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "a":
            if self.open_links:
                self.faults.append(f"a link inside a link: {names}")
            self.open_links += 1
        if tag in CONTENT_ELEMENTS and "id" not in names and "class" not in names and set(names) <= CONTENT_ATTRIBUTES.get(tag, set()):
            return
        self.elements.append((tag, tuple(sorted(names)), names.get("id"), names.get("class")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.open_links -= 1

    def handle_endtag(self, tag):
        if tag == "a":
            self.open_links = max(self.open_links - 1, 0)


def skeletons(site: Path) -> dict[str, Skeleton]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        parser = Skeleton()
        parser.feed(page.read_text(encoding="utf-8"))
        out[page.relative_to(site).as_posix()] = parser
    return out


def fill(project: Path, texts: dict[str, str]) -> None:
    """Put the texts into one topic, its stage, the home page and one start entry."""
    topic_file = project / "content" / "topics" / f"{TOPIC}.yml"
    data = yaml.safe_load(topic_file.read_text(encoding="utf-8"))
    data.update(title=texts["title"], summary=texts["summary"], why=texts["why"])
    data["steps"] = [{"title": texts["step_title"], "detail": texts["detail"]} for _ in range(3)]
    data["checklist"] = [dict(item, text=f"{texts['item']}"[:76] + f" {n}") for n, item in enumerate(data["checklist"])]
    data["reflection"] = [{"id": "first-question", "text": texts["reflection"]},
                          {"id": "second-question", "text": texts["reflection"] + " 2"[: 200 - len(texts["reflection"])]}]
    data["templates"] = [{"id": "any-text", "title": texts["template_title"], "body": texts["body"]}]
    topic_file.write_text(yaml.safe_dump(data, allow_unicode=True, width=10_000), encoding="utf-8")
    guide_file = project / "content" / "guide.yml"
    guide = yaml.safe_load(guide_file.read_text(encoding="utf-8"))
    guide["welcome"] = texts["welcome"]
    guide["start"][0]["when"] = texts["when"]
    stage = next(s for s in guide["stages"] if TOPIC in s["topics"])
    stage.update(title=texts["stage_title"], summary=texts["stage_summary"])
    guide_file.write_text(yaml.safe_dump(guide, allow_unicode=True, width=10_000), encoding="utf-8")


@pytest.fixture(scope="module")
def plain_site(project_copy, tmp_path_factory):
    """The site with plain words in every field the property fills."""
    project = project_copy()
    fill(project, {field: f"plain words for {field.replace('_', ' ')}" for field in FIELDS})
    site = tmp_path_factory.mktemp("plain-site")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return skeletons(site)


# No shrinking: each example is a real build, and a failure prints its whole example anyway.
@settings(max_examples=12, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate), suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.fixed_dictionaries({field: TEXT.map(lambda text, f=field: fit(text, f)) for field in FIELDS}))
@example({field: fit(ATTACK, field) for field in FIELDS})  # the fences a review found reaching MkDocs
def test_any_text_changes_no_element_attribute_id_or_class(plain_site, project_copy, tmp_path_factory, texts):
    project = project_copy()
    fill(project, texts)
    if read_guide(project / "content", project)[1]:
        reject()  # refused by `make check`: never built, so nothing to compare
    site = tmp_path_factory.mktemp("any-text-site")
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    built = skeletons(site)
    assert sorted(built) == sorted(plain_site)
    for page, skeleton in built.items():
        assert skeleton.faults == [], page
        assert skeleton.elements == plain_site[page].elements, (page, first_difference(skeleton, plain_site[page]))


def first_difference(got: Skeleton, plain: Skeleton) -> str:
    for n, (mine, theirs) in enumerate(zip(got.elements, plain.elements)):
        if mine != theirs:
            return f"element {n}: {mine} where the plain page has {theirs}"
    return f"{len(got.elements)} elements where the plain page has {len(plain.elements)}"
