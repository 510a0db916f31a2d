"""The guide -> Markdown pages for MkDocs. Pure: same guide in, same bytes out.

Everything that comes from content is turned into HTML here (see text.py) and placed
in raw HTML blocks, one line per fragment and never at the start of a line, so the
engine's Markdown never interprets contributed text. Only the section headings are
Markdown, so they reach the table of contents: fixed words, or a stage title with every
mark escaped and an id of ours.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import dataclass

from .model import Guide, Stage, Topic
from .safety import is_safe_url
from .text import attr, blocks_html, heading, inline_html, plain, preformatted, title_html


@dataclass(frozen=True)
class Page:
    """A generated page: its path under docs/ and its Markdown."""

    path: str
    markdown: str


def topic_path(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def stage_path(stage_id: str) -> str:
    return f"{stage_id}/index.md"


def _url(path: str, depth: int) -> str:
    """Link from a page `depth` folders deep to a page's directory URL."""
    target = path.removesuffix("index.md").removesuffix(".md")
    target = target + "/" if target and not target.endswith("/") else target
    return "../" * depth + target or "./"


def _depth(path: str) -> int:
    """How many folders deep a page's URL is, with directory URLs (topics/x.md -> topics/x/)."""
    return path.count("/") + (0 if path.endswith("index.md") else 1) - (1 if path == "index.md" else 0)


_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def yaml_string(text: str) -> str:
    """A double-quoted YAML string that reads back as `text` (MkDocs reads front matter
    with PyYAML). json.dumps alone is not enough: PyYAML cannot join the surrogate pairs
    json uses for an emoji, and it drops the whole front matter when that fails."""
    text = text.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate becomes '?'
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def _front_matter(title: str, description: str, tags: tuple[str, ...] = ()) -> str:
    """Title and description as plain text: the engine adapter escapes what it puts in markup."""
    lines = ["---", f"title: {yaml_string(plain(title))}", f"description: {yaml_string(plain(description))}"]
    if tags:
        lines.append(f"tags: {json.dumps(list(tags))}")
    return "\n".join(lines + ["---", ""])


def _page_tags(topic: Topic) -> tuple[str, ...]:
    """A topic's tags, plus "templates" when it has some: that shows from its data."""
    return topic.tags + (("templates",) if topic.templates and "templates" not in topic.tags else ())


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def reviewed_html(day: str) -> str:
    """"Last reviewed 1 December 2026", with the machine-readable date; '' without a date."""
    try:
        year, month, date = (int(part) for part in day.split("-"))
        shown_day = f"{date} {_MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return ""
    return f'<p class="bb-reviewed">Last reviewed <time datetime="{attr(day)}">{shown_day}</time>.</p>\n'


def _topic_link(topic: Topic, depth: int) -> str:
    return f'<a href="{_url(topic_path(topic.id), depth)}">{title_html(topic.title)}</a>'


@lru_cache(maxsize=4096)
def render_checklist(topic: Topic) -> str:
    """Real checkboxes whose label holds the whole item; ids let a script keep ticks.

    Cached: the topic page and the workbook both show every checklist."""
    items = []
    for item in topic.checklist:
        previous = f' data-previous="{attr(" ".join(item.previous_ids))}"' if item.previous_ids else ""
        items.append(
            f'<li class="bb-item"><label class="bb-item__label">'
            f'<input type="checkbox" class="bb-item__box" id="{attr(f"bb-{topic.id}--{item.id}")}" '
            f'data-topic="{attr(topic.id)}" data-item="{attr(item.id)}"{previous}> '
            f'<span class="bb-item__text">{inline_html(item.text)}</span></label></li>'
        )
    return (
        f'<div class="bb-checklist" {_item_data(topic)}>\n'
        f'<ul class="bb-checklist__items">\n' + "\n".join(items) + "\n</ul>\n</div>\n"
    )


def edit_link(topic: Topic, edit_base: str) -> str:
    """"Suggest an edit": the topic's YAML file in the repository's web editor, e.g.
    edit_base https://github.com/OWNER/REPO/edit/main/ + content/topics/<id>.yml."""
    if not edit_base or not topic.source_path or not is_safe_url(edit_base):
        return ""
    href = edit_base.rstrip("/") + "/" + topic.source_path
    return f'<p class="bb-edit"><a href="{attr(href)}">Suggest an edit</a> to this topic (opens its file on GitHub).</p>\n'


def render_topic(topic: Topic, guide: Guide, edit_base: str = "") -> str:
    """One topic page: summary, why, steps, checklist, reflection, templates, related."""
    depth = _depth(topic_path(topic.id))
    stage = guide.stage_of(topic.id)
    steps = "\n".join(
        f'<li><p class="bb-step__title"><strong>{title_html(s.title)}</strong></p>\n{blocks_html(s.detail)}</li>'
        for s in topic.steps
    )
    parts = [
        _front_matter(topic.title, topic.summary, _page_tags(topic)),
        f'<p class="bb-stage"><a href="{_url(stage_path(stage.id), depth)}">{title_html(stage.title)}</a></p>\n',
        f"<h1>{title_html(topic.title)}</h1>\n",
        f'<div class="bb-summary">\n{blocks_html(topic.summary)}\n</div>\n',
        "## Why it matters\n",
        f'<div class="bb-why">\n{blocks_html(topic.why)}\n</div>\n',
        "## Steps\n",
        f'<ol class="bb-steps">\n{steps}\n</ol>\n',
        "## Checklist\n",
        render_checklist(topic),
        "## Reflect\n",
        '<ul class="bb-reflection">\n'
        + "\n".join(f"<li>{inline_html(q)}</li>" for q in topic.reflection)
        + "\n</ul>\n",
    ]
    if topic.templates:
        parts.append("## Templates\n")
        for t in topic.templates:
            parts.append(
                f'<div class="bb-template" id="template-{attr(t.id)}">\n'
                f'<h3 class="bb-template__title">{title_html(t.title)}</h3>\n'
                f'<pre class="bb-template__body"><code>{preformatted(t.body.rstrip())}</code></pre>\n</div>\n'
            )
    related = [guide.topics[r] for r in topic.related if r in guide.topics]
    if related:
        parts.append("## Where next\n")
        parts.append(
            '<ul class="bb-related">\n'
            + "\n".join(f"<li>{_topic_link(r, depth)}: {inline_html(r.summary)}</li>" for r in related)
            + "\n</ul>\n"
        )
    if topic.sources:
        parts.append("## Sources\n")
        parts.append('<ul class="bb-sources">\n' + "\n".join(f"<li>{inline_html(s)}</li>" for s in topic.sources) + "\n</ul>\n")
    if topic.reviewed:
        parts.append(reviewed_html(topic.reviewed))
    if edit_base:
        parts.append(edit_link(topic, edit_base))
    return "\n".join(parts)


def _stage_list(stage: Stage, guide: Guide, depth: int) -> str:
    rows = "\n".join(
        f"<li>{_topic_link(guide.topics[t], depth)}: {inline_html(guide.topics[t].summary)}</li>" for t in stage.topic_ids
    )
    return f'<ul class="bb-topics">\n{rows}\n</ul>\n'


def render_stage(stage: Stage, guide: Guide) -> str:
    depth = _depth(stage_path(stage.id))
    return "\n".join([
        _front_matter(stage.title, stage.summary),
        f"<h1>{title_html(stage.title)}</h1>\n",
        f'<div class="bb-summary">\n{blocks_html(stage.summary)}\n</div>\n',
        _stage_list(stage, guide, depth),
    ])


def render_home(guide: Guide) -> str:
    """Meets the reader where they are: a few short lines, the ways in as large tap
    targets, then the stages with their topic titles (summaries live on the stage pages)."""
    parts = [
        _front_matter(guide.title, guide.welcome),
        f"<h1>{title_html(guide.title)}</h1>\n",
        f'<div class="bb-welcome">\n{blocks_html(guide.welcome)}\n</div>\n',
    ]
    if guide.start:
        rows = "\n".join(
            f'<li><a class="bb-start__link" href="{_url(topic_path(topic_id), 0)}">'
            f'<span class="bb-start__when">{title_html(when)}</span> '
            f'<span class="bb-start__topic">{title_html(guide.topics[topic_id].title)}</span></a></li>'
            for when, topic_id in guide.start
        )
        parts += ["## Where are you today?\n", f'<ul class="bb-start">\n{rows}\n</ul>\n']
    parts.append(
        f'<p class="bb-private">Your ticks stay in this browser: see <a href="{_url(PLAN_PATH, 0)}">My plan</a>, '
        f'or print the <a href="{_url(WORKBOOK_PATH, 0)}">workbook</a> to work on paper.</p>\n'
    )
    parts.append("## The path, stage by stage\n")
    for number, stage in enumerate(guide.stages, 1):
        titles = "\n".join(f"<li>{_topic_link(guide.topics[t], 0)}</li>" for t in stage.topic_ids)
        parts.append(
            f'<section class="bb-stage-card" aria-labelledby="stage-{attr(stage.id)}">\n'
            f'<h3 id="stage-{attr(stage.id)}">{number}. <a href="{_url(stage_path(stage.id), 0)}">{title_html(stage.title)}</a></h3>\n'
            f'{blocks_html(stage.summary)}\n<ul class="bb-stage-card__topics">\n{titles}\n</ul>\n</section>\n'
        )
    return "\n".join(parts)


def help_line(guide: Guide) -> tuple[str, str] | None:
    """The help line at the foot of every page: (its words as plain text, the site path of its topic)."""
    if guide.help is None or guide.help[1] not in guide.topics:
        return None
    text, topic_id = guide.help
    return plain(text), _url(topic_path(topic_id), 0)


def _stage_heading(stage: Stage) -> str:
    """A stage's Markdown heading (for the table of contents) with an id of ours, never
    one made from its title (and the stage id for text when the title has no words)."""
    return f"## {heading(stage.title) if plain(stage.title).strip() else stage.id} {{#stage-{stage.id}}}\n"


HOME_PATH = "index.md"
PLAN_PATH = "plan.md"
WORKBOOK_PATH = "workbook.md"
TAGS_PATH = "tags.md"


def _item_data(topic: Topic) -> str:
    """Data attributes that let the script count a topic's progress on any page."""
    ids = " ".join(i.id for i in topic.checklist)
    previous = " ".join(f"{old}>{i.id}" for i in topic.checklist for old in i.previous_ids)
    return f'data-topic="{attr(topic.id)}" data-items="{attr(ids)}"' + (f' data-previous="{attr(previous)}"' if previous else "")


def _item_texts(topic: Topic) -> str:
    """Item texts in an inert <template>, so "one thing today" can name the next item
    without the page fetching anything."""
    items = "".join(f'<li data-item="{attr(i.id)}">{inline_html(i.text)}</li>' for i in topic.checklist)
    return f'<template class="bb-plan__items">{items}</template>'


def render_plan(guide: Guide) -> str:
    """My plan: every stage and topic with its progress; the script fills in the numbers."""
    depth = _depth(PLAN_PATH)
    parts = [
        _front_matter("My plan", "Your progress through every stage of the guide, and one thing to do today."),
        "<h1>My plan</h1>\n",
        '<p class="bb-private">Your ticks are saved in this browser only. Nothing is sent anywhere.</p>\n',
        '<div class="bb-today" data-bb-today hidden></div>\n',
        '<noscript><p>Turn on JavaScript to see your progress here. Every checklist still works on paper: '
        f'print the <a href="{_url(WORKBOOK_PATH, depth)}">workbook</a>.</p></noscript>\n',
    ]
    for stage in guide.stages:
        parts.append(_stage_heading(stage))
        rows = "\n".join(
            f'<li class="bb-plan__topic" {_item_data(guide.topics[t])}>{_topic_link(guide.topics[t], depth)} '
            f'<span class="bb-plan__progress" data-bb-progress></span>{_item_texts(guide.topics[t])}</li>'
            for t in stage.topic_ids
        )
        parts.append(f'<ul class="bb-plan" data-stage="{attr(stage.id)}">\n{rows}\n</ul>\n')
    parts.append("## Keep or move your progress\n")
    parts.append('<div class="bb-tools" data-bb-tools><p>Export, import and reset need JavaScript.</p></div>\n')
    return "\n".join(parts)


def render_workbook(guide: Guide) -> str:
    """Every checklist and reflection question on one printable page, with room to write."""
    parts = [
        _front_matter("Workbook", "Every checklist and reflection question of the guide, ready to print and fill in."),
        "<h1>Workbook</h1>\n",
        '<p class="bb-private">Print this page to work on paper. Ticks you made on this site appear here too; '
        "choose a blank copy when you print if you prefer.</p>\n",
    ]
    for stage in guide.stages:
        parts.append(_stage_heading(stage))
        for topic_id in stage.topic_ids:
            topic = guide.topics[topic_id]
            questions = "\n".join(
                f'<li><p>{inline_html(q)}</p><div class="bb-write" aria-hidden="true"></div></li>' for q in topic.reflection
            )
            parts.append(
                f'<section class="bb-workbook__topic" aria-labelledby="wb-{attr(topic.id)}">\n'
                f'<h3 id="wb-{attr(topic.id)}">{_topic_link(topic, _depth(WORKBOOK_PATH))}</h3>\n'
                f"{render_checklist(topic)}"
                f'<p class="bb-workbook__label">Reflect</p>\n<ol class="bb-reflection">\n{questions}\n</ol>\n</section>\n'
            )
    return "\n".join(parts)


def render_tags() -> str:
    return _front_matter("Topics by tag", "Every topic of the guide, grouped by tag.") + "# Topics by tag\n\n<!-- material/tags -->\n"


# The pages made once for the whole guide, by path. Stage pages (<stage-id>/index.md) share
# the site's top folder with them, so `taken_names` derives from this table what a stage id
# must not be: a page added here is protected at once.
_GUIDE_PAGES = {
    HOME_PATH: render_home,
    PLAN_PATH: render_plan,
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
    nav: list = [{"Home": HOME_PATH}, {"My plan": PLAN_PATH}]
    for stage in guide.stages:
        links = [(plain(guide.topics[t].title), topic_path(t)) for t in stage.topic_ids]
        entries = _nav_links(links) if len(links) <= NAV_FLAT_LIMIT else _nav_groups(links)
        nav.append({plain(stage.title): [stage_path(stage.id)] + entries})
    return nav + [{"Workbook": WORKBOOK_PATH}, {"Topics by tag": TAGS_PATH}] + list(extra or [])


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
