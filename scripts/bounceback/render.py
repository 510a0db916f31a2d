"""The guide -> Markdown pages for the site engine. Pure: same guide in, same bytes out.

This module only works out what each page shows: which stages and topics, in what order,
and the URL of each link from the page's own folder. The pages themselves are templates
(templates/<kind>.md.jinja, with partials for the pieces several pages share; see
templating.py) and their fixed words come from strings/<language>.yml (strings.py), so
no HTML and no English is written here.

Content reaches a template only through text.py's filters, as HTML fragments of one line
that never start a line of the page, so the engine's Markdown never interprets
contributed text. Only the section headings are Markdown, so they reach the table of
contents: fixed words, or a stage title with every mark escaped and an id of ours.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .model import TRACKER_STAGES, Guide, Stage, Topic
from .safety import is_safe_url
from .strings import word
from .templating import macro, render
from .text import plain


@dataclass(frozen=True)
class Page:
    """A generated page: its path under docs/ and its Markdown."""

    path: str
    markdown: str


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def stage_path(stage_id: str) -> str:
    return f"{stage_id}/index.md"


HOME_PATH = "index.md"
PLAN_PATH = "plan.md"
APPLICATIONS_PATH = "applications.md"
WORKBOOK_PATH = "workbook.md"
TAGS_PATH = "tags.md"


def _url(path: str, depth: int) -> str:
    """Link from a page `depth` folders deep to a page's directory URL."""
    target = path.removesuffix("index.md").removesuffix(".md")
    target = target + "/" if target and not target.endswith("/") else target
    return "../" * depth + target or "./"


def _depth(path: str) -> int:
    """How many folders deep a page's URL is, with directory URLs (topics/x.md -> topics/x/)."""
    return path.count("/") + (0 if path.endswith("index.md") else 1) - (1 if path == "index.md" else 0)


@dataclass(frozen=True)
class _Links:
    """The URLs a template links to, from the folder of the page it makes."""

    depth: int

    def topic(self, topic_id: str) -> str:
        return _url(topic_path(topic_id), self.depth)

    def stage(self, stage_id: str) -> str:
        return _url(stage_path(stage_id), self.depth)

    def plan(self) -> str:
        return _url(PLAN_PATH, self.depth)

    def workbook(self) -> str:
        return _url(WORKBOOK_PATH, self.depth)

    def asset(self, name: str) -> str:
        """One of our files in docs/assets/ (a script or style only some pages load)."""
        return "../" * self.depth + "assets/" + name


def _page(template: str, path: str, title: str, description: str, tags: tuple[str, ...] = (), **data: object) -> str:
    """A page of `path` from its template: front matter from `title`, `description` and
    `tags` (Markdown marks dropped), `to` for its links, `data` for the rest."""
    return render(template, title=title, description=description, tags=tags, to=_Links(_depth(path)), **data)


def _stages(guide: Guide) -> list[tuple[Stage, list[Topic]]]:
    """Every stage with its topics, in reading order."""
    return [(stage, [guide.topics[t] for t in stage.topic_ids]) for stage in guide.stages]


def _page_tags(topic: Topic) -> tuple[str, ...]:
    """A topic's tags, plus "templates" when it has some: that shows from its data."""
    return topic.tags + (("templates",) if topic.templates and "templates" not in topic.tags else ())


def reviewed_html(day: str) -> Markup:
    """"Last reviewed 1 December 2026", with the machine-readable date; empty without a date."""
    try:
        year, month, date = (int(part) for part in day.split("-"))
        shown = word("page.reviewed_date", day=date, month=word("page.months")[month - 1], year=year)
    except (ValueError, IndexError):
        return Markup()
    return macro("reviewed_line")(day, shown)


def render_checklist(topic: Topic) -> Markup:
    """Real checkboxes whose label holds the whole item; ids let a script keep ticks."""
    return macro("checklist")(topic)


def edit_link(topic: Topic, edit_base: str) -> Markup:
    """"Suggest an edit": the topic's YAML file in the repository's web editor, e.g.
    edit_base https://github.com/OWNER/REPO/edit/main/ + content/topics/<id>.yml."""
    if not edit_base or not topic.source_path or not is_safe_url(edit_base):
        return Markup()
    return macro("edit_line")(edit_base.rstrip("/") + "/" + topic.source_path)


def render_topic(topic: Topic, guide: Guide, edit_base: str = "") -> str:
    """One topic page: summary, why, steps, checklist, reflection, templates, related."""
    return _page(
        "topic.md.jinja", topic_path(topic.id), topic.title, topic.summary, _page_tags(topic),
        topic=topic, stage=guide.stage_of(topic.id), related=[guide.topics[r] for r in topic.related if r in guide.topics],
        reviewed=reviewed_html(topic.reviewed) if topic.reviewed else "", edit=edit_link(topic, edit_base),
    )


def render_stage(stage: Stage, guide: Guide) -> str:
    return _page("stage.md.jinja", stage_path(stage.id), stage.title, stage.summary,
                 stage=stage, topics=[guide.topics[t] for t in stage.topic_ids])


def render_home(guide: Guide) -> str:
    """Meets the reader where they are: a few short lines, the ways in as large tap
    targets, then the stages with their topic titles (summaries live on the stage pages)."""
    return _page("home.md.jinja", HOME_PATH, guide.title, guide.welcome, guide=guide,
                 start=[(when, guide.topics[t]) for when, t in guide.start], stages=_stages(guide))


def help_line(guide: Guide) -> tuple[str, str] | None:
    """The help line at the foot of every page: (its words as plain text, the site path of its topic)."""
    if guide.help is None or guide.help[1] not in guide.topics:
        return None
    text, topic_id = guide.help
    return plain(text), _url(topic_path(topic_id), 0)


def render_plan(guide: Guide) -> str:
    """My plan: every stage and topic with its progress; the script fills in the numbers."""
    return _page("plan.md.jinja", PLAN_PATH, word("nav.plan"), word("page.plan.description"), stages=_stages(guide))


STAGE_WORDS = "script.apps.stages."  # the label of each tracker stage, the words applications.js shows


def render_applications(guide: Guide) -> str:
    """My applications: the reader's tracker (applications.js builds it) and, for the stages a
    no came at, links to the topic for each: written here, so every link is one of ours."""
    topics = dict(guide.tracker_stages)
    stages = [(stage, word(STAGE_WORDS + stage.replace("-", "_")), topics.get(stage)) for stage in TRACKER_STAGES]
    return _page("applications.md.jinja", APPLICATIONS_PATH, word("nav.applications"),
                 word("page.applications.description"), stages=stages)


def render_workbook(guide: Guide) -> str:
    """Every checklist and reflection question on one printable page, with room to write."""
    return _page("workbook.md.jinja", WORKBOOK_PATH, word("nav.workbook"), word("page.workbook.description"),
                 stages=_stages(guide))


def render_tags() -> str:
    return _page("tags.md.jinja", TAGS_PATH, word("nav.tags"), word("page.tags.description"))


# The pages made once for the whole guide, by path. Stage pages (<stage-id>/index.md) share
# the site's top folder with them, so `taken_names` derives from this table what a stage id
# must not be: a page added here is protected at once.
_GUIDE_PAGES = {
    HOME_PATH: render_home,
    PLAN_PATH: render_plan,
    APPLICATIONS_PATH: render_applications,
    WORKBOOK_PATH: render_workbook,
    TAGS_PATH: lambda guide: render_tags(),
}
# What MkDocs and the theme write into the site's top folder themselves.
ENGINE_NAMES = {"search": "MkDocs' search index (search/)", "404": "the page-not-found page (404.html)",
                "sitemap": "the sitemap (sitemap.xml)", "assets": "the theme's scripts and styles (assets/)"}


def top_name(path: str) -> str:
    """The name a path takes in the site's top folder: 'plan.md' -> 'plan', 'topics/x.md' -> 'topics'."""
    return path.split("/")[0].split(".")[0].lower()


def taken_names() -> dict[str, str]:
    """Top-level names of the site a stage's folder must not take -> what already uses each."""
    names = dict(ENGINE_NAMES)
    names[top_name(topic_path("x"))] = f"the folder of topic pages ({top_name(topic_path('x'))}/)"
    names.update({top_name(path): f"the generated page {path}" for path in _GUIDE_PAGES})
    return names


def render_pages(guide: Guide, edit_base: str = "") -> list[Page]:
    """Every generated page of the site; `edit_base` adds "Suggest an edit" links to topics."""
    pages = [Page(path, render(guide)) for path, render in _GUIDE_PAGES.items()]
    for stage in guide.stages:
        pages.append(Page(stage_path(stage.id), render_stage(stage, guide)))
        pages += [Page(topic_path(t), render_topic(guide.topics[t], guide, edit_base)) for t in stage.topic_ids]
    return pages


NAV_FLAT_LIMIT = 20  # a stage with up to this many topics lists them all in the nav
NAV_GROUP_SIZE = 10  # beyond that: groups of at most this many entries, nested as needed


def render_nav(guide: Guide, extra: list | None = None) -> list:
    """MkDocs nav: home, one section per stage (its overview first), then `extra` pages.

    With navigation.prune a page carries the top-level entries plus the open sections on
    its own path. A stage of up to NAV_FLAT_LIMIT topics lists them all; a bigger one lists
    them in reading order in groups of at most NAV_GROUP_SIZE, titled by their first and
    last topic (groups of groups past NAV_GROUP_SIZE groups), so that a page carries a few
    dozen links at 1,000 topics instead of a whole stage. The stage overview page, first in
    its section, still lists every topic of the stage.
    """
    nav: list = [{word("nav.home"): HOME_PATH}, {word("nav.plan"): PLAN_PATH}, {word("nav.applications"): APPLICATIONS_PATH}]
    for stage in guide.stages:
        links = [(plain(guide.topics[t].title), topic_path(t)) for t in stage.topic_ids]
        entries = _nav_links(links) if len(links) <= NAV_FLAT_LIMIT else _nav_groups(links)
        nav.append({plain(stage.title): [stage_path(stage.id)] + entries})
    return nav + [{word("nav.workbook"): WORKBOOK_PATH}, {word("nav.tags"): TAGS_PATH}] + list(extra or [])


def _nav_links(links: list[tuple[str, str]]) -> list:
    return [{title: path} for title, path in links]


def _nav_groups(links: list[tuple[str, str]]) -> list:
    """(title, path) pairs in at most NAV_GROUP_SIZE near-equal groups, each grouped again if too big."""
    if len(links) <= NAV_GROUP_SIZE:
        return _nav_links(links)
    per_group = NAV_GROUP_SIZE
    while -(-len(links) // per_group) > NAV_GROUP_SIZE:
        per_group *= NAV_GROUP_SIZE
    count = -(-len(links) // per_group)
    groups = [links[i * len(links) // count:(i + 1) * len(links) // count] for i in range(count)]
    return [{f"{_short(g[0][0])} – {_short(g[-1][0])}": _nav_groups(g)} for g in groups]


def _short(title: str, limit: int = 24) -> str:
    """A title cut at a word boundary, so that a group's range fits the sidebar."""
    if len(title) <= limit:
        return title
    cut = title[:limit + 1].rsplit(" ", 1)[0] if " " in title[:limit + 1] else title[:limit]
    return cut.rstrip(" ,;:.-") + "…"


def own_folder(path: str) -> str:
    """topics/x.md -> topics/x/index.md: the same URL, from a folder of its own."""
    return path if path == "index.md" or path.endswith("/index.md") else path.removesuffix(".md") + "/index.md"


def docs_clash(docs: Path, pages) -> str | None:
    """Why a generated page would take the place of a hand-written one in docs/, or None,
    whichever engine builds it: at its path or, as Zensical places it, at own_folder(path).
    (Left alone, MkDocs would let one of them win silently, Zensical too or stop with a
    traceback.)"""
    for page in pages:
        moved = own_folder(page.path)
        for taken in dict.fromkeys((page.path, moved, moved.removesuffix("/index.md") + ".md")):
            if (docs / taken).exists():
                return (f"generated page {page.path} would replace {docs.name}/{taken}: rename one of them "
                        "(stage ids must not match a page in docs/)")
    return None
