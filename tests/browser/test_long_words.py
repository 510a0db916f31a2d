"""A very long word (a pasted link, a compound) wraps on a phone instead of widening the page."""
import pytest

from readerkit import TOPIC
from sitekit import served_build

WORD = "overlong" * 10  # 80 letters, the longest checklist item the schema allows
TITLE_WORD = WORD[:60]  # titles are at most 60 characters
EDITS = {  # text in content/topics/ask-for-feedback.yml -> the same field holding a long word
    "title: Ask for feedback\n": f"title: {TITLE_WORD}\n",
    "summary: >-\n": f"summary: >-\n  {WORD}\n",
    "text: Send your feedback email within two working days": f"text: {WORD}",
    "title: Wait a day, then write": f"title: {TITLE_WORD}",
    "- What do you most want to know": f"- {WORD} What do you most want to know",
    "title: Ask for feedback by email": f"title: {TITLE_WORD}",
    "Subject: Thank you, and a quick request": f"Subject: {WORD}",
}
PAGES = ["", f"topics/{TOPIC}/", "learn-from-it/", "plan/", "workbook/", "tags/"]


@pytest.fixture(scope="module")
def long_word_site(project_copy, tmp_path_factory):
    project = project_copy()
    topic = project / "content" / "topics" / f"{TOPIC}.yml"
    text = topic.read_text(encoding="utf-8")
    for old, new in EDITS.items():
        assert old in text, old
        text = text.replace(old, new, 1)
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
