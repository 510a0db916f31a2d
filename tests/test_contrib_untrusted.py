"""No content string can put markup or script into a built page.

Two ways in, both checked with the same auditor: no event-handler attribute, no link a
browser would read as anything but http(s), mailto or relative, and no element or
attribute that the same page does not have with plain text (only Markdown's inline
<a>, <em>, <strong>, <code>, <p>, <br> may vary):
1. Validation bypassed: nasty strings go straight into every text field of the model and
   through the render functions, then through Markdown configured as in mkdocs.yml.
   Hypothesis adds arbitrary strings (max_examples=200, deadline=None).
2. The real path: a project copy whose topic, stage and home text are nasty strings that
   pass `bounceback check`, built with the real strict MkDocs build (`bounceback build`); the pages may hold
   only the site's own scripts, no event-handler attributes and no javascript: links.
"""
from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils import meta

from bounceback.chars import hidden
from bounceback.content import read_guide
from bounceback.model import ChecklistItem, Question, Step, Template
from bounceback.render import render_home, render_pages, render_stage, render_topic
from bounceback.safety import unsafe_text
from contribkit import run_cli
from sitekit import ROOT, build

NASTY = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>", '"><script>alert(1)</script>', "'><img src=x onerror=alert(1)>",
    "</p><script>alert(1)</script><p>", "</textarea><script>alert(1)</script>", "< script>alert(1)</script>",
    "<\nscript>alert(1)</script>", "<<script>script>alert(1)<</script>/script>", "<!-- c --><script>x</script>",
    "<![CDATA[<script>alert(1)</script>]]>", "<?php echo 1 ?>", "<style>body{display:none}</style>",
    '<iframe src="https://evil.example"></iframe>', '<a href="javascript:alert(1)">x</a>', "<a onmouseover=alert(1)>x</a>",
    '<div markdown="1">*x*</div>', "[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1) )", "[click](java\nscript:alert(1))", "[click](java\tscript:alert(1))",
    "[click](\x01javascript:alert(1))", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))", "[click](//evil.example)", "[click](/\\evil.example)", "[click](\\\\evil.example)",
    '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")', '[x](https://ok.example "t" onmouseover="alert(1)")',
    "[x][1]\n\n[1]: javascript:alert(1)", "![img](https://evil.example/x.png)", "![img](javascript:alert(1))",
    "<https://evil.example>", "<javascript:alert(1)>", "https://evil.example/?<script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;", "[x](java&#115;cript:alert(1))", "[x](javascript&colon;alert(1))",
    "[x](&#106;avascript:alert(1))", "\\<script>alert(1)\\</script>", "`<script>alert(1)</script>`",
    '{: onclick="alert(1)" }', "text {: onclick=alert(1) }", '{#id .class onclick="alert(1)"}',
    '*x*{: onclick="alert(1)"}', '[x](https://ok.example){: onclick="alert(1)"}', "## x {: onclick='alert(1)' }",
    "{{ config }}", "{% raw %}", "${alert(1)}", "\u2028<script>", "\x00<script>", "\ufeff<script>",
    "&", "&amp;", '"', "'", "\\", 'x" onclick="alert(1)', "x' onclick='alert(1)", "# Heading", "---",
    "    indented <script>", "> quote", "1. list", "- item", "a\n\n<script>alert(1)</script>",
    "*emphasis* **strong** `code` [ok](https://ok.example/a?b=1&c=2)", "[rel](../volunteer/) [mail](mailto:a@b.example)",
    "x\" onfocus=\"alert(1)\" autofocus=\"", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
    # line-start syntax of MkDocs' Markdown and its common extensions: fences run before raw HTML is set aside
    "```{#__config .md-banner}\nx\n```", "~~~{#__config .md-banner}\nx\n~~~", "a\n```\n", "a\n~~~~\nb",
    "intro\n~~~{#__config .md-banner}\nbody\n~~~", "intro\n```{#__config .md-banner}\nbody\n```\nend",
    "```\n</code></pre><h1 id=x>", "a\r```{#__config}\r", "a\r\n~~~{#x}\r\nb", "\n```python\nprint(1)\n```\n",
    "*[HTML]: Hyper Text", "see [^1]\n\n[^1]: a footnote", "!!! note \"Title\"\n    body", "??? tip\n    body",
    "| a | b |\n|---|---|\n| c | d |", "a | b\n--|--\nc | d", "--8<-- \"mkdocs.yml\"", ";--8<-- \"x\"",
    "Term\n:   definition", "{: .md-banner #__config }", "[TOC]", "<!-- material/tags -->", "&#10;```{#x}",
    "a\u2028```{#x}\u2028b", "a\x85```", "a\x0c```", "    ```", "\t```{#x}", "\\```{#x}",
    "`a > b && c`", "&amp; &lt;b&gt; &#60; &copy;", "a\n\n## {#__config}", "a\n=====", "a\n-----",
]

INLINE = {"p", "a", "strong", "em", "code", "br"}  # what inline Markdown in content may produce
INLINE_ATTRIBUTES = {"href", "title", "class", "id"}
EDIT_BASE = "https://github.com/example/bounceback/edit/main/"


def browser_url(url: str) -> str:
    """A link as a browser reads it: tabs and newlines dropped, leading controls ignored."""
    return re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(0x21)))).lower()


def bad_link(url: str) -> bool:
    url = browser_url(url)
    scheme = re.match(r"([a-z][a-z0-9+.\-]*):", url)
    return (scheme is not None and scheme.group(1) not in {"http", "https", "mailto"}) or url[:2] in {"//", "/\\", "\\\\", "\\/"}


class Audit(HTMLParser):
    """Elements (with their attribute names), event handlers and bad links of some HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.structure, self.faults = Counter(), []

    def handle_starttag(self, tag, attrs):
        names = tuple(sorted(name for name, _ in attrs))
        if tag == "span" and names == ("data-field",):
            return  # a template's [placeholder], marked for fillin.js (bounceback.placeholders)
        if tag in INLINE:
            self.faults += [f"attribute {n}= on <{tag}>" for n in names if n not in INLINE_ATTRIBUTES]
        else:
            self.structure[(tag, names)] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.faults.append(f"event handler {name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction", "srcdoc") and bad_link(value or ""):
                self.faults.append(f"link {value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def audited(html: str) -> Audit:
    parser = Audit()
    parser.feed(html)
    parser.close()
    return parser


def audit(html: str, allowed: set | None = None) -> list[str]:
    """Faults of some HTML; with `allowed`, also any element kind outside it."""
    found = audited(html)
    extra = [f"element {kind}" for kind in found.structure if allowed is not None and kind not in allowed]
    return found.faults + extra


def markdown_like_mkdocs():
    """Python-Markdown with exactly the extensions and options mkdocs.yml configures."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


MD = markdown_like_mkdocs()
GUIDE, _ = read_guide(ROOT / "content", ROOT)


def page_html(page_markdown: str) -> tuple[str, dict]:
    body, front = meta.get_data(page_markdown)
    MD.reset()
    return MD.convert(body), front


def page_faults(page_markdown: str, plain_markdown: str) -> list[str]:
    """Faults of a page, and elements it has that the same page with plain text has not."""
    html, front = page_html(page_markdown)
    faults = [f"front matter {key} is not one line of text: {value!r}" for key, value in front.items()
              if not isinstance(value, (str, list)) or (isinstance(value, str) and "\n" in value)]
    found, plain = audited(html), audited(page_html(plain_markdown)[0])
    if found.structure != plain.structure:
        faults.append(f"elements differ from the plain page: {(found.structure - plain.structure) or 'fewer'}")
    return faults + found.faults


def guide_with(text: str):
    """The real guide with one topic, its stage and the home text made entirely of `text`."""
    topic = next(iter(GUIDE.topics.values()))
    stage = GUIDE.stage_of(topic.id)
    nasty_topic = dataclasses.replace(
        topic, title=text, summary=text, why=text,
        steps=tuple(Step(text, text) for _ in topic.steps),
        checklist=tuple(ChecklistItem(i.id, text, i.previous_ids) for i in topic.checklist),
        reflection=(Question("first-question", text), Question("second-question", text)), templates=(Template("nasty", text, text),),
    )
    nasty_stage = dataclasses.replace(stage, title=text, summary=text)
    topics = {**GUIDE.topics, topic.id: nasty_topic}
    stages = tuple(nasty_stage if s.id == stage.id else s for s in GUIDE.stages)
    return dataclasses.replace(GUIDE, title=text, welcome=text, stages=stages, topics=topics), nasty_topic, nasty_stage


PLAIN_GUIDE, PLAIN_TOPIC, PLAIN_STAGE = guide_with("plain words")
PLAIN_PAGES = {page.path: page.markdown for page in render_pages(PLAIN_GUIDE, edit_base=EDIT_BASE)}


@pytest.mark.parametrize("text", NASTY, ids=[f"nasty{i}" for i in range(len(NASTY))])
def test_render_functions_make_no_markup_from_any_nasty_string(text):
    guide, _, _ = guide_with(text)
    pages = render_pages(guide, edit_base=EDIT_BASE)
    assert [p.path for p in pages] == list(PLAIN_PAGES)
    for page in pages:
        assert page_faults(page.markdown, PLAIN_PAGES[page.path]) == [], page.path


@settings(max_examples=200, deadline=None)
@given(st.text() | st.lists(st.sampled_from(NASTY) | st.text(max_size=8), max_size=6).map("".join))
def test_render_functions_make_no_markup_from_any_string(text):
    guide, topic, stage = guide_with(text)
    pairs = [(render_topic(topic, guide, EDIT_BASE), render_topic(PLAIN_TOPIC, PLAIN_GUIDE, EDIT_BASE)),
             (render_stage(stage, guide), render_stage(PLAIN_STAGE, PLAIN_GUIDE)),
             (render_home(guide), render_home(PLAIN_GUIDE))]
    for page_markdown, plain_markdown in pairs:
        assert page_faults(page_markdown, plain_markdown) == []


# ---- the real path: strings that pass validation, through a strict MkDocs build ----

LIMITS = {"title": 60, "summary": 300, "why": 700, "step_title": 70, "detail": 400, "item": 80,
          "reflection": 200, "template_title": 60, "body": 1500, "stage_title": 60, "stage_summary": 300}
ONE_LINE = {"title", "step_title", "item", "reflection", "template_title", "stage_title"}


def passing(text: str) -> bool:
    return text.strip() != "" and not unsafe_text(text) and not hidden(text) and "TODO" not in text


SAFE_NASTY = [s for s in NASTY if passing(s)]


def filler(kind: str, start: int) -> str:
    """Nasty strings that pass validation, joined up to the field's length limit."""
    pool = [s for s in SAFE_NASTY if kind not in ONE_LINE or "\n" not in s]
    out = ""
    for i in range(len(pool)):
        piece = pool[(start + i) % len(pool)]
        if len(out) + len(piece) + 1 > LIMITS[kind]:
            continue
        out = f"{out} {piece}" if out else piece
    return out if out.strip(" -#>*&\"'\\") else f"x {out}"


def nasty_topic(data: dict) -> dict:
    data = dict(data, title=filler("title", 0), summary=filler("summary", 1), why=filler("why", 2))
    data["steps"] = [{"title": filler("step_title", 3 + n), "detail": filler("detail", 4 + n)} for n in range(3)]
    data["checklist"] = [dict(item, text=filler("item", 5 + n)) for n, item in enumerate(data["checklist"])]
    data["reflection"] = [{"id": "first-question", "text": filler("reflection", 6)},
                          {"id": "second-question", "text": filler("reflection", 7)}]
    data["templates"] = [{"id": "nasty", "title": filler("template_title", 8), "body": filler("body", 9)}]
    return data


@pytest.fixture(scope="module")
def built_pair(project_copy, tmp_path_factory):
    """(baseline site, site built from nasty but valid content, the nasty topic's id)."""
    baseline = project_copy()
    base_site = tmp_path_factory.mktemp("baseline-site")
    assert build(baseline, base_site).returncode == 0

    project = project_copy()
    topic_id = "volunteer"
    topic_file = project / "content" / "topics" / f"{topic_id}.yml"
    data = yaml.safe_load(topic_file.read_text(encoding="utf-8"))
    topic_file.write_text(yaml.safe_dump(nasty_topic(data), allow_unicode=True, width=10_000), encoding="utf-8")
    guide_file = project / "content" / "guide.yml"
    guide = yaml.safe_load(guide_file.read_text(encoding="utf-8"))
    guide["welcome"] = filler("stage_summary", 10)
    stage = next(s for s in guide["stages"] if topic_id in s["topics"])
    stage.update(title=filler("stage_title", 11), summary=filler("stage_summary", 12))
    guide_file.write_text(yaml.safe_dump(guide, allow_unicode=True, width=10_000), encoding="utf-8")

    check = run_cli("check", cwd=project, timeout=120)
    assert check.returncode == 0, "the nasty strings must pass validation:\n" + check.stdout
    site_dir = tmp_path_factory.mktemp("nasty-site")
    result = build(project, site_dir, site_url="http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr
    return base_site, site_dir, topic_id


class Scripts(HTMLParser):
    """Every <script> (its src or its code), every on*= attribute and every link of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.handlers, self.links, self._in_script = [], [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [f"<{tag} {name}=>" for name in attrs if name.startswith("on")]
        self.links += [attrs[name] or "" for name in ("href", "src", "action", "formaction") if name in attrs]
        if tag == "script":
            self._in_script = attrs.get("src") or ""

    def handle_data(self, data):
        if self._in_script == "":
            self._in_script = "inline:" + data

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append(self._in_script)
            self._in_script = None


def scan(path: Path) -> Scripts:
    parser = Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, "Material's article element not found"
    return match.group(1)


def test_valid_nasty_content_builds_without_any_markup_of_its_own(built_pair):
    base_site, site_dir, topic_id = built_pair
    site_scripts = {s for page in base_site.rglob("*.html") for s in scan(page).scripts}
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        found = scan(page)
        assert set(found.scripts) <= site_scripts, f"{page}: a script the site does not have"
        assert found.handlers == [], f"{page}: event-handler attributes {found.handlers}"
        assert not [link for link in found.links if bad_link(link)], page
    allowed = {kind for page in base_site.rglob("*.html") if "md-content__inner" in page.read_text(encoding="utf-8")
               for kind in audited(article(page.read_text(encoding="utf-8"))).structure}
    for rel in (f"topics/{topic_id}/index.html", "index.html", "plan/index.html", "workbook/index.html"):
        html = (site_dir / rel).read_text(encoding="utf-8")
        assert audit(article(html), allowed) == [], rel
        assert html.lower().count("<script") == (base_site / rel).read_text(encoding="utf-8").lower().count("<script")
    nasty_page = (site_dir / f"topics/{topic_id}/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in nasty_page or "&amp;lt;script" in nasty_page  # the text is there, as text


def test_search_index_holds_nasty_text_only_as_text(built_pair):
    _, site_dir, topic_id = built_pair
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    mine = [d for d in docs if d["location"].startswith(f"topics/{topic_id}/")]
    assert mine
    allowed = {("code", ()), ("pre", ()), ("ul", ()), ("ol", ()), ("li", ())}
    for doc in docs:
        assert audit(doc["title"], allowed) == []
        assert audit(doc["text"], allowed) == [], doc["location"]
