"""Contributed text is untrusted: find markup, images and unsafe links before rendering."""
from __future__ import annotations

import re

from .problems import shown

SAFE_SCHEMES = {"http", "https", "mailto"}

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_IMAGE = re.compile(r"!\[")
# Markdown's [text](target): the target, with one level of balanced parentheses as in "alert(1)".
_INLINE_LINK = re.compile(r"\]\(((?:[^()]|\([^()]*\))*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


_IGNORED_BY_BROWSERS = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_safe_url(url: str) -> bool:
    """http(s), mailto, or a relative link; never javascript:, data: or a protocol-relative host.

    Judged as a browser reads it (WHATWG URL parsing): tabs and newlines anywhere are
    dropped and leading control characters ignored, so `java\nscript:` is javascript:.
    """
    url = _IGNORED_BY_BROWSERS.sub("", url).strip(_C0_AND_SPACE)
    if _CONTROL.search(url):  # one regex pass: a character loop cost more than the rest of the check
        return False
    if url.startswith("\\") or (len(url) > 1 and url[0] in "/\\" and url[1] in "/\\"):
        return False
    match = _SCHEME.match(url)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def _link_target(raw: str) -> tuple[int, str]:
    """Where the target of an inline link starts in `raw`, and the target as a browser would
    read it, up to a title after a space.

    A linear, conservative reading (Python-Markdown's own link parser is quadratic on
    hostile input); text.py still checks every href it really makes."""
    stripped = raw.lstrip(_C0_AND_SPACE)
    start = len(raw) - len(stripped) + stripped.startswith("<")
    url = _IGNORED_BY_BROWSERS.sub("", stripped.removeprefix("<"))
    return start, url.split(" ")[0]


def link_targets(text: str) -> list[tuple[int, str]]:
    """(offset, target) of every link in one text field, inline and reference style, in order."""
    if "](" not in text and "]:" not in text:
        return []
    links = [(m.start(1), m.group(1)) for m in _REFERENCE.finditer(text)]
    for match in _INLINE_LINK.finditer(text):
        skipped, url = _link_target(match.group(1))
        links.append((match.start(1) + skipped, url))
    return sorted(links)


def unsafe_text(text: str) -> list[tuple[int, str, str]]:
    """(offset, message, hint) for each kind of unsafe markup in one text field, the offset
    being where in `text` it starts; [] when safe."""
    if "<" not in text and "[" not in text and "]" not in text:
        return []  # every pattern below needs one of these: most text is checked in one pass
    found = []
    tag = _HTML.search(text)
    if tag:
        snippet = text[tag.start(): tag.start() + 12].split(">")[0]
        what = "a <script> tag" if "script" in snippet.lower() else f"raw HTML ({snippet!r})"
        if re.search(r"\bon[a-z]+\s*=", text, re.IGNORECASE):
            what += " with an event-handler attribute"
        found.append((tag.start(), f"{what} is not allowed in text",
                      "Use Markdown only: *emphasis*, **strong**, [text](https://...). Write '<' as 'less than'."))
    image = _IMAGE.search(text)
    if image:
        found.append((image.start(), "images are not allowed in text",
                      "Describe it in words or link to it with [text](https://...)."))
    for offset, url in link_targets(text):
        if not is_safe_url(url):
            found.append((offset, f"link {shown(url)} is not allowed",
                          "Links must start with https://, http:// or mailto:, or be relative."))
    return found
