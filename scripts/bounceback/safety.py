"""Contributed text is untrusted: find markup, images and unsafe links before rendering."""
from __future__ import annotations

import re

SAFE_SCHEMES = {"http", "https", "mailto"}

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_IMAGE = re.compile(r"!\[")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def is_safe_url(url: str) -> bool:
    """http(s), mailto, or a relative link; never javascript:, data: or a protocol-relative host."""
    url = url.strip()
    if url.startswith("//") or url.startswith("\\"):
        return False
    match = _SCHEME.match(url)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def unsafe_text(text: str) -> list[tuple[str, str]]:
    """(message, hint) for each kind of unsafe markup in one text field; [] when safe."""
    found = []
    tag = _HTML.search(text)
    if tag:
        snippet = text[tag.start(): tag.start() + 12].split(">")[0]
        what = "a <script> tag" if "script" in snippet.lower() else f"raw HTML ({snippet!r})"
        if re.search(r"\bon[a-z]+\s*=", text, re.IGNORECASE):
            what += " with an event-handler attribute"
        found.append((f"{what} is not allowed in text",
                      "Use Markdown only: *emphasis*, **strong**, [text](https://...). Write '<' as 'less than'."))
    if _IMAGE.search(text):
        found.append(("images are not allowed in text", "Describe it in words or link to it with [text](https://...)."))
    for url in _INLINE_LINK.findall(text) + _REFERENCE.findall(text):
        if not is_safe_url(url):
            found.append((f"link {url[:40]!r} is not allowed",
                          "Links must start with https://, http:// or mailto:, or be relative."))
    return found
