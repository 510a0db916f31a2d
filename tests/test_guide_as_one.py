"""The built guide holds together as one guide: enough topics and ways in, every page short
enough to read in three minutes, help one click away from every page, review dates and
sources shown, and "has templates" read from the data."""
from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from bounceback.content import read_guide
from sitekit import ROOT

GUIDE, _ = read_guide(ROOT / "content")
READ_CLASSES = {"bb-summary", "bb-why", "bb-steps", "bb-checklist", "bb-reflection", "bb-template"}
VOID = {"input", "br", "img", "hr", "meta", "link", "wbr", "source"}
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
SOURCED_TAGS = {t.id for t in GUIDE.tags if t.needs_sources}


class ReadText(HTMLParser):
    """The words of a topic page's own parts (title, summary, why, steps, checklist,
    questions, templates): not the menus, the links to other topics or the footer."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # > 0 inside a part being read
        self.words = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return  # no end tag follows
        classes = set((dict(attrs).get("class") or "").split())
        if self.depth or classes & READ_CLASSES or (tag == "h1"):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.words += len(WORD.findall(data))


def page(site_dir: Path, topic_id: str) -> str:
    return (site_dir / "topics" / topic_id / "index.html").read_text(encoding="utf-8")


def test_the_guide_is_big_enough_for_the_situations_readers_are_in():
    assert len(GUIDE.topics) >= 32
    assert len(GUIDE.start) >= 9
    whens = {when: topic for when, topic in GUIDE.start}
    for reader_words in ["They said I don't have enough experience", "I never heard back after an interview", "I'm not getting interviews",
                         "I need a break", "This is one rejection too many"]:
        assert reader_words in whens, reader_words
    assert whens["This is one rejection too many"] == GUIDE.help[1], "the most discouraged reader lands on help first"


def test_each_topic_page_reads_in_three_minutes(site):
    counts = {}
    for topic_id in GUIDE.topics:
        reader = ReadText()
        reader.feed(page(site.dir, topic_id))
        counts[topic_id] = reader.words
    assert all(count > 250 for count in counts.values()), counts  # the parser really found the text
    too_long = {t: c for t, c in counts.items() if c > 600}  # 200 words a minute
    assert too_long == {}


def test_help_is_one_click_from_every_page(site):
    help_page = f"topics/{GUIDE.help[1]}/index.html"
    pages = sorted(p for p in site.dir.rglob("*.html") if p.name == "index.html" or p.name == "404.html")
    assert len(pages) > len(GUIDE.topics)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = re.search(r'<aside class="bb-help-line" aria-label="Help"><p><a href="([^"]+)">([^<]+)</a>', html)
        assert found, path
        assert found.group(2) == GUIDE.help[0]
        if path.name == "404.html":
            continue  # served at any depth: its links are absolute or relative to the site
        where = posixpath.dirname(path.relative_to(site.dir).as_posix())
        target = posixpath.normpath(posixpath.join(where, found.group(1)))
        assert f"{target}/index.html" == help_page, path


def test_every_topic_shows_when_it_was_reviewed_and_its_sources(site):
    for topic in GUIDE.topics.values():
        html = page(site.dir, topic.id)
        assert re.search(rf'Last reviewed <time datetime="{topic.reviewed}">\d{{1,2}} [A-Z][a-z]+ 20\d\d</time>', html), topic.id
        if SOURCED_TAGS & set(topic.tags):
            assert topic.sources, topic.id
            assert html.count('<ul class="bb-sources">') == 1, topic.id
            assert '<ul class="bb-sources">\n<li><a href="https://' in html, topic.id


def test_the_templates_tag_comes_from_the_data(site):
    for topic in GUIDE.topics.values():
        assert "templates" not in topic.tags
        tagged = 'class="md-tag' in page(site.dir, topic.id) and ">templates<" in page(site.dir, topic.id)
        assert tagged == bool(topic.templates), topic.id


def test_help_lines_are_named_on_the_help_page(site):
    html = page(site.dir, GUIDE.help[1])
    for needed in ["988", "116 123", "findahelpline.com", "emergency number"]:
        assert needed in html, needed
