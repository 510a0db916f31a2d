"""Texts handed to the theme's templates, escaped exactly once.

Material's templates print titles, descriptions, nav entries and config texts into HTML,
some as they are and some through `| e`, in MkDocs (whose Jinja has no autoescape) and in
Zensical alike (its templates print page titles and descriptions as they are). So every
text either engine gets from us is HTML-escaped here, once: a quote or `&` in content can
neither break a tag or attribute nor be escaped twice where a template escapes again
(MkDocs' Jinja skips Markup; Zensical is given plain strings that are already escaped, and
overrides-zensical/ drops the `| e` of the one template that escaped page titles again).
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .strings import word
from .text import attr

CONFIG_TEXTS = ("site_name", "site_description", "site_author", "copyright")
META_TEXTS = ("title", "description")


def as_markup(text):
    """Plain text -> escaped Markup; Markup stays as it is (never escaped twice)."""
    return text if isinstance(text, Markup) or not isinstance(text, str) else escape(text)


def map_nav(nav, title=lambda text: text, path=lambda target: target):
    """A nav (MkDocs' nested list of {title: path or nav}) with each title and each path
    passed through `title` and `path`: one walk for every change an engine needs."""
    if isinstance(nav, list):
        return [map_nav(entry, title, path) for entry in nav]
    if isinstance(nav, dict):
        return {title(name): map_nav(target, title, path) for name, target in nav.items()}
    return path(nav)


def escaped_nav(nav, escaped=as_markup):
    """A nav with every title escaped once by `escaped` (its paths untouched)."""
    return map_nav(nav, title=escaped)


def escaped_text(text):
    """Text escaped once as a plain str, for an engine that reads our texts from files
    (Zensical): named entities (`&quot;`, not `&#34;`) and the apostrophe left as it is
    (its templates quote every attribute with `"`)."""
    return attr(text) if isinstance(text, str) else text


def help_extra(line: tuple[str, str] | None, escaped=as_markup) -> dict | None:
    """The help line (render.help_line) as overrides/main.html reads it from config.extra:
    its words and its name, escaped by `escaped`, and its link."""
    if line is None:
        return None
    return {"text": escaped(line[0]), "label": escaped(word("page.help")), "url": line[1]}
