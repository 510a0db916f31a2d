"""Content-Security-Policy for built pages, as a <meta> tag (a static host sets no headers).

Scripts, styles, images, fonts and connections come from the site itself only. Inline
scripts (Material's storage helpers, palette and tab restorers) run because their sha256
hashes are listed, never through 'unsafe-inline', so a script added to a page after the
build (by another script, say) would not run; content cannot add one at all (text.py).
The hashes are taken from the finished HTML, so a changed script gets a new hash at the
next build.
"""
from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script[\s/>]", re.S | re.I)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.I)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?([^"'\s>]*)""", re.I)
# The start of <head>, and Material's <meta charset> right after it: the charset must stay
# within the first bytes, and the policy must come before any script or style it governs.
_HEAD_START = re.compile(r"<head\b[^>]*>(?:\s*<meta\s+charset[^>]*>)?", re.I)
# 'self' for everything; data: images are the icons inside Material's CSS. No frame-ancestors
# or report-uri: a <meta> policy ignores both.
_OTHERS = ("img-src 'self' data:", "font-src 'self'",
           "connect-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'",
           "form-action 'self'")


def _runs_as_script(attrs: str) -> bool:
    """Inline and JavaScript: a type of application/json (Material's __config) is data, not code."""
    if _SRC.search(attrs):
        return False
    kind = _TYPE.search(attrs)
    value = kind.group(1).lower() if kind else ""
    return value in ("", "module") or "javascript" in value or "ecmascript" in value


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, as it hashes it (CRLF read as LF)."""
    return [m.group(2).replace("\r\n", "\n") for m in _SCRIPT.finditer(html) if _runs_as_script(m.group(1))]


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    """The page's policy: the fixed directives and a script-src of 'self' plus its inline scripts' hashes."""
    return site_policy([html])


def site_policy(pages: list[str], style_hashes: tuple[str, ...] = ()) -> str:
    """One policy that fits every page given: a script-src of 'self' plus the hashes of all
    their inline scripts, and a style-src of 'self' plus `style_hashes` (styles a theme's
    own script inserts, which the finished HTML does not show)."""
    hashes = sorted({script_hash(text) for html in pages for text in inline_scripts(html)})
    return "; ".join(("default-src 'self'", " ".join(["script-src 'self'", *hashes]),
                      " ".join(["style-src 'self'", *style_hashes]), *_OTHERS))


def with_policy(html: str, chosen: str | None = None) -> str:
    """The page with its policy (`chosen`, else its own) as the first tag after <head> (and
    <meta charset>); no <head>: unchanged."""
    head = _HEAD_START.search(html)
    if head is None:
        return html
    tag = f'\n<meta http-equiv="Content-Security-Policy" content="{chosen or policy(html)}">'
    return html[:head.end()] + tag + html[head.end():]
