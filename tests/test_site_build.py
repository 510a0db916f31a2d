"""The real strict build, by each engine: every topic has its page, its checklist and its search entry."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from bounceback.content import read_guide
from sitekit import ROOT, search_pages

GUIDE, _ = read_guide(ROOT / "content")


class Elements(HTMLParser):
    """Collects start tags with their attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(path: Path) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


@pytest.mark.parametrize("topic_id", list(GUIDE.topics))
def test_topic_page_checklist_and_search_entry(any_site, topic_id):
    page = any_site.dir / "topics" / topic_id / "index.html"
    assert page.is_file()
    topic = GUIDE.topics[topic_id]
    boxes = [a for tag, a in elements(page) if tag == "input" and a.get("type") == "checkbox" and "data-item" in a]
    assert len(boxes) == len(topic.checklist) >= 4
    assert [b["data-item"] for b in boxes] == [i.id for i in topic.checklist]
    assert {b["data-topic"] for b in boxes} == {topic_id}
    html = page.read_text(encoding="utf-8")
    for item in topic.checklist:
        assert re.search(r"<label[^>]*>\s*<input[^>]*data-item=\"%s\"[^>]*>.*?</label>" % item.id, html, re.S)
    text = search_pages(any_site.dir).get(f"topics/{topic_id}/", "")
    assert all(item.text in text for item in topic.checklist)


def test_home_stages_plan_workbook_and_tags(any_site):
    home = (any_site.dir / "index.html").read_text(encoding="utf-8")
    for stage in GUIDE.stages:
        assert stage.title in home
        assert (any_site.dir / stage.id / "index.html").is_file()
    assert (any_site.dir / "plan" / "index.html").is_file()
    workbook = (any_site.dir / "workbook" / "index.html").read_text(encoding="utf-8")
    assert workbook.count('type="checkbox"') >= sum(len(t.checklist) for t in GUIDE.topics.values())
    tags = (any_site.dir / "tags" / "index.html").read_text(encoding="utf-8")
    assert "feedback" in tags and "topics/ask-for-feedback/" in tags
    assert 'name="description"' in home
    assert "Where are you today?" in home
    for when, topic_id in GUIDE.start:
        assert when in home and f'href="topics/{topic_id}/"' in home


def test_internal_links_resolve_and_nothing_loads_from_other_hosts(any_site):
    for page in any_site.dir.rglob("*.html"):
        base = "http://site.test/" + page.relative_to(any_site.dir).as_posix()
        for tag, attrs in elements(page):
            for name in ("href", "src"):
                url = attrs.get(name)
                if not url or url.startswith(("#", "mailto:")):
                    continue
                absolute = urlparse(urljoin(base, url))
                if absolute.netloc != "site.test":
                    assert tag == "a" or attrs.get("rel") == "canonical", f"{page}: <{tag} {name}={url}> loads from another host"
                    continue
                target = any_site.dir / absolute.path.lstrip("/")
                if absolute.path.endswith("/"):
                    target = target / "index.html"
                assert target.exists(), f"{page}: broken link {url}"


def test_every_script_file_is_deferred(any_site):
    """A script in <body> without defer counts as parser-blocking: Lighthouse then delays mobile FCP."""
    for page in any_site.dir.rglob("*.html"):
        scripts = [attrs for tag, attrs in elements(page) if tag == "script" and "src" in attrs]
        assert scripts, f"{page}: no scripts at all"
        assert all("defer" in attrs for attrs in scripts), f"{page}: {[a['src'] for a in scripts if 'defer' not in a]}"


def test_search_index_covers_every_page(any_site):
    pages = search_pages(any_site.dir)
    for topic_id, topic in GUIDE.topics.items():
        assert topic.title in pages[f"topics/{topic_id}/"]


def test_maintainer_pages_leave_the_menu_and_are_linked_from_about(any_site):
    """A reader who was just turned down meets no "Benchmarks" in the menu; About links there."""
    for page in ("", f"topics/{GUIDE.stages[0].topic_ids[0]}/", "about/"):
        menu = [a.get("href", "") for tag, a in elements(any_site.dir / page / "index.html")
                if tag == "a" and "md-nav__link" in (a.get("class") or "")]
        pages = [href for href in menu if not href.startswith("#")]  # not the table of contents
        assert pages and not [href for href in pages if "benchmarks" in href or "maintainers" in href], page
    about = [a.get("href") for tag, a in elements(any_site.dir / "about" / "index.html") if tag == "a"]
    assert "../maintainers/" in about and "../benchmarks/" in about
    for name in ("maintainers", "benchmarks"):
        assert (any_site.dir / name / "index.html").is_file()
