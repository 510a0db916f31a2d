"""Rendering is pure: a topic becomes the same Markdown every time, with safe HTML inside."""
import os
from pathlib import Path

from bounceback.content import read_guide
from bounceback.load import load_text
from bounceback.model import Guide, Stage, topic_from_data
from bounceback.render import render_checklist, render_nav, render_pages, render_topic
from bounceback.templating import environment
from bounceback.text import blocks_html, inline_html, plain, title_html
from sitekit import ROOT

GOLDEN = Path(__file__).parent / "golden"


def sample_guide() -> Guide:
    data = load_text((GOLDEN / "sample-topic.yml").read_text(encoding="utf-8"), "sample-topic.yml").data
    sample = topic_from_data(data, "content/topics/sample-topic.yml")
    other = topic_from_data({**data, "id": "other-topic", "title": "Other topic", "related": ["sample-topic"]})
    stage = Stage("first-stage", "First stage", "Start here.", ("sample-topic", "other-topic"))
    return Guide("Guide", "Welcome.", (stage,), {"sample-topic": sample, "other-topic": other})


def test_golden_topic_page():
    """The whole rendered page, compared byte for byte (UPDATE_GOLDEN=1 rewrites it)."""
    guide = sample_guide()
    rendered = render_topic(guide.topics["sample-topic"], guide)
    golden = GOLDEN / "sample-topic.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_rendering_is_deterministic():
    guide, _ = read_guide(ROOT / "content")
    first = [(p.path, p.markdown) for p in render_pages(guide)]
    for cached in (environment, blocks_html, inline_html, title_html, plain):  # no replay of the first render
        cached.cache_clear()
    again, _ = read_guide(ROOT / "content")
    assert first == [(p.path, p.markdown) for p in render_pages(again)]


def test_checklist_has_real_labelled_checkboxes():
    guide = sample_guide()
    html = render_checklist(guide.topics["sample-topic"])
    assert html.count('type="checkbox"') == 5
    assert 'data-topic="sample-topic" data-item="write-four-lines" data-previous="write-short-note"' in html
    assert "<label" in html and "Write <strong>four</strong> lines at most</span></label>" in html


def test_a_reminder_item_carries_its_days_and_its_page_the_calendar_kit():
    """data-remind on the item alone, from the validated number; calendar.js, its style and
    words only on a topic page with such an item."""
    guide = sample_guide()
    html = render_checklist(guide.topics["sample-topic"])
    assert html.count("data-remind=") == 1
    assert '<li class="bb-item" data-remind="7"><label class="bb-item__label"><input type="checkbox" class="bb-item__box" ' \
           'id="bb-sample-topic--check-for-an-answer"' in html
    page = render_topic(guide.topics["sample-topic"], guide)
    assert page.count('<script src="../../assets/calendar.js" defer></script>') == 1
    assert '<link rel="stylesheet" href="../../assets/calendar.css">' in page
    assert '"calendar.button": "Add to calendar"' in page
    real, _ = read_guide(ROOT / "content")
    for topic in real.topics.values():
        reminded = [i for i in topic.checklist if i.remind_after_days]
        assert ("calendar.js" in render_topic(topic, real)) == bool(reminded), topic.id
        assert render_checklist(topic).count("data-remind=") == len(reminded)


def test_text_is_escaped_and_links_kept_safe():
    assert inline_html("a <b>c</b> & *d*") == "a &lt;b&gt;c&lt;/b&gt; &amp; <em>d</em>"
    assert blocks_html("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>"  # no link made
    assert blocks_html("# not a heading") == "<p># not a heading</p>"
    assert "<img" not in blocks_html("![pixel](https://tracker.example/p.gif)")


def test_every_page_and_nav_entry():
    guide, _ = read_guide(ROOT / "content")
    paths = {p.path for p in render_pages(guide)}
    assert {f"topics/{t}.md" for t in guide.topics} <= paths
    assert {"index.md", "plan.md", "applications.md", "workbook.md", "tags.md"} <= paths
    nav = render_nav(guide)
    assert nav[:3] == [{"Home": "index.md"}, {"My plan": "plan.md"}, {"My applications": "applications.md"}]
    stage_titles = [next(iter(entry)) for entry in nav[3:3 + len(guide.stages)]]
    assert stage_titles == [s.title for s in guide.stages]
