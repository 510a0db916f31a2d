"""Zensical, the second engine: `make build ENGINE=zensical` publishes the same guide, with
the nav in our order, nothing written into docs/, and the last good site kept on failure.
(Both engines' pages, links, checklists and search index: test_site_build.py; in the
browser: ticks, search, policy and axe, with the `any_site` and `zensical_site` fixtures.)"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

from bounceback.content import read_guide
from bounceback.render import own_folder
from bounceback.zensical_site import escaped_front_matter
from contribkit import run_make, tree_digest
from sitekit import ROOT

GUIDE, _ = read_guide(ROOT / "content")


class PrimaryNav(HTMLParser):
    """The href of every link in the site's primary (sidebar) nav, in page order."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and (self._depth or "md-nav--primary" in (attrs.get("class") or "")):
            self._depth += 1
        elif tag == "a" and self._depth and attrs.get("href"):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self._depth:
            self._depth -= 1


def nav_paths(site, page: str) -> list[str]:
    """The site paths the primary nav of `page` (a site folder such as "topics/x/") links to, in order."""
    parser = PrimaryNav()
    parser.feed((site.dir / page / "index.html").read_text(encoding="utf-8"))
    return [urlparse(urljoin(f"http://site.test/{page}", href)).path.strip("/") for href in parser.hrefs]


def in_order(paths: list[str], wanted: list[str]) -> list[str]:
    """The entries of `wanted` in the order the nav first links to them."""
    return [path for path in dict.fromkeys(paths) if path in wanted]


def test_nav_keeps_our_order(any_site):
    stages = [stage.id for stage in GUIDE.stages]
    assert in_order(nav_paths(any_site, ""), stages) == stages
    for stage in GUIDE.stages:
        topics = [f"topics/{t}" for t in stage.topic_ids]
        assert in_order(nav_paths(any_site, f"{topics[0]}/"), topics) == topics, stage.id


def test_pages_move_to_folders_of_their_own():
    assert own_folder("topics/x.md") == "topics/x/index.md"
    assert own_folder("plan.md") == "plan/index.md"
    assert own_folder("index.md") == "index.md" and own_folder("get-better/index.md") == "get-better/index.md"


def test_front_matter_texts_are_escaped_once():
    page = '---\ntitle: "Tom & Jerry\'s \\"q\\": 1"\ndescription: "a < b\\n---"\ntags: ["x", "y&z"]\n---\n<h1>Tom &amp; J</h1>\n'
    assert escaped_front_matter(page) == ('---\ntitle: "Tom &amp; Jerry\'s &quot;q&quot;: 1"\ndescription: "a &lt; b\\n---"\n'
                                          'tags: ["x", "y&amp;z"]\n---\n<h1>Tom &amp; J</h1>\n')


@pytest.fixture(scope="module")
def zensical_project(project_copy):
    project = project_copy()
    docs_before = tree_digest(project / "docs")
    result = run_make("build", "ENGINE=zensical", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, docs_before


def test_make_build_engine_zensical_writes_nothing_into_docs(zensical_project):
    project, docs_before = zensical_project
    assert (project / "site" / "index.html").is_file()
    assert 'content="zensical-' in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert tree_digest(project / "docs") == docs_before
    generated = project / ".zensical" / "docs"
    assert (generated / "topics" / GUIDE.stages[0].topic_ids[0] / "index.md").is_file()


def test_a_generated_page_never_replaces_a_hand_written_one(zensical_project):
    project, _ = zensical_project
    before = tree_digest(project / "site")
    (project / "docs" / "tags.md").write_text("# My own tags page\n", encoding="utf-8")
    try:
        result = run_make("build", "ENGINE=zensical", cwd=project)
    finally:
        (project / "docs" / "tags.md").unlink()
    assert result.returncode != 0
    assert "generated page tags.md would replace docs/tags.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before


def test_failed_zensical_build_keeps_the_last_good_site(zensical_project):
    project, _ = zensical_project
    before = tree_digest(project / "site")
    topic = project / "content" / "topics" / f"{GUIDE.stages[0].topic_ids[0]}.yml"
    good = topic.read_text(encoding="utf-8")
    topic.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    try:
        result = run_make("build", "ENGINE=zensical", cwd=project)
    finally:
        topic.write_text(good, encoding="utf-8")
    assert result.returncode != 0
    assert re.search(rf"content/topics/{topic.stem}\.yml:\d+:\d+: error: ", result.stdout + result.stderr)
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "site") == before
