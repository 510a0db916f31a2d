"""A very long word (a pasted link, a compound) wraps on a phone instead of widening the page."""
import re

import pytest

from readerkit import TOPIC
from sitekit import served_build

WORD = "overlong" * 10  # 80 letters, the longest checklist item the schema allows
TITLE_WORD = WORD[:60]  # titles are at most 60 characters
EDITS = [  # the first line of each kind in content/topics/ask-for-feedback.yml -> a long word there
    (r"(?m)^title: .*$", f"title: {TITLE_WORD}"),  # the topic's title
    (r"(?m)^summary: >-\n", f"summary: >-\n  {WORD}\n"),
    (r"(?m)^    text: .*$", f"    text: {WORD}"),  # a checklist item
    (r"(?m)^  - title: .*$", f"  - title: {TITLE_WORD}"),  # a step
    (r"(?m)^(reflection:\n  - id: [a-z0-9-]+\n    text: )", rf"\g<1>{WORD} "),  # a question
    (r"(?m)^(  - id: [a-z-]+\n)    title: .*$", rf"\g<1>    title: {TITLE_WORD}"),  # a template's title
    (r"(?m)^(    body: \|\n      )", rf"\g<1>{WORD} "),  # a template's first line
]
PAGES = ["", f"topics/{TOPIC}/", "learn-from-it/", "plan/", "workbook/", "tags/"]


@pytest.fixture(scope="module")
def long_word_site(project_copy, tmp_path_factory):
    project = project_copy()
    topic = project / "content" / "topics" / f"{TOPIC}.yml"
    text = topic.read_text(encoding="utf-8")
    for pattern, new in EDITS:
        text, found = re.subn(pattern, new, text, count=1)
        assert found == 1, pattern
    topic.write_text(text, encoding="utf-8")
    with served_build(project, tmp_path_factory.mktemp("long-words")) as server:
        yield server


@pytest.mark.parametrize("width", [375, 320])  # a small phone; 320 is WCAG 1.4.10's reflow width
@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_phone(browser, long_word_site, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(long_word_site.url + path)
    page.wait_for_load_state("networkidle")
    text = page.locator("article").inner_text()
    assert WORD in text or TITLE_WORD in text, f"{path} shows no long word, so it tests nothing"
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{path}: the page is {scroll_width} px wide"
    context.close()
