"""Our own scripts and styles get an address that changes with their content.

Material names its files by their content (bundle.a5f9d56c.min.js); ours keep their names
(store.js), so a page could meet an older copy of one of them: from the browser's cache
right after a deploy, or from the offline copy of an earlier build. Each reference a
built page makes to one of our files gets `?v=` and the first characters of the file's
hash, so a page only ever loads the very files it was built with, and the service worker
(offline.py) can keep any such address unchanged until the next build. `mkdocs serve`
keeps the plain names.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

_REFERENCE = re.compile(r'(\s(?:src|href)=")([^"#?:]+)(")')
_ROOT = "http://site/"


def file_version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def stamped(html: str, page: str, versions: dict[str, str]) -> str:
    """`html` of the page at site path `page` with each relative reference to a file of
    `versions` (site path -> version) followed by `?v=<version>`."""
    def stamp(match: re.Match) -> str:
        target = urlsplit(urljoin(_ROOT + page, match.group(2))).path.lstrip("/")
        version = versions.get(target)
        return match.group(0) if version is None else f"{match.group(1)}{match.group(2)}?v={version}{match.group(3)}"

    return _REFERENCE.sub(stamp, html)


def rewrite_pages(site_dir: Path, change) -> None:
    """Each HTML page of a built site through `change(html, site path)`, written back only if changed."""
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        done = change(html, path.relative_to(site_dir).as_posix())
        if done != html:
            path.write_text(done, encoding="utf-8")


def stamp_own_assets(sources: Path, site_dir: Path) -> dict[str, str]:
    """Stamp, in every page of a built site, the references to the files docs/assets/
    (`sources`) holds; returns site path -> version of each file stamped."""
    versions = {f"assets/{source.name}": file_version(site_dir / "assets" / source.name)
                for source in sorted(sources.glob("*")) if source.is_file() and (site_dir / "assets" / source.name).is_file()}
    rewrite_pages(site_dir, lambda html, page: stamped(html, page, versions))
    return versions
