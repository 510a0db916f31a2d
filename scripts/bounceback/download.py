""""Download the guide": a zip of the whole guide that works opened from disk (file://).

The copy is a second build of the same sources with what needs a web server turned off:
instant navigation (it fetches the next page, which a page opened from disk may not),
search (its worker cannot start from disk; the menu and the home page lead everywhere)
and the offline layer (a service worker needs a web address). On disk a link to a folder
(topics/x/) opens a file listing, so every link to a page's folder in the copy's pages
is made a link to the page's file (topics/x/index.html), whichever engine built it.
Pages, checklists, notes and printing work as online; nothing asks any host.

The zip holds one folder, so unzipping it gives bounce-back/index.html. Its entries are
sorted and dated SOURCE_DATE_EPOCH, so two builds of the same files give the same zip.
"""
from __future__ import annotations

import os
import re
import time
import zipfile
from pathlib import Path

from .offline import reader_files
from .stamp import rewrite_pages

FOLDER = "download"
_SEARCH = "search"
_INSTANT = "navigation.instant"
# The search index, which Zensical writes even with its search turned off: the copy has no search.
_NO_SEARCH = re.compile(r"^search(?:\.json$|/)")


def zip_name(site_name: str) -> str:
    """bounce-back.zip for "Bounce Back"."""
    return (re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "guide") + ".zip"


def copy_changes(config: dict) -> dict:
    """The config keys (of mkdocs.yml, !ENV read) that differ for the copy, with their new values."""
    theme = dict(config.get("theme") or {})
    theme["features"] = [f for f in theme.get("features", []) if not f.startswith(_INSTANT)]
    plugins = [p for p in (config.get("plugins") or []) if (p if isinstance(p, str) else next(iter(p), "")) != _SEARCH]
    return {"theme": theme, "plugins": plugins}


# A relative link (no scheme, no leading /) whose path is a folder: "", ".", "..", or ends in /.
_FOLDER_LINK = re.compile(r'(\shref=")((?![a-z][a-z0-9+.-]*:|/)[^"?#]*)([?#][^"]*)?"', re.I)


def _to_file(match: re.Match) -> str:
    path = match.group(2)
    if path in ("", ".", "..") or path.endswith("/"):
        path = (path + "/" if path in (".", "..") else path) + "index.html"
        if match.group(2) == "" and (match.group(3) or "").startswith("#"):
            path = ""  # a link within the page stays one
    return f'{match.group(1)}{path}{match.group(3) or ""}"'


def file_links(html: str) -> str:
    """`html` with each relative link to a folder made a link to its index.html."""
    return _FOLDER_LINK.sub(_to_file, html)


def make_openable(copy_dir: Path) -> None:
    """Every page of the copy in `copy_dir` linking to files, not folders (file_links)."""
    rewrite_pages(copy_dir, lambda html, page: file_links(html))


def _stamp() -> tuple[int, int, int, int, int, int]:
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0), 315532800)  # zip dates start in 1980
    return time.gmtime(epoch)[:6]


def write_zip(copy_dir: Path, target: Path, folder: str) -> int:
    """Every file a reader needs from the copy in `copy_dir`, in `folder`/ inside the zip
    at `target`; returns the zip's size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    when = _stamp()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in (p for p in reader_files(copy_dir) if not _NO_SEARCH.match(p)):
            entry = zipfile.ZipInfo(f"{folder}/{path}", date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3  # Unix, whatever system builds it: the same bytes everywhere
            archive.writestr(entry, (copy_dir / path).read_bytes(), compresslevel=9)
    return target.stat().st_size
